# SPDX-License-Identifier: MIT
"""Heavy sets, the strength lens (SCIENCE.md M3): strength gains follow heavy load more than proximity to failure
(Robinson et al. 2024), so a working set is heavy at 80 % or more of the exercise's e1RM at the time (the best session
e1RM of the 8 weeks before, as for estimated RIR), or at 6 reps or fewer rated RIR 3 or closer. And the insight when
an exercise's e1RM stalls for 6 weeks or more without any heavy set."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from journal.domain.estimate import (
    DAY_SECONDS,
    BoolArray,
    EstimateRows,
    FloatArray,
    IntArray,
)

HEAVY_SHARE = 0.80  # of the e1RM at the time
HEAVY_REPS = 6  # or this many reps or fewer ...
HEAVY_RIR = 3.0  # ... rated this close to failure or closer
STALL_WEEKS = 6
STALL_MIN_SESSIONS = 3  # sessions of the exercise in those weeks, for a stall to mean anything

SOURCE = (
    "Robinson et al. 2024, Sports Med: strength gains relate to load more than to proximity to failure; "
    "Schoenfeld et al. 2017, JSCR: heavier loads favour strength"
)


def heavy_sets(rows: EstimateRows, reference: FloatArray) -> BoolArray:
    """The series heads that are heavy: load >= 80 % of the reference e1RM, or <= 6 reps at a logged RIR <= 3."""
    share = np.full(rows.load.size, np.nan)
    usable = np.isfinite(rows.load) & np.isfinite(reference) & (reference > 0)
    share[usable] = rows.load[usable] / reference[usable]
    by_load: BoolArray = np.nan_to_num(share, nan=0.0) >= HEAVY_SHARE
    by_reps: BoolArray = (rows.reps > 0) & (rows.reps <= HEAVY_REPS) & (np.nan_to_num(rows.rir, nan=99.0) <= HEAVY_RIR)
    heavy: BoolArray = rows.head & (by_load | by_reps)
    return heavy


def weekly_heavy(week: IntArray, exercise: IntArray, heavy: BoolArray, chosen: int) -> tuple[IntArray, IntArray]:
    """(weeks, heavy sets) of one exercise, for the weeks it has any working set."""
    mine = exercise == chosen
    weeks, at = np.unique(week[mine], return_inverse=True)
    return weeks.astype(np.int64), np.bincount(at, weights=heavy[mine].astype(np.float64), minlength=weeks.size).astype(
        np.int64
    )


class Stall(NamedTuple):
    """An exercise's stalled e1RM: what to say, and its window, the days (POSIX seconds) after `start` up to `end`."""

    exercise: int
    title: str
    detail: str
    start: float
    end: float


def stalls(
    best_exercise: IntArray,
    best_day: FloatArray,
    best_e1rm: FloatArray,
    heavy_exercise: IntArray,
    heavy_day: FloatArray,
    names: Mapping[int, str],
) -> list[Stall]:
    """A Stall for each exercise whose best e1RM over its last STALL_WEEKS weeks (ending at its
    latest session, with STALL_MIN_SESSIONS sessions in them and sessions before them) is no higher than its best
    before them, with no heavy set in those weeks."""
    found = []
    for exercise in np.unique(best_exercise).tolist():
        mine = best_exercise == exercise
        days, values = best_day[mine], best_e1rm[mine]
        latest = float(days.max())
        start = latest - STALL_WEEKS * 7 * DAY_SECONDS
        recent, before = days > start, days <= start
        if recent.sum() < STALL_MIN_SESSIONS or not before.any():
            continue
        heavy = (heavy_exercise == exercise) & (heavy_day > start) & (heavy_day <= latest)
        if heavy.any() or values[recent].max() > values[before].max():
            continue
        name = names.get(exercise, f"exercise {exercise}")
        found.append(
            Stall(
                exercise,
                f"{name}: e1RM flat for {STALL_WEEKS} weeks, without heavy sets",
                f"The best e1RM of the last {STALL_WEEKS} weeks ({int(recent.sum())} sessions) is "
                f"{values[recent].max() / values[before].max():.0%} of the best before them, and none of "
                f"those sessions had a heavy set ({HEAVY_SHARE:.0%} of e1RM or more, or {HEAVY_REPS} reps or "
                f"fewer at RIR {HEAVY_RIR:g} or closer). Strength follows heavy load more than proximity to "
                "failure: a few heavy sets a week may restart it.",
                start,
                latest,
            )
        )
    return found
