# SPDX-License-Identifier: MIT
"""File > Preferences, filled in and confirmed as a lifter does: every choice applies at once to what is open, with
the right conversion both ways, and what is stored never depends on when a preference changed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
)
from pytestqt.qtbot import QtBot

from journal import settings
from journal.demo import generate_history
from journal.domain.effort import EffortScale
from journal.domain.records import SetRecord
from journal.domain.units import KG_PER_LB, Unit
from journal.storage import repository as repo
from journal.storage.backup import list_backups
from journal.storage.bulk import insert_sessions
from journal.storage.database import close_database, open_database
from journal.ui.dialogs.preferences import PreferencesDialog
from journal.ui.main_window import MainWindow
from journal.ui.routines.routine_models import COLUMNS
from journal.ui.theme import apply_theme
from tests.conftest import SAMPLES
from tests.ui.helpers import press, type_text, wait_active
from tests.ui.log.test_session_editing import edit_cell, seeded

Key = Qt.Key
Mod = Qt.KeyboardModifier
CHILD = Path(__file__).with_name("quit_child.py")
QTBOT: list[QtBot] = []


@pytest.fixture(autouse=True)
def _qtbot(qtbot: QtBot) -> Iterator[None]:
    QTBOT.append(qtbot)
    yield
    QTBOT.clear()


def open_preferences(window: MainWindow) -> PreferencesDialog:
    """File > Preferences… by its shortcut, Ctrl+,; the dialog is there once the window manager has made it active."""
    qtbot = QTBOT[0]
    wait_active(qtbot, window)
    press(qtbot, Key.Key_Comma, Mod.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(PreferencesDialog) is not None, timeout=3000)
    dialog = window.findChild(PreferencesDialog)
    assert dialog is not None and dialog.isVisible()
    wait_active(qtbot, dialog)
    return dialog


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an entry of a combo box by typing its first letters, as the keyboard does."""
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    type_text(qtbot, text)
    assert combo.currentText().startswith(text)


def retype(qtbot: QtBot, spin: QAbstractSpinBox, text: str) -> None:
    """Select the number of a number field and type over it."""
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    spin.selectAll()
    type_text(qtbot, text)


