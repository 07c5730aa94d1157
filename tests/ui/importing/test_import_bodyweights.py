# SPDX-License-Identifier: MIT
"""A bodyweight file through File > Import: FitNotes' body tracker (or Hevy's body measurements) is recognised by its
header, the preview says how many weights it holds and how many are new, Import adds them to the bodyweight log,
and Ctrl+Z takes them out again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journal.storage.bodyweight import weighings
from journal.storage.queries import list_sessions
from journal.ui.importing.import_dialog import ImportDialog
from journal.ui.main_window import MainWindow
from tests.ui.helpers import Key, answering, click_button, pick_menu, press, screenshots, wait_active
from tests.ui.scenarios.conftest import type_file_name

BODY = Path(__file__).parents[2] / "fixtures" / "body"
LB = 0.45359237


def preview(qtbot: QtBot, window: MainWindow, path: Path) -> ImportDialog:
    with answering(qtbot, "Open", type_file_name(qtbot, path)):
        pick_menu(qtbot, window, "File", "Import from another app")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ImportDialog), timeout=5000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ImportDialog)
    wait_active(qtbot, dialog)
    return dialog


def test_a_fitnotes_body_tracker_file_imports_from_the_file_menu(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    dialog = preview(qtbot, window, BODY / "fitnotes-body-tracker.csv")
    assert "FitNotes body tracker" in dialog.format.itemText(0)
    # three days: the 8th weighed twice (the evening's kept), the 13th's 1790 lb skipped with a note
    assert dialog.figure("bodyweights").startswith("3 days")
    assert dialog.figure("new") == "3 (0 already in your bodyweight log)"
    assert dialog.figure("dates") == "06 Jan 2025 to 15 Jan 2025"
    assert any("1790" in line for line in dialog.problems.stringList())
    assert not dialog.names_view.isVisible()
    assert dialog.import_button.isEnabled() and weighings() == []  # nothing written before Import
    screenshots(dialog, "import-bodyweights-preview")
    click_button(qtbot, "Import", dialog)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    got = [(w.day.day, round(w.kg / LB, 1), w.source) for w in weighings()]
    assert got == [(6, 180.4, "fitnotes-body"), (8, 181.2, "fitnotes-body"), (15, 178.6, "fitnotes-body")]
    assert list_sessions() == []
    assert window.statusBar().currentMessage().startswith("Imported 3 bodyweights into the bodyweight log.")

    # Ctrl+Z takes them out; the same file again has nothing new
    wait_active(qtbot, window)
    press(qtbot, Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert weighings() == []
    pick_menu(qtbot, window, "Edit", "Redo Import fitnotes-body-tracker.csv (bodyweights)")
    assert len(weighings()) == 3
    dialog = preview(qtbot, window, BODY / "fitnotes-body-tracker.csv")
    assert dialog.figure("new").startswith("0 (")
    assert not dialog.import_button.isEnabled()
    click_button(qtbot, "Cancel", dialog)


def test_a_hevy_measurements_file_imports_from_the_file_menu(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    dialog = preview(qtbot, window, BODY / "hevy-measurements.csv")
    assert dialog.figure("new") == "3 (0 already in your bodyweight log)"
    assert dialog.figure("weights") == "81.7 to 82.4 kg"
    click_button(qtbot, "Import", dialog)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    assert [(w.day.day, w.kg) for w in weighings()] == [(12, 82.4), (14, 82.1), (18, 81.7)]
