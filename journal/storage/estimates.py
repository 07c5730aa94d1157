# SPDX-License-Identifier: MIT
"""Estimated RIR for the journal's unrated sets (journal.domain.estimate), worked out from the file on demand and
never stored: per set, per week beside the logged figures, and the estimate's accuracy on the rated sets."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from journal.domain.estimate import (
    Accuracy,
    EstimateRows,
    FloatArray,
    WeeklyEstimates,
    accuracy,
    estimates,
    reference_e1rm,
    weekly_estimates,
)
from journal.domain.metrics import E1rmFormula
from journal.storage.review import estimate_rows, session_bests


@dataclass(frozen=True)
class Estimated:
    rows: EstimateRows
    rir: FloatArray  # the estimate of every row (nan: none); stands in only where the series is unrated
    weekly: WeeklyEstimates
    accuracy: Accuracy


def estimated(hard_rir: float, sessions: Collection[int] | None = None) -> Estimated:
    """The estimates for the working sets (of the given sessions), against the whole history's session bests on
    the open curve (the curve the estimate inverts), whatever e1RM formula is chosen for display."""
    rows = estimate_rows(hard_rir, sessions)
    bests = session_bests(E1rmFormula.CURVE)
    reference = reference_e1rm(rows.exercise, rows.day, bests.exercise.astype(np.int64), bests.day, bests.e1rm)
    rir = estimates(rows, reference)
    return Estimated(rows, rir, weekly_estimates(rows, rir, hard_rir), accuracy(rows, rir))
