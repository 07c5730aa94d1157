# SPDX-License-Identifier: MIT
"""The routine editor's table shows whole exercise names at 1024x700 and 1600x1000: the Exercise column takes the
width the other columns, sized to their contents, leave."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QSize, Qt
from pytestqt.qtbot import QtBot

from journal.domain.routines import RoutineItem
from journal.storage.exercises import create_exercise, find_exercise
from journal.ui.main_window import MainWindow
from journal.ui.routines.routine_models import COLUMNS
from tests.ui.helpers import _resize, screenshots

LONG = "Single-Arm Dumbbell Romanian Deadlift (Kettlebell)"


@pytest.mark.parametrize("size", [QSize(1024, 700), QSize(1600, 1000)])
def test_long_exercise_names_are_shown_whole(qtbot: QtBot, db_path: Path, open_window, size: QSize) -> None:
    window: MainWindow = open_window(db_path)
    long, _ = create_exercise(LONG)
    bench = find_exercise("Bench Press")
    assert bench is not None
    window.tabs.setCurrentWidget(window.routines)
    screen = window.routines
    screen.new_routine("Lower B")
    screen._with_items([RoutineItem(exercise=long), RoutineItem(exercise=bench)], "Add exercises")
    _resize(window, size)
    table = screen.table
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    column = COLUMNS.index("exercise")
    shown = screen.items.data(screen.items.index(0, column), Qt.ItemDataRole.DisplayRole)
    assert shown == LONG
    room = header.sectionSize(column) - 12  # the cell's margins
    words = max(metrics.horizontalAdvance(word) for word in LONG.split())
    assert room >= words, f"{room} px for the longest word ({words} px)"
    lines = metrics.boundingRect(0, 0, room, 10000, Qt.TextFlag.TextWordWrap, LONG)
    assert table.rowHeight(0) >= lines.height(), f"a row of {table.rowHeight(0)} px for {lines.height()} px of name"
    if size.width() >= 1600:  # on one line where there is room
        assert room >= metrics.horizontalAdvance(LONG)
    # every column in view: no horizontal scrolling to reach the notes
    assert header.length() <= table.viewport().width() + 1
    if size.width() == 1024:
        screenshots(window, "routine-long-names")