def ok(qtbot: QtBot, dialog: PreferencesDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window = dialog.parentWidget()
    window.activateWindow()  # as the window manager does when a dialog closes
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def stored(session_id: int, row: int = 0) -> SetRecord:
    return repo.get_session(session_id).entries[0].sets[row]


def test_pounds_then_kilograms_convert_what_is_shown_and_what_is_typed(
    qtbot: QtBot, db_path: Path, open_window
) -> None:
    session_id = seeded(db_path, (SetRecord(load_kg=100, reps=5, rir=2),), datetime(2026, 11, 2, 18))
    window: MainWindow = open_window(db_path)
    routines, review = window.routines, window.review  # open, though not shown
    dialog = open_preferences(window)
    choose(qtbot, dialog.unit, "Pounds")
    ok(qtbot, dialog)
    block = window.editor.blocks[0]
    load = block.model.column_of("load")
    assert block.model.headerData(load, Qt.Orientation.Horizontal) == "Load (lb)"
    assert block.model.data(block.model.index(0, load)) == "220.46"  # 100 kg, not "100 lb"
    assert "1,102 lb" in block.summary.text()
    assert window.sessions.model.headerData(3, Qt.Orientation.Horizontal) == "Tonnage (lb)"
    assert stored(session_id).load_kg == 100
    assert window.service.preferences.units is Unit.LB
    assert routines.items.headerData(COLUMNS.index("load"), Qt.Orientation.Horizontal).split() == ["Load", "(lb)"]
    window.tabs.setCurrentWidget(review)
    qtbot.waitUntil(lambda: review.data.snapshot is not None, timeout=20000)
    assert review.volume.top.getAxis("left").labelText == "Tonnage (lb)"
    assert review.volume.values[0].max() == pytest.approx(500 / KG_PER_LB)
    window.tabs.setCurrentWidget(window.pages)
    window.activateWindow()

    edit_cell(qtbot, block, 0, "load", "225")
    assert stored(session_id).load_kg == pytest.approx(225 * KG_PER_LB)  # 102.0582 kg, not 225 kg
    assert block.model.data(block.model.index(0, load)) == "225"

    dialog = open_preferences(window)
    choose(qtbot, dialog.unit, "Kilograms")
    ok(qtbot, dialog)
    assert block.model.headerData(load, Qt.Orientation.Horizontal) == "Load (kg)"
    assert block.model.data(block.model.index(0, load)) == "102.06"
    assert stored(session_id).load_kg == pytest.approx(225 * KG_PER_LB)
    assert settings.get(settings.UNITS) is Unit.KG


def test_rpe_relabels_the_column_and_is_stored_as_rir(qtbot: QtBot, db_path: Path, open_window) -> None:
    session_id = seeded(db_path, (SetRecord(load_kg=100, reps=5, rir=3),), datetime(2026, 11, 2, 18))
    window: MainWindow = open_window(db_path)
    dialog = open_preferences(window)
    choose(qtbot, dialog.effort, "RPE")
    ok(qtbot, dialog)
    block = window.editor.blocks[0]
    effort = block.model.column_of("effort")
    assert block.model.headerData(effort, Qt.Orientation.Horizontal) == "RPE"
    assert block.model.data(block.model.index(0, effort)) == "7"  # RIR 3 shown as RPE 7
    edit_cell(qtbot, block, 0, "effort", "8")
    assert not block.error.isVisible(), block.error.text()
    assert (stored(session_id).rir, stored(session_id).effort_scale) == (2, EffortScale.RPE)
    assert block.model.data(block.model.index(0, effort)) == "8"


def test_hard_set_threshold_updates_the_summaries_at_once(qtbot: QtBot, db_path: Path, open_window) -> None:
    seeded(
        db_path,
        (SetRecord(load_kg=100, reps=5, rir=1), SetRecord(load_kg=100, reps=5, rir=3)),
        datetime(2026, 11, 2, 18),
    )
    window: MainWindow = open_window(db_path)
    block = window.editor.blocks[0]
    assert "2 hard" in block.summary.text()
    dialog = open_preferences(window)
    retype(qtbot, dialog.threshold, "2")
    ok(qtbot, dialog)
    assert window.service.preferences.hard_set_rir == 2
    assert "1 hard" in block.summary.text()


def test_backups_kept_is_a_preference_the_window_applies(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    dialog = open_preferences(window)
    assert dialog.backups_keep.value() == 10
    retype(qtbot, dialog.backups_keep, "3")
    ok(qtbot, dialog)
    assert settings.get(settings.BACKUPS_KEEP) == 3
    for _ in range(5):
        window.service.backup_now()
    assert len([b for b in list_backups(db_path) if b.reason == "manual"]) == 3
    dialog = open_preferences(window)
    choose(qtbot, dialog.unit, "Pounds")  # another change keeps the number
    ok(qtbot, dialog)
    assert window.service.preferences.backups_keep == 3


@pytest.mark.parametrize("imported", [False, True], ids=["preferences", "import-then-preferences"])
def test_quitting_after_a_preference_change_is_clean(tmp_path: Path, database: Path, imported: bool) -> None:
    """The whole program in a child process, quit through File > Quit: Qt reports nothing and it exits 0."""
    env = {k: v for k, v in os.environ.items() if k not in ("JOURNAL_DB", "PYTEST_CURRENT_TEST")}
    env.update(
        PYTHONPATH=str(Path(__file__).resolve().parents[3]),
        QT_QPA_PLATFORM="offscreen",
        JOURNAL_DATA_DIR=str(tmp_path / "child"),
    )
    args = [sys.executable, str(CHILD), str(database)]
    if imported:
        args.append(str(SAMPLES / "strong" / "strong-workout-number-kg.csv"))
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=90)
    messages = [line for line in result.stderr.splitlines() if "propagateSizeHints" not in line]
    assert "quit 0" in result.stdout
    assert not any("QObject" in line for line in messages), messages
    assert result.returncode == 0, messages


def dark_pixels_lifted(image: QImage, rect: QRect, base: QColor) -> int:
    """How many pixels of `rect` stand out from a dark `base` (a box's frame, a tick)."""
    return sum(
        1
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
        if image.pixelColor(x, y).lightness() > base.lightness() + 40
    )


@pytest.fixture
def light_after(qapp: QApplication) -> Iterator[None]:
    yield
    apply_theme(qapp, "light")  # the palette belongs to the application, which outlives the test


def test_a_theme_change_restyles_every_open_view_both_ways(
    qtbot: QtBot, db_path: Path, open_window, light_after: None
) -> None:
    open_database(db_path)
    insert_sessions(generate_history(1, seed=4, end=date.today()))
    close_database()
    window: MainWindow = open_window(db_path)
    window.resize(1024, 700)
    window.tabs.setCurrentWidget(window.review)
    qtbot.waitUntil(lambda: window.review.data.snapshot is not None, timeout=20000)
    review = window.review
    for theme, dark in (("Dark", True), ("Light", False), ("Dark", True)):
        dialog = open_preferences(window)
        choose(qtbot, dialog.theme, theme)
        ok(qtbot, dialog)
        for index, chart in enumerate(review.charts):
            review.tabs.setCurrentIndex(index)
            QApplication.processEvents()
            background = chart.backgroundBrush().color()
            assert (background.lightness() < 80) == dark, (theme, index)
            for plot in chart.plots:
                label = QColor(plot.getAxis("left").labelStyle["color"])
                assert (label.lightness() > 160) == dark, (theme, index, "axis label")
                assert (QColor(plot.titleLabel.opts["color"]).lightness() > 160) == dark, (theme, index, "title")
                if plot.legend is not None:
                    assert (plot.legend.opts["brush"].color().lightness() < 80) == dark, (theme, index)
                    for _sample, text in plot.legend.items:
                        assert (QColor(text.opts["color"]).lightness() > 160) == dark, (theme, index, text.text)
        review.tabs.setCurrentIndex(2)
        QApplication.processEvents()
        unchecked = next(
            r
            for r in range(review.strength_choice.rowCount())
            if review.strength_choice.item(r).checkState() == Qt.CheckState.Unchecked
        )
        view = review.strength_list
        row = view.visualRect(review.strength_choice.index(unchecked, 0))
        box = QRect(row.left(), row.top(), row.height(), row.height())  # the check box leads the row
        image = view.viewport().grab().toImage()
        base = view.palette().color(QPalette.ColorRole.Base)
        if dark:
            assert dark_pixels_lifted(image, box, base) > 10, "an unchecked box cannot be seen on a dark palette"
