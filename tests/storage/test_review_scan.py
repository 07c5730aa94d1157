# SPDX-License-Identifier: MIT
"""The review read in one pass (journal.storage.review_scan) gives what the per-figure queries give, on a journal of
random sessions: warm-ups, drop-set series, failure and back-off sets, RPE and RIR ratings, RIR 0 from a set type,
failure reps, bodyweight and timed exercises, sessions with and without a bodyweight, sets added to old sessions
later, and sessions deleted."""

from __future__ import annotations

import dataclasses
import random
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from journal.domain.effort import EffortScale
from journal.domain.metrics import E1rmFormula
from journal.domain.records import Entry, RirOrigin, Session, SetRecord, SetType
from journal.storage import review as queries
from journal.storage import review_scan
from journal.storage.exercises import find_exercise
from journal.storage.repository import add_session, add_set, delete_session

EXERCISES = ("Bench Press", "Squat", "Pull Up", "Plank", "Lateral Raise", "Assisted Pull-up")
# how each part's rows are told apart, to compare them whatever their order among equals
KEYS = {
    "rows": ("exercise", "week"),
    "bests": ("exercise", "session"),
    "curve_bests": ("exercise", "session"),
    "maxes": ("reps", "exercise", "session"),
    "calibration": ("set_id",),
    "points": ("set_id",),
    "estimates": ("set_id",),
}


def random_set(rng: random.Random, bodyweight: bool = False) -> SetRecord:
    """A set of any kind; on a bodyweight exercise the load may be assistance (negative), more than a bodyweight too."""
    kind = rng.choice([*SetType, SetType.WORKING, SetType.DROP, SetType.DROP])
    reps = rng.choice([None, 0, 1, 3, 5, 8, 12, 20])
    rir = rng.choice([None, None, 0.0, 0.5, 1.0, 2.0, 3.0, 4.5, 6.0])
    origin = RirOrigin.SET_TYPE if kind is SetType.FAILURE and rir is None and rng.random() < 0.5 else None
    if origin is not None:
        rir = 0.0
    return SetRecord(
        set_type=kind,
        load_kg=rng.choice([None, 0.0, 20.0, 61.23496, 100.0, 142.5, *((-20.0, -95.0) if bodyweight else ())]),
        reps=reps,
        rir=rir,
        effort_scale=None if rir is None else rng.choice([EffortScale.RPE, EffortScale.RIR]),
        failure_reps=rng.choice([None, None, (reps or 0) + rng.randint(0, 4)]),
        duration_s=rng.choice([None, 30.0]),
        rir_origin=origin,
    )


@pytest.fixture
def random_journal(journal: Path) -> Path:
    rng = random.Random(7)
    exercises = [find_exercise(name) for name in EXERCISES]
    assert all(exercises)
    start = datetime(2023, 1, 2, 7)
    entry_ids: list[int] = []
    sessions = []
    for day in range(60):
        chosen = [rng.choice(exercises) for _ in range(rng.randint(1, 3))]
        entries = tuple(
            Entry(
                exercise=exercise,  # type: ignore[arg-type]
                sets=tuple(random_set(rng, exercise.bodyweight) for _ in range(rng.randint(1, 5))),  # type: ignore[union-attr]
            )
            for exercise in chosen
        )
        when = start + timedelta(days=day * 2 + rng.choice([0, 0, 1]), hours=rng.randint(0, 3))
        stored, _ = add_session(Session(start=when, bodyweight_kg=rng.choice([None, 80.0]), entries=entries))
        sessions.append(stored.id)
        entry_ids += [entry.id for entry in stored.entries if entry.id is not None]
    for entry_id in rng.sample(entry_ids, 15):  # sets added later to old sessions: ids out of the table's order
        add_set(entry_id, random_set(rng), position=rng.choice([None, 0]))
    for session_id in rng.sample(sessions, 5):
        assert session_id is not None
        delete_session(session_id)
    return journal


def canonical(record: object, keys: tuple[str, ...]) -> dict[str, np.ndarray]:
    columns = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}  # type: ignore[arg-type]
    order = np.lexsort([columns[key] for key in keys])
    return {name: values[order] for name, values in columns.items()}


@pytest.mark.parametrize(("formula", "hard_rir"), [(E1rmFormula.CURVE, 2.0), (E1rmFormula.EPLEY, 5.0)])
def test_one_pass_gives_what_the_queries_give(random_journal: Path, formula: E1rmFormula, hard_rir: float) -> None:
    scanned = review_scan.read(hard_rir, formula)
    expected = {
        "rows": queries.week_exercise_rows(hard_rir),
        "bests": queries.session_bests(formula),
        "maxes": queries.rep_max_rows(),
        "calibration": queries.calibration_sets(),
        "points": queries.set_points(),
        "estimates": queries.estimate_rows(hard_rir),
        "curve_bests": None if formula is E1rmFormula.CURVE else queries.session_bests(E1rmFormula.CURVE),
    }
    assert scanned.weeks == queries.session_weeks()
    assert len(scanned.points.set_id) > 200 and scanned.estimates.head.sum() < len(scanned.estimates.head)
    for part, record in expected.items():
        got = getattr(scanned, part)
        if record is None:
            assert got is None
            continue
        want, have = canonical(record, KEYS[part]), canonical(got, KEYS[part])
        for name, values in want.items():
            assert have[name].dtype == values.dtype, (part, name)
            if values.dtype.kind == "f":
                np.testing.assert_allclose(have[name], values, rtol=1e-12, err_msg=f"{part}.{name}")
            else:
                np.testing.assert_array_equal(have[name], values, err_msg=f"{part}.{name}")
    # the sets in the order they were done, as the queries give them
    np.testing.assert_array_equal(scanned.points.set_id, expected["points"].set_id)  # type: ignore[union-attr]
    np.testing.assert_array_equal(scanned.estimates.set_id, expected["estimates"].set_id)  # type: ignore[union-attr]


def test_an_empty_journal_reads_empty(journal: Path) -> None:
    scanned = review_scan.read(2.0, E1rmFormula.EPLEY)
    assert scanned.weeks == {} and scanned.points.set_id.size == 0 and scanned.rows.week.size == 0
    assert scanned.curve_bests is not None and scanned.curve_bests.e1rm.size == 0
