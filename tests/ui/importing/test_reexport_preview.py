# SPDX-License-Identifier: MIT
"""A later FitNotes export of a day already imported: the preview counts the sets logged since, Import adds them and
Ctrl+Z in the window takes out exactly those."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journal.io import ImportOptions, parse_file
from journal.storage.importing import import_sessions
from journal.storage.repository import iter_sessions
from journal.ui.main_window import MainWindow
from tests.conftest import SAMPLES
from tests.ui.helpers import Key, click_button, press, wait_active

BEFORE = SAMPLES / "fitnotes" / "fitnotes-reexport-before.csv"
AFTER = SAMPLES / "fitnotes" / "fitnotes-reexport-after.csv"


def _sets() -> int:
    return sum(s.set_count for s in iter_sessions())


def test_the_preview_counts_new_sets_and_undo_takes_them_out(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    parsed = parse_file(BEFORE, options=ImportOptions())
    import_sessions(parsed.sessions, {name: None for name in parsed.exercise_names()}, None)
    dialog = window.import_file(AFTER)
    assert dialog is not None
    wait_active(qtbot, dialog)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10000)
    assert dialog.figure("new sets on days already imported") == "3 (added to those days)"
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        click_button(qtbot, "Import", dialog)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    assert _sets() == 8
    wait_active(qtbot, window)
    press(qtbot, Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _sets() == 4 and len(list(iter_sessions())) == 2
