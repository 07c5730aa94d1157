# SPDX-License-Identifier: MIT
"""Conditioning per week: time under load of exercises measured by time and distance of those measured by distance,
figures of their own, never in tonnage or hard sets."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from journal.domain.review.columns import ColumnInts, FloatArray, IntArray, column_ints, floats


@dataclass(frozen=True)
class ConditioningRows:
    """One row per (week, exercise) with time under load or distance (warm-ups left out)."""

    week: ColumnInts
    exercise: ColumnInts
    time_s: FloatArray
    distance_m: FloatArray

    @staticmethod
    def empty() -> ConditioningRows:
        return ConditioningRows(column_ints(), column_ints(), floats(), floats())


def weekly_conditioning(
    rows: ConditioningRows, weeks: IntArray, exercises: Collection[int] | None = None
) -> tuple[FloatArray, FloatArray]:
    """Time under load (s) and distance (m) in each of `weeks` (ordinals of Mondays, ascending), over the chosen
    exercises (all when None)."""
    chosen = np.isin(rows.week, weeks)
    if exercises is not None:
        chosen &= np.isin(rows.exercise, np.fromiter(exercises, dtype=np.int64, count=len(exercises)))
    at = np.searchsorted(weeks, rows.week[chosen])
    time_s = np.bincount(at, weights=rows.time_s[chosen], minlength=len(weeks)).astype(np.float64)
    distance_m = np.bincount(at, weights=rows.distance_m[chosen], minlength=len(weeks)).astype(np.float64)
    return time_s, distance_m
