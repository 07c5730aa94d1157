# SPDX-License-Identifier: MIT
"""Timed and distance sets count in their own figures: time under load and distance, in the editor's figures and in
`journal stats --json` (totals and weeks); never in tonnage or hard sets, even when rated."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from journal.domain.metrics import summarize
from journal.domain.records import Entry, Measure, Session, SetRecord, SetType
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.queries import stats
from tests.io.support import run_cli

BENCH = (SetRecord(load_kg=100, reps=5, rir=1),)
PLANK = (
    SetRecord(set_type=SetType.WARMUP, duration_s=30),
    SetRecord(duration_s=60, rir=1),
    SetRecord(load_kg=10, duration_s=45, rir=0),
)
WALK = (SetRecord(load_kg=40, distance_m=50, rir=1), SetRecord(load_kg=40, distance_m=50))
RUN = (SetRecord(distance_m=5200, duration_s=1800),)


def test_a_rated_plank_is_no_hard_set_and_its_time_is_counted() -> None:
    plank = summarize(PLANK, threshold=3.0, measure=Measure.TIME)
    assert (plank.working_sets, plank.hard_sets, plank.tonnage_kg, plank.time_s) == (2, 0, 0.0, 105.0)
    walk = summarize(WALK, threshold=3.0, measure=Measure.DISTANCE)
    assert (walk.hard_sets, walk.tonnage_kg, walk.distance_m, walk.time_s) == (0, 0.0, 100.0, 0.0)
    bench = summarize(BENCH, threshold=3.0)
    assert (bench.hard_sets, bench.tonnage_kg, bench.time_s, bench.distance_m) == (1, 500.0, 0.0, 0.0)


def seed() -> None:
    names = ("Bench Press", "Plank", "Farmer's Walk", "Running")
    found = [exercises.find_exercise(n) for n in names]
    assert all(found) and [e.measure for e in found if e] == [
        Measure.REPS,
        Measure.TIME,
        Measure.DISTANCE,
        Measure.DISTANCE_TIME,
    ]
    entries = tuple(Entry(exercise=e, sets=sets) for e, sets in zip(found, (BENCH, PLANK, WALK, RUN), strict=True) if e)
    repo.add_session(Session(start=datetime(2026, 3, 2, 18), entries=entries))


def test_stats_counts_time_and_distance_apart_from_tonnage_and_hard_sets(journal: Path) -> None:
    seed()
    figures = stats(3.0)
    assert (figures["tonnage_kg"], figures["time_s"], figures["distance_m"]) == (500.0, 105.0, 5300.0)
    (week,) = figures["weeks"]
    assert (week["hard_sets"], week["tonnage_kg"], week["time_s"], week["distance_m"]) == (1, 500.0, 105.0, 5300.0)


def test_journal_stats_json_prints_them(capsys: pytest.CaptureFixture[str], journal: Path) -> None:
    seed()
    code, out, err = run_cli(capsys, "--db", journal, "stats", "--json")
    assert code == 0, err
    printed = json.loads(out)
    assert (printed["time_s"], printed["distance_m"], printed["weeks"][0]["hard_sets"]) == (105.0, 5300.0, 1)


def test_the_review_counts_no_hard_set_for_a_rated_plank_or_carry(journal: Path) -> None:
    """The review's one-pass read counts hard sets as the queries and `journal stats` do: only bench's."""
    from journal.domain.metrics import E1rmFormula
    from journal.storage import review as review_queries
    from journal.storage import review_scan

    seed()
    scanned = review_scan.read(3.0, E1rmFormula.CURVE)
    assert int(scanned.rows.hard.sum()) == int(review_queries.week_exercise_rows(3.0).hard.sum()) == 1
    assert int(scanned.estimates.hard.sum()) == int(review_queries.estimate_rows(3.0).hard.sum()) == 1
    rows = review_queries.conditioning_rows()
    assert (float(rows.time_s.sum()), float(rows.distance_m.sum())) == (105.0, 5300.0)  # as stats has them
