# SPDX-License-Identifier: MIT
"""The plate calculator in the editor: pointing at a barbell set's load shows the plates on each side, from the bar
and plates set in Preferences; plates that do not read are refused at their field."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from journal import settings
from journal.domain.records import SetRecord
from journal.ui.log.exercise_block import ExerciseBlock
from journal.ui.main_window import MainWindow
from tests.ui.dialogs.test_preferences import QTBOT, ok, open_preferences
from tests.ui.helpers import click_button, shoot, type_text
from tests.ui.log.test_session_editing import seeded


def hover_load(qtbot: QtBot, block: ExerciseBlock, row: int) -> str:
    """Rest the pointer on a set's load cell until its tooltip shows; the tooltip's text."""
    table = block.table
    rect = table.visualRect(block.model.index(row, block.model.column_of("load")))
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    QCursor.setPos(table.viewport().mapToGlobal(rect.center()))
    QTest.mouseMove(table.viewport(), rect.center())
    qtbot.waitUntil(QToolTip.isVisible, timeout=5000)
    return QToolTip.text()


def test_pointing_at_a_barbell_load_shows_the_plates_per_side(qtbot: QtBot, db_path: Path, open_window) -> None:
    QTBOT.append(qtbot)
    seeded(db_path, (SetRecord(load_kg=102.5, reps=5), SetRecord(load_kg=101, reps=5)), datetime(2026, 11, 2, 18))
    window: MainWindow = open_window(db_path)
    block = window.editor.blocks[0]
    assert hover_load(qtbot, block, 0) == "Per side: 25 + 15 + 1.25 kg"
    assert hover_load(qtbot, block, 1) == "101 kg cannot be made with these plates: 100 or 102.5 kg"
    shoot(window, "plates-tooltip")

    dialog = open_preferences(window)
    dialog.plates_kg.setFocus()
    dialog.plates_kg.selectAll()
    type_text(qtbot, "20 10 heavy")
    assert dialog.plates_error.isVisible()
    assert "'heavy' is not a weight" in dialog.plates_error.text()
    shoot(dialog, "plates-refused")
    click_button(qtbot, "OK", dialog)
    assert dialog.isVisible()  # refused at the field: the dialog stays with the reason shown
    dialog.plates_kg.selectAll()
    type_text(qtbot, "20 10 5 0.5")
    assert not dialog.plates_error.isVisible()
    ok(qtbot, dialog)
    assert settings.get(settings.PLATES_KG) == "20 10 5 0.5"
    assert hover_load(qtbot, block, 0) == "102.5 kg cannot be made with these plates: 102 or 103 kg"
    assert hover_load(qtbot, block, 1) == "Per side: 20 + 20 + 0.5 kg"


def test_a_dumbbell_load_has_no_plates(qtbot: QtBot, db_path: Path, open_window) -> None:
    seeded(db_path, (SetRecord(load_kg=30, reps=10),), datetime(2026, 11, 2, 18), name="Dumbbell Curl")
    window: MainWindow = open_window(db_path)
    model = window.editor.blocks[0].model
    assert model.data(model.index(0, model.column_of("load")), Qt.ItemDataRole.ToolTipRole) is None
