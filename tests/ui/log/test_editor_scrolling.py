# SPDX-License-Identifier: MIT
"""In a long session the page follows the keyboard: the cell being typed and any refusal stay in view."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SetRecord
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.ui.main_window import MainWindow
from tests.ui.helpers import focused, press, type_text

Key = Qt.Key
Ctrl = Qt.KeyboardModifier.ControlModifier


def long_session(path: Path) -> int:
    open_database(path)
    entries = []
    for name in ("Bench Press", "Back Squat", "Deadlift", "Overhead Press"):
        exercise = exercises.find_exercise(name)
        assert exercise is not None
        entries.append(Entry(exercise=exercise, sets=tuple(SetRecord(load_kg=60 + i, reps=8) for i in range(6))))
    session, _ = repo.add_session(Session(start=datetime(2026, 11, 2, 18), title="Long", entries=tuple(entries)))
    close_database()
    assert session.id is not None
    return session.id


def shown(window: MainWindow, widget: QWidget, point: object = None) -> bool:
    viewport = window.editor.page.viewport()
    centre = widget.mapTo(viewport, point if point is not None else widget.rect().center())
    return QRect(0, 0, viewport.width(), viewport.height()).contains(centre)


def current_cell_shown(window: MainWindow) -> bool:
    widget = focused()
    table = next(b.table for b in window.editor.blocks if b.table is widget or b.table.isAncestorOf(widget))
    cell = table.visualRect(table.currentIndex())
    return shown(window, table.viewport(), cell.center())


def test_a_new_exercise_at_the_foot_of_a_long_session_is_scrolled_into_view(
    qtbot: QtBot, db_path: Path, open_window
) -> None:
    session_id = long_session(db_path)
    window: MainWindow = open_window(db_path)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.height() == 700)
    press(qtbot, Key.Key_E, Ctrl)
    type_text(qtbot, "lat pulldown")
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.editor.blocks) == 5)
    qtbot.waitUntil(lambda: current_cell_shown(window), timeout=2000)
    type_text(qtbot, "50")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "10")
    press(qtbot, Key.Key_Return)
    assert [(s.load_kg, s.reps) for s in repo.get_session(session_id).entries[4].sets] == [(50, 10)]
    qtbot.waitUntil(lambda: current_cell_shown(window), timeout=2000)


def test_moving_up_through_the_tables_keeps_the_cell_in_view(qtbot: QtBot, db_path: Path, open_window) -> None:
    long_session(db_path)
    window: MainWindow = open_window(db_path)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.height() == 700)
    last = window.editor.blocks[-1]
    last.table.go_to(last.model.rowCount() - 1)
    qtbot.waitUntil(lambda: current_cell_shown(window), timeout=2000)
    first = window.editor.blocks[0]
    first.table.setFocus()  # as a click or Shift+Tab back into the first table would
    first.table.go_to(0)
    qtbot.waitUntil(lambda: current_cell_shown(window), timeout=2000)


def test_a_refused_value_shows_its_message_in_view(qtbot: QtBot, db_path: Path, open_window) -> None:
    long_session(db_path)
    window: MainWindow = open_window(db_path)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.height() == 700)
    last = window.editor.blocks[-1]
    last.table.go_to(last.model.rowCount() - 1)
    type_text(qtbot, "5000")  # over the 1000 kg limit
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(last.error.isVisible, timeout=2000)
    qtbot.waitUntil(lambda: shown(window, last.error), timeout=2000)
    assert "1000" in last.error.text() or "1,000" in last.error.text()
    assert QApplication.focusWidget() is not None


def test_at_1024_by_700_every_set_column_shows(qtbot: QtBot, db_path: Path, open_window) -> None:
    long_session(db_path)
    window: MainWindow = open_window(db_path)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    table = window.editor.blocks[0].table
    model = table.sets_model()
    last = model.columnCount() - 1
    assert table.columnViewportPosition(last) + table.columnWidth(last) <= table.viewport().width()
    assert table.columnWidth(model.column_of("note")) >= 60, "the note column collapsed"
