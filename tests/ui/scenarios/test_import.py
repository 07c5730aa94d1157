# SPDX-License-Identifier: MIT
"""Bringing in old logs (README): File > Import from another app, the file named in the file dialog, the preview,
Import; Ctrl+Z takes exactly those sessions out again."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journal.domain.effort import EffortScale
from journal.domain.records import SetType
from journal.storage import repository as repo
from journal.storage.queries import list_sessions
from journal.ui.importing.import_dialog import ImportDialog
from journal.ui.main_window import MainWindow
from tests.ui.helpers import Key, answering, click_button, pick_menu, press, screenshots, wait_active
from tests.ui.scenarios.conftest import type_file_name

STRONG = """Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE
2026-11-02 18:00:00,Push A,3600,Bench Press (Barbell),W,60,8,
2026-11-02 18:00:00,Push A,3600,Bench Press (Barbell),1,100,5,8
2026-11-02 18:00:00,Push A,3600,Bench Press (Barbell),2,100,5,9
2026-11-05 07:30:00,Legs,4200,Squat (Barbell),1,140,3,7.5
2026-11-05 07:30:00,Legs,4200,Squat (Barbell),2,140,3,
"""


def test_import_a_strong_export_from_the_file_menu(qtbot: QtBot, db_path: Path, open_window, tmp_path: Path) -> None:
    export = tmp_path / "strong.csv"
    export.write_text(STRONG, encoding="utf-8")
    window: MainWindow = open_window(db_path)

    with answering(qtbot, "Open", type_file_name(qtbot, export)):
        pick_menu(qtbot, window, "File", "Import from another app")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ImportDialog), timeout=5000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ImportDialog)
    wait_active(qtbot, dialog)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20000)
    assert dialog.figure("sessions") == "2", dialog.figure("sessions")
    assert repo.session_count() == 0  # nothing written before Import
    screenshots(dialog, "scenario-import-preview")
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        click_button(qtbot, "Import", dialog)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)

    push, legs = sorted(list_sessions(), key=lambda s: s.start)
    assert (push.title, push.set_count, legs.title, legs.set_count) == ("Push A", 3, "Legs", 2)
    bench = repo.get_session(push.id).entries[0]
    assert bench.exercise.name == "Bench Press"
    assert [(s.set_type, s.load_kg, s.reps, s.rir, s.effort_scale) for s in bench.sets] == [
        (SetType.WARMUP, 60, 8, None, None),
        (SetType.WORKING, 100, 5, 2, EffortScale.RPE),
        (SetType.WORKING, 100, 5, 1, EffortScale.RPE),
    ]
    squat = repo.get_session(legs.id).entries[0]
    assert squat.exercise.name == "Back Squat"
    assert [(s.load_kg, s.reps, s.rir) for s in squat.sets] == [(140, 3, pytest.approx(2.5)), (140, 3, None)]
    screenshots(window, "scenario-import")

    # Ctrl+Z in the window removes what the import added, and only that.
    wait_active(qtbot, window)
    press(qtbot, Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert list_sessions() == []
    pick_menu(qtbot, window, "Edit", "Redo Import strong.csv (2 sessions)")
    assert sorted(s.title for s in list_sessions()) == ["Legs", "Push A"]
