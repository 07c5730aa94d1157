# SPDX-License-Identifier: MIT
"""A routine exercise with a warm-up ramp: ticked in the routine's table, started, its warm-ups planned as ghost rows
before the working sets; Enter logs one as a warm-up that counts in no figure."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.domain.records import SetType
from journal.domain.routines import Routine, RoutineItem
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.storage.queries import stats
from journal.storage.routines import list_routines, save_routine
from journal.ui.main_window import MainWindow
from journal.ui.routines.routine_models import COLUMNS
from tests.ui.helpers import click, press, shoot

Key = Qt.Key


def test_a_ticked_ramp_plans_warm_ups_on_loadable_weights(qtbot: QtBot, db_path: Path, open_window) -> None:
    open_database(db_path)
    bench = exercises.find_exercise("Bench Press")
    assert bench is not None
    save_routine(
        Routine(name="Push", items=(RoutineItem(exercise=bench, sets=2, reps_low=5, reps_high=5, load_kg=117.5),))
    )
    close_database()
    window: MainWindow = open_window(db_path)
    bar = window.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(2).center())
    screen = window.routines
    table = screen.table
    index = screen.items.index(0, COLUMNS.index("warmup"))
    click(qtbot, table.viewport(), table.visualRect(index).center())
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(lambda: list_routines()[0].items[0].warmup)
    shoot(window, "routine-warmup")

    qtbot.mouseClick(screen.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.pages)
    qtbot.waitUntil(lambda: window.editor.blocks[0].table.isVisible())
    session_id = window.sessions.selected_id()
    plans = repo.get_session(session_id).entries[0].plans
    assert [(p.planned.set_type, p.planned.load_kg, p.planned.reps) for p in plans] == [
        (SetType.WARMUP, 20.0, 10),
        (SetType.WARMUP, 47.5, 8),
        (SetType.WARMUP, 70.0, 5),
        (SetType.WARMUP, 95.0, 3),
        (SetType.WORKING, 117.5, 5),
        (SetType.WORKING, 117.5, 5),
    ]
    model = window.editor.blocks[0].model
    assert model.data(model.index(1, model.column_of("set_type"))) == "Warm-up"
    shoot(window, "session-warmup-plans")

    press(qtbot, Key.Key_Return)  # the bar × 10, logged as shown
    qtbot.waitUntil(lambda: len(repo.get_session(session_id).entries[0].sets) == 1)
    (done,) = repo.get_session(session_id).entries[0].sets
    assert (done.set_type, done.load_kg, done.reps) == (SetType.WARMUP, 20.0, 10)
    assert stats()["working_sets"] == 0 and stats()["tonnage_kg"] == 0
