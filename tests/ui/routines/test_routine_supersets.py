# SPDX-License-Identifier: MIT
"""A routine's Superset column: the same letter typed on two exercises groups them; a session started from it keeps
the group; anything but a letter is refused."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.domain.routines import Routine, RoutineItem
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.storage.routines import list_routines, save_routine
from journal.ui.main_window import MainWindow
from journal.ui.routines.routine_models import COLUMNS
from tests.ui.helpers import click, press, screenshots, type_text

Key = Qt.Key


def type_in(qtbot: QtBot, window: MainWindow, row: int, text: str) -> None:
    table = window.routines.table
    index = window.routines.items.index(row, COLUMNS.index("superset"))
    click(qtbot, table.viewport(), table.visualRect(index).center())
    type_text(qtbot, text)
    press(qtbot, Key.Key_Return)


def test_the_same_letter_groups_exercises_and_the_session_keeps_it(qtbot: QtBot, db_path: Path, open_window) -> None:
    open_database(db_path)
    names = ("Bench Press", "Barbell Row", "Dumbbell Curl")
    items = tuple(RoutineItem(exercise=e) for e in map(exercises.find_exercise, names) if e is not None)
    save_routine(Routine(name="Upper", items=items))
    close_database()
    window: MainWindow = open_window(db_path)
    bar = window.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(2).center())
    type_in(qtbot, window, 0, "a")
    type_in(qtbot, window, 1, "A")
    qtbot.waitUntil(lambda: [i.superset for i in list_routines()[0].items] == [1, 1, None])
    type_in(qtbot, window, 2, "7")
    assert window.routines.error.text() == "Row 3 · Superset: '7' is not a letter A to Z"
    press(qtbot, Key.Key_Escape)
    assert [i.superset for i in list_routines()[0].items] == [1, 1, None]
    screenshots(window, "routine-superset")

    qtbot.mouseClick(window.routines.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.pages)
    session = repo.get_session(window.sessions.selected_id())
    assert [e.superset for e in session.entries] == [1, 1, None]
    assert [b.group.text() for b in window.editor.blocks[:2]] == ["A1", "A2"]
