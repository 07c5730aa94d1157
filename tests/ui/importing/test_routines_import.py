# SPDX-License-Identifier: MIT
"""A Journal CSV with routines: the preview counts them, Import adds them, Ctrl+Z takes them out, redo puts them
back with their ids."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journal.storage.routines import list_routines
from journal.ui.main_window import MainWindow
from tests.conftest import SAMPLES
from tests.ui.helpers import Key, click_button, press, wait_active


def test_routines_come_in_with_the_import_and_go_with_its_undo(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    dialog = window.import_file(SAMPLES / "journal" / "journal-export.csv")
    assert dialog is not None
    wait_active(qtbot, dialog)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10000)
    assert dialog.figure("routines") == "2 (2 new)"
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        click_button(qtbot, "Import", dialog)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    before = [(r.id, r.name, len(r.items)) for r in list_routines()]
    assert [name for _, name, _ in before] == ["Push, heavy", "Empty plan"]
    wait_active(qtbot, window)
    press(qtbot, Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert list_routines() == []
    press(qtbot, Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [(r.id, r.name, len(r.items)) for r in list_routines()] == before
