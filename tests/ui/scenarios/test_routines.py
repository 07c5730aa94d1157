# SPDX-License-Identifier: MIT
"""Creating a routine (README): Routines > New clicked with the mouse, or File > New routine; exercises from the
search, targets typed into the table; then a session started from it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from journal.storage import repository as repo
from journal.storage.routines import list_routines
from journal.ui.main_window import MainWindow
from journal.ui.routines.routine_models import COLUMNS
from journal.ui.routines.routines_screen import RoutinesScreen
from tests.ui.helpers import Key, answering, click, focused, pick_menu, press, screenshots, type_text

Ctrl = Qt.KeyboardModifier.ControlModifier


def open_routines(qtbot: QtBot, window: MainWindow) -> RoutinesScreen:
    bar = window.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(2).center())
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), RoutinesScreen), timeout=5000)
    return window.routines


def name_it(qtbot: QtBot, name: str) -> object:
    def fill(_dialog: QWidget) -> None:
        type_text(qtbot, name)

    return fill


def add(qtbot: QtBot, screen: RoutinesScreen, search: str) -> None:
    click(qtbot, screen.picker.field)
    type_text(qtbot, search)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is screen.picker.completer.popup(), timeout=3000)
    press(qtbot, Key.Key_Return)


def edit_cell(qtbot: QtBot, screen: RoutinesScreen, row: int, key: str, text: str) -> None:
    """Click the cell, F2, select what it holds, type, Enter."""
    table = screen.table
    index = screen.items.index(row, COLUMNS.index(key))
    click(qtbot, table.viewport(), table.visualRect(index).center())
    press(qtbot, Key.Key_F2)
    press(qtbot, Key.Key_A, Ctrl)
    type_text(qtbot, text)
    press(qtbot, Key.Key_Return)


def test_new_routine_with_the_mouse_and_start_a_session_from_it(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    screen = open_routines(qtbot, window)
    with answering(qtbot, "OK", name_it(qtbot, "Upper A"), timeout=5000):
        click(qtbot, screen.new)
    (routine,) = list_routines()
    assert routine.name == "Upper A"
    assert screen.current() is not None and screen.current().id == routine.id

    add(qtbot, screen, "bench")
    add(qtbot, screen, "lat pull")
    edit_cell(qtbot, screen, 0, "sets", "3")
    edit_cell(qtbot, screen, 0, "reps_low", "5")
    edit_cell(qtbot, screen, 0, "reps_high", "5")
    edit_cell(qtbot, screen, 0, "load", "100")
    (routine,) = list_routines()
    assert [i.exercise.name for i in routine.items] == ["Bench Press", "Lat Pulldown"]
    bench = routine.items[0]
    assert (bench.sets, bench.reps_low, bench.reps_high, bench.load_kg) == (3, 5, 5, 100)
    screenshots(window, "scenario-routine")

    # Start a session from it: the plan is shown, nothing is stored as done until the lifter enters it.
    click(qtbot, screen.start)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.pages, timeout=5000)
    session = repo.get_session(window.sessions.selected_id())
    assert session.routine_id == routine.id and session.title == "Upper A"
    assert [e.exercise.name for e in session.entries] == ["Bench Press", "Lat Pulldown"]
    assert [len(e.sets) for e in session.entries] == [0, 0], "the plan was written as sets done"
    table = window.editor.blocks[0].table
    assert focused() is table or table.isAncestorOf(focused())
    type_text(qtbot, "100")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "5")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "1")
    press(qtbot, Key.Key_Return)
    done = repo.get_session(session.id).entries[0].sets
    assert [(s.load_kg, s.reps, s.rir) for s in done] == [(100, 5, 1)]
    screenshots(window, "scenario-routine-session")


def test_new_routine_from_the_file_menu(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    with answering(qtbot, "OK", name_it(qtbot, "Lower B"), timeout=5000):
        pick_menu(qtbot, window, "File", "New routine")
    assert [r.name for r in list_routines()] == ["Lower B"]
    assert isinstance(window.tabs.currentWidget(), RoutinesScreen)
    assert window.routines.current() is not None and window.routines.current().name == "Lower B"
    screenshots(window, "scenario-routine-file-menu")
