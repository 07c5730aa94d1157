# SPDX-License-Identifier: MIT
"""e1RM, tonnage, hard sets and the live summary (DESIGN.md "Domain formulas"; SCIENCE.md M2, M4, M5, 9.1)."""

from __future__ import annotations

import pytest

from journal.domain.effort import EffortScale
from journal.domain.metrics import (
    E1rm,
    E1rmFormula,
    e1rm,
    effective_load,
    is_hard,
    is_working_set,
    percent_1rm,
    series,
    series_rating,
    set_tonnage,
    summarize,
)
from journal.domain.records import Measure, SetRecord, SetType

K = 0.0392

# SCIENCE.md 9.1, "open curve k = 0.0392" column (percent of 1RM by n = reps + RIR)
OPEN_CURVE_TABLE = {
    1: 100.0,
    1.5: 98.1,
    2: 96.2,
    2.5: 94.4,
    3: 92.7,
    3.5: 91.1,
    4: 89.5,
    4.5: 87.9,
    5: 86.4,
    5.5: 85.0,
    6: 83.6,
    6.5: 82.3,
    7: 81.0,
    7.5: 79.7,
    8: 78.5,
    8.5: 77.3,
    9: 76.1,
    9.5: 75.0,
    10: 73.9,
}
# SCIENCE.md 9.3, "Open curve" column (n = 15 is left out: the table prints 64.5 where the formula gives 64.57)
OPEN_CURVE_BEYOND_10 = {11: 71.8, 12: 69.9, 13: 68.0, 14: 66.2, 16: 63.0}
# SCIENCE.md 9.1 Epley and Brzycki columns
EPLEY_TABLE = {1: 96.8, 2: 93.8, 3: 90.9, 5: 85.7, 7: 81.1, 10: 75.0}
BRZYCKI_TABLE = {1: 100.0, 2: 97.2, 3: 94.4, 5: 88.9, 7: 83.3, 10: 75.0}


def working(
    load: float | None, reps: int | None, rir: float | None = None, set_type: SetType = SetType.WORKING
) -> SetRecord:
    return SetRecord(set_type=set_type, load_kg=load, reps=reps, rir=rir)


# ---- %1RM curve ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("n", "percent"), sorted(OPEN_CURVE_TABLE.items()))
def test_percent_1rm_matches_science_table(n: float, percent: float) -> None:
    assert abs(100 * percent_1rm(n) - percent) <= 0.05 + 1e-9


@pytest.mark.parametrize(("n", "percent"), sorted(OPEN_CURVE_BEYOND_10.items()))
def test_percent_1rm_beyond_ten(n: float, percent: float) -> None:
    assert abs(100 * percent_1rm(n) - percent) <= 0.05 + 1e-9


def test_percent_1rm_formula() -> None:
    for n in (1, 2.5, 7, 12):
        assert percent_1rm(n) == pytest.approx(1 / (1 + K * (n - 1)), rel=1e-15)
    assert percent_1rm(1) == 1.0
    assert percent_1rm(7, k=0.03) == pytest.approx(1 / 1.18, rel=1e-15)


# ---- e1RM ---------------------------------------------------------------------------------------------------------


def test_worked_example_from_science() -> None:
    # 100 kg x 5 @ RIR 2 -> n = 7 -> 81.0 % -> about 123.5 kg
    estimate = e1rm(100.0, 5, 2.0)
    assert estimate is not None
    assert estimate.kg == pytest.approx(100 * (1 + K * 6), rel=1e-12)  # 123.52
    assert estimate.kg == pytest.approx(123.5, abs=0.05)
    assert estimate.extrapolated is False


def test_single_at_rir_zero_is_the_load() -> None:
    assert e1rm(180.0, 1, 0.0) == E1rm(180.0, False)


def test_e1rm_half_step_rir() -> None:
    estimate = e1rm(100.0, 3, 1.5)  # n = 4.5
    assert estimate is not None
    assert estimate.kg == pytest.approx(100 * (1 + K * 3.5), rel=1e-12)


def test_unrated_set_counts_as_rir_zero() -> None:
    unrated = e1rm(100.0, 5, None)
    assert unrated is not None
    assert unrated.kg == pytest.approx(100 * (1 + K * 4), rel=1e-12)  # 115.68
    assert unrated == e1rm(100.0, 5, 0.0)


