# SPDX-License-Identifier: MIT
"""Heavy sets (>= 80 % of the e1RM at the time, or <= 6 reps at RIR <= 3) and the e1RM-stall insight, by hand."""

from __future__ import annotations

import numpy as np

from journal.domain.estimate import EstimateRows
from journal.domain.heavy import heavy_sets, stalls, weekly_heavy

DAY = 86400.0
NAN = float("nan")


def rows(
    load: list[float], reps: list[int], rir: list[float], head: list[bool], week: list[int], exercise: list[int]
) -> EstimateRows:
    n = len(load)
    return EstimateRows(
        set_id=np.arange(n),
        session=np.zeros(n, np.int64),
        exercise=np.array(exercise, np.int64),
        day=np.zeros(n),
        week=np.array(week, np.int64),
        load=np.array(load),
        reps=np.array(reps),
        rir=np.array(rir),
        logged=np.array(rir),
        head=np.array(head),
        rated=np.isfinite(rir),
        hard=np.zeros(n, np.bool_),
        entry_position=np.zeros(n, np.int64),
        position=np.arange(n),
    )


def test_heavy_by_load_or_by_reps_and_effort() -> None:
    found = rows(
        load=[100, 90, 90, 90, 100, 95],
        reps=[8, 8, 5, 5, 8, 6],
        rir=[NAN, 1.0, 2.0, NAN, NAN, 3.5],
        head=[True, True, True, True, False, True],
        week=[0, 0, 7, 7, 7, 7],
        exercise=[1] * 6,
    )
    reference = np.full(6, 120.0)
    # 100 / 120 = 83 %: heavy; 90 / 120 = 75 % at 8 reps: not; 5 reps at RIR 2: heavy; 5 reps unrated at 75 %: not;
    # a drop continuation never counts on its own; 6 reps at RIR 3.5 and 79 %: not
    assert heavy_sets(found, reference).tolist() == [True, False, True, False, False, False]
    assert heavy_sets(found, np.full(6, NAN)).tolist() == [False, False, True, False, False, False]
    weeks, counts = weekly_heavy(found.week, found.exercise, heavy_sets(found, reference), 1)
    assert weeks.tolist() == [0, 7] and counts.tolist() == [1, 1]


def test_an_e1rm_flat_for_six_weeks_without_heavy_sets_is_a_stall() -> None:
    days = [0, 7, 14, 21, 28, 35, 42, 49, 56]  # the last 6 weeks are days 15-56: 6 sessions
    flat = [100, 98, 99, 97, 100, 99, 98, 100, 99]  # never above the 100 before
    rising = [100, 98, 99, 97, 100, 99, 98, 101, 99]
    best_exercise = np.array([1] * 9 + [2] * 9 + [3] * 9 + [4] * 2, np.int64)
    best_day = np.array(days * 3 + [0, 50], np.float64) * DAY
    best_e1rm = np.array(flat + flat + rising + [100, 90], np.float64)
    heavy_exercise, heavy_day = np.array([2, 1]), np.array([30.0, 10.0]) * DAY  # exercise 1's is before the 6 weeks
    found = stalls(best_exercise, best_day, best_e1rm, heavy_exercise, heavy_day, {1: "Bench Press"})
    # 1 stalls (100 % of the best before, no heavy set since day 14); 2 had a heavy set on day 30; 3 rose to 101;
    # 4 has one session in the last 6 weeks
    assert [(x.exercise, x.title) for x in found] == [(1, "Bench Press: e1RM flat for 6 weeks, without heavy sets")]
    assert (found[0].start, found[0].end) == (14 * DAY, 56 * DAY)  # the stalled window: after day 14, to day 56
    assert "6 sessions" in found[0][2] and "100% of the best before" in found[0][2]
