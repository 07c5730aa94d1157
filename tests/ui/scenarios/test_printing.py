# SPDX-License-Identifier: MIT
"""Printed sheets (README): the session sheet from File > Session as PDF and the gym sheet from the Routines tab,
each saved through the file dialog and read back from the PDF."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SetRecord, SetType
from journal.domain.routines import Routine, RoutineItem
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.storage.queries import list_sessions
from journal.storage.routines import list_routines, save_routine
from journal.ui.main_window import MainWindow
from journal.ui.routines.routines_screen import RoutinesScreen
from tests.ui.helpers import answering, click, pick_menu, screenshots
from tests.ui.scenarios.conftest import type_file_name


def pdf_text(path: Path) -> str:
    assert path.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed: the PDF was written but its text is not checked")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def make_journal(path: Path) -> int:
    open_database(path)
    try:
        bench, row = exercises.find_exercise("Bench Press"), exercises.find_exercise("Barbell Row")
        assert bench is not None and row is not None
        session, _ = repo.add_session(
            Session(
                start=datetime(2026, 11, 30, 18, 0),
                title="Push <heavy>",
                entries=(
                    Entry(
                        exercise=bench,
                        sets=(
                            SetRecord(set_type=SetType.WARMUP, load_kg=60, reps=8),
                            SetRecord(load_kg=100, reps=5, rir=2),
                            SetRecord(load_kg=100, reps=5, rir=1, note="grip wider"),
                        ),
                    ),
                ),
            )
        )
        save_routine(
            Routine(
                name="Upper A",
                items=(
                    RoutineItem(exercise=bench, sets=3, reps_low=5, reps_high=5),
                    RoutineItem(exercise=row, calibration=True),
                ),
            )
        )
    finally:
        close_database()
    assert session.id is not None
    return session.id


def test_session_sheet_and_gym_sheet_as_pdf(qtbot: QtBot, db_path: Path, open_window, tmp_path: Path) -> None:
    session_id = make_journal(db_path)
    window: MainWindow = open_window(db_path)
    assert window.sessions.selected_id() == session_id

    sheet = tmp_path / "out" / "push.pdf"
    sheet.parent.mkdir()
    with answering(qtbot, "Save", type_file_name(qtbot, sheet)):
        pick_menu(qtbot, window, "File", "Session as PDF")
    text = pdf_text(sheet)
    for expected in ("Push <heavy>", "Bench Press", "100", "grip wider", "Warm-up"):
        assert expected in text, f"{expected!r} not on the session sheet:\n{text}"

    bar = window.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(2).center())
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), RoutinesScreen), timeout=5000)
    screen = window.routines
    assert screen.current() is not None and screen.current().name == "Upper A"
    gym = tmp_path / "out" / "upper-a.pdf"
    with answering(qtbot, "Save", type_file_name(qtbot, gym)):
        click(qtbot, screen.pdf_sheet)
    text = pdf_text(gym)
    for expected in ("Upper A", "Bench Press", "Barbell Row", "3 × 5", "Reps to failure"):
        assert expected in text, f"{expected!r} not on the gym sheet:\n{text}"

    # Printing wrote nothing to the journal.
    (summary,) = list_sessions()
    assert summary.id == session_id and summary.set_count == 3
    assert [r.name for r in list_routines()] == ["Upper A"]
    screenshots(window, "scenario-printing")
