# SPDX-License-Identifier: MIT
"""Strength: each session's best e1RM per exercise, and the rep records (an actual load x reps, never an estimate)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from journal.domain.review.columns import BoolArray, ColumnInts, FloatArray


@dataclass(frozen=True)
class SessionBests:
    """Per (session, exercise): that session's best e1RM set (computed with the formula setting)."""

    session: ColumnInts
    exercise: ColumnInts
    day: FloatArray  # POSIX seconds
    e1rm: FloatArray
    extrapolated: BoolArray


def e1rm_series(bests: SessionBests, exercise: int) -> tuple[FloatArray, FloatArray, BoolArray, ColumnInts]:
    """(day, e1rm, extrapolated, session) of one exercise, by day."""
    rows = np.flatnonzero(bests.exercise == exercise)
    rows = rows[np.argsort(bests.day[rows], kind="stable")]
    return bests.day[rows], bests.e1rm[rows], bests.extrapolated[rows], bests.session[rows]


@dataclass(frozen=True)
class RepMaxRows:
    """Per (session, exercise, reps): the heaviest load lifted for that many reps that session."""

    session: ColumnInts
    exercise: ColumnInts
    day: FloatArray
    reps: ColumnInts
    load: FloatArray


def rep_prs(rows: RepMaxRows, exercise: int) -> tuple[FloatArray, FloatArray, ColumnInts, ColumnInts]:
    """The actual personal records of one exercise (load x reps as lifted, never an estimate).

    A row is a PR when its load is heavier than every load lifted on an earlier day (a smaller `day` value) for at
    least as many reps; with nothing earlier for that many reps or more, it is a PR. Rows of the same day do not
    beat each other. Returns (day, load, reps, session) of the PR rows, by day then reps.
    """
    keep = np.flatnonzero((rows.exercise == exercise) & np.isfinite(rows.load))
    keep = keep[np.lexsort((rows.reps[keep], rows.day[keep]))]
    day, load, reps = rows.day[keep], rows.load[keep], rows.reps[keep]
    is_pr = np.zeros(keep.size, dtype=np.bool_)
    earlier = np.searchsorted(day, day, side="left")  # rows [0, earlier[i]) are on earlier days than row i
    for count in np.unique(reps).tolist():
        # best[j]: the heaviest load for `count` reps or more among rows 0..j
        best = np.maximum.accumulate(np.where(reps >= count, load, -np.inf))
        mine = np.flatnonzero(reps == count)
        before = np.where(earlier[mine] > 0, best[np.maximum(earlier[mine] - 1, 0)], -np.inf)
        is_pr[mine] = load[mine] > before
    pick = keep[is_pr]
    return rows.day[pick], rows.load[pick], rows.reps[pick], rows.session[pick]
