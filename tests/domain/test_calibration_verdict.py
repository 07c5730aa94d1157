# SPDX-License-Identifier: MIT
"""The calibration chart's one-line verdict in plain words, from the same verdicts as the insights."""

from __future__ import annotations

import numpy as np

from journal.domain.review import CalibrationSets, calibration_verdict

MECHANIC = {1: "compound", 2: "isolation"}


def sets(rows: list[tuple[int, float, int, int]]) -> CalibrationSets:
    """rows of (exercise, reported RIR, reps, failure reps)."""
    n = len(rows)
    return CalibrationSets(
        set_id=np.arange(1, n + 1, dtype=np.int64),
        session=np.arange(1, n + 1, dtype=np.int64),
        exercise=np.array([r[0] for r in rows], dtype=np.int64),
        day=np.arange(n, dtype=np.float64) * 86400,
        reported=np.array([r[1] for r in rows], dtype=np.float64),
        reps=np.array([r[2] for r in rows], dtype=np.int64),
        failure_reps=np.array([r[3] for r in rows], dtype=np.int64),
    )


def test_the_group_furthest_off_is_named_in_plain_words() -> None:
    # isolation sets ending at 12-14 reps: called 1 in reserve, 2 there 16 times and 3 four times (mean error
    # -1.2, its interval -1.39 to -1.01: off by a rep); compound sets exact
    isolation = [(2, 1.0, 11, 13)] * 16 + [(2, 1.0, 10, 13)] * 4
    compound = [(1, 2.0, 5, 7), (1, 1.0, 5, 6), (1, 2.0, 4, 6), (1, 1.0, 6, 7), (1, 2.0, 3, 5), (1, 1.0, 5, 6)]
    text = calibration_verdict(sets(isolation + compound), MECHANIC)
    assert text == "On isolation sets of 11–15 reps you call 1.2 reps fewer than you have (20 sets taken to failure)"


def test_calibrated_few_and_none() -> None:
    exact = [(1, 2.0, 5, 7), (1, 1.0, 5, 6), (1, 2.0, 4, 6), (1, 1.0, 6, 7), (1, 2.0, 3, 5), (1, 1.0, 5, 6)]
    assert calibration_verdict(sets(exact), MECHANIC).startswith("Your calls are within a rep of what you have")
    assert calibration_verdict(sets(exact[:3]), MECHANIC) == (
        "3 sets taken to failure, mean error +0.0 reps: 5 are needed for a verdict"
    )
    assert calibration_verdict(sets(exact[:2]), MECHANIC) == ""
