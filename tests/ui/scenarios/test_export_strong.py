# SPDX-License-Identifier: MIT
"""Taking a history back to a phone (README): File > Export as Strong CSV, the file named in the file dialog; the
file holds every set as Strong writes it, loads in the lifter's unit."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Exercise, Session, SetRecord, SetType
from journal.storage.importing import import_sessions
from journal.ui.main_window import MainWindow
from tests.ui.helpers import answering, pick_menu
from tests.ui.scenarios.conftest import type_file_name


def test_export_the_journal_as_strong_csv_from_the_file_menu(
    qtbot: QtBot, db_path: Path, open_window, tmp_path: Path
) -> None:
    window: MainWindow = open_window(db_path)
    session = Session(
        start=datetime(2026, 11, 2, 18, 0),
        title="Push A",
        entries=(
            Entry(
                Exercise(None, "Bench Press"),
                sets=(SetRecord(set_type=SetType.WARMUP, load_kg=60.0, reps=8), SetRecord(load_kg=100.0, reps=5)),
            ),
        ),
    )
    import_sessions([session], {"Bench Press": None}, None)
    out = tmp_path / "for-the-phone.csv"
    with answering(qtbot, "Save", type_file_name(qtbot, out)):
        pick_menu(qtbot, window, "File", "Export as Strong CSV")
    qtbot.waitUntil(out.exists, timeout=5000)
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert [(r["Workout Name"], r["Exercise Name"], r["Set Order"], r["Weight"], r["Reps"]) for r in rows] == [
        ("Push A", "Bench Press", "W", "60.0", "8"),
        ("Push A", "Bench Press", "1", "100.0", "5"),
    ]
    assert "as Strong CSV, loads in kg" in window.statusBar().currentMessage()
