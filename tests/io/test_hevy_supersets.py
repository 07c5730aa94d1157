# SPDX-License-Identifier: MIT
"""Hevy's superset_id: exercises of a workout with the same id are one superset (a circuit of three or more),
read into the entries and stored by `journal import`; an empty id is an exercise on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.domain.supersets import labels
from journal.io import ImportOptions
from journal.io.hevy import HevyCsv
from tests.conftest import SAMPLES
from tests.io.support import run_cli, stored_sessions

SAMPLE = SAMPLES / "hevy" / "hevy-superset.csv"


def test_superset_ids_group_the_exercises_of_each_workout() -> None:
    parsed = HevyCsv().read(SAMPLE.read_text(encoding="utf-8"), ImportOptions())
    assert not parsed.problems
    legs, upper = parsed.sessions  # oldest first
    assert [(e.exercise.name, e.superset) for e in legs.entries] == [
        ("Squat (Barbell)", 1),
        ("Lying Leg Curl (Machine)", 1),
    ]
    assert [(e.exercise.name, e.superset, len(e.sets)) for e in upper.entries] == [
        ("Bench Press (Barbell)", 1, 2),
        ("Bent Over Row (Barbell)", 1, 2),
        ("Overhead Press (Barbell)", None, 1),
        ("Bicep Curl (Dumbbell)", 2, 1),
        ("Triceps Pushdown", 2, 1),
        ("Plank", 2, 1),
    ]
    assert labels([e.superset for e in upper.entries]) == ["A1", "A2", None, "B1", "B2", "B3"]


def test_a_superset_id_that_is_no_whole_number_is_refused_on_its_row() -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace('"Triceps Pushdown",1,', '"Triceps Pushdown",x,')
    parsed = HevyCsv().read(text, ImportOptions())
    assert [(p.line, p.message) for p in parsed.problems] == [(8, "superset id 'x' is not a number")]


def test_journal_import_stores_the_groups(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, _out, err = run_cli(capsys, "--db", db_path, "import", SAMPLE)
    assert code == 0, err
    legs, upper = stored_sessions(db_path)
    assert [e.superset for e in legs.entries] == [1, 1]
    assert [e.superset for e in upper.entries] == [1, 1, None, 2, 2, 2]
