# SPDX-License-Identifier: MIT
"""Undo everywhere: an import is undone by removing exactly the sessions it added; a whole session deleted comes
back with its ids (and what was still being typed); routines come back with theirs; and an undo or redo whose write
fails leaves the journal and the stack consistent."""

from __future__ import annotations

import csv
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SetRecord
from journal.domain.routines import Routine, RoutineItem
from journal.io import ImportOptions, parse_file
from journal.storage import repository as repo
from journal.storage.exercises import find_exercise
from journal.storage.importing import import_sessions, propose
from journal.storage.models import db
from journal.storage.routines import get_routine, list_routines
from journal.ui import undo
from journal.ui.importing.import_dialog import ImportDialog
from journal.ui.main_window import MainWindow
from journal.ui.service import JournalService
from tests.reliability.support import SAMPLES, make_journal
from tests.ui.helpers import type_text

HEVY = SAMPLES / "hevy" / "hevy-kg.csv"
STRONG = SAMPLES / "strong" / "strong-semicolon-units.csv"


def _hevy_workouts() -> int:
    """The workouts in the Hevy sample, by a plain reading: distinct (start, title)."""
    with HEVY.open(newline="", encoding="utf-8") as handle:
        return len({(row["start_time"], row["title"]) for row in csv.DictReader(handle)})


def _everything() -> dict[int, Session]:
    return {session.id: session for session in repo.iter_sessions()}  # type: ignore[misc]


@pytest.fixture
def service(qapp: object, db_path: Path) -> JournalService:
    make_journal(db_path, years=0.2)
    opened = JournalService(db_path)
    yield opened
    opened.close()


