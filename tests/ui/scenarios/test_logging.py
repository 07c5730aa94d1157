# SPDX-License-Identifier: MIT
"""Logging a session (README): Ctrl+N, the exercise search and its suggestion list, sets typed with Tab and Enter,
a second exercise, undo; all by keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from journal.domain.records import SetType
from journal.storage import repository as repo
from journal.storage.exercises import find_exercise
from journal.storage.queries import list_sessions
from journal.ui.main_window import MainWindow
from tests.ui.helpers import Key, focused, press, screenshots, type_text

Ctrl = Qt.KeyboardModifier.ControlModifier


def search(qtbot: QtBot, window: MainWindow, text: str, first: str) -> None:
    """Type text in the exercise search; the suggestion list opens under it with first on top; Enter takes it."""
    picker = window.editor.picker
    assert focused() is picker.field
    type_text(qtbot, text)
    popup = picker.completer.popup()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is popup, timeout=3000)
    top = find_exercise(popup.model().index(0, 0).data())  # a name or an alias other apps use
    assert top is not None and top.name == first
    press(qtbot, Key.Key_Return)  # to the list, which has the keyboard
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=3000)


def on_screen(window: MainWindow, widget: QWidget) -> bool:
    """Whether widget's middle shows in the editor's scrolled area."""
    viewport = window.editor.page.viewport()
    centre = widget.mapTo(viewport, widget.rect().center())
    return QRect(0, 0, viewport.width(), viewport.height()).contains(centre)


def test_log_a_session_by_keyboard(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    window.resize(1024, 700)
    press(qtbot, Key.Key_N, Ctrl)
    assert window.pages.currentWidget() is window.splitter

    search(qtbot, window, "bench", "Bench Press")
    assert [b.title.text() for b in window.editor.blocks] == ["Bench Press"]  # added once
    bench = window.editor.blocks[0]
    assert focused() is bench.table or bench.table.isAncestorOf(focused())
    # 100 kg x 5 at RIR 2, three times: the + row repeats the set above
    type_text(qtbot, "100")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "5")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "2")
    press(qtbot, Key.Key_Return)
    press(qtbot, Key.Key_Return)
    press(qtbot, Key.Key_Return)
    session_id = window.sessions.selected_id()
    assert session_id is not None
    assert [(s.load_kg, s.reps, s.rir) for s in repo.get_session(session_id).entries[0].sets] == [(100, 5, 2)] * 3

    # A second exercise: Ctrl+E, the search, and the cursor in its table, shown.
    press(qtbot, Key.Key_E, Ctrl)
    search(qtbot, window, "squat (barbell)", "Back Squat")
    assert [b.title.text() for b in window.editor.blocks] == ["Bench Press", "Back Squat"]
    squat = window.editor.blocks[1]
    assert squat.table.isAncestorOf(focused()) or focused() is squat.table
    assert on_screen(window, squat.table), "the new exercise's table is below the fold"
    type_text(qtbot, "140")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "3")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "1")
    press(qtbot, Key.Key_Return)
    assert [(s.load_kg, s.reps, s.rir) for s in repo.get_session(session_id).entries[1].sets] == [(140, 3, 1)]

    # Undo, from the table: the squat set, then the squat itself; the keyboard stays in the window.
    press(qtbot, Key.Key_Z, Ctrl)
    assert repo.get_session(session_id).entries[1].sets == ()
    press(qtbot, Key.Key_Z, Ctrl)
    session = repo.get_session(session_id)
    assert [e.exercise.name for e in session.entries] == ["Bench Press"]
    assert QApplication.focusWidget() is not None and QApplication.focusWidget().window() is window

    # What was stored: one session, one exercise, three working sets, as typed.
    assert [(s.set_type, s.load_kg, s.reps, s.rir) for s in session.entries[0].sets] == [
        (SetType.WORKING, 100, 5, 2)
    ] * 3
    (summary,) = list_sessions()
    assert summary.id == session_id and summary.set_count == 3 and summary.tonnage_kg == 1500
    screenshots(window, "scenario-logging")