def test_n_ten_is_valid_and_beyond_is_extrapolated() -> None:
    at_ten = e1rm(100.0, 8, 2.0)
    assert at_ten is not None and at_ten.extrapolated is False
    assert at_ten.kg == pytest.approx(100 * (1 + K * 9), rel=1e-12)
    just_over = e1rm(100.0, 10, 0.5)
    assert just_over is not None and just_over.extrapolated is True
    assert just_over.kg == pytest.approx(100 * (1 + K * 9.5), rel=1e-12)
    twelve = e1rm(100.0, 12, None)
    assert twelve is not None and twelve.extrapolated is True
    assert twelve.kg == pytest.approx(100 * (1 + K * 11), rel=1e-12)


def test_n_fifteen_is_the_last_estimate() -> None:
    at_fifteen = e1rm(100.0, 12, 3.0)
    assert at_fifteen is not None and at_fifteen.extrapolated is True
    assert at_fifteen.kg == pytest.approx(100 * (1 + K * 14), rel=1e-12)  # 154.88
    assert e1rm(100.0, 15, 0.5) is None
    assert e1rm(100.0, 16, None) is None
    assert e1rm(100.0, 10, 6.0) is None
    assert e1rm(50.0, 30, 0.0) is None


@pytest.mark.parametrize(("load", "reps"), [(100.0, 0), (100.0, None), (None, 5), (0.0, 5), (None, None)])
def test_no_estimate_without_load_or_reps(load: float | None, reps: int | None) -> None:
    assert e1rm(load, reps, 1.0) is None


def test_epley_option() -> None:
    estimate = e1rm(100.0, 10, 0.0, E1rmFormula.EPLEY)
    assert estimate is not None
    assert estimate.kg == pytest.approx(100 * (1 + 10 / 30), rel=1e-12)  # 133.33
    five = e1rm(100.0, 5, 0.0, E1rmFormula.EPLEY)
    assert five is not None and five.kg == pytest.approx(100 * (1 + 5 / 30), rel=1e-12)
    # with RIR the reps-to-failure equivalent is used
    with_rir = e1rm(100.0, 3, 2.0, E1rmFormula.EPLEY)
    assert with_rir is not None and with_rir.kg == pytest.approx(100 * (1 + 5 / 30), rel=1e-12)


def test_brzycki_option() -> None:
    estimate = e1rm(100.0, 5, 0.0, E1rmFormula.BRZYCKI)
    assert estimate is not None
    assert estimate.kg == pytest.approx(100 * 36 / (37 - 5), rel=1e-12)  # 112.5
    ten = e1rm(100.0, 10, 0.0, E1rmFormula.BRZYCKI)
    assert ten is not None and ten.kg == pytest.approx(100 * 36 / 27, rel=1e-12)
    single = e1rm(100.0, 1, 0.0, E1rmFormula.BRZYCKI)
    assert single is not None and single.kg == pytest.approx(100.0, rel=1e-12)


@pytest.mark.parametrize(("n", "percent"), sorted(EPLEY_TABLE.items()))
def test_epley_matches_science_table(n: int, percent: float) -> None:
    estimate = e1rm(100.0, n, 0.0, E1rmFormula.EPLEY)
    assert estimate is not None
    assert abs(100 * 100.0 / estimate.kg - percent) <= 0.05 + 1e-9


@pytest.mark.parametrize(("n", "percent"), sorted(BRZYCKI_TABLE.items()))
def test_brzycki_matches_science_table(n: int, percent: float) -> None:
    estimate = e1rm(100.0, n, 0.0, E1rmFormula.BRZYCKI)
    assert estimate is not None
    assert abs(100 * 100.0 / estimate.kg - percent) <= 0.05 + 1e-9


def test_other_formulas_share_the_eligibility_rules() -> None:
    for formula in (E1rmFormula.EPLEY, E1rmFormula.BRZYCKI):
        assert e1rm(100.0, 16, 0.0, formula) is None
        assert e1rm(100.0, 0, 0.0, formula) is None
        eleven = e1rm(100.0, 11, 0.0, formula)
        assert eleven is not None and eleven.extrapolated