def test_undoing_an_import_from_the_window_removes_exactly_what_it_added(
    qtbot: QtBot, db_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_journal(db_path, years=0.2)
    window: MainWindow = open_window(db_path)
    before = _everything()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(HEVY), ""))
    window.import_action.trigger()
    (dialog,) = [d for d in window.findChildren(ImportDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=20000)
    with qtbot.waitSignal(dialog.imported, timeout=30000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    result = imported.args[0]
    after = _everything()
    workouts = _hevy_workouts()
    assert set(after) - set(before) == set(result.session_ids) and len(result.session_ids) == workouts > 1
    window.service.undo_stack.undo()
    assert _everything() == before  # every other session exactly as it was, ids and all
    window.service.undo_stack.redo()
    assert len(_everything()) == len(before) + workouts
    window.service.undo_stack.undo()
    assert _everything() == before


def test_undoing_an_import_leaves_the_sessions_it_skipped_as_duplicates(service: JournalService) -> None:
    """The first import brings in half a file; the second the whole file, skipping the half already there. Undoing
    the second removes only the other half."""
    parsed = parse_file(STRONG, "strong", ImportOptions())
    half = parsed.sessions[: len(parsed.sessions) // 2]
    choices = {p.name: (p.exercise.id if p.exercise else None) for p in propose(parsed.exercise_names())}
    first = import_sessions(half, choices, service.path)
    service.push(undo.ImportSessions(service, first, "Import half"))
    after_first = _everything()
    second = import_sessions(parsed.sessions, choices, service.path)
    assert second.duplicates == len(half) and second.sessions == len(parsed.sessions) - len(half)
    service.push(undo.ImportSessions(service, second, "Import all"))
    service.undo_stack.undo()
    assert _everything() == after_first
    service.undo_stack.undo()
    assert not set(first.session_ids) & set(_everything())


def test_a_deleted_session_comes_back_with_its_ids_and_what_was_being_typed(
    qtbot: QtBot, db_path: Path, open_window
) -> None:
    make_journal(db_path, years=0.2)
    window: MainWindow = open_window(db_path)
    session_id = window.sessions.selected_id()
    assert session_id is not None
    window.editor.title.setFocus()
    window.editor.title.selectAll()
    type_text(qtbot, "Typed, not yet left")  # still in the field: saved by the delete's flush
    window.delete_action.trigger()
    with pytest.raises(repo.NotFound):
        repo.get_session(session_id)
    window.service.undo_stack.undo()
    restored = repo.get_session(session_id)
    assert restored.title == "Typed, not yet left"
    window.service.undo_stack.undo()  # the title edit, made just before the delete
    original = repo.get_session(session_id)
    assert [e.id for e in original.entries] == [e.id for e in restored.entries]
    assert [s.id for e in original.entries for s in e.sets] == [s.id for e in restored.entries for s in e.sets]
    assert all(s.id is not None for e in restored.entries for s in e.sets)


def _routine(name: str = "Upper A") -> Routine:
    bench, row = find_exercise("Bench Press"), find_exercise("Barbell Row")
    assert bench is not None and row is not None
    return Routine(
        name=name,
        notes="heavy",
        items=(RoutineItem(exercise=bench, sets=3, reps_low=5, reps_high=5), RoutineItem(exercise=row, load_kg=70.0)),
    )


def test_routines_created_edited_and_deleted_come_back_with_their_ids(service: JournalService) -> None:
    stack = service.undo_stack
    created = undo.EditRoutine(service, None, _routine(), "New routine")
    service.push(created)
    (routine,) = list_routines()
    assert routine.id is not None and all(item.id is not None for item in routine.items)
    edited = Routine(**{**routine.__dict__, "name": "Upper B", "items": routine.items[:1]})
    service.push(undo.EditRoutine(service, routine, edited, "Edit routine"))
    assert get_routine(routine.id).name == "Upper B"
    service.push(undo.EditRoutine(service, get_routine(routine.id), None, "Delete routine"))
    assert list_routines() == []
    stack.undo()
    assert get_routine(routine.id).name == "Upper B"
    stack.undo()
    assert get_routine(routine.id) == routine  # the items back, with their ids
    stack.undo()
    assert list_routines() == []
    stack.redo()
    stack.redo()
    stack.redo()
    assert list_routines() == []
    stack.undo()
    assert get_routine(routine.id).name == "Upper B"


def test_undoing_a_routine_delete_gives_its_sessions_their_routine_back(service: JournalService) -> None:
    service.push(undo.EditRoutine(service, None, _routine(), "New routine"))
    (routine,) = list_routines()
    session, _ = repo.add_session(Session(start=datetime(2026, 4, 1, 18), title=routine.name, routine_id=routine.id))
    service.push(undo.EditRoutine(service, routine, None, "Delete routine"))
    service.undo_stack.undo()
    assert repo.get_session(session.id).routine_id == routine.id  # type: ignore[arg-type]


# ---- an undo or redo whose write fails --------------------------------------------------------------------------


def test_an_edit_that_cannot_be_written_is_dropped_and_told(service: JournalService) -> None:
    """A full disk (max_page_count): the command is made obsolete, not pushed; nothing of it is in the file."""
    failures: list[str] = []
    service.failed.connect(failures.append)
    before, count = _everything(), service.undo_stack.count()
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages}")
    bench = find_exercise("Bench Press")
    assert bench is not None
    big = Session(
        start=datetime(2026, 6, 1, 7),
        title="t" * 100_000,
        entries=(
            Entry(exercise=bench, sets=tuple(SetRecord(load_kg=80, reps=8, note="n" * 3000) for _ in range(100))),
        ),
    )
    service.push(undo.AddSession(service, big))
    assert len(failures) == 1 and "could not be saved" in failures[0]
    assert service.undo_stack.count() == count
    assert _everything() == before


def test_an_undo_that_cannot_be_written_leaves_the_set_and_a_consistent_stack(
    service: JournalService, db_path: Path
) -> None:
    """Another program holds a write transaction while the lifter presses Ctrl+Z."""
    failures: list[str] = []
    service.failed.connect(failures.append)
    session_id = next(iter(_everything()))
    entry = repo.get_session(session_id).entries[0]
    command = undo.AddSet(service, entry.id, SetRecord(load_kg=42.5, reps=9))  # type: ignore[arg-type]
    service.push(command)
    added = command.record.id
    db.execute_sql("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        service.undo_stack.undo()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(failures) == 1 and "could not be saved" in failures[0]
    assert repo.get_session(session_id).entries[0].sets[-1].id == added  # the set is still there
    assert service.undo_stack.index() == service.undo_stack.count()  # nothing left pointing at a half-undone edit
    service.undo_stack.undo()  # whatever is on the stack still undoes cleanly
    service.push(undo.AddSet(service, entry.id, SetRecord(load_kg=50, reps=5)))  # type: ignore[arg-type]
    assert repo.get_session(session_id).entries[0].sets[-1].load_kg == 50
