# SPDX-License-Identifier: MIT
"""The Fitbod reader remembers what a workout's date and a set's fields were read as, under the fields as written:
a refusal is still reported on every row it is on, and alike sets are one checked record."""

from __future__ import annotations

import csv
from datetime import datetime

import pytest

from journal.domain.records import SetRecord, SetType
from journal.io import ImportOptions, ParsedImport
from journal.io.fitbod import FitbodCsv
from tests.conftest import SAMPLES, shared_export
from tests.io.support import KG_PER_LB, csv_text, lines, sets_of, shape

COLUMNS = (
    "Date",
    "Exercise",
    "Reps",
    "Weight(kg)",
    "Duration(s)",
    "Distance(m)",
    "Incline",
    "Resistance",
    "isWarmup",
    "Note",
    "multiplier",
)
DATE = "2021-01-17 22:14:35 +0000"


def row(
    exercise: str = "Back Squat",
    reps: str = "5",
    weight: str = "100.0",
    *,
    date: str = DATE,
    warmup: str = "false",
    note: str = "",
    **more: str,
) -> dict[str, str]:
    return {
        "Date": date,
        "Exercise": exercise,
        "Reps": reps,
        "Weight(kg)": weight,
        "Duration(s)": "0.0",
        "Distance(m)": "0.0",
        "isWarmup": warmup,
        "Note": note,
        **more,
    }


def read(rows: list[dict[str, str]], units: str = "kg") -> ParsedImport:
    return FitbodCsv().read(csv_text(rows, COLUMNS), ImportOptions(units=units))


def test_a_bad_value_on_several_rows_is_reported_on_each_and_the_rows_around_it_still_read() -> None:
    parsed = read(
        [
            row(),
            row(warmup="maybe"),
            row(),
            row(warmup="maybe"),
            row(weight="abc"),
            row(weight="abc"),
            row(date="31 Feb 2021"),
            row(date="31 Feb 2021"),
            row(exercise=" "),
        ]
    )
    assert lines(parsed) == [3, 5, 6, 7, 8, 9, 10]
    messages = [p.message for p in parsed.fatal]
    assert messages[0] == messages[1] == "isWarmup 'maybe' is neither true nor false"
    assert messages[2] == messages[3] == "weight 'abc' is not a number"
    assert messages[6] == "the exercise name is empty"
    assert len(sets_of(parsed)) == 2


def test_alike_sets_are_one_record_and_warm_ups_are_marked() -> None:
    parsed = read(
        [
            row(warmup="true", weight="60"),
            row(),
            row(),
            row("Bench Press", weight="100.0"),
            row(date="2021-01-19 18:00:00 +0000"),
            row(note="easy"),
        ]
    )
    assert not parsed.problems
    assert shape(parsed) == [
        [("Back Squat", "", 3), ("Bench Press", "", 1), ("Back Squat", "", 1)],
        [("Back Squat", "", 1)],
    ]
    first, second, third, bench, noted, later = sets_of(parsed)
    assert first == SetRecord(set_type=SetType.WARMUP, load_kg=60.0, reps=5)
    assert second is third is bench is later  # one checked record for the sets alike, whatever the exercise
    assert noted == SetRecord(load_kg=100.0, reps=5, note="easy") and noted != second
    assert [s.start for s in parsed.sessions] == [datetime(2021, 1, 17, 22, 14, 35), datetime(2021, 1, 19, 18)]


def test_the_sample_export_reads_every_row_as_written() -> None:
    path = SAMPLES / "fitbod" / "fitbod-export.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    starts = sorted({datetime.strptime(r["Date"].removesuffix(" +0000"), "%Y-%m-%d %H:%M:%S") for r in rows})
    assert starts[0] != datetime.strptime(rows[0]["Date"][:19], "%Y-%m-%d %H:%M:%S")  # the file: newest first
    for units in ("kg", "lb"):
        parsed = FitbodCsv().read(path.read_text(encoding="utf-8"), ImportOptions(units=units))
        assert not parsed.problems
        assert [s.start for s in parsed.sessions] == starts
        assert parsed.set_count == len(rows)
        in_order = sorted(rows, key=lambda r: r["Date"])  # sessions oldest first, each in file order
        got = [
            (e.exercise.name, r.set_type, r.reps, r.duration_s, r.distance_m, r.note)
            for s in parsed.sessions
            for e in s.entries
            for r in e.sets
        ]
        assert got == [
            (
                r["Exercise"],
                SetType.WARMUP if r["isWarmup"] == "true" else SetType.WORKING,
                int(r["Reps"]) or None,
                float(r["Duration(s)"]) or None,
                float(r["Distance(m)"]) or None,
                r["Note"],
            )
            for r in in_order
        ]
        loads = [r.load_kg for s in parsed.sessions for e in s.entries for r in e.sets]
        for row, load in zip(in_order, loads, strict=True):
            kg = float(row["Weight(kg)"])
            if not kg:
                assert load is None
            elif units == "kg":
                assert load == kg  # as read; per dumbbell: the multiplier is not applied
            else:
                assert load == pytest.approx(round(kg / KG_PER_LB * 4) / 4 * KG_PER_LB, abs=1e-12)


def test_the_real_export_reads_every_row() -> None:
    path = shared_export("fitbod", "chrsilvi-fitbod-WorkoutExport.head16k.csv")
    for units in ("kg", "lb"):
        parsed = FitbodCsv().read(path.read_text(encoding="utf-8"), ImportOptions(units=units))
        assert not parsed.problems
        assert (len(parsed.sessions), parsed.set_count) == (6, 172)
        first = parsed.sessions[0].entries[0]
        assert first.exercise.name == "Back Squat"
        assert first.sets[0] == SetRecord(set_type=SetType.WARMUP, load_kg=first.sets[0].load_kg, reps=10)
        warmups = sum(r.set_type is SetType.WARMUP for s in parsed.sessions for e in s.entries for r in e.sets)
        assert 0 < warmups < parsed.set_count
