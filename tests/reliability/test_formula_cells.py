# SPDX-License-Identifier: MIT
"""The Review's *Data CSV…* export never writes a cell a spreadsheet would run as a formula: exercise names such
as '=1+1', '=HYPERLINK(…)' or "+cmd|' /C calc'!A0" are written with a leading apostrophe, as Journal CSV does."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SetRecord
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.ui.main_window import MainWindow

NAMES = ["=1+1", '=HYPERLINK("http://example.com","x")', "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3"]


def test_data_csv_neutralises_formula_cells(
    qtbot: QtBot, db_path: Path, tmp_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(db_path)
    day = datetime.combine(date.today() - timedelta(days=3), datetime.min.time()).replace(hour=18)
    entries = []
    for name in NAMES:
        exercise, _ = exercises.create_exercise(name)
        entries.append(Entry(exercise=exercise, sets=(SetRecord(load_kg=50, reps=5, rir=1),)))
    repo.add_session(Session(start=day, title="formulas", entries=tuple(entries)))
    close_database()
    window: MainWindow = open_window(db_path)
    window.tabs.setCurrentWidget(window.review)
    screen = window.review
    qtbot.waitUntil(lambda: screen.data.snapshot is not None, timeout=20000)
    cells: list[str] = []
    for index in range(screen.tabs.count()):
        screen.tabs.setCurrentIndex(index)
        out = tmp_path / f"chart-{index}.csv"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, out=out, **k: (str(out), ""))
        qtbot.mouseClick(screen.export_csv, Qt.MouseButton.LeftButton)
        with out.open(newline="", encoding="utf-8") as handle:
            cells += [cell for row in csv.reader(handle) for cell in row]
    named = [cell for cell in cells if cell.lstrip("'") in NAMES]
    assert named, "no exercise name was exported"
    assert all(cell.startswith("'") for cell in named), named
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@")]
