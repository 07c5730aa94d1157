# SPDX-License-Identifier: MIT
"""A workout shared from Strong as text (README): copied, then Edit > Paste workout shows the preview; Import adds
the session, Ctrl+Z takes it out again. A line that cannot be read is named in the preview and nothing is added."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journal.domain.records import SetType
from journal.storage import repository as repo
from journal.storage.queries import list_sessions
from journal.ui.importing.import_dialog import ImportDialog
from journal.ui.main_window import MainWindow
from tests.conftest import SAMPLES
from tests.ui.helpers import Key, click_button, pick_menu, press, screenshots, wait_active

SHARED = (SAMPLES / "strong-text" / "strong-shared-workout.txt").read_text(encoding="utf-8")


def _preview(qtbot: QtBot, window: MainWindow, text: str) -> ImportDialog:
    QApplication.clipboard().setText(text)
    pick_menu(qtbot, window, "Edit", "Paste workout", keyboard=True)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ImportDialog), timeout=5000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ImportDialog)
    wait_active(qtbot, dialog)
    return dialog


def test_paste_a_shared_workout_then_undo_it(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    dialog = _preview(qtbot, window, SHARED)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10000)
    assert dialog.figure("sessions") == "1" and dialog.figure("sets") == "11"
    assert repo.session_count() == 0  # nothing written before Import
    screenshots(dialog, "scenario-paste-workout-preview")
    said: list[str] = []  # a button's status tip under the pointer may replace the message once it is shown
    window.statusBar().messageChanged.connect(said.append)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        click_button(qtbot, "Import", dialog)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    (summary,) = list_sessions()
    session = repo.get_session(summary.id)
    assert (session.title, session.start) == ("Push Day", datetime(2025, 8, 13, 7, 32))
    bench = session.entries[0]
    assert [(s.set_type, s.load_kg, s.reps) for s in bench.sets][:2] == [
        (SetType.WARMUP, 60.0, 8),
        (SetType.WORKING, 100.0, 5),
    ]
    assert any("Pasted workout: 1 session, 11 sets" in message for message in said)
    wait_active(qtbot, window)
    press(qtbot, Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert list_sessions() == []


def test_a_bad_line_is_named_and_nothing_can_be_imported(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    dialog = _preview(qtbot, window, "Push\nMonday 1 January 2024 at 10:00\nBench Press\nSet 1: 100 kg x five\n")
    qtbot.waitUntil(lambda: "line 4" in " ".join(dialog.problems.stringList()), timeout=10000)
    assert not dialog.import_button.isEnabled()
    screenshots(dialog, "scenario-paste-workout-bad-line")
    click_button(qtbot, "Cancel", dialog)
    assert repo.session_count() == 0
