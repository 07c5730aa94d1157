# SPDX-License-Identifier: MIT
"""Finding a session as people write a month, and reading the list without cut titles."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SetRecord
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.ui.log import session_list
from journal.ui.main_window import MainWindow
from tests.ui.helpers import click, press, type_text

STARTS = {
    "Upper A": datetime(2025, 3, 14, 18),
    "Lower B": datetime(2025, 1, 9, 7),
    "Full body A, heavy week": datetime(2025, 11, 3, 12),
    "Pull": datetime(2024, 3, 2, 9),
}


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, open_window) -> MainWindow:
    open_database(db_path)
    bench, squat = exercises.find_exercise("Bench Press"), exercises.find_exercise("Back Squat")
    assert bench is not None and squat is not None
    for title, start in STARTS.items():
        entries = (
            Entry(exercise=bench, sets=(SetRecord(load_kg=100, reps=5),)),
            Entry(exercise=squat, sets=(SetRecord(load_kg=140, reps=3),)),
        )
        repo.add_session(Session(start=start, title=title, entries=entries))
    close_database()
    shown: MainWindow = open_window(db_path)
    return shown


def titles_shown(window: MainWindow) -> set[str]:
    proxy = window.sessions.proxy
    return {proxy.index(row, 1).data().split("\n")[0] for row in range(proxy.rowCount())}


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("2025-03", {"Upper A"}),
        ("Mar 2025", {"Upper A"}),
        ("march 2025", {"Upper A"}),
        ("3/2025", {"Upper A"}),
        ("03/2025", {"Upper A"}),
        ("1/2025", {"Lower B"}),  # January, not November
        ("11/2025", {"Full body A, heavy week"}),
        ("march", {"Upper A", "Pull"}),
        ("squat 2024", {"Pull"}),
        ("heavy full", {"Full body A, heavy week"}),
    ],
)
def test_search_finds_a_month_as_people_write_it(qtbot: QtBot, window: MainWindow, typed: str, found: set[str]) -> None:
    click(qtbot, window.sessions.search)
    type_text(qtbot, typed)
    qtbot.waitUntil(lambda: titles_shown(window) == found)  # once the typing pauses
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: titles_shown(window) == set(STARTS))


def test_titles_and_first_exercises_show_whole(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: window.width() == 1600)
    view = window.sessions.view
    row = next(r for r in range(view.model().rowCount()) if view.model().index(r, 1).data().startswith("Full"))
    index = view.model().index(row, 1)
    assert index.data() == "Full body A, heavy week\nBench Press, Back Squat"
    metrics = view.fontMetrics()
    needed = max(metrics.horizontalAdvance(line) for line in index.data().split("\n"))
    assert view.columnWidth(1) >= needed + 8, f"title column {view.columnWidth(1)} px for {needed} px of text"
    assert view.rowHeight(row) >= 2 * metrics.lineSpacing()


def test_at_1024_pixels_a_title_keeps_a_dozen_letters(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    view = window.sessions.view
    assert view.columnWidth(1) >= view.fontMetrics().horizontalAdvance("Full body A,")


def test_each_sessions_search_text_is_made_once_however_many_letters_are_typed(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []
    original = session_list.search_text
    monkeypatch.setattr(session_list, "search_text", lambda summary: made.append(summary.title) or original(summary))
    click(qtbot, window.sessions.search)
    type_text(qtbot, "upper a")
    qtbot.waitUntil(lambda: titles_shown(window) == {"Upper A"})
    assert sorted(made) == sorted(STARTS)


def test_a_word_typed_is_searched_once_the_typing_pauses_not_at_every_letter(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    searched: list[str] = []
    original = session_list.search_words
    monkeypatch.setattr(session_list, "search_words", lambda text: searched.append(text) or original(text))
    # the pause made long enough that a machine busy with other work cannot stretch the gap between two typed
    # letters past it: the test is of the rule (one search when the typing pauses), not of the machine's speed
    window.sessions._typing.setInterval(2000)
    click(qtbot, window.sessions.search)
    type_text(qtbot, "upper a")  # letter by letter, each quicker than the pause
    qtbot.waitUntil(lambda: titles_shown(window) == {"Upper A"}, timeout=10_000)
    assert searched == ["upper a"]


def test_the_search_index_ready_while_still_typing_searches_nothing_until_the_typing_pauses(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    searched: list[str] = []
    original = session_list.search_words
    monkeypatch.setattr(session_list, "search_words", lambda text: searched.append(text) or original(text))
    held = threading.Event()
    read = session_list.read_search_index
    monkeypatch.setattr(session_list, "read_search_index", lambda: held.wait(10) and read())
    window.sessions._typing.setInterval(3000)
    click(qtbot, window.sessions.search)  # the index is made in the background from here, held until...
    type_text(qtbot, "upp")
    held.set()  # ...the lifter is typing
    qtbot.waitUntil(lambda: window.sessions._index is not None, timeout=10_000)  # made before the pause ends
    type_text(qtbot, "er a")
    qtbot.waitUntil(lambda: titles_shown(window) == {"Upper A"}, timeout=10_000)
    assert searched == ["upper a"]
