# SPDX-License-Identifier: MIT
"""The calibration insights look at what the charts look at: the chosen range and the exercise or muscle shown, not
the whole history; and e1RM reads a set continued to failure at its failure reps."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from journal.domain.effort import EffortScale
from journal.domain.metrics import CURVE_K, E1rmFormula
from journal.domain.records import Entry, Session, SetRecord
from journal.domain.units import Unit
from journal.review.data import read_all
from journal.review.figures import Scope, review_insights
from journal.settings import Preferences
from journal.storage import repository as repo
from journal.storage.exercises import find_exercise
from journal.storage.review import session_bests

PREFS = Preferences(Unit.KG, EffortScale.RIR, 3.0, E1rmFormula.CURVE)


def calls(name: str, day: datetime, errors: list[float]) -> None:
    """One session of `name` with a set per error: 8 reps called at RIR 3 + error, continued to failure at 11."""
    exercise = find_exercise(name)
    assert exercise is not None
    repo.add_session(
        Session(
            start=day,
            entries=(
                Entry(
                    exercise=exercise,
                    sets=tuple(
                        SetRecord(load_kg=100.0, reps=8, rir=3.0 + error, effort_scale=EffortScale.RIR, failure_reps=11)
                        for error in errors
                    ),
                ),
            ),
        )
    )


def titles(scope: Scope) -> list[str]:
    return [i.title for i in review_insights(read_all(PREFS), scope, (10.0, 20.0)) if i.kind == "calibration"]


def test_calibration_insights_follow_the_range_and_the_exercise_or_muscle_shown(journal: Path) -> None:
    calls("Squat", datetime(2026, 1, 12, 18), [-2.0, -2.0, -1.0, -2.0, -3.0])  # January: under-called
    calls("Squat", datetime(2026, 6, 8, 18), [0.0, 0.5, -0.5, 0.0, 0.0])  # June: calibrated
    calls("Bench Press", datetime(2026, 6, 10, 18), [2.0, 2.0, 2.0, 1.5, 2.5])  # June: over-called
    june = Scope(since=date(2026, 6, 1), until=date(2026, 6, 30))
    assert titles(june)[:2] == [
        "You over-call your reserve by a rep or more on Bench Press",
        "Your RIR calls on Back Squat are calibrated (within a rep)",
    ]
    january = Scope(since=date(2026, 1, 1), until=date(2026, 1, 31))
    assert titles(january)[0] == "You under-call your reserve by a rep or more on Back Squat"
    assert not any("Bench" in t for t in titles(january))
    squat = find_exercise("Squat")
    assert squat is not None and squat.id is not None
    # all of squat: errors -2, -2, -1, -2, -3, 0, 0.5, -0.5, 0, 0: mean -1, the interval crosses a rep
    assert titles(Scope(since=date(2026, 1, 1), until=date(2026, 6, 30), exercise=squat.id))[0] == (
        "Your RIR calls on Back Squat are not settled yet"
    )
    assert not any("Bench" in t for t in titles(Scope(since=date(2026, 6, 1), until=date(2026, 6, 30), muscle="quads")))


def test_a_set_continued_to_failure_gives_e1rm_from_its_failure_reps(journal: Path) -> None:
    calls("Squat", datetime(2026, 6, 8, 18), [0.0])  # 100 kg, 8 reps called at RIR 3, failure at 11
    (best,) = session_bests(E1rmFormula.CURVE).e1rm.tolist()
    # by hand: n = 11 reps at RIR 0 (not 8 + 3 = 11 by the call: make them differ below), 100 (1 + 10 k)
    assert best == pytest.approx(100 * (1 + 10 * CURVE_K))
    calls("Bench Press", datetime(2026, 6, 9, 18), [-2.0])  # called RIR 1 at 8 reps, reached 11
    bests = session_bests(E1rmFormula.CURVE)
    assert bests.e1rm.tolist()[1] == pytest.approx(100 * (1 + 10 * CURVE_K))  # not 100 (1 + 8 k) from 8 + 1


def test_a_stalled_exercise_without_heavy_sets_gets_an_insight(journal: Path) -> None:
    bench = find_exercise("Bench Press")
    assert bench is not None
    for week in range(9):  # 100 × 8 unrated every Monday: e1RM 100 (1 + 7k) = 127.4, 100 kg is 78 % of it
        repo.add_session(
            Session(
                start=datetime(2026, 1, 5, 18) + timedelta(weeks=week),
                entries=(Entry(exercise=bench, sets=(SetRecord(load_kg=100.0, reps=8),) * 3),),
            )
        )
    found = [
        i
        for i in review_insights(read_all(PREFS), Scope(since=date(2026, 1, 1), until=date(2026, 3, 31)), (10.0, 20.0))
        if i.kind == "strength_stall"
    ]
    assert [i.title for i in found] == ["Bench Press: e1RM flat for 6 weeks, without heavy sets"]
    assert "Robinson" in found[0].source and len(found[0].session_ids) == 6  # the sessions of the stalled weeks
    # one heavy set (5 reps at RIR 2) in the last 6 weeks and the insight goes
    repo.add_session(
        Session(
            start=datetime(2026, 2, 25, 18),
            entries=(
                Entry(exercise=bench, sets=(SetRecord(load_kg=90.0, reps=5, rir=2.0, effort_scale=EffortScale.RIR),)),
            ),
        )
    )
    assert not [
        i
        for i in review_insights(read_all(PREFS), Scope(since=date(2026, 1, 1), until=date(2026, 3, 31)), (10.0, 20.0))
        if i.kind == "strength_stall"
    ]