# ---- effective load and tonnage ------------------------------------------------------------------------------------


def test_effective_load() -> None:
    assert effective_load(100.0, False, 80.0) == 100.0
    assert effective_load(None, False, 80.0) is None
    assert effective_load(10.0, True, 80.0) == 90.0
    assert effective_load(None, True, 80.0) == 80.0
    assert effective_load(10.0, True, None) is None


def test_tonnage_is_load_times_reps() -> None:
    assert set_tonnage(working(100.0, 5)) == 500.0
    assert set_tonnage(working(102.5, 8, 2.0)) == 820.0


@pytest.mark.parametrize("set_type", [SetType.WORKING, SetType.DROP, SetType.FAILURE, SetType.BACKOFF])
def test_tonnage_counts_every_non_warmup_type(set_type: SetType) -> None:
    assert set_tonnage(working(60.0, 10, set_type=set_type)) == 600.0


def test_tonnage_excludes_warmups() -> None:
    assert set_tonnage(working(60.0, 10, set_type=SetType.WARMUP)) == 0.0
    assert set_tonnage(working(60.0, 10, set_type=SetType.WARMUP), True, 80.0) == 0.0


def test_tonnage_without_reps_or_load() -> None:
    assert set_tonnage(working(100.0, None)) == 0.0
    assert set_tonnage(working(100.0, 0)) == 0.0
    assert set_tonnage(working(None, 10)) == 0.0


def test_tonnage_of_bodyweight_exercise_adds_session_bodyweight() -> None:
    assert set_tonnage(working(None, 10), True, 80.0) == 800.0
    assert set_tonnage(working(20.0, 8), True, 80.0) == (80 + 20) * 8


def test_tonnage_of_bodyweight_exercise_without_bodyweight_is_zero() -> None:
    assert set_tonnage(working(None, 10), True, None) == 0.0
    assert set_tonnage(working(20.0, 8), True, None) == 0.0


# ---- hard sets ------------------------------------------------------------------------------------------------------


def test_hard_set_default_threshold_three() -> None:
    for rir in (0.0, 1.0, 2.5, 3.0):
        assert is_hard(working(100.0, 5, rir))
    for rir in (3.5, 4.0, 6.0):
        assert not is_hard(working(100.0, 5, rir))


def test_hard_set_threshold_is_a_setting() -> None:
    assert is_hard(working(100.0, 5, 1.0), threshold=1.0)
    assert not is_hard(working(100.0, 5, 1.5), threshold=1.0)
    assert is_hard(working(100.0, 5, 5.0), threshold=5.0)
    assert is_hard(working(100.0, 5, 0.0), threshold=0.0)
    assert not is_hard(working(100.0, 5, 0.5), threshold=0.0)


def test_unrated_is_never_hard() -> None:
    for threshold in (0.0, 3.0, 5.0, 10.0):
        assert not is_hard(working(100.0, 5, None), threshold=threshold)


def test_warmup_is_never_hard() -> None:
    assert not is_hard(working(100.0, 5, 0.0, SetType.WARMUP))


@pytest.mark.parametrize("set_type", [SetType.DROP, SetType.FAILURE, SetType.BACKOFF])
def test_other_working_types_can_be_hard(set_type: SetType) -> None:
    assert is_hard(working(50.0, 12, 0.0, set_type))


def test_rpe_below_six_is_not_hard_even_with_a_high_threshold() -> None:
    record = SetRecord(load_kg=60.0, reps=10, rir=4.5, effort_scale=EffortScale.RPE)
    assert not is_hard(record, threshold=5.0)


# ---- summary ------------------------------------------------------------------------------------------------------


