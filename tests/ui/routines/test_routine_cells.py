# SPDX-License-Identifier: MIT
"""Routine cells typed as a person types them: Tab from cell to cell, and Qt has nothing to complain of."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.domain.routines import Routine, RoutineItem
from journal.storage import exercises
from journal.storage.database import close_database, open_database
from journal.storage.routines import list_routines, save_routine
from journal.ui.main_window import MainWindow
from journal.ui.routines.routine_models import COLUMNS
from tests.ui.helpers import click, press, type_text

Key = Qt.Key


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, open_window) -> MainWindow:
    open_database(db_path)
    bench, row = exercises.find_exercise("Bench Press"), exercises.find_exercise("Barbell Row")
    assert bench is not None and row is not None
    save_routine(Routine(name="Upper A", items=(RoutineItem(exercise=bench), RoutineItem(exercise=row))))
    close_database()
    shown: MainWindow = open_window(db_path)
    bar = shown.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(2).center())
    return shown


def test_tab_through_the_targets_stores_each_and_warns_of_nothing(qtbot: QtBot, window: MainWindow, qtlog) -> None:
    screen = window.routines
    table = screen.table
    index = screen.items.index(0, COLUMNS.index("sets"))
    click(qtbot, table.viewport(), table.visualRect(index).center())
    for text in ("4", "6", "8"):  # sets, then the rep range's bottom and top
        type_text(qtbot, text)
        press(qtbot, Key.Key_Tab)
    (routine,) = list_routines()
    bench = routine.items[0]
    assert (bench.sets, bench.reps_low, bench.reps_high) == (4, 6, 8)
    messages = [r.message for r in qtlog.records]
    assert not [m for m in messages if "commitData" in m or "QObject" in m], messages


def test_at_1024_by_700_every_column_shows(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    table = window.routines.table
    for key in ("next", "notes"):
        column = COLUMNS.index(key)
        right = table.columnViewportPosition(column) + table.columnWidth(column)
        assert table.columnViewportPosition(column) >= 0 and right <= table.viewport().width(), key
    assert table.columnWidth(COLUMNS.index("notes")) >= 60
