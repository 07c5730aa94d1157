# SPDX-License-Identifier: MIT
"""Estimated RIR for unrated sets (journal/domain/estimate.py docstring is the method), worked by hand."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from journal.domain.estimate import (
    EstimateRows,
    accuracy,
    estimated_rir,
    estimates,
    reference_e1rm,
    reps_possible,
    unrated_series,
    weekly_estimates,
    window_max,
)

K = 0.0392
DAY = 86400.0
NAN = float("nan")


def test_reps_possible_inverts_the_curve() -> None:
    # 100 kg against an e1RM of 123.52 (= 100 (1 + 6k)): n = 1 + 0.2352 / 0.0392 = 7
    assert reps_possible(100.0, 123.52) == pytest.approx(7.0)
    assert reps_possible(100.0, 100.0) == pytest.approx(1.0)


def test_estimated_rir() -> None:
    assert estimated_rir(100.0, 5, 123.52) == pytest.approx(2.0)  # 7 possible, 5 done
    assert estimated_rir(100.0, 8, 123.52) == 0.0  # more done than the curve allows: 0, never negative
    assert estimated_rir(50.0, 5, 200.0) == 10.0  # 1 + 3 / 0.0392 = 77.5 possible: capped at RIR 10
    assert estimated_rir(None, 5, 123.52) is None and estimated_rir(100.0, 0, 123.52) is None
    assert estimated_rir(100.0, 5, None) is None


def test_reference_is_the_best_of_the_8_weeks_before_never_the_session_itself() -> None:
    best_exercise = np.array([1, 1, 1, 2])
    best_day = np.array([0.0, 10 * DAY, 60 * DAY, 10 * DAY])
    best_e1rm = np.array([150.0, 120.0, 130.0, 999.0])
    asked = reference_e1rm(
        np.array([1, 1, 1, 1, 3]),
        np.array([10 * DAY, 57 * DAY, 60 * DAY, 69 * DAY, 60 * DAY]),
        best_exercise,
        best_day,
        best_e1rm,
    )
    # day 10: days [-46, 10): 150; day 57: [1, 57): 120 (day 0 is 57 days back, out); day 60: [4, 60): 120, not its
    # own 130; day 69: [13, 69): 130; exercise 3: nothing
    assert asked[:4].tolist() == [150.0, 120.0, 120.0, 130.0] and np.isnan(asked[4])


def rows(
    load: list[float], reps: list[int], rir: list[float], head: list[bool] | None = None, week: list[int] | None = None
) -> EstimateRows:
    n = len(load)
    rated = np.isfinite(np.array(rir))
    heads = np.array(head if head is not None else [True] * n)
    return EstimateRows(
        set_id=np.arange(n),
        session=np.zeros(n, np.int64),
        exercise=np.ones(n, np.int64),
        day=np.zeros(n),
        week=np.array(week or [0] * n, np.int64),
        load=np.array(load),
        reps=np.array(reps, np.int64),
        rir=np.array(rir),
        logged=np.array(rir),
        head=heads,
        rated=rated,
        hard=rated & (np.nan_to_num(np.array(rir), nan=9) <= 3),
        entry_position=np.zeros(n, np.int64),
        position=np.arange(n),
    )


def test_a_drop_series_rated_by_a_drop_is_not_estimated() -> None:
    # 100 × 8 unrated then a drop at RIR 0: one series, rated; 90 × 8 unrated then an unrated drop: estimated once
    found = rows([100, 80, 90, 70], [8, 6, 8, 6], [NAN, 0.0, NAN, NAN], head=[True, False, True, False])
    found = EstimateRows(**{**found.__dict__, "rated": np.array([False, True, False, False])})
    assert unrated_series(found).tolist() == [False, False, True, False]


def test_weekly_figures_and_accuracy() -> None:
    # e1RM 123.52 for every set: 100 × 5 unrated -> 2.0; 100 × 3 @ RIR 1 (estimate 4.0); 90 × 5 unrated ->
    # 1 + (123.52 / 90 - 1) / k - 5 = 5.4980 (week 7)
    found = rows([100, 100, 90], [5, 3, 5], [NAN, 1.0, NAN], week=[0, 0, 7])
    estimated = estimates(found, np.full(3, 123.52))
    far = 1 + (123.52 / 90 - 1) / K - 5
    assert estimated.tolist() == pytest.approx([2.0, 4.0, far])
    weekly = weekly_estimates(found, estimated, 3.0)
    assert weekly.week.tolist() == [0, 7]
    assert weekly.hard.tolist() == [2.0, 0.0]  # the logged RIR 1 and the estimated 2 are hard; 5.5 is not
    assert weekly.mean_rir.tolist() == pytest.approx([(1.0 + 2.0) / 2, far])
    assert weekly.estimated.tolist() == [1.0, 1.0]
    quality = accuracy(found, estimated)  # one rated set: logged 1, estimated 4
    assert (quality.compared, quality.mae) == (1, pytest.approx(3.0))
    assert quality.text == "off by 3.0 reps on average on your 1 rated sets"


def test_accuracy_unknown_without_rated_sets() -> None:
    found = rows([100], [5], [NAN])
    quality = accuracy(found, estimates(found, np.array([123.52])))
    assert (quality.compared, quality.mae) == (0, None) and quality.text.startswith("accuracy unknown")


def test_accuracy_compares_only_the_sets_an_estimate_stands_in_for() -> None:
    """A drop after the first set of its series is never estimated, and RIR 5 or more (RPE below 6, "4 or more in
    reserve") is no figure to compare with: neither counts in the accuracy."""
    found = rows([100, 80, 70], [5, 6, 12], [1.0, 0.0, 5.0], head=[True, False, True])
    found = dataclasses.replace(found, rated=np.array([True, False, True]))
    estimated = np.array([4.0, 9.0, 0.0])  # off by 3, by 9 and by 5
    quality = accuracy(found, estimated)
    assert (quality.compared, quality.mae) == (1, pytest.approx(3.0))


def test_window_max_is_the_maximum_of_each_window_and_nan_for_an_empty_one() -> None:
    rng = np.random.default_rng(7)
    for size in (0, 1, 2, 5, 33):
        values = rng.random(size)
        low = rng.integers(0, size + 1, 200)
        high = np.minimum(size, low + rng.integers(0, 12, 200))
        expected = [values[a:b].max() if b > a else np.nan for a, b in zip(low, high, strict=True)]
        np.testing.assert_array_equal(window_max(values, low, high), expected)


def test_the_weeks_of_sets_in_order_are_found_as_np_unique_finds_them() -> None:
    from journal.domain.estimate import _weeks_of

    rng = np.random.default_rng(4)
    for week in (np.sort(rng.integers(0, 40, 500)), rng.integers(0, 40, 500), np.array([7]), np.zeros(0, np.int32)):
        week = week.astype(np.int32)
        got, want = _weeks_of(week), np.unique(week, return_inverse=True)
        np.testing.assert_array_equal(got[0], want[0])
        np.testing.assert_array_equal(got[1], want[1])
