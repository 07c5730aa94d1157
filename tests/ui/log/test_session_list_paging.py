# SPDX-License-Identifier: MIT
"""The session list reads a page of sessions at a time as it is scrolled; a search, or a session asked for by id,
reads what it needs, and edits keep working on sessions beyond the first page."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SessionSummary, SetRecord
from journal.domain.units import Unit
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.changes import Change
from journal.storage.database import close_database, open_database
from journal.storage.models import db
from journal.storage.queries import list_sessions
from journal.ui import undo
from journal.ui.log.session_list import SessionListModel
from journal.ui.main_window import MainWindow

PAGE = 5
COUNT = 12


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SessionListModel, "PAGE", PAGE)


def add_sessions(count: int = COUNT) -> list[int]:
    """Sessions on consecutive days, titled "Day 0" (oldest) to "Day 11" (newest); ids oldest first."""
    bench = exercises.find_exercise("Bench Press")
    assert bench is not None
    return [
        repo.add_session(
            Session(
                start=datetime(2026, 1, 1, 18) + timedelta(days=day),
                title=f"Day {day}",
                entries=(Entry(exercise=bench, sets=(SetRecord(load_kg=50 + day, reps=5),)),),
            )
        )[0].id
        for day in range(count)
    ]


def test_pages_come_newest_first_and_make_the_whole_list(database: Path, qtmodeltester: object) -> None:
    add_sessions()
    model = SessionListModel(Unit.KG)
    model.reload()
    assert model.rowCount() == PAGE and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE
    model.fetchMore()
    assert model.rowCount() == COUNT and not model.canFetchMore()
    model.fetchMore()  # nothing more to read
    assert [row.id for row in model.rows] == [row.id for row in list_sessions()]
    assert [row.title for row in model.rows][:2] == ["Day 11", "Day 10"]
    model.reload()
    qtmodeltester.check(model)  # type: ignore[attr-defined]  (it fetches the rest, as a view would)
    assert model.rowCount() == COUNT


def test_a_page_is_read_after_a_given_row_in_list_order(database: Path) -> None:
    ids = add_sessions()
    whole = list_sessions()
    assert [r.id for r in list_sessions(limit=3)] == [r.id for r in whole[:3]]
    assert [r.id for r in list_sessions(after=whole[3], limit=4)] == [r.id for r in whole[4:8]]
    assert [r.id for r in list_sessions(after=whole[3])] == [r.id for r in whole[4:]]
    assert list_sessions(after=whole[-1], limit=4) == []
    same_start = repo.add_session(Session(start=whole[5].start, title="Twin"))[0].id  # ties go by id
    again = list_sessions()
    assert [r.id for r in list_sessions(after=again[5], limit=2)] == [r.id for r in again[6:8]]
    assert same_start in {r.id for r in again} and ids[0] == again[-1].id


def test_pages_follow_the_start_as_stored_whatever_its_form(database: Path) -> None:
    """A file written by another program may hold starts as 2026-01-03T18:00 or with .000000: pages still come in
    list order, each session once."""
    add_sessions()
    db.execute_sql("UPDATE session SET start = replace(start, ' ', 'T') WHERE id % 3 = 0")
    db.execute_sql("UPDATE session SET start = start || '.000000' WHERE id % 3 = 1")
    whole = list_sessions()
    pages: list[SessionSummary] = []
    for _ in range(len(whole)):  # at most this many pages
        page = list_sessions(after=pages[-1] if pages else None, limit=2)
        if not page:
            break
        pages += page
    assert [r.id for r in pages] == [r.id for r in whole]


def test_find_reads_until_the_session_and_knows_a_missing_one(database: Path) -> None:
    ids = add_sessions()
    model = SessionListModel(Unit.KG)
    model.reload()
    assert model.find(ids[8]) == 3  # on the first page: nothing more read
    assert model.rowCount() == PAGE
    assert model.find(ids[0]) == COUNT - 1
    assert model.rowCount() == COUNT
    model.reload()
    assert model.find(10_000) == -1 and model.rowCount() == PAGE  # no such session: nothing read


MANY = 80  # more than the view shows: the oldest are not read when the window opens


def open_paged(db_path: Path, open_window: object) -> tuple[MainWindow, list[int]]:
    open_database(db_path)
    ids = add_sessions(MANY)
    close_database()
    window: MainWindow = open_window(db_path)  # type: ignore[operator]
    assert window.sessions.model.row_of(ids[0]) == -1  # not read yet
    return window, ids


def test_scrolling_to_the_end_reads_the_next_page(qtbot: QtBot, db_path: Path, open_window: object) -> None:
    window, _ = open_paged(db_path, open_window)
    view, model = window.sessions.view, window.sessions.model
    shown = model.rowCount()
    assert PAGE <= shown < MANY  # the pages that fill the view, no more
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > shown, timeout=3000)


def test_a_search_looks_through_every_session(qtbot: QtBot, db_path: Path, open_window: object) -> None:
    window, ids = open_paged(db_path, open_window)
    window.sessions.search.setText("Day 0")
    proxy = window.sessions.proxy
    qtbot.waitUntil(lambda: [proxy.index(row, 1).data().split("\n")[0] for row in range(proxy.rowCount())] == ["Day 0"])
    window.sessions.select(ids[0])
    assert window.sessions.selected_id() == ids[0]


def test_an_old_session_can_be_opened_edited_deleted_and_brought_back(
    qtbot: QtBot, db_path: Path, open_window: object
) -> None:
    window, ids = open_paged(db_path, open_window)
    sessions = window.sessions
    sessions.select(ids[0])  # beyond the first page
    assert sessions.selected_id() == ids[0]
    qtbot.waitUntil(lambda: window.editor.session is not None and window.editor.session.id == ids[0], timeout=3000)
    window.service.push(undo.EditSession(window.service, ids[0], {"title": "Day 0"}, {"title": "Oldest"}, "Rename"))
    assert sessions.model.index(sessions.model.row_of(ids[0]), 1).data().split("\n")[0] == "Oldest"
    window.service.push(undo.DeleteSession(window.service, ids[0]))
    assert sessions.model.find(ids[0]) == -1
    window.service.undo_stack.undo()  # the session comes back, beyond the first page, and is shown again
    qtbot.waitUntil(lambda: sessions.selected_id() == ids[0], timeout=3000)
    assert sessions.model.index(sessions.model.row_of(ids[0]), 1).data().split("\n")[0] == "Oldest"
    window.service.undo_stack.undo()  # the rename, of a session the list may not have read yet
    assert sessions.model.index(sessions.model.find(ids[0]), 1).data().split("\n")[0] == "Day 0"


def test_a_search_keeps_its_old_matches_when_the_list_is_read_again(
    qtbot: QtBot, db_path: Path, open_window: object
) -> None:
    window, ids = open_paged(db_path, open_window)
    window.sessions.search.setText("Day 0")
    window.service.publish(Change(everything=True))  # an import, a file switch: the list is read again
    proxy = window.sessions.proxy
    qtbot.waitUntil(lambda: [proxy.index(row, 1).data().split("\n")[0] for row in range(proxy.rowCount())] == ["Day 0"])


def test_an_edit_of_a_session_not_read_yet_leaves_the_selection_alone(
    qtbot: QtBot, db_path: Path, open_window: object
) -> None:
    window, ids = open_paged(db_path, open_window)
    sessions = window.sessions
    sessions.select(ids[-1])
    window.service.push(undo.EditSession(window.service, ids[0], {"title": "Day 0"}, {"title": "Oldest"}, "Rename"))
    window.service.undo_stack.undo()
    qtbot.wait(50)
    assert sessions.selected_id() == ids[-1]
    assert sessions.model.index(sessions.model.find(ids[0]), 1).data().split("\n")[0] == "Day 0"
