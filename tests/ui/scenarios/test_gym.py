# SPDX-License-Identifier: MIT
"""At the gym (README): the rest timer turned on in Preferences; a routine with a warm-up ramp on the bench and the
bench and row as superset A; a session started from it: warm-ups logged on loads the plates make, then a round of
the superset with Enter Enter, the rest counting down after the round and skipped with Shift+F9."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from journal.domain.records import SetType
from journal.storage import repository as repo
from journal.storage.routines import list_routines
from journal.ui.dialogs.preferences import PreferencesDialog
from journal.ui.main_window import MainWindow
from journal.ui.routines.routine_models import COLUMNS
from tests.ui.helpers import Key, answering, click, pick_menu, press, screenshots
from tests.ui.scenarios.test_routines import add, edit_cell, name_it, open_routines

Shift = Qt.KeyboardModifier.ShiftModifier


def rest_on(qtbot: QtBot) -> object:
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PreferencesDialog)
        click(qtbot, dialog.rest_timer)
        assert dialog.rest_timer.isChecked()

    return fill


def test_warm_ups_a_superset_round_and_the_rest(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    with answering(qtbot, "OK", rest_on(qtbot)):
        pick_menu(qtbot, window, "File", "Preferences")
    assert window.service.preferences.rest_timer

    screen = open_routines(qtbot, window)
    with answering(qtbot, "OK", name_it(qtbot, "Push A"), timeout=5000):
        click(qtbot, screen.new)
    add(qtbot, screen, "bench")
    add(qtbot, screen, "barbell row")
    for row in (0, 1):
        edit_cell(qtbot, screen, row, "sets", "2")
        edit_cell(qtbot, screen, row, "superset", "A")
    edit_cell(qtbot, screen, 0, "load", "100")
    edit_cell(qtbot, screen, 1, "load", "70")
    edit_cell(qtbot, screen, 1, "rest", "1:30")
    table = screen.table
    warmup = screen.items.index(0, COLUMNS.index("warmup"))
    click(qtbot, table.viewport(), table.visualRect(warmup).center())
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(lambda: list_routines()[0].items[0].warmup)
    (routine,) = list_routines()
    assert [(i.superset, i.warmup, i.rest_s) for i in routine.items] == [(1, True, None), (1, False, 90)]
    screenshots(window, "scenario-gym-routine")

    click(qtbot, screen.start)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.pages, timeout=5000)
    session_id = window.sessions.selected_id()
    bench, row = window.editor.blocks
    assert (bench.group.text(), row.group.text()) == ("A1", "A2")
    qtbot.waitUntil(lambda: bench.table.hasFocus())

    for _ in range(4):  # the ramp: bar × 10, 40 × 8, 60 × 5, 80 × 3, each as planned
        press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: len(repo.get_session(session_id).entries[0].sets) == 4)
    done = repo.get_session(session_id).entries[0].sets
    assert [(s.set_type, s.load_kg, s.reps) for s in done] == [
        (SetType.WARMUP, 20.0, 10),
        (SetType.WARMUP, 40.0, 8),
        (SetType.WARMUP, 60.0, 5),
        (SetType.WARMUP, 80.0, 3),
    ]
    assert bench.table.hasFocus() and not window.rest.running  # warm-ups stay on the bench, A1 rests after A2

    window.rest.timer.setInterval(60_000)  # held still while it is read
    press(qtbot, Key.Key_Return)  # the first working bench set: the keys go to the row
    qtbot.waitUntil(lambda: row.table.hasFocus())
    assert not window.rest.running  # in a superset the rest waits for the round's end
    press(qtbot, Key.Key_Return)  # the row: the round is done, the rest is the row's 1:30
    qtbot.waitUntil(lambda: window.rest.text().startswith("Rest 1:30"))
    qtbot.waitUntil(lambda: bench.table.hasFocus())
    screenshots(window, "scenario-gym-round")
    press(qtbot, Key.Key_F9, Shift)
    assert window.rest.text() == "Rest skipped"
    entries = repo.get_session(session_id).entries
    assert [len(e.sets) for e in entries] == [5, 1] and entries[1].sets[0].load_kg == 70
    assert QApplication.focusWidget() is bench.table
