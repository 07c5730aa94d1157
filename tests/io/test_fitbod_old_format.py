# SPDX-License-Identifier: MIT
"""Fitbod's older seven-column export, isWarmup flags in any case, and assistance (a negative load) imported as a
negative load on a bodyweight exercise."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from journal.domain.records import SetType
from journal.io import ImportOptions, detect, parse_file, parse_text
from journal.io.fitbod import FitbodCsv
from journal.io.generic import GenericCsv
from journal.storage.database import close_database, open_database
from journal.storage.importing import ImportRefused, import_sessions
from journal.storage.queries import stats
from tests.conftest import SAMPLES
from tests.io.support import KG_PER_LB, run_cli, sets_of, shape, stored_sessions

OLD = SAMPLES / "fitbod" / "fitbod-old-export.csv"
HEADER = "Date,Exercise,Sets,Reps,Weight,isWarmup,Note\n"


def test_the_old_layout_is_recognised_as_fitbod() -> None:
    assert detect(OLD.read_text(encoding="utf-8")) is FitbodCsv


def test_the_old_sample_reads_sets_warm_ups_and_assistance() -> None:
    parsed = parse_file(OLD, options=ImportOptions(units="lb"))
    assert not parsed.problems
    assert [s.start for s in parsed.sessions] == [datetime(2019, 3, 12), datetime(2019, 3, 14)]
    assert shape(parsed) == [
        [("Back Squat", "", 5), ("Plank", "", 1)],
        [("Barbell Bench Press", "", 4), ("Assisted Chin Up", "", 3), ("Dumbbell Fly", "", 2)],
    ]
    squat, plank = parsed.sessions[0].entries
    assert [r.set_type for r in squat.sets] == [SetType.WARMUP] + [SetType.WORKING] * 4
    assert squat.sets[1].load_kg == pytest.approx(185 * KG_PER_LB)  # 83.91459 kg: 185 lb, rounded back
    assert plank.sets[0].note == "60 s"
    bench, chin, fly = parsed.sessions[1].entries
    assert [r.set_type for r in bench.sets] == [SetType.WARMUP] + [SetType.WORKING] * 3
    assert [r.set_type for r in fly.sets] == [SetType.WORKING] * 2  # "False": any case
    assert [(r.reps, r.note) for r in chin.sets] == [(8, "Green band")] * 3
    assert chin.sets[0].load_kg == pytest.approx(-44 * KG_PER_LB)  # -20 kg, to the quarter pound in lb
    in_kg = parse_file(OLD, options=ImportOptions(units="kg"))
    assert [r.load_kg for r in in_kg.sessions[1].entries[1].sets] == [-20.0] * 3  # kept as written
    assert parsed.set_count == 1 + 4 + 1 + 1 + 3 + 3 + 2


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2019-03-14,Row,1,8,50,MAYBE,", "isWarmup 'MAYBE' is neither true nor false"),
        ("2019-03-14,Row,1000,8,50,FALSE,", "sets '1000' is more than 100 alike sets on one row"),
        ("2019-03-14,Row,1,8,-500,FALSE,", "assistance 500 kg is more than 400 kg"),
    ],
)
def test_a_bad_old_row_is_named_by_its_line(row: str, message: str) -> None:
    parsed = parse_text(HEADER + "2019-03-14,Row,1,8,50,FALSE,\n" + row + "\n", options=ImportOptions(units="kg"))
    assert [(p.line, p.message) for p in parsed.fatal] == [(3, message)]


def test_a_warm_up_flag_mapped_as_the_set_type_reads_true_and_false() -> None:
    text = "Date,Exercise,Weight,Reps,isWarmup\n2025-01-02,Squat,60,5,TRUE\n2025-01-02,Squat,100,5,FALSE\n"
    mapping = {"date": "Date", "exercise": "Exercise", "load": "Weight", "reps": "Reps", "set_type": "isWarmup"}
    parsed = GenericCsv().read(text, ImportOptions(units="kg", mapping=mapping))
    assert not parsed.problems
    assert [r.set_type for r in sets_of(parsed)] == [SetType.WARMUP, SetType.WORKING]


def test_assistance_is_stored_on_a_bodyweight_exercise_and_counts_only_with_a_bodyweight(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "journal.sqlite"
    code, out, err = run_cli(capsys, "import", OLD, "--units", "kg", "--db", db)
    assert code == 0, err
    sessions = stored_sessions(db)
    chin = sessions[1].entries[1]
    assert chin.exercise.name == "Assisted Chin-up" and chin.exercise.bodyweight  # the catalogue's, by its alias
    assert [r.load_kg for r in chin.sets] == [-20.0] * 3
    open_database(db)
    try:
        tonnage = stats()["tonnage_kg"]  # no bodyweight: the assisted sets add nothing
    finally:
        close_database()
    expected = sum(
        (r.load_kg or 0) * (r.reps or 0)
        for s in sessions
        for e in s.entries
        if not e.exercise.bodyweight
        for r in e.sets
        if r.set_type is not SetType.WARMUP
    )
    assert tonnage == pytest.approx(expected)


def test_assistance_mapped_onto_a_loaded_exercise_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    parsed = parse_file(OLD, options=ImportOptions(units="kg"))
    open_database(tmp_path / "journal.sqlite")
    try:
        from journal.storage.exercises import find_exercise

        bench = find_exercise("Bench Press")
        assert bench is not None
        choices: dict[str, int | None] = {name: None for name in parsed.exercise_names()}
        choices["Assisted Chin Up"] = bench.id
        with pytest.raises(ImportRefused, match="not a bodyweight exercise"):
            import_sessions(parsed.sessions, choices, None)
        assert stats()["sessions"] == 0
    finally:
        close_database()
