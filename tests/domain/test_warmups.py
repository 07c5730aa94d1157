# SPDX-License-Identifier: MIT
"""Warm-up ramps: bar × 10, 40 % × 8, 60 % × 5, 80 % × 3 of the first working load, on loads the plates make."""

from __future__ import annotations

from journal.domain.plates import PlateKit
from journal.domain.records import Exercise, SetType
from journal.domain.routines import RoutineItem, planned_sets
from journal.domain.units import KG_PER_LB, Unit
from journal.domain.warmups import warmup_sets

KG = PlateKit(Unit.KG, 20.0, (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25))
LB = PlateKit(Unit.LB, 45.0, (45.0, 35.0, 25.0, 10.0, 5.0, 2.5))
BENCH = Exercise(id=1, name="Bench Press", equipment="barbell")
CURL = Exercise(id=2, name="Dumbbell Curl", equipment="dumbbell")


def ramp(sets: tuple) -> list[tuple[float, int]]:
    assert all(s.set_type is SetType.WARMUP for s in sets)
    return [(round(s.load_kg, 4), s.reps) for s in sets]


def test_a_barbell_ramp_rounds_each_step_to_a_load_the_plates_make() -> None:
    # 40 % of 100 = 40, 60 % = 60, 80 % = 80: all loadable
    assert ramp(warmup_sets(BENCH, 100.0, KG, 2.5)) == [(20.0, 10), (40.0, 8), (60.0, 5), (80.0, 3)]
    # 40 % of 117.5 = 47 -> 47.5; 60 % = 70.5 -> 70; 80 % = 94 -> 95 (94 lies nearer 95 than 92.5)
    assert ramp(warmup_sets(BENCH, 117.5, KG, 2.5)) == [(20.0, 10), (47.5, 8), (70.0, 5), (95.0, 3)]


def test_steps_under_the_bar_or_repeating_a_load_are_left_out() -> None:
    # 40 % of 40 kg is under the bar; 60 % = 24 -> 25; 80 % = 32 -> 32.5
    assert ramp(warmup_sets(BENCH, 40.0, KG, 2.5)) == [(20.0, 10), (25.0, 5), (32.5, 3)]
    assert warmup_sets(BENCH, 20.0, KG, 2.5) == ()
    assert warmup_sets(BENCH, None, KG, 2.5) == ()


def test_pounds_ramp_on_pound_plates() -> None:
    loads = ramp(warmup_sets(BENCH, 225 * KG_PER_LB, LB, 5 * KG_PER_LB))
    assert [(round(kg / KG_PER_LB, 2), reps) for kg, reps in loads] == [(45, 10), (90, 8), (135, 5), (180, 3)]


def test_other_kit_rounds_to_the_load_step_without_a_bar() -> None:
    assert ramp(warmup_sets(CURL, 20.0, KG, 2.0)) == [(8.0, 8), (12.0, 5), (16.0, 3)]


def test_warm_ups_are_planned_before_the_working_sets() -> None:
    item = RoutineItem(exercise=BENCH, sets=2, reps_low=5, reps_high=5, warmup=True)
    plans = planned_sets(item, 100.0, (), warmup_sets(BENCH, 100.0, KG, 2.5))
    assert [(p.planned.set_type, p.planned.load_kg, p.planned.reps) for p in plans] == [
        (SetType.WARMUP, 20.0, 10),
        (SetType.WARMUP, 40.0, 8),
        (SetType.WARMUP, 60.0, 5),
        (SetType.WARMUP, 80.0, 3),
        (SetType.WORKING, 100.0, 5),
        (SetType.WORKING, 100.0, 5),
    ]
