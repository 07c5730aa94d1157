# SPDX-License-Identifier: MIT
"""Per-exercise summaries over a period, for the printed report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from journal.domain.review.strength import SessionBests


@dataclass(frozen=True)
class ExerciseSummary:
    exercise: int
    working: int
    hard: int
    tonnage: float
    best_e1rm: float | None
    mean_rir: float | None


def exercise_summaries(
    totals: Sequence[tuple[int, int, int, float, float, int]], bests: SessionBests, start_day: float, end_day: float
) -> list[ExerciseSummary]:
    """Per exercise over a period, from totals per exercise (exercise, working sets, hard sets, tonnage, sum of
    RIR, rated sets) and the sessions' best e1RMs between two days: most working sets first."""
    summaries = []
    for exercise, working, hard, tonnage, rir_sum, rated in totals:
        best = bests.e1rm[(bests.exercise == exercise) & (bests.day >= start_day) & (bests.day < end_day)]
        summaries.append(
            ExerciseSummary(
                int(exercise),
                int(working),
                int(hard),
                float(tonnage),
                float(best.max()) if best.size else None,
                float(rir_sum) / rated if rated else None,
            )
        )
    return sorted(summaries, key=lambda s: (-s.working, s.exercise))
