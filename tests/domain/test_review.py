# SPDX-License-Identifier: MIT
"""Review figures on small hand-made histories; every expected value is worked out by hand in the comments
(DESIGN.md "Domain formulas"; SCIENCE.md 4, 7, M5-M9)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import numpy as np
import pytest

from journal.domain.records import SetType
from journal.domain.review import (
    MIN_CALIBRATION_SETS,
    RIR_BINS,
    CalibrationSets,
    Insight,
    RepMaxRows,
    SessionBests,
    SetPoints,
    WeekExerciseRows,
    Weekly,
    calibration_stats,
    e1rm_series,
    insights,
    rep_prs,
    rolling_calibration,
    t975,
    week_label,
    week_of,
    week_start_seconds,
    weekly,
    weekly_muscle_sets,
)

W1 = date(2026, 3, 2).toordinal()  # a Monday (ISO 2026-W10)
W2, W3, W4, W5 = W1 + 7, W1 + 14, W1 + 21, W1 + 28
NAN = float("nan")
TYPES = list(SetType)


def equal(actual: object, expected: object) -> None:
    np.testing.assert_array_equal(np.asarray(actual), np.asarray(expected))


def close(actual: object, expected: object) -> None:
    np.testing.assert_allclose(
        np.asarray(actual, dtype=float), np.asarray(expected, dtype=float), rtol=0, atol=1e-9, equal_nan=True
    )


# ---- builders -------------------------------------------------------------------------------------------------------


def week_rows(*rows: tuple[int, int, int, int, int, float, float, list[int]]) -> WeekExerciseRows:
    """(week, exercise, working, hard, unrated, tonnage, rir_sum, bins)."""
    if not rows:
        return WeekExerciseRows.empty()
    cols = list(zip(*rows, strict=True))
    return WeekExerciseRows(
        week=np.array(cols[0], np.int64),
        exercise=np.array(cols[1], np.int64),
        working=np.array(cols[2], np.int64),
        hard=np.array(cols[3], np.int64),
        unrated=np.array(cols[4], np.int64),
        tonnage=np.array(cols[5], np.float64),
        rir_sum=np.array(cols[6], np.float64),
        bins=np.array(cols[7], np.int64).reshape(-1, 5),
    )


def calibration(*rows: tuple[int, int, int, float, float, int, int]) -> CalibrationSets:
    """(set_id, session, exercise, day, reported RIR, reps, failure reps)."""
    table = np.array(rows, dtype=np.float64).reshape(-1, 7)
    return CalibrationSets(
        set_id=table[:, 0].astype(np.int64),
        session=table[:, 1].astype(np.int64),
        exercise=table[:, 2].astype(np.int64),
        day=table[:, 3],
        reported=table[:, 4],
        reps=table[:, 5].astype(np.int64),
        failure_reps=table[:, 6].astype(np.int64),
    )


def points(*rows: tuple[int, int, int, SetType, float, bool]) -> SetPoints:
    """(set_id, session, exercise, set type, RIR (nan: unrated), last set of the exercise in the session)."""
    if not rows:
        return SetPoints.empty()
    n = len(rows)
    return SetPoints(
        set_id=np.array([r[0] for r in rows], np.int64),
        session=np.array([r[1] for r in rows], np.int64),
        exercise=np.array([r[2] for r in rows], np.int64),
        day=np.zeros(n),
        set_type=np.array([TYPES.index(r[3]) for r in rows], np.int8),
        rir=np.array([r[4] for r in rows], np.float32),
        last=np.array([r[5] for r in rows], np.bool_),
    )


def working_sets(
    first_id: int, exercise: int, rirs: list[float], session: int = 1
) -> list[tuple[int, int, int, SetType, float, bool]]:
    """Working sets of one exercise in one session; the final one is the last set."""
    return [(first_id + i, session, exercise, SetType.WORKING, rir, i == len(rirs) - 1) for i, rir in enumerate(rirs)]


NO_CALIBRATION = calibration()
NO_MUSCLES: tuple[np.ndarray, dict[str, np.ndarray]] = (np.empty(0, np.int64), {})


# ---- weeks ----------------------------------------------------------------------------------------------------------


def test_week_of_is_the_ordinal_of_the_monday() -> None:
    assert week_of(date(2026, 3, 2)) == W1  # Monday itself
    assert week_of(date(2026, 3, 8)) == W1  # Sunday of the same ISO week
    assert week_of(date(2026, 3, 9)) == W2  # next Monday
    assert week_label(W1) == "2026-W10"
    assert week_label(date(2026, 2, 23).toordinal()) == "2026-W09"


def test_iso_week_edges() -> None:
    # Monday 2024-12-30 holds Thursday 2025-01-02, so it is week 1 of 2025
    assert week_of(date(2024, 12, 30)) == date(2024, 12, 30).toordinal()
    assert week_label(week_of(date(2024, 12, 31))) == "2025-W01"
    # Sunday 2021-01-03 belongs to the week of Monday 2020-12-28, the 53rd week of 2020
    assert week_of(date(2021, 1, 3)) == date(2020, 12, 28).toordinal()
    assert week_label(week_of(date(2021, 1, 3))) == "2020-W53"
    assert week_label(week_of(date(2021, 1, 4))) == "2021-W01"


def test_week_start_seconds_is_monday_midnight_utc() -> None:
    # 1970-01-05 is the first Monday after the epoch: 4 days x 86400 s
    assert week_start_seconds(date(1970, 1, 5).toordinal()) == 4 * 86400.0
    assert week_start_seconds(W1) == datetime(2026, 3, 2, tzinfo=UTC).timestamp()


# ---- weekly volume and proximity ------------------------------------------------------------------------------------

# exercise 1 in W1: 100 kg x 5 at RIR 1, 2, 3 -> 3 working, 3 hard, tonnage 1500, RIR sum 6, bins 1/2/3
# exercise 2 in W1: 20 kg x 10 at RIR 0, 5 and unrated -> 3 working, 1 hard, 1 unrated, tonnage 600, RIR sum 5,
#                   bins 0 and 4+
# (W2: nothing)
# exercise 1 in W3: 100 kg x 5 at RIR 2, 2 -> 2 working, 2 hard, tonnage 1000, RIR sum 4, bin 2 twice
# exercise 2 in W4: 20 kg x 10 unrated, twice -> 2 working, 0 hard, 2 unrated, tonnage 400
HISTORY = week_rows(
    (W1, 1, 3, 3, 0, 1500.0, 6.0, [0, 1, 1, 1, 0]),
    (W1, 2, 3, 1, 1, 600.0, 5.0, [1, 0, 0, 0, 1]),
    (W3, 1, 2, 2, 0, 1000.0, 4.0, [0, 0, 2, 0, 0]),
    (W4, 2, 2, 0, 2, 400.0, 0.0, [0, 0, 0, 0, 0]),
)


def test_weekly_sums_all_exercises_and_fills_empty_weeks() -> None:
    result = weekly(HISTORY)
    equal(result.week, [W1, W2, W3, W4])
    equal(result.working, [3 + 3, 0, 2, 2])
    equal(result.hard, [3 + 1, 0, 2, 0])
    equal(result.unrated, [0 + 1, 0, 0, 2])
    close(result.tonnage, [1500 + 600, 0, 1000, 400])
    equal(result.bins, [[1, 1, 1, 1, 1], [0] * 5, [0, 0, 2, 0, 0], [0] * 5])
    # W1: (6 + 5) / 5 rated sets = 2.2; W2 empty; W3: 4 / 2 = 2; W4 only unrated sets -> nan
    close(result.mean_rir, [2.2, NAN, 2.0, NAN])


def test_weekly_shares_are_bins_then_unrated_over_working_sets() -> None:
    shares = weekly(HISTORY).shares()
    assert shares.shape == (4, len(RIR_BINS) + 1)
    close(shares[0], [1 / 6] * 6)  # W1: one set in each RIR bin and one unrated, of 6
    close(shares[1], [0] * 6)  # W2: empty week -> zeros, not nan
    close(shares[2], [0, 0, 1, 0, 0, 0])  # W3: both sets at RIR 2
    close(shares[3], [0, 0, 0, 0, 0, 1])  # W4: both unrated
    close(shares[[0, 2, 3]].sum(axis=1), [1, 1, 1])


def test_weekly_single_exercise() -> None:
    result = weekly(HISTORY, exercises=[1])
    equal(result.week, [W1, W2, W3])  # exercise 1's own range: W1 to W3
    equal(result.working, [3, 0, 2])
    close(result.tonnage, [1500, 0, 1000])
    close(result.mean_rir, [6 / 3, NAN, 4 / 2])
    result = weekly(HISTORY, exercises={2})
    equal(result.week, [W1, W2, W3, W4])
    equal(result.working, [3, 0, 0, 2])
    close(result.mean_rir, [5 / 2, NAN, NAN, NAN])  # W4 is unrated only


def test_weekly_range_clips_and_extends() -> None:
    clipped = weekly(HISTORY, first_week=W2, last_week=W3)
    equal(clipped.week, [W2, W3])
    equal(clipped.working, [0, 2])
    equal(clipped.hard, [0, 2])
    extended = weekly(HISTORY, first_week=W1 - 7, last_week=W1)
    equal(extended.week, [W1 - 7, W1])
    equal(extended.working, [0, 6])
    # any day of a week stands for that week: Thursday of W1 to Sunday of W3
    equal(weekly(HISTORY, first_week=W1 + 3, last_week=W3 + 6).week, [W1, W2, W3])
    # only one bound given: the other comes from the data
    equal(weekly(HISTORY, first_week=W3).week, [W3, W4])


def test_weekly_empty_inputs() -> None:
    for result in (
        weekly(WeekExerciseRows.empty()),
        weekly(HISTORY, exercises=[]),
        weekly(HISTORY, exercises=[9]),
        weekly(HISTORY, first_week=W3, last_week=W1),
        Weekly.empty(),
    ):
        assert result.week.size == 0
        assert result.bins.shape == (0, 5)
        assert result.shares().shape == (0, 6)
    # an explicit range over no data is zero weeks with no mean RIR
    result = weekly(WeekExerciseRows.empty(), first_week=W1, last_week=W2)
    equal(result.week, [W1, W2])
    equal(result.working, [0, 0])
    close(result.mean_rir, [NAN, NAN])
    close(result.shares(), np.zeros((2, 6)))


# ---- muscles --------------------------------------------------------------------------------------------------------

MUSCLE_MAP = {
    1: (("chest",), ("triceps", "front_delts")),  # bench-like
    2: (("biceps",), ()),  # curl-like
    4: ((), ()),  # an exercise with no muscles
    5: (("quads",), ("quads", "glutes")),  # a muscle both primary and secondary counts once, as primary
}
# exercise 3 is missing from the map
MUSCLE_HISTORY = week_rows(
    (W1, 1, 5, 4, 0, 0.0, 0.0, [0] * 5),
    (W1, 2, 3, 2, 0, 0.0, 0.0, [0] * 5),
    (W1, 3, 1, 1, 0, 0.0, 0.0, [0] * 5),
    (W3, 1, 2, 2, 0, 0.0, 0.0, [0] * 5),
    (W3, 4, 3, 3, 0, 0.0, 0.0, [0] * 5),
    (W3, 5, 3, 2, 1, 0.0, 0.0, [0] * 5),
)


def test_fractional_muscle_sets() -> None:
    weeks, sets = weekly_muscle_sets(MUSCLE_HISTORY, MUSCLE_MAP)
    equal(weeks, [W1, W2, W3])
    # records.MUSCLES order, unmapped last
    assert list(sets) == ["chest", "front_delts", "biceps", "triceps", "glutes", "quads", "unmapped"]
    close(sets["chest"], [4 * 1.0, 0, 2 * 1.0])  # primary of exercise 1: 4 hard sets in W1, 2 in W3
    close(sets["triceps"], [4 * 0.5, 0, 2 * 0.5])  # secondary of exercise 1
    close(sets["front_delts"], [4 * 0.5, 0, 2 * 0.5])
    close(sets["biceps"], [2 * 1.0, 0, 0])  # exercise 2
    close(sets["quads"], [0, 0, 2 * 1.0])  # exercise 5: primary wins over secondary
    close(sets["glutes"], [0, 0, 2 * 0.5])
    close(sets["unmapped"], [1, 0, 3])  # exercise 3 (not in the map) in W1, exercise 4 (no muscles) in W3


def test_fractional_muscle_sets_range_and_empty() -> None:
    weeks, sets = weekly_muscle_sets(MUSCLE_HISTORY, MUSCLE_MAP, first_week=W2)
    equal(weeks, [W2, W3])
    assert "biceps" not in sets  # exercise 2 was only done in W1
    close(sets["chest"], [0, 2])
    close(sets["unmapped"], [0, 3])
    weeks, sets = weekly_muscle_sets(WeekExerciseRows.empty(), MUSCLE_MAP)
    assert weeks.size == 0 and sets == {}
    weeks, sets = weekly_muscle_sets(WeekExerciseRows.empty(), MUSCLE_MAP, W1, W2)
    equal(weeks, [W1, W2])
    assert sets == {}


# ---- e1RM series and rep PRs ----------------------------------------------------------------------------------------


def test_e1rm_series_sorted_by_day() -> None:
    bests = SessionBests(
        session=np.array([30, 10, 20, 40], np.int64),
        exercise=np.array([1, 1, 2, 1], np.int64),
        day=np.array([300.0, 100.0, 200.0, 50.0]),
        e1rm=np.array([103.0, 101.0, 80.0, 99.0]),
        extrapolated=np.array([False, True, False, False]),
    )
    day, e1rm, extrapolated, session = e1rm_series(bests, 1)
    close(day, [50, 100, 300])
    close(e1rm, [99, 101, 103])
    equal(extrapolated, [False, True, False])
    equal(session, [40, 10, 30])
    assert all(array.size == 0 for array in e1rm_series(bests, 7))
    empty = SessionBests(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0), np.empty(0), np.empty(0, np.bool_))
    assert all(array.size == 0 for array in e1rm_series(empty, 1))


# (session, day, reps, load) of exercise 1, given out of order; exercise 2 holds a heavy single that must not count
PR_ROWS = [
    (3, 3.0, 3, 105.0),  # earlier with >= 3 reps: 100x5, 105x3 -> equal load: not a PR
    (1, 1.0, 5, 100.0),  # the first day: nothing earlier -> PR
    (1, 1.0, 2, 100.0),  # first day too; rows of the same day do not beat each other -> PR
    (2, 2.0, 3, 105.0),  # earlier with >= 3 reps: 100x5 -> heavier for fewer reps: PR
    (2, 2.0, 4, 100.0),  # earlier with >= 4 reps: 100x5 -> equal: not a PR
    (3, 3.0, 8, 90.0),  # earlier with >= 8 reps: none -> first 8-rep set is a PR
    (4, 4.0, 6, 95.0),  # earlier with >= 6 reps: 90x8 only (100x5 has fewer reps) -> 95 > 90: PR, though lighter
    #                     than the earlier 100x5 and 105x3
    (5, 5.0, 7, 85.0),  # earlier with >= 7 reps: 90x8 -> lighter: not a PR
    (6, 6.0, 7, 90.0),  # earlier with >= 7 reps: 90x8, 85x7 -> max 90, equal: not a PR
    (5, 5.0, 1, 120.0),  # earlier with >= 1 rep: everything, max 105 -> PR
]


def rep_rows() -> RepMaxRows:
    rows = [*PR_ROWS, (7, 0.5, 1, 300.0)]
    exercises = [1] * len(PR_ROWS) + [2]
    return RepMaxRows(
        session=np.array([r[0] for r in rows], np.int64),
        exercise=np.array(exercises, np.int64),
        day=np.array([r[1] for r in rows]),
        reps=np.array([r[2] for r in rows], np.int64),
        load=np.array([r[3] for r in rows]),
    )


def test_rep_prs() -> None:
    day, load, reps, session = rep_prs(rep_rows(), 1)
    # by day, then reps: day 1: 100x2, 100x5; day 2: 105x3; day 3: 90x8; day 4: 95x6; day 5: 120x1
    close(day, [1, 1, 2, 3, 4, 5])
    close(load, [100, 100, 105, 90, 95, 120])
    equal(reps, [2, 5, 3, 8, 6, 1])
    equal(session, [1, 1, 2, 3, 4, 5])


def test_rep_prs_other_exercise_and_empty() -> None:
    day, load, reps, session = rep_prs(rep_rows(), 2)
    close(load, [300])  # alone, so a PR
    assert all(array.size == 0 for array in rep_prs(rep_rows(), 9))
    empty = RepMaxRows(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0), np.empty(0, np.int64), np.empty(0))
    assert all(array.size == 0 for array in rep_prs(empty, 1))


# ---- RIR calibration ------------------------------------------------------------------------------------------------


def test_calibration_sign() -> None:
    sets = calibration((1, 1, 1, 0.0, 1.0, 8, 11))
    # reported 1, stopped at 8, reached 11 at failure: actual RIR 11 - 8 = 3; error 1 - 3 = -2 (more in the tank)
    close(sets.actual, [3])
    close(sets.error, [-2])


# exercise 1: errors -2, -1, 0 (and one set past 20 reps, left out); exercise 2: only two sets
CALIBRATION = calibration(
    (1, 1, 1, 10.0, 1.0, 8, 11),  # actual 3, error 1 - 3 = -2
    (2, 2, 1, 20.0, 2.0, 5, 8),  # actual 3, error 2 - 3 = -1
    (3, 3, 1, 30.0, 0.0, 6, 6),  # actual 0, error 0
    (4, 3, 1, 30.0, 2.0, 10, 21),  # 21 failure reps > 20: excluded (error 2 - 11 = -9 would move every figure)
    (5, 4, 2, 40.0, 2.0, 5, 6),  # actual 1, error +1
    (6, 5, 2, 50.0, 3.0, 5, 7),  # actual 2, error +1
)


def test_calibration_stats() -> None:
    stats = calibration_stats(CALIBRATION, 1)
    assert stats is not None
    assert stats.n == 3
    assert stats.bias == pytest.approx(-1.0)  # (-2 - 1 + 0) / 3
    assert stats.mae == pytest.approx(1.0)  # (2 + 1 + 0) / 3
    assert stats.sd == pytest.approx(1.0)  # deviations -1, 0, 1: (1 + 0 + 1) / (3 - 1) = 1
    assert stats.low == pytest.approx(-1 - 1.96)  # -2.96
    assert stats.high == pytest.approx(-1 + 1.96)  # 0.96


def test_calibration_stats_needs_three_sets() -> None:
    assert MIN_CALIBRATION_SETS == 3
    assert calibration_stats(CALIBRATION, 2) is None  # two sets
    assert calibration_stats(CALIBRATION, 9) is None
    assert calibration_stats(calibration()) is None
    # three sets, but one reached 21 reps: two usable -> None
    assert (
        calibration_stats(
            calibration((1, 1, 1, 0.0, 1.0, 8, 11), (2, 1, 1, 0.0, 1.0, 8, 11), (3, 1, 1, 0.0, 1.0, 18, 21)), 1
        )
        is None
    )
    # exactly 20 reps is kept: errors -2, -2 and 3 - (20 - 17) = 0 -> bias -4/3
    stats = calibration_stats(
        calibration((1, 1, 1, 0.0, 1.0, 8, 11), (2, 1, 1, 0.0, 1.0, 8, 11), (3, 1, 1, 0.0, 3.0, 17, 20)), 1
    )
    assert stats is not None and stats.n == 3 and stats.bias == pytest.approx(-4 / 3)


def test_calibration_stats_pooled() -> None:
    stats = calibration_stats(CALIBRATION)
    assert stats is not None
    # errors -2, -1, 0, +1, +1: bias -1/5; MAE 5/5 = 1; squared deviations from -0.2:
    # 3.24 + 0.64 + 0.04 + 1.44 + 1.44 = 6.8 -> SD sqrt(6.8 / 4) = sqrt(1.7); interval of the mean with
    # t(4) = 2.776: -0.2 -/+ 2.776 sqrt(1.7) / sqrt(5)
    sd = 1.7**0.5
    half = 2.776 * sd / 5**0.5
    assert stats.n == 5
    close(
        [stats.bias, stats.mae, stats.sd, stats.low, stats.high, stats.mean_low, stats.mean_high],
        [-0.2, 1.0, sd, -0.2 - 1.96 * sd, -0.2 + 1.96 * sd, -0.2 - half, -0.2 + half],
    )
    assert stats.verdict == "unsettled"  # 5 sets; the interval (-1.8 to +1.4) crosses a rep both ways


def test_t_quantiles() -> None:
    assert (t975(1), t975(4), t975(9), t975(30)) == (12.706, 2.776, 2.262, 2.042)
    assert (t975(35), t975(45), t975(1000)) == (2.042, 2.021, 1.980)
    with pytest.raises(ValueError):
        t975(0)


# exercise 1, given out of day order: errors by day -2, -1, 0, +3, +1
ROLLING = calibration(
    (4, 4, 1, 4.0, 4.0, 5, 6),  # actual 1, error +3
    (1, 1, 1, 1.0, 1.0, 8, 11),  # actual 3, error -2
    (3, 3, 1, 3.0, 0.0, 6, 6),  # actual 0, error 0
    (2, 2, 1, 2.0, 2.0, 5, 8),  # actual 3, error -1
    (5, 5, 1, 5.0, 2.0, 5, 6),  # actual 1, error +1
    (6, 6, 1, 6.0, 0.0, 5, 30),  # 30 failure reps: excluded
    (7, 7, 2, 2.5, 0.0, 5, 5),  # another exercise
)


def test_rolling_calibration_window() -> None:
    day, mean, mae = rolling_calibration(ROLLING, 1, window=3)
    close(day, [3, 4, 5])  # points from the third set on
    # day 3: -2, -1, 0 -> mean -1, MAE 3/3 = 1; day 4: -1, 0, 3 -> 2/3, MAE 4/3; day 5: 0, 3, 1 -> 4/3, MAE 4/3
    close(mean, [-1, 2 / 3, 4 / 3])
    close(mae, [1, 4 / 3, 4 / 3])


def test_rolling_calibration_window_wider_than_history() -> None:
    day, mean, mae = rolling_calibration(ROLLING, 1)  # window 10: every set so far
    close(day, [3, 4, 5])
    # -3/3 = -1, 0/4 = 0, 1/5 = 0.2; MAE 3/3 = 1, 6/4 = 1.5, 7/5 = 1.4
    close(mean, [-1, 0, 0.2])
    close(mae, [1, 1.5, 1.4])
    # pooled: exercise 2's error (0 - 0 = 0) on day 2.5 slots in: -2, -1, 0, 0, 3, 1
    day, mean, _ = rolling_calibration(ROLLING, None, window=2)
    close(day, [2.5, 3, 4, 5])
    close(mean, [(-1 + 0) / 2, (0 + 0) / 2, (0 + 3) / 2, (3 + 1) / 2])


def test_rolling_calibration_too_few_and_bad_window() -> None:
    assert all(array.size == 0 for array in rolling_calibration(ROLLING, 2))  # one set
    assert all(array.size == 0 for array in rolling_calibration(calibration()))
    with pytest.raises(ValueError):
        rolling_calibration(ROLLING, 1, window=0)


# ---- insights -------------------------------------------------------------------------------------------------------

NAMES = {1: "Squat", 2: "Bench", 3: "Curl", 4: "Plank", 5: "Lateral raise"}
MECHANIC: dict[int, str | None] = {1: "compound", 2: "compound", 3: "isolation", 4: None, 5: "isolation"}


def run(
    sets: SetPoints,
    cal: CalibrationSets = NO_CALIBRATION,
    muscles: tuple[np.ndarray, dict[str, np.ndarray]] = NO_MUSCLES,
    muscle_range: tuple[float, float] = (10.0, 20.0),
) -> list[Insight]:
    return insights(sets, NAMES, MECHANIC, cal, muscles, muscle_range)


def kinds(found: list[Insight]) -> list[str]:
    return [insight.kind for insight in found]


def test_insights_empty() -> None:
    assert run(SetPoints.empty()) == []


def test_far_from_failure_fires_at_three_sets_and_ten_percent() -> None:
    # exercise 4 (no mechanic) so no other rule can fire: 27 sets at RIR 2, 3 at RIR 5, 6 and 7, one unrated
    sets = points(*working_sets(1, 4, [2.0] * 27 + [5.0, 6.0, 7.0, NAN]))
    found = run(sets)
    assert kinds(found) == ["far_from_failure"]
    # 3 of 30 rated sets = 10 % (the unrated set is not in the share)
    assert "3 of 30" in found[0].detail and "10%" in found[0].detail
    assert "count less for growth" in found[0].detail and "much" not in found[0].detail
    assert "modest fit" in found[0].detail
    assert found[0].set_ids == (28, 29, 30)
    assert found[0].session_ids == (1,)
    assert "Robinson" in found[0].source


def test_far_from_failure_does_not_fire_below_thresholds() -> None:
    # 3 of 31 rated = 9.7 % < 10 %
    assert run(points(*working_sets(1, 4, [2.0] * 28 + [5.0, 5.0, 5.0]))) == []
    # 2 sets at RIR >= 5 (RIR 4.5 is not far) of 4 rated = 50 %, but fewer than 3
    assert run(points(*working_sets(1, 4, [4.5, 5.0, 5.0, 1.0]))) == []


def test_early_failure_on_compounds() -> None:
    sets = points(
        (1, 1, 1, SetType.WORKING, 0.0, False),  # squat, RIR 0, not last -> counts
        (2, 1, 1, SetType.FAILURE, 0.0, False),  # AMRAP/test set -> left out
        (3, 1, 1, SetType.WORKING, 0.5, False),  # RIR 0.5 is not failure
        (4, 1, 1, SetType.WORKING, 0.0, True),  # the last set -> fine
        (5, 2, 2, SetType.WORKING, 0.0, False),  # bench -> counts
        (6, 2, 2, SetType.BACKOFF, 0.0, False),  # bench back-off set -> counts
        (7, 2, 2, SetType.WORKING, 0.0, False),  # a calibration set -> left out (M9)
        (8, 2, 2, SetType.WORKING, 1.0, True),
        (9, 2, 3, SetType.WORKING, 0.0, False),  # curl is isolation -> fine
        (10, 2, 4, SetType.WORKING, 0.0, False),  # unknown mechanic -> neither
        (11, 2, 3, SetType.WORKING, 0.0, True),
        (12, 2, 4, SetType.WORKING, 1.0, True),
    )
    cal = calibration((7, 2, 2, 0.0, 0.0, 5, 5))
    found = run(sets, cal)
    assert kinds(found) == ["early_failure"]
    assert found[0].set_ids == (1, 5, 6)
    assert found[0].session_ids == (1, 2)
    assert "3 sets" in found[0].detail
    assert "Bench (2), Squat (1)" in found[0].detail  # most first


def test_early_failure_names_the_five_most_frequent() -> None:
    # exercises 1..7, all compound: exercise k has k sets at RIR 0 before its last set
    sets = points(*(row for k in range(1, 8) for row in working_sets(10 * k, k, [0.0] * k + [2.0])))
    names = {k: f"Lift {k}" for k in range(1, 8)}
    found = insights(sets, names, dict.fromkeys(range(1, 8), "compound"), NO_CALIBRATION, NO_MUSCLES)
    assert kinds(found) == ["early_failure"]
    # 1 + 2 + ... + 7 = 28 sets; lifts 7..3 named, lifts 2 and 1 counted
    assert "28 sets" in found[0].detail
    assert "Lift 7 (7), Lift 6 (6), Lift 5 (5), Lift 4 (4), Lift 3 (3) and 2 other exercises." in found[0].detail
    assert len(found[0].set_ids) == 28


def test_early_failure_does_not_fire_on_last_sets() -> None:
    sets = points(*working_sets(1, 1, [2.0, 1.0, 0.0]), *working_sets(4, 2, [1.0, 0.0], session=2))
    assert run(sets) == []


def test_isolation_not_near_failure() -> None:
    # curl: 6 rated sets, closest RIR 1.5 -> fires; one unrated set is ignored
    curl = working_sets(1, 3, [2.0, 2.0, 2.0, 3.0, 3.0, 1.5, NAN])
    found = run(points(*curl))
    assert kinds(found) == ["isolation_not_near"]
    assert found[0].title.startswith("Curl:")
    assert "6 rated sets" in found[0].detail and "RIR 1.5" in found[0].detail
    assert found[0].set_ids == (1, 2, 3, 4, 5, 6)
    # one set at RIR 1 -> near enough
    assert run(points(*working_sets(1, 3, [2.0, 2.0, 2.0, 3.0, 3.0, 1.0]))) == []
    # only 5 rated sets -> too few to say
    assert run(points(*working_sets(1, 3, [2.0, 2.0, 2.0, 3.0, 3.0, NAN]))) == []
    # a compound lift never near failure is not this rule
    assert run(points(*working_sets(1, 1, [3.0] * 6))) == []


def test_isolation_not_near_one_insight_per_exercise_by_name() -> None:
    sets = points(*working_sets(1, 5, [3.0] * 6), *working_sets(11, 3, [2.0] * 6))
    found = run(sets)
    assert [insight.title.split(":")[0] for insight in found] == ["Curl", "Lateral raise"]


def _sets_with_errors(
    exercise: int, first_id: int, errors: list[float], reps: int = 8, failure: int = 11
) -> list[tuple[int, int, int, float, float, int, int]]:
    """Calibration rows of one exercise whose errors (reported - actual RIR) are `errors`: each set stops at
    `reps`, reaches `failure` (actual RIR failure - reps) and is reported at actual + error."""
    actual = failure - reps
    return [
        (first_id + i, exercise * 100 + i, exercise, float(first_id + i), actual + error, reps, failure)
        for i, error in enumerate(errors)
    ]


def test_calibration_insights() -> None:
    cal = calibration(
        # squat: errors -2, -2, -1, -2, -3: bias -2, SD sqrt(2 / 4); t(4) = 2.776 -> interval -2.88 to -1.12:
        # wholly beyond a rep -> under-call
        *_sets_with_errors(1, 1, [-2.0, -2.0, -1.0, -2.0, -3.0]),
        # bench: +2, +2, +2, +1.5, +2.5: bias 2, SD sqrt(0.5 / 4) -> 2 -/+ 0.44 -> over-call
        *_sets_with_errors(2, 11, [2.0, 2.0, 2.0, 1.5, 2.5], reps=5, failure=6),
        # curl: -1.5, -0.5, -1, -1.5, -0.5, -1: mean -1.0 exactly, SD sqrt(1 / 5); t(5) = 2.571 ->
        # interval -1.47 to -0.53: crosses a rep -> not settled (the old rule said "off by 1.0")
        *_sets_with_errors(3, 21, [-1.5, -0.5, -1.0, -1.5, -0.5, -1.0]),
        # plank: -0.5, -1, -1, -0.5, -1.5: mean -0.9, SD sqrt(0.7 / 4) -> -1.42 to -0.38: not settled either (the
        # old rule said "calibrated")
        *_sets_with_errors(4, 31, [-0.5, -1.0, -1.0, -0.5, -1.5]),
        # lateral raise: 0, +0.5, -0.5, 0, 0: mean 0, SD sqrt(0.5 / 4) -> -0.44 to +0.44, MAE 0.2 -> calibrated
        *_sets_with_errors(5, 41, [0.0, 0.5, -0.5, 0.0, 0.0]),
        # a sixth exercise with four sets 3 reps off -> no verdict under 5 sets
        *_sets_with_errors(6, 51, [-3.0] * 4),
    )
    found = run(SetPoints.empty(), cal)
    assert kinds(found) == ["calibration"] * 5
    assert [insight.title for insight in found] == [
        "You over-call your reserve by a rep or more on Bench",
        "You under-call your reserve by a rep or more on Squat",
        "Your RIR calls on Lateral raise are calibrated (within a rep)",
        "Your RIR calls are not settled yet on 2 exercises",
        "Your RIR calls by set length and by lift type",
    ]
    squat = found[1]
    # interval: -2 -/+ 2.776 * sqrt(0.5) / sqrt(5) = -2 -/+ 0.878; limits -2 -/+ 1.96 sqrt(0.5) = -3.4 to -0.6
    assert "5 sets" in squat.detail and "mean error -2.0" in squat.detail
    assert "95 % interval of the mean -2.9 to -1.1" in squat.detail and "-3.4 to -0.6" in squat.detail
    assert squat.set_ids == (1, 2, 3, 4, 5)
    assert "Halperin" in squat.source and "0.95" in squat.source
    assert found[3].detail.startswith(
        "Curl (6 sets, mean error -1.0, -1.5 to -0.5), Plank (5 sets, mean error -0.9, -1.4 to -0.4)"
    )
    assert found[3].set_ids == tuple(range(21, 27)) + tuple(range(31, 36))
    assert "exercise 6" not in " ".join(i.title + i.detail for i in found[:4])


def test_calibration_split_by_set_length_and_lift_type() -> None:
    cal = calibration(
        # squat (compound): stops at 3, fails at 5 (1-5 reps); errors 0, 0, -0.5, +0.5, 0
        *_sets_with_errors(1, 1, [0.0, 0.0, -0.5, 0.5, 0.0], reps=3, failure=5),
        # bench (compound): two sets failing at 8 (6-10 reps), errors 0
        *_sets_with_errors(2, 11, [0.0, 0.0], reps=6, failure=8),
        # curl (isolation): stops at 12, fails at 16 (16+ reps); errors -3, -2, -3, -2, -2.5
        *_sets_with_errors(3, 21, [-3.0, -2.0, -3.0, -2.0, -2.5], reps=12, failure=16),
    )
    (split,) = [i for i in run(SetPoints.empty(), cal) if i.title == "Your RIR calls by set length and by lift type"]
    # 1-5: mean 0, SD sqrt(0.5 / 4) = 0.354, t(4) 2.776 -> -/+ 0.44, calibrated
    # 16+: mean -2.5, SD 0.5 -> -2.5 -/+ 2.776 * 0.5 / sqrt(5) = -3.12 to -1.88, under-called
    # compound (7 sets): mean 0, SD sqrt(0.5 / 6) = 0.289, t(6) 2.447 -> -/+ 0.27, calibrated
    assert split.detail == (
        "1–5 reps: 5 sets, mean error +0.0 (-0.4 to +0.4), calibrated; 6–10 reps: 2 sets, too few to say; "
        "16–20 reps: 5 sets, mean error -2.5 (-3.1 to -1.9), under-called by a rep or more; "
        "compound: 7 sets, mean error +0.0 (-0.3 to +0.3), calibrated; "
        "isolation: 5 sets, mean error -2.5 (-3.1 to -1.9), under-called by a rep or more."
    )
    assert len(split.set_ids) == 12


def test_calibration_limits_never_print_minus_zero() -> None:
    # errors -3, -2, -1, -3, -1 (3 in reserve each): bias -2, SD 1 -> interval -2 -/+ 2.776 / sqrt(5) =
    # -3.24 to -0.76: crosses a rep -> not settled
    cal = calibration(*_sets_with_errors(1, 1, [-3.0, -2.0, -1.0, -3.0, -1.0]))
    found = run(SetPoints.empty(), cal)
    assert found[0].title == "Your RIR calls on Squat are not settled yet"
    # 9 sets 1.5 - 0.5 = +1 ... : errors +2 x 4, +1, +3, +2, +2, +2 -> bias +2, limits reach +0.0 at the low end:
    # deviations 0 (7 times), -1, +1 -> SD sqrt(2 / 8) = 0.5; limits 2 -/+ 0.98 = 1.02 to 2.98
    errors = [2.0, 2.0, 2.0, 2.0, 1.0, 3.0, 2.0, 2.0, 2.0]
    found = run(SetPoints.empty(), calibration(*_sets_with_errors(2, 1, errors, reps=5, failure=6)))
    assert found[0].title == "You over-call your reserve by a rep or more on Bench"
    assert "+1.0 to +3.0 (95 % limits)" in found[0].detail


def test_limits_print_plus_zero_not_minus_zero() -> None:
    # errors -1.5, -1.5, -0.5, -0.5, -1 (mean -1, SD sqrt(0.5 / 4)... ) are not needed: _signed is checked here
    from journal.domain.review.insights import _signed

    assert (_signed(-0.04), _signed(0.04), _signed(-1.26)) == ("+0.0", "+0.0", "-1.3")


def test_muscle_volume_insights() -> None:
    weeks = np.array([W1, W2, W3, W4, W5], np.int64)
    values = {  # W3 has no sets at all and is ignored: 4 weeks count
        "chest": np.array([8.0, 9.0, 0.0, 12.0, 9.5]),  # below 10 in 3 of 4 -> fires
        "biceps": np.array([9.0, 12.0, 0.0, 9.0, 15.0]),  # below 10 in 2 of 4: exactly half -> no
        "triceps": np.array([10.0, 20.0, 0.0, 10.0, 20.0]),  # on the bounds -> inside
        "quads": np.array([21.0, 22.0, 0.0, 15.0, 25.0]),  # above 20 in 3 of 4 -> fires
        "unmapped": np.array([0.5, 0.5, 0.0, 0.5, 0.5]),  # never reported
    }
    found = run(SetPoints.empty(), muscles=(weeks, values))
    assert kinds(found) == ["muscle_volume"] * 2
    assert [insight.title for insight in found] == [
        "Chest: below 10 hard sets in 3 of 4 weeks",
        "Quads: above 20 hard sets in 3 of 4 weeks",
    ]
    assert "Schoenfeld" in found[0].source and "Baz-Valle" in found[0].source
    # with a range of 8.5 to 30, chest is below in 1 of 4 weeks and quads never above
    assert run(SetPoints.empty(), muscles=(weeks, values), muscle_range=(8.5, 30.0)) == []
    # weeks with no sets at all do not count
    assert run(SetPoints.empty(), muscles=(weeks, {"chest": np.zeros(5)})) == []


def test_muscle_volume_only_for_studied_muscles_after_four_weeks() -> None:
    weeks = np.array([W1, W2, W3, W4], np.int64)
    values = {
        muscle: np.array([2.0, 2.0, 2.0, 2.0])
        for muscle in (
            "chest",
            "lats",
            "upper_back",
            "quads",
            "hamstrings",
            "glutes",
            "front_delts",
            "side_delts",
            "rear_delts",
            "biceps",
            "triceps",
            "hip_flexors",
            "obliques",
            "adductors",
            "abductors",
            "calves",
            "forearms",
            "abs",
            "traps",
            "lower_back",
        )
    }
    found = run(SetPoints.empty(), muscles=(weeks, values))
    assert [i.title.split(":")[0] for i in found] == [
        "Chest",
        "Lats",
        "Upper back",
        "Quads",
        "Hamstrings",
        "Glutes",
        "Front delts",
        "Side delts",
        "Rear delts",
        "Biceps",
        "Triceps",
    ]
    # three weeks of training say nothing yet
    three = (weeks[:3], {muscle: v[:3] for muscle, v in values.items()})
    assert run(SetPoints.empty(), muscles=three) == []


def test_insight_order() -> None:
    sets = points(
        *working_sets(1, 1, [0.0, 0.0, 1.0]),  # squat: early failure
        *working_sets(10, 3, [5.0, 5.0, 5.0, 3.0, 3.0, 3.0]),  # curl: far from failure and never near it
    )
    # squat calibration sets (other ids than the points): errors -2, -2, -1, -2, -3 -> under-call
    cal = calibration(*_sets_with_errors(1, 101, [-2.0, -2.0, -1.0, -2.0, -3.0]))
    muscles = (np.array([W1, W2, W3, W4], np.int64), {"chest": np.array([4.0, 4.0, 4.0, 4.0])})
    assert kinds(run(sets, cal, muscles)) == [
        "calibration",
        "calibration",
        "early_failure",
        "far_from_failure",
        "isolation_not_near",
        "muscle_volume",
    ]
    assert all(insight.title and insight.detail and insight.source for insight in run(sets, cal, muscles))


def test_many_miscalled_exercises_show_the_largest_and_one_line_for_the_rest() -> None:
    # exercise k: five sets with errors -k - 0.5, -k, -k, -k, -k + 0.5 -> bias -k, SD sqrt(0.5 / 4) = 0.354,
    # interval -k -/+ 0.44: wholly beyond a rep for every k >= 2; k = 1 (-1.44 to -0.56) is not settled
    rows = []
    for exercise in range(1, 6):
        k = float(exercise)
        rows += _sets_with_errors(exercise, exercise * 10, [-k - 0.5, -k, -k, -k, -k + 0.5])
    found = run(SetPoints.empty(), calibration(*rows))
    titles = [insight.title for insight in found]
    assert titles[:3] == [
        f"You under-call your reserve by a rep or more on {name}" for name in (NAMES[5], NAMES[4], NAMES[3])
    ]
    assert titles[3] == "Your RIR calls are off by a rep or more on 1 more exercises"
    assert found[3].detail == f"under-call your reserve by a rep or more on {NAMES[2]}."
    assert titles[4] == f"Your RIR calls on {NAMES[1]} are not settled yet"


def test_every_insight_kind_but_the_strength_stall_has_a_registered_rule() -> None:
    """Adding a rule is one decorated function: the panel runs what the registry holds, in its order."""
    from journal.domain.review.insights import RULES, InsightKind

    assert list(RULES) == [
        InsightKind.CALIBRATION,
        InsightKind.EARLY_FAILURE,
        InsightKind.FAR_FROM_FAILURE,
        InsightKind.ISOLATION_NOT_NEAR,
        InsightKind.MUSCLE_VOLUME,
        InsightKind.NO_MUSCLES,
    ]
    assert set(InsightKind) - set(RULES) == {InsightKind.STRENGTH_STALL}  # made with the e1RM series


def test_right_on_average_but_scattered_is_its_own_verdict() -> None:
    """Errors of +1.5, -1.5, +0.5 and -0.5 around 0: the interval of the mean lies within a rep, yet single calls
    miss by 1 rep on average, and by 1.5 on half of them; 40 such sets are scattered, not unsettled."""
    from journal.domain.review.calibration import _stats

    errors = np.array([1.5, -1.5, 1.5, -1.5, 0.5, -0.5, 1.5, -1.5] * 5)
    stats = _stats(errors)
    assert stats.mae == pytest.approx(1.25)  # (1.5 * 6 + 0.5 * 2) / 8
    assert stats.mean_low > -1 and stats.mean_high < 1
    assert stats.verdict == "scattered"


def test_muscle_volume_says_nothing_where_most_sets_are_not_rated() -> None:
    """An import without RPE: 4 unrated working sets and a failure set (RIR 0 from its type) each session. Its
    logged hard sets are a fifth of the sets done, so "below 10" would only say the sets were not rated."""
    weeks = np.array([W1, W2, W4, W5], np.int64)
    values = {"chest": np.array([2.0, 2.0, 2.0, 2.0])}
    unrated = [(i, i // 5, 1, SetType.WORKING, float("nan"), False) for i in range(40) if i % 5]
    failures = [(i, i // 5, 1, SetType.FAILURE, 0.0, True) for i in range(40) if not i % 5]
    assert run(points(*unrated, *failures), muscles=(weeks, values)) == []
    # the same weekly figures from rated sets are reported
    rated = [(i, i // 5, 1, SetType.WORKING, 4.0, False) for i in range(40)]
    assert kinds(run(points(*rated), muscles=(weeks, values))) == ["muscle_volume"]


def test_a_week_is_captioned_by_its_monday() -> None:
    from journal.domain.review import week_caption

    assert week_caption(date(2026, 7, 20).toordinal()) == "week of 20 Jul 2026"  # a Monday
    assert week_caption(date(2026, 7, 26).toordinal()) == "week of 20 Jul 2026"  # its Sunday: the same week
    assert week_caption(W1) == "week of 2 Mar 2026"
