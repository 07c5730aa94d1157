# SPDX-License-Identifier: MIT
"""Bodyweight files (FitNotes' body tracker, Hevy's body measurements) into the bodyweight log."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from journal.storage.bodyweight import weighings
from journal.storage.database import close_database, open_database
from tests.io.support import run_cli

SAMPLES = Path(__file__).parents[1] / "fixtures"
FITNOTES = SAMPLES / "body" / "fitnotes-body-tracker.csv"
HEVY = SAMPLES / "body" / "hevy-measurements.csv"
LB = 0.45359237


def test_fitnotes_body_tracker_weights_come_in_once(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "import", FITNOTES, "--db", db_path)
    assert code == 0, err
    assert out.strip() == "imported 3 bodyweights (0 already there)"
    assert err.strip() == f"{FITNOTES}:7: warning: skipped: a bodyweight of 1790 lb is outside 20–400 kg"
    code, out, _ = run_cli(capsys, "import", FITNOTES, "--db", db_path)
    assert out.strip() == "imported 0 bodyweights (3 already there)"
    open_database(db_path)
    try:
        got = [(w.day, round(w.kg, 4), w.source) for w in weighings()]
    finally:
        close_database()
    assert got == [
        (date(2025, 1, 6), round(180.4 * LB, 4), "fitnotes-body"),
        (date(2025, 1, 8), round(181.2 * LB, 4), "fitnotes-body"),  # the later weighing of the day
        (date(2025, 1, 15), round(178.6 * LB, 4), "fitnotes-body"),
    ]


def test_hevy_measurements_weights_come_in(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "import", HEVY, "--db", db_path)
    assert (code, out.strip(), err) == (0, "imported 3 bodyweights (0 already there)", "")
    open_database(db_path)
    try:
        assert [(w.day.day, w.kg) for w in weighings()] == [(12, 82.4), (14, 82.1), (18, 81.7)]
    finally:
        close_database()
