# SPDX-License-Identifier: MIT
"""Supersets in the editor: Ctrl+G joins an exercise to the one above (bracketed, labelled A1, A2), stored on the
entries; Enter on a set moves the keys to the next exercise of the group; Ctrl+Z takes the grouping back."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SetRecord
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.ui.main_window import MainWindow
from tests.ui.helpers import press, screenshots, type_text, wait_active

Key = Qt.Key
Mod = Qt.KeyboardModifier


def seed(db_path: Path, names: tuple[str, ...]) -> int:
    open_database(db_path)
    found = [exercises.find_exercise(n) for n in names]
    entries = tuple(Entry(exercise=e, sets=(SetRecord(load_kg=60, reps=10),)) for e in found if e is not None)
    session, _ = repo.add_session(Session(start=datetime(2026, 11, 2, 18), title="Pull and push", entries=entries))
    close_database()
    assert session.id is not None
    return session.id


def groups(session_id: int) -> list[int | None]:
    return [e.superset for e in repo.get_session(session_id).entries]


def test_ctrl_g_groups_and_enter_alternates_between_the_exercises(qtbot: QtBot, db_path: Path, open_window) -> None:
    session_id = seed(db_path, ("Bench Press", "Barbell Row", "Dumbbell Curl"))
    window: MainWindow = open_window(db_path)
    wait_active(qtbot, window)
    bench, row, curl = window.editor.blocks
    row.table.go_to(0)
    press(qtbot, Key.Key_G, Mod.ControlModifier)
    qtbot.waitUntil(lambda: groups(session_id)[0] is not None)
    first, second, third = groups(session_id)
    assert first == second and third is None
    bench, row, curl = window.editor.blocks
    assert (bench.group.text(), row.group.text(), curl.group.isVisible()) == ("A1", "A2", False)
    assert row.superset.isChecked() and not bench.superset.isChecked()

    bench.table.go_to(1)  # the + row: 60 × 10 again
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: len(repo.get_session(session_id).entries[0].sets) == 2)
    qtbot.waitUntil(lambda: row.table.hasFocus())
    assert row.table.currentIndex().row() == 1  # its + row
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: len(repo.get_session(session_id).entries[1].sets) == 2)
    qtbot.waitUntil(lambda: bench.table.hasFocus())  # round done: back to the first of the group
    assert bench.table.currentIndex().row() == 2
    screenshots(window, "superset-editor")

    curl.table.go_to(0)
    press(qtbot, Key.Key_G, Mod.ControlModifier)  # a circuit of three
    qtbot.waitUntil(lambda: len(set(groups(session_id))) == 1)
    assert [b.group.text() for b in window.editor.blocks] == ["A1", "A2", "A3"]
    press(qtbot, Key.Key_Z, Mod.ControlModifier)
    qtbot.waitUntil(lambda: groups(session_id)[2] is None)
    assert groups(session_id)[0] == groups(session_id)[1] is not None


def test_ctrl_g_keeps_what_is_typed_in_the_plus_row(qtbot: QtBot, db_path: Path, open_window) -> None:
    """Grouping rebuilds the exercise tables: a value typed in the + row but not stored stays in its cell, still only
    typed (nothing half-typed is stored), and the cell it was typed in is open again for more."""
    session_id = seed(db_path, ("Bench Press", "Barbell Row"))
    window: MainWindow = open_window(db_path)
    wait_active(qtbot, window)
    _bench, row = window.editor.blocks
    row.table.go_to(1)  # the + row's load
    type_text(qtbot, "72.5")
    press(qtbot, Key.Key_Tab)  # into the reps: the load is typed, the set not stored
    type_text(qtbot, "8")  # the reps still in their editor
    press(qtbot, Key.Key_G, Mod.ControlModifier)
    qtbot.waitUntil(lambda: groups(session_id)[1] is not None)
    _bench, row = window.editor.blocks
    assert len(repo.get_session(session_id).entries[1].sets) == 1  # nothing stored
    model = row.model
    qtbot.waitUntil(lambda: row.table.state() == row.table.State.EditingState)
    assert row.table.currentIndex() == model.index(1, model.column_of("reps"))
    assert model.typed_keys(1) == frozenset({"load"})
    assert model.data(model.index(1, model.column_of("load"))) == "72.5"
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "8"
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: len(repo.get_session(session_id).entries[1].sets) == 2)
    stored = repo.get_session(session_id).entries[1].sets[1]
    assert (stored.load_kg, stored.reps) == (72.5, 8)
