# SPDX-License-Identifier: MIT
"""Weekly volume and proximity: working and hard sets, tonnage and RIR bins per week; hard sets per muscle."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np

from journal.domain.records import MUSCLES
from journal.domain.review.columns import COLUMN_INT, ColumnInts, FloatArray, IntArray, column_ints, floats, ints
from journal.domain.review.weeks import RIR_BINS, week_axis


@dataclass(frozen=True)
class WeekExerciseRows:
    """One row per (week, exercise) with at least one non-warm-up set; all arrays have the same length."""

    week: ColumnInts
    exercise: ColumnInts
    working: ColumnInts  # non-warm-up sets
    hard: ColumnInts  # hard sets (the threshold was applied when the rows were made)
    unrated: ColumnInts  # non-warm-up sets with no RIR
    tonnage: FloatArray  # kg
    rir_sum: FloatArray  # sum of RIR over rated non-warm-up sets
    bins: ColumnInts  # (n, 5): rated non-warm-up sets per RIR bin

    @staticmethod
    def empty() -> WeekExerciseRows:
        return WeekExerciseRows(
            column_ints(),
            column_ints(),
            column_ints(),
            column_ints(),
            column_ints(),
            floats(),
            floats(),
            np.zeros((0, len(RIR_BINS)), dtype=COLUMN_INT),
        )


@dataclass(frozen=True)
class Weekly:
    """Every week from first to last with no gaps; weeks without sets are zeros."""

    week: IntArray
    working: IntArray
    hard: IntArray
    unrated: IntArray
    tonnage: FloatArray
    mean_rir: FloatArray  # nan where a week has no rated sets
    bins: IntArray  # (n, 5)

    @staticmethod
    def empty() -> Weekly:
        return Weekly(ints(), ints(), ints(), ints(), floats(), floats(), np.zeros((0, len(RIR_BINS)), dtype=np.int64))

    def shares(self) -> FloatArray:
        """(n, 6): the RIR bins then the unrated sets, as fractions of the week's working sets; 0 for empty weeks."""
        counts = np.column_stack([self.bins, self.unrated]).astype(np.float64).reshape(-1, len(RIR_BINS) + 1)
        total = self.working.astype(np.float64)[:, None]
        out = np.zeros_like(counts)
        np.divide(counts, total, out=out, where=total > 0)
        return out


def weekly(
    rows: WeekExerciseRows,
    exercises: Collection[int] | None = None,
    first_week: int | None = None,
    last_week: int | None = None,
) -> Weekly:
    """Weekly sums over the chosen exercises (all when None) from first_week to last_week inclusive, filling empty
    weeks. The default range is that of the chosen exercises' rows."""
    chosen = np.ones(rows.week.size, dtype=np.bool_)
    if exercises is not None:
        chosen = np.isin(rows.exercise, np.fromiter(exercises, dtype=np.int64, count=len(exercises)))
    weeks, index, inside = week_axis(rows.week[chosen], first_week, last_week)
    n = weeks.size
    if n == 0:
        return Weekly.empty()
    take = np.flatnonzero(chosen)[inside]
    at = index[inside]

    def total(values: ColumnInts) -> IntArray:  # bincount: np.add.at is ten times slower
        return np.bincount(at, weights=values[take], minlength=n).astype(np.int64)

    tonnage = np.bincount(at, weights=rows.tonnage[take], minlength=n).astype(np.float64)
    rir_sum = np.bincount(at, weights=rows.rir_sum[take], minlength=n).astype(np.float64)
    chosen_bins = rows.bins[take]
    bins = np.column_stack(
        [np.bincount(at, weights=chosen_bins[:, b], minlength=n) for b in range(len(RIR_BINS))]
    ).astype(np.int64)
    rated = bins.sum(axis=1).astype(np.float64)
    mean_rir = np.full(n, np.nan)
    np.divide(rir_sum, rated, out=mean_rir, where=rated > 0)
    return Weekly(
        week=weeks,
        working=total(rows.working),
        hard=total(rows.hard),
        unrated=total(rows.unrated),
        tonnage=tonnage,
        mean_rir=mean_rir,
        bins=bins,
    )


UNMAPPED = "unmapped"
PRIMARY_WEIGHT = 1.0  # a hard set counts 1 for each primary muscle (Pelland et al. 2024, "fractional" method)
SECONDARY_WEIGHT = 0.5  # and 0.5 for each secondary muscle


def _muscle_order(muscle: str) -> tuple[int, int, str]:
    if muscle == UNMAPPED:
        return (2, 0, muscle)
    if muscle in MUSCLES:
        return (0, MUSCLES.index(muscle), muscle)
    return (1, 0, muscle)


def weekly_muscle_sets(
    rows: WeekExerciseRows,
    muscles: Mapping[int, tuple[tuple[str, ...], tuple[str, ...]]],
    first_week: int | None = None,
    last_week: int | None = None,
) -> tuple[IntArray, dict[str, FloatArray]]:
    """Fractional weekly hard sets per muscle: 1 per primary muscle, 0.5 per secondary (Pelland 2024). Exercises
    missing from `muscles` or with no muscles count under "unmapped". Only muscles of exercises with rows in the
    range appear, in records.MUSCLES order, with "unmapped" last."""
    weeks, index, inside = week_axis(rows.week, first_week, last_week)
    n = weeks.size
    if n == 0 or not inside.any():
        return weeks, {}
    exercise_ids, which = np.unique(rows.exercise[inside], return_inverse=True)
    at = index[inside]
    hard = rows.hard[inside].astype(np.float64)
    weights: dict[str, FloatArray] = {}  # muscle -> weight per exercise in exercise_ids
    for position, exercise in enumerate(exercise_ids.tolist()):
        primary, secondary = muscles.get(exercise, ((), ()))
        mapping = {muscle: SECONDARY_WEIGHT for muscle in secondary}
        mapping.update({muscle: PRIMARY_WEIGHT for muscle in primary})
        for muscle, weight in (mapping or {UNMAPPED: PRIMARY_WEIGHT}).items():
            weights.setdefault(muscle, floats(exercise_ids.size))[position] = weight
    return weeks, {
        muscle: np.bincount(at, weights=hard * weights[muscle][which], minlength=n).astype(np.float64)
        for muscle in sorted(weights, key=_muscle_order)
    }
