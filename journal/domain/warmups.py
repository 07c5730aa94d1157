# SPDX-License-Identifier: MIT
"""Warm-up sets before the first working set: a ramp of the working load, each step rounded to a load that can be
made (the plate calculator for a barbell, the load step otherwise)."""

from __future__ import annotations

from decimal import ROUND_HALF_DOWN, Decimal

from journal.domain.plates import BARBELL_EQUIPMENT, PlateKit, nearest_loadable_kg
from journal.domain.records import Exercise, SetRecord, SetType
from journal.domain.units import from_kg, to_kg

# (fraction of the first working load, reps); 0 is the empty bar
RAMP: tuple[tuple[float, int], ...] = ((0.0, 10), (0.4, 8), (0.6, 5), (0.8, 3))


def _on_step(kg: float, step_kg: float, kit: PlateKit) -> float:
    """A load rounded to the nearest whole step in the kit's unit (halves down: a warm-up errs light), in kg."""
    step = Decimal(repr(round(from_kg(step_kg, kit.unit), 6)))
    steps = (Decimal(repr(round(from_kg(kg, kit.unit), 6))) / step).quantize(Decimal(1), rounding=ROUND_HALF_DOWN)
    return to_kg(float(steps * step), kit.unit)


def warmup_sets(
    exercise: Exercise,
    working_kg: float | None,
    kit: PlateKit,
    step_kg: float,
    ramp: tuple[tuple[float, int], ...] = RAMP,
) -> tuple[SetRecord, ...]:
    """The warm-up sets before a first working set of `working_kg`: each step of `ramp` as a warm-up set, its load
    rounded to the nearest load the plates make on a barbell (the lighter of two as near; the bar at least), or to
    the nearest whole load step on other kit (where the bar step is left out). A step that comes out at the load of
    the step before, or at or above the working load, is left out. None without a working load."""
    if not working_kg or working_kg <= 0:
        return ()
    barbell = exercise.equipment in BARBELL_EQUIPMENT
    bar_kg = to_kg(kit.empty, kit.unit)
    sets: list[SetRecord] = []
    for fraction, reps in ramp:
        if fraction <= 0:
            if not barbell:
                continue
            load = bar_kg
        elif barbell:
            load = nearest_loadable_kg(max(working_kg * fraction, bar_kg), kit)
        else:
            load = _on_step(working_kg * fraction, step_kg, kit)
        if load <= 0 or load >= working_kg - 1e-6 or (sets and abs((sets[-1].load_kg or 0) - load) < 1e-6):
            continue
        sets.append(SetRecord(set_type=SetType.WARMUP, load_kg=load, reps=reps))
    return tuple(sets)
