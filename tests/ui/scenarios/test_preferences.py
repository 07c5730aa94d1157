# SPDX-License-Identifier: MIT
"""Changing preferences while logging (README): File > Preferences, kg to lb and RIR to RPE through the dialog's own
lists and its OK button, then a set typed in pounds and RPE; then the dark colours."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from journal.domain.effort import EffortScale
from journal.domain.units import KG_PER_LB, Unit
from journal.settings import Preferences
from journal.storage import repository as repo
from journal.ui.dialogs.preferences import PreferencesDialog
from journal.ui.main_window import MainWindow
from tests.ui.helpers import Key, answering, focused, pick_menu, press, screenshots, type_text
from tests.ui.scenarios.conftest import choose

Ctrl = Qt.KeyboardModifier.ControlModifier


def set_in_dialog(qtbot: QtBot, **choices: str) -> object:
    """fill() for the preferences dialog: each named list set to the item reading its text."""

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PreferencesDialog)
        for name, text in choices.items():
            combo = dialog.findChild(QComboBox, name)
            assert combo is not None, name
            choose(qtbot, combo, text)

    return fill


def enter_set(qtbot: QtBot, load: str, reps: str, effort: str) -> None:
    type_text(qtbot, load)
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, reps)
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, effort)
    press(qtbot, Key.Key_Return)


def test_change_unit_effort_and_colours_while_logging(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    press(qtbot, Key.Key_N, Ctrl)
    type_text(qtbot, "Bench Press (Barbell)")
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=3000)
    press(qtbot, Key.Key_Return)
    enter_set(qtbot, "100", "5", "2")
    session_id = window.sessions.selected_id()
    block = window.editor.blocks[0]
    table = block.table

    with answering(qtbot, "OK", set_in_dialog(qtbot, unit="Pounds (lb)", effortScale="RPE (10 = no reps left)")):
        pick_menu(qtbot, window, "File", "Preferences")
    prefs = window.service.preferences
    assert prefs.units is Unit.LB and prefs.effort_scale is EffortScale.RPE

    # Every figure in pounds now, the stored kilograms untouched; the effort column asks for RPE.
    model = block.model
    assert model.headerData(model.column_of("load"), Qt.Orientation.Horizontal) == "Load (lb)"
    assert model.headerData(model.column_of("effort"), Qt.Orientation.Horizontal) == "RPE"
    shown = model.data(model.index(0, model.column_of("load")))
    assert float(shown) == pytest.approx(100 / KG_PER_LB, abs=0.01)
    assert model.data(model.index(0, model.column_of("effort"))) == "8"
    assert repo.get_session(session_id).entries[0].sets[0].load_kg == 100

    # The keyboard is back on the + row of the table: a set in pounds and RPE.
    assert focused() is table or table.isAncestorOf(focused())
    enter_set(qtbot, "225", "5", "8.5")
    first, second = repo.get_session(session_id).entries[0].sets
    assert (first.load_kg, first.reps, first.rir) == (100, 5, 2)
    assert second.load_kg == pytest.approx(225 * 0.45359237)
    assert (second.reps, second.rir, second.effort_scale) == (5, 1.5, EffortScale.RPE)

    # Dark colours, chosen by keyboard through the menu.
    with answering(qtbot, "OK", set_in_dialog(qtbot, theme="Dark")):
        pick_menu(qtbot, window, "File", "Preferences", keyboard=True)
    assert window.service.preferences.theme == "dark"
    assert window.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert window.palette().color(QPalette.ColorRole.WindowText).lightness() > 180
    kept = Preferences.load()  # what the next start reads
    assert (kept.units, kept.effort_scale, kept.theme) == (Unit.LB, EffortScale.RPE, "dark")
    screenshots(window, "scenario-preferences")