def test_summarize_counts_and_tonnage() -> None:
    sets = [
        working(60.0, 5, None, SetType.WARMUP),  # ignored entirely
        working(200.0, 1, 0.0, SetType.WARMUP),  # ignored, even for e1RM
        working(100.0, 5, 2.0),  # hard; e1RM 100 (1 + 6k) = 123.52
        working(100.0, 5, None),  # unrated
        working(80.0, 8, 0.0, SetType.DROP),  # a drop: one series with the set before, which it rates (0): hard
        working(100.0, 12, 2.0, SetType.BACKOFF),  # hard; n = 14, extrapolated 100 (1 + 13k) = 150.96
        working(70.0, 6, 4.0),  # not hard
    ]
    summary = summarize(sets)
    assert summary.working_sets == 4  # 100×5, (100×5 + 80×8), 100×12, 70×6
    assert summary.hard_sets == 3
    assert summary.unrated_sets == 0
    assert summary.tonnage_kg == pytest.approx(500 + 500 + 640 + 1200 + 420)
    # the best e1RM prefers a non-extrapolated estimate over the bigger extrapolated one
    assert summary.best_e1rm is not None
    assert summary.best_e1rm.extrapolated is False
    assert summary.best_e1rm.kg == pytest.approx(100 * (1 + K * 6), rel=1e-12)


def test_summarize_threshold_and_formula() -> None:
    sets = [working(100.0, 5, 2.0), working(100.0, 5, 1.0), working(100.0, 5, 0.0)]
    assert summarize(sets, threshold=1.0).hard_sets == 2
    assert summarize(sets, threshold=0.0).hard_sets == 1
    epley = summarize(sets, formula=E1rmFormula.EPLEY).best_e1rm
    assert epley is not None and epley.kg == pytest.approx(100 * (1 + 7 / 30), rel=1e-12)


def test_summarize_only_extrapolated_takes_the_biggest() -> None:
    sets = [working(60.0, 12, 0.0), working(70.0, 11, 1.0), working(50.0, 14, 0.0)]
    summary = summarize(sets)
    assert summary.best_e1rm is not None and summary.best_e1rm.extrapolated is True
    # candidates: 60 (1 + 11k) = 85.872, 70 (1 + 11k) = 100.184, 50 (1 + 13k) = 75.48
    assert summary.best_e1rm.kg == pytest.approx(70 * (1 + K * 11), rel=1e-12)


def test_summarize_best_order_does_not_matter() -> None:
    sets = [working(100.0, 12, 2.0), working(90.0, 3, 2.0), working(95.0, 3, 1.0), working(200.0, 20, 0.0)]
    expected = max(90 * (1 + K * 4), 95 * (1 + K * 3))
    for ordering in (sets, list(reversed(sets))):
        best = summarize(ordering).best_e1rm
        assert best is not None and not best.extrapolated
        assert best.kg == pytest.approx(expected, rel=1e-12)


def test_summarize_bodyweight_exercise() -> None:
    sets = [working(None, 10, 2.0), working(10.0, 8, 1.0), working(None, 5, None, SetType.WARMUP)]
    with_bw = summarize(sets, bodyweight_exercise=True, bodyweight_kg=80.0)
    assert with_bw.working_sets == 2
    assert with_bw.tonnage_kg == pytest.approx(80 * 10 + 90 * 8)
    assert with_bw.best_e1rm is not None
    # 80 (1 + 11k) is extrapolated (n = 12); 90 (1 + 8k) = 118.224 is valid and preferred
    assert with_bw.best_e1rm.kg == pytest.approx(90 * (1 + K * 8), rel=1e-12)
    assert not with_bw.best_e1rm.extrapolated
    without_bw = summarize(sets, bodyweight_exercise=True, bodyweight_kg=None)
    assert without_bw.working_sets == 2
    assert without_bw.tonnage_kg == 0.0
    assert without_bw.best_e1rm is None


def test_summarize_empty() -> None:
    summary = summarize([])
    assert (summary.working_sets, summary.hard_sets, summary.unrated_sets, summary.tonnage_kg) == (0, 0, 0, 0.0)
    assert summary.best_e1rm is None


# ---- counting: drop-set series, empty and cardio rows ----------------------------------------------------------


def test_a_drop_set_series_is_one_working_set_and_one_hard_set() -> None:
    sets = [working(100.0, 8, 1.0), working(80.0, 6, 0.0, SetType.DROP), working(60.0, 6, 0.0, SetType.DROP)]
    summary = summarize(sets)
    # by hand: one series; hard (every segment is); tonnage 800 + 480 + 360 = 1640
    assert (summary.working_sets, summary.hard_sets, summary.unrated_sets) == (1, 1, 0)
    assert summary.tonnage_kg == pytest.approx(1640.0)


