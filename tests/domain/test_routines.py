# SPDX-License-Identifier: MIT
"""Routines: the load suggested from the last time (journal/domain/routines.py docstring is the rule), the sets a
session started from a routine begins with, and the target text."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from journal.domain.effort import EffortScale
from journal.domain.records import Exercise, PlannedSet, SetRecord, SetType, plans_open
from journal.domain.routines import (
    SMALL_STEPS_KG,
    STEP_KG,
    STEP_LB,
    RoutineItem,
    Suggestion,
    as_last_time,
    load_step,
    planned_sets,
    suggest,
)
from journal.domain.units import KG_PER_LB, Unit

BARBELL = Exercise(id=1, name="Bench Press", equipment="barbell")
DUMBBELL = Exercise(id=2, name="Dumbbell Bench Press", equipment="dumbbell")
KETTLEBELL = Exercise(id=3, name="Kettlebell Swing", equipment="kettlebell")
MACHINE = Exercise(id=4, name="Leg Press", equipment="machine")
CABLE = Exercise(id=5, name="Cable Curl", equipment="cable")
LB_STEP_KG = 2.26796185  # 5 lb


def item(exercise: Exercise = BARBELL, **changes: object) -> RoutineItem:
    values: dict[str, object] = {"sets": 3, "reps_low": 8, "reps_high": 12, "target_rir": 2.0}
    values.update(changes)
    return RoutineItem(exercise=exercise, **values)  # type: ignore[arg-type]


def sets(load: float, *reps_rir: tuple[int, float | None], kind: SetType = SetType.WORKING) -> tuple[SetRecord, ...]:
    return tuple(
        SetRecord(
            set_type=kind, load_kg=load, reps=reps, rir=rir, effort_scale=EffortScale.RIR if rir is not None else None
        )
        for reps, rir in reps_rir
    )


# ---- the load step ---------------------------------------------------------------------------------------------


def test_default_steps_are_2_5_kg_and_5_lb() -> None:
    assert (STEP_KG, STEP_LB) == (2.5, 5.0)


def test_barbell_step_is_the_settable_kg_step() -> None:
    assert load_step(BARBELL, Unit.KG) == 2.5
    assert load_step(BARBELL, Unit.KG, step_kg=1.25) == 1.25
    assert load_step(Exercise(id=9, name="Odd", equipment="other"), Unit.KG) == 2.5


def test_lb_step_is_5_lb_in_kg_and_settable() -> None:
    assert load_step(BARBELL, Unit.LB) == pytest.approx(LB_STEP_KG, abs=1e-12)
    assert load_step(BARBELL, Unit.LB) == pytest.approx(5 * KG_PER_LB, abs=1e-12)
    assert load_step(BARBELL, Unit.LB, step_lb=2.5) == pytest.approx(2.5 * 0.45359237, abs=1e-12)
    assert load_step(DUMBBELL, Unit.LB) == pytest.approx(LB_STEP_KG, abs=1e-12)


@pytest.mark.parametrize("exercise", [DUMBBELL, KETTLEBELL, MACHINE, CABLE])
def test_kit_steps_come_from_small_steps_kg(exercise: Exercise) -> None:
    assert load_step(exercise, Unit.KG) == SMALL_STEPS_KG[exercise.equipment]
    assert load_step(exercise, Unit.KG, step_kg=1.0) == SMALL_STEPS_KG[exercise.equipment]


def test_small_steps_table() -> None:
    assert SMALL_STEPS_KG["dumbbell"] == 2.0


# ---- suggest: +1 ------------------------------------------------------------------------------------------------


def test_every_set_at_top_with_more_reserve_adds_a_barbell_step() -> None:
    last = sets(100, (12, 3), (12, 3), (12, 3.5))
    result = suggest(item(), last, load_step(BARBELL, Unit.KG))
    assert isinstance(result, Suggestion)
    assert result.change == +1
    assert result.load_kg == pytest.approx(102.5)
    assert "100 kg" in result.reason and "12" in result.reason and "2.5 kg" in result.reason
    assert "more" in result.reason


def test_dumbbell_adds_its_own_step() -> None:
    last = sets(30, (12, 3), (12, 3), (12, 3))
    step = load_step(DUMBBELL, Unit.KG)
    result = suggest(item(DUMBBELL), last, step)
    assert result.change == +1
    assert result.load_kg == pytest.approx(30 + SMALL_STEPS_KG["dumbbell"])
    assert "30 kg" in result.reason and "2 kg" in result.reason


def test_kettlebell_adds_its_own_step() -> None:
    last = sets(16, (12, 4), (12, 4), (12, 4))
    result = suggest(item(KETTLEBELL), last, load_step(KETTLEBELL, Unit.KG))
    assert (result.change, result.load_kg) == (+1, pytest.approx(20.0))


def test_lb_step_is_5_lb() -> None:
    load = 225 * KG_PER_LB
    last = sets(load, (12, 3), (12, 3), (12, 3))
    result = suggest(item(), last, load_step(BARBELL, Unit.LB), Unit.LB)
    assert result.change == +1
    assert result.load_kg == pytest.approx(load + LB_STEP_KG)
    assert result.load_kg / KG_PER_LB == pytest.approx(230.0)
    assert "225 lb" in result.reason and "5 lb" in result.reason


def test_more_than_top_reps_counts_as_top() -> None:
    result = suggest(item(), sets(100, (13, 3), (12, 3), (14, 4)), 2.5)
    assert (result.change, result.load_kg) == (+1, pytest.approx(102.5))


def test_no_target_effort_top_reps_add_a_step() -> None:
    result = suggest(item(target_rir=None), sets(100, (12, None), (12, None), (12, None)), 2.5)
    assert (result.change, result.load_kg) == (+1, pytest.approx(102.5))


def test_warmups_are_ignored() -> None:
    # a warm-up at the working load with few reps and no reserve would otherwise be short and too close to failure
    last = (
        SetRecord(set_type=SetType.WARMUP, load_kg=60, reps=5, rir=6),
        SetRecord(set_type=SetType.WARMUP, load_kg=100, reps=2, rir=0),
    ) + sets(100, (12, 3), (12, 3), (12, 3))
    result = suggest(item(), last, 2.5)
    assert (result.change, result.load_kg) == (+1, pytest.approx(102.5))


def test_heavier_warmup_does_not_set_the_load() -> None:
    last = (SetRecord(set_type=SetType.WARMUP, load_kg=120, reps=1, rir=5),) + sets(100, (10, 2), (10, 2), (10, 2))
    result = suggest(item(), last, 2.5)
    assert (result.change, result.load_kg) == (0, pytest.approx(100.0))


# ---- suggest: short sets hold, two short sessions in a row take a step off -----------------------------------


def test_one_session_with_a_set_below_the_bottom_of_the_range_holds_the_load() -> None:
    result = suggest(item(), sets(100, (10, 2), (8, 2), (7, 2)), 2.5)
    assert (result.change, result.load_kg) == (0, pytest.approx(100.0))
    assert "100 kg" in result.reason and "8 reps" in result.reason and "1 set" in result.reason
    assert "same load" in result.reason


def test_two_sessions_short_at_the_same_load_take_a_step_off() -> None:
    before = sets(100, (9, 2), (7, 2), (7, 2))
    result = suggest(item(), sets(100, (10, 2), (8, 2), (7, 2)), 2.5, before=before)
    assert result.change == -1
    assert result.load_kg == pytest.approx(97.5)  # 100 - 2.5
    assert "two sessions" in result.reason and "2.5 kg less" in result.reason


def test_short_after_a_session_short_at_another_load_holds() -> None:
    # the time before was short at 97.5; this load (100) has been short once
    result = suggest(item(), sets(100, (7, 2), (7, 2)), 2.5, before=sets(97.5, (7, 2)))
    assert (result.change, result.load_kg) == (0, pytest.approx(100.0))


def test_short_after_a_session_in_range_at_the_same_load_holds() -> None:
    result = suggest(item(), sets(100, (7, 2), (8, 2)), 2.5, before=sets(100, (9, 2), (8, 2)))
    assert (result.change, result.load_kg) == (0, pytest.approx(100.0))


def test_short_sets_are_counted_in_the_reason() -> None:
    result = suggest(item(), sets(100, (7, 2), (6, 2), (9, 2)), 2.5)
    assert result.change == 0 and "2 set" in result.reason


def test_short_even_with_reserve_holds() -> None:
    result = suggest(item(), sets(100, (12, 3), (12, 3), (5, 4)), 2.5)
    assert (result.change, result.load_kg) == (0, pytest.approx(100.0))


def test_inside_the_range_closer_to_failure_than_planned_holds() -> None:
    result = suggest(item(), sets(100, (10, 2), (10, 1.5), (10, 0.5)), 2.5)
    assert (result.change, result.load_kg) == (0, pytest.approx(100.0))


def test_at_the_top_with_the_last_set_more_than_a_rep_closer_than_planned_holds() -> None:
    # 3 × 15 at RIR 0 in an 8–12 @ RIR 2 plan: the reps are there, the reserve is not (0 < 2 - 1)
    result = suggest(item(), sets(100, (15, 0), (15, 0), (15, 0)), 2.5)
    assert (result.change, result.load_kg) == (0, pytest.approx(100.0))
    assert "RIR 0" in result.reason and "planned 2" in result.reason


def test_at_the_top_with_the_last_set_exactly_a_rep_closer_progresses() -> None:
    result = suggest(item(), sets(100, (12, 2), (12, 1.5), (12, 1)), 2.5)
    assert (result.change, result.load_kg) == (+1, pytest.approx(102.5))


def test_only_the_last_set_decides_the_reserve_at_the_top() -> None:
    # an early set at RIR 0 and the last one at the planned RIR: the last one came in as planned
    result = suggest(item(), sets(100, (12, 0), (12, 2), (12, 2)), 2.5)
    assert (result.change, result.load_kg) == (+1, pytest.approx(102.5))


def test_exactly_one_rep_closer_is_not_off() -> None:
    result = suggest(item(), sets(100, (10, 1), (10, 1), (10, 1)), 2.5)
    assert (result.change, result.load_kg) == (0, pytest.approx(100.0))


def test_dumbbell_takes_its_own_step_off() -> None:
    result = suggest(item(DUMBBELL), sets(30, (6, 2), (6, 2)), load_step(DUMBBELL, Unit.KG), before=sets(30, (7, 2)))
    assert (result.change, result.load_kg) == (-1, pytest.approx(28.0))


def test_lb_step_off() -> None:
    load = 100 * KG_PER_LB
    result = suggest(item(), sets(load, (5, 2)), load_step(BARBELL, Unit.LB), Unit.LB, before=sets(load, (6, 2)))
    assert result.change == -1
    assert result.load_kg / KG_PER_LB == pytest.approx(95.0)
    assert "100 lb" in result.reason and "5 lb less" in result.reason


def test_reduced_load_is_never_negative() -> None:
    result = suggest(item(), sets(2, (3, 2)), 2.5, before=sets(2, (3, 2)))
    assert result.change == -1 and result.load_kg == 0.0


# ---- suggest: the step, rounded to the nearest whole step, and the label equal to the change --------------------


def test_machine_62_5_kg_goes_up_to_the_nearest_5_kg_step_and_says_so() -> None:
    # 62.5 + 5 = 67.5, halfway between the 5 kg steps 65 and 70: halves go up, so 70, a change of 7.5 kg
    result = suggest(item(MACHINE), sets(62.5, (12, 2), (12, 2), (12, 2)), load_step(MACHINE, Unit.KG))
    assert (result.change, result.load_kg) == (+1, pytest.approx(70.0))
    assert "7.5 kg more" in result.reason and "one 5 kg step" in result.reason
    assert ": 5 kg more" not in result.reason


def test_dumbbell_23_kg_goes_down_to_the_nearest_2_kg_step_and_says_so() -> None:
    # 23 - 2 = 21, halfway between 20 and 22: halves go up, so 22, a change of 1 kg
    last, before = sets(23, (7, 2), (7, 2)), sets(23, (6, 2))
    result = suggest(item(DUMBBELL), last, load_step(DUMBBELL, Unit.KG), before=before)
    assert (result.change, result.load_kg) == (-1, pytest.approx(22.0))
    assert ": 1 kg less" in result.reason and ": 2 kg less" not in result.reason


def test_137_5_lb_goes_down_to_the_nearest_5_lb_step_and_says_so() -> None:
    # 137.5 - 5 = 132.5, halfway between 130 and 135: halves go up, so 135 lb, a change of 2.5 lb
    load = 137.5 * KG_PER_LB
    last, before = sets(load, (6, 2), (6, 2)), sets(load, (7, 2))
    result = suggest(item(), last, load_step(BARBELL, Unit.LB), Unit.LB, before=before)
    assert result.change == -1
    assert result.load_kg is not None and result.load_kg / KG_PER_LB == pytest.approx(135.0)
    assert "2.5 lb less" in result.reason and ": 5 lb less" not in result.reason


def test_a_load_on_the_steps_moves_by_exactly_one_step() -> None:
    result = suggest(item(MACHINE), sets(65, (12, 2), (12, 2), (12, 2)), load_step(MACHINE, Unit.KG))
    assert (result.change, result.load_kg) == (+1, pytest.approx(70.0))
    assert "5 kg more" in result.reason and "nearest" not in result.reason


def test_a_kg_load_seen_in_lb_lands_on_whole_lb_steps() -> None:
    # 100 kg is 220.46 lb; + 5 lb = 225.46, nearest 5 lb step 225: a change of 4.54 lb, said as such
    result = suggest(item(), sets(100, (12, 2), (12, 2), (12, 2)), load_step(BARBELL, Unit.LB), Unit.LB)
    assert result.load_kg is not None and result.load_kg / KG_PER_LB == pytest.approx(225.0)
    assert "4.54 lb more" in result.reason


# ---- suggest: fixed load and no history -------------------------------------------------------------------------


def test_a_fixed_load_is_suggested_as_is() -> None:
    result = suggest(item(load_kg=80.0), sets(100, (12, 4), (12, 4), (12, 4)), 2.5)
    assert result.load_kg == 80.0 and result.change == 0
    assert result.reason


def test_a_fixed_load_without_history() -> None:
    assert suggest(item(load_kg=60.0), (), 2.5).load_kg == 60.0


def test_no_last_sets_suggest_no_load() -> None:
    result = suggest(item(), (), 2.5)
    assert result.load_kg is None and result.change == 0 and result.reason


def test_only_warmups_suggest_no_load() -> None:
    result = suggest(item(), sets(60, (5, 5), (5, 5), kind=SetType.WARMUP), 2.5)
    assert result.load_kg is None


def test_unloaded_sets_suggest_no_load() -> None:
    last = (SetRecord(load_kg=None, reps=10, rir=2), SetRecord(load_kg=0.0, reps=10, rir=2))
    assert suggest(item(), last, 2.5).load_kg is None


# ---- planned sets -----------------------------------------------------------------------------------------------


def targets(routine_item: RoutineItem, load_kg: float | None) -> list[SetRecord]:
    plans = planned_sets(routine_item, load_kg)
    assert all(isinstance(p, PlannedSet) and p.id is None for p in plans)
    return [p.planned for p in plans]


def test_planned_sets_carry_the_targets() -> None:
    planned = targets(item(sets=4, reps_low=6, reps_high=10, target_rir=1.5), 82.5)
    assert len(planned) == 4
    for record in planned:
        assert record.set_type is SetType.WORKING
        assert record.load_kg == 82.5
        assert 6 <= (record.reps or 0) <= 10
        assert record.rir == 1.5
        assert record.effort_scale is EffortScale.RIR
        assert record.failure_reps is None and record.id is None


def test_planned_sets_without_a_load() -> None:
    planned = targets(item(), None)
    assert len(planned) == 3 and all(s.load_kg is None for s in planned)


def test_planned_sets_on_the_rpe_scale_store_rir() -> None:
    planned = targets(item(target_rir=2.0, target_scale=EffortScale.RPE), 50)
    assert all(s.rir == 2.0 and s.effort_scale is EffortScale.RPE for s in planned)


def test_planned_sets_without_target_effort_are_unrated() -> None:
    planned = targets(item(target_rir=None), 50)
    assert all(s.rir is None and s.effort_scale is None for s in planned)


def test_a_calibration_item_ends_with_an_all_out_set() -> None:
    planned = targets(item(sets=3, calibration=True), 40)
    assert [s.set_type for s in planned] == [SetType.WORKING, SetType.WORKING, SetType.FAILURE]
    assert [s.rir for s in planned] == [2.0, 2.0, 0.0]
    assert all(s.load_kg == 40 for s in planned)
    assert planned[-1].effort_scale is EffortScale.RIR


def test_a_one_set_calibration_item() -> None:
    planned = targets(item(sets=1, calibration=True, target_rir=None), 40)
    assert len(planned) == 1
    assert planned[0].set_type is SetType.FAILURE and planned[0].rir == 0.0


def test_zero_sets_plan_nothing() -> None:
    assert planned_sets(item(sets=0), 40) == ()


def test_planned_sets_carry_the_range_and_last_times_working_sets_in_order() -> None:
    last = (
        SetRecord(set_type=SetType.WARMUP, load_kg=60, reps=5),
        SetRecord(load_kg=100, reps=12, rir=2),
        SetRecord(load_kg=100, reps=10, rir=1),
    )
    plans = planned_sets(item(sets=3, reps_low=8, reps_high=12), 102.5, last)
    assert [p.reps_low for p in plans] == [8, 8, 8]
    assert [p.last for p in plans] == [last[1], last[2], None]


def test_as_last_time_plans_the_sets_not_yet_done() -> None:
    previous = (
        SetRecord(set_type=SetType.WARMUP, load_kg=60, reps=5),
        SetRecord(load_kg=100, reps=5, rir=2, failure_reps=7, note="easy", id=4),
    )
    plans = as_last_time(previous)
    assert [p.planned for p in plans] == [previous[0].repeated(), previous[1].repeated()]
    assert plans[1].planned.failure_reps is None and plans[1].planned.note == "" and plans[1].planned.id is None
    assert [p.last for p in plans] == list(previous)
    assert [p.last for p in as_last_time(previous, done=1)] == [previous[1]]
    assert as_last_time(previous, done=2) == ()


def test_plans_are_open_for_twelve_hours_after_the_start_then_skipped() -> None:
    start = datetime(2026, 5, 4, 18, 0)
    assert plans_open(start, start)
    assert plans_open(start, start + timedelta(hours=11, minutes=59))
    assert not plans_open(start, start + timedelta(hours=12))
    assert plans_open(start, start - timedelta(days=1))  # a session planned ahead


# ---- target text ------------------------------------------------------------------------------------------------


def test_target_text_rir() -> None:
    assert item().target_text() == "3 × 8–12 @ RIR 2"


def test_target_text_rpe() -> None:
    assert item(target_scale=EffortScale.RPE).target_text() == "3 × 8–12 @ RPE 8"
    assert item().target_text(EffortScale.RPE) == "3 × 8–12 @ RPE 8"
    assert item(target_rir=1.5).target_text(EffortScale.RPE) == "3 × 8–12 @ RPE 8.5"


def test_target_text_asked_in_rir_for_an_rpe_item() -> None:
    assert item(target_scale=EffortScale.RPE).target_text(EffortScale.RIR) == "3 × 8–12 @ RIR 2"


def test_target_text_fixed_reps_and_half_steps() -> None:
    assert item(sets=5, reps_low=5, reps_high=5, target_rir=1.5).target_text() == "5 × 5 @ RIR 1.5"
    assert item(target_rir=0.0).target_text() == "3 × 8–12 @ RIR 0"
    assert item(target_rir=0.0).target_text(EffortScale.RPE) == "3 × 8–12 @ RPE 10"


def test_target_text_without_effort() -> None:
    assert item(target_rir=None).target_text() == "3 × 8–12"
    assert item(target_rir=None).target_text(EffortScale.RPE) == "3 × 8–12"


def test_a_lighter_set_among_the_working_sets_holds_the_load_and_says_why() -> None:
    """60 x 12, 60 x 12, then 50 x 12 (a back-off) in an 8-12 range of 3 sets: not every set reached the top at the
    top load, so the load holds; the reason says so rather than "inside the range"."""
    bench = Exercise(id=1, name="Bench Press")
    item = RoutineItem(exercise=bench, sets=3, reps_low=8, reps_high=12, target_rir=2.0)
    last = (
        SetRecord(load_kg=60, reps=12, rir=2),
        SetRecord(load_kg=60, reps=12, rir=2),
        SetRecord(load_kg=50, reps=12, rir=2),
    )
    found = suggest(item, last, 2.5)
    assert found.load_kg == 60 and found.change == 0
    assert "2 of 3 sets at this load reached 12 reps" in found.reason
    assert "inside" not in found.reason