def test_a_series_is_hard_when_a_drop_is_though_its_first_set_is_not() -> None:
    sets = [working(100.0, 8, 4.0), working(80.0, 6, 0.0, SetType.DROP)]
    summary = summarize(sets, threshold=2.0)
    assert (summary.working_sets, summary.hard_sets) == (1, 1)
    assert series_rating(series(sets)[0]) == sets[0]  # rated by its first rated segment: RIR 4


def test_an_unrated_series_with_a_rated_drop_is_rated_by_the_drop() -> None:
    sets = [working(100.0, 8, None), working(80.0, 6, 1.0, SetType.DROP)]
    assert series_rating(series(sets)[0]) == sets[1]
    assert summarize(sets).unrated_sets == 0


def test_a_warm_up_ends_a_series_and_a_drop_first_starts_one() -> None:
    sets = [
        working(40.0, 10, None, SetType.WARMUP),
        working(60.0, 10, 0.0, SetType.DROP),
        working(100.0, 5, 2.0),
        working(40.0, 10, None, SetType.WARMUP),
        working(50.0, 10, 0.0, SetType.DROP),
    ]
    assert [len(s) for s in series(sets)] == [1, 1, 1]
    assert summarize(sets).working_sets == 3


def test_two_series_in_a_row_count_twice() -> None:
    sets = [
        working(100.0, 8, 1.0),
        working(80.0, 6, 0.0, SetType.DROP),
        working(100.0, 7, 1.0),
        working(80.0, 5, 0.0, SetType.DROP),
    ]
    assert [len(s) for s in series(sets)] == [2, 2]
    assert (summarize(sets).working_sets, summarize(sets).hard_sets) == (2, 2)


@pytest.mark.parametrize(
    ("record", "measure", "counts"),
    [
        (SetRecord(load_kg=None, reps=0), Measure.REPS, False),  # an empty row
        (SetRecord(load_kg=0.0, reps=None), Measure.REPS, False),
        (SetRecord(distance_m=5000.0, duration_s=1800.0), Measure.DISTANCE_TIME, False),  # a run
        (SetRecord(duration_s=1500.0), Measure.REPS, False),  # a cardio row logged under a lifting exercise
        (SetRecord(distance_m=400.0), Measure.DISTANCE, False),
        (SetRecord(duration_s=60.0), Measure.TIME, True),  # a plank
        (SetRecord(load_kg=140.0, reps=0), Measure.REPS, True),  # a failed attempt
        (SetRecord(load_kg=None, reps=12), Measure.REPS, True),  # a pull-up
        (SetRecord(load_kg=100.0, distance_m=20.0), Measure.DISTANCE, True),  # a loaded sled push
        (SetRecord(set_type=SetType.WARMUP, load_kg=60.0, reps=5), Measure.REPS, False),
    ],
)
def test_what_is_a_working_set(record: SetRecord, measure: Measure, counts: bool) -> None:
    assert is_working_set(record, measure) is counts


def test_empty_and_cardio_rows_count_nowhere() -> None:
    sets = [working(100.0, 5, 2.0), SetRecord(reps=0), SetRecord(distance_m=3000.0, duration_s=900.0)]
    summary = summarize(sets)
    assert (summary.working_sets, summary.hard_sets, summary.unrated_sets) == (1, 1, 0)


def test_e1rm_of_a_set_continued_to_failure_uses_the_failure_reps() -> None:
    # 100 kg, 8 reps called at RIR 1, continued to failure at 11: 11 reps at RIR 0, n = 11, 100 (1 + 10 k)
    estimate = e1rm(100.0, 8, 1.0, failure_reps=11)
    assert estimate is not None and estimate.kg == pytest.approx(100 * (1 + 10 * K))
    assert estimate.extrapolated  # n = 11 > 10
    assert e1rm(100.0, 8, 1.0, failure_reps=None) == e1rm(100.0, 8, 1.0)  # n = 9
    summary = summarize([working(100.0, 5, 3.0).replace(failure_reps=6)])  # n = 6 by failure, not 8 by the call
    assert summary.best_e1rm is not None and summary.best_e1rm.kg == pytest.approx(100 * (1 + 5 * K))
