# SPDX-License-Identifier: MIT
"""Routines (planned sessions) and the load to suggest next time from how the last one went.

The rule (double progression: reps first, then load), on the working sets at the heaviest load of the last session
of the routine: when every one reached the top of its rep range, add one load step, unless the last of them came in
more than a rep closer to failure than planned (then hold); when one fell short of the bottom of the range, hold, and
take a step off when the session before also fell short at that load; inside the range, keep the load. Unrated sets
progress on their reps. A changed load is rounded to the nearest whole step in the lifter's unit, halves up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from journal.domain.effort import EffortScale
from journal.domain.records import Exercise, PlannedSet, SetRecord, SetType
from journal.domain.units import KG_PER_LB, Unit, format_number, from_kg, to_kg

STEP_KG = 2.5  # default load step in kilograms
STEP_LB = 5.0  # and in pounds
SMALL_STEPS_KG = {"dumbbell": 2.0, "kettlebell": 4.0, "cable": 2.5, "machine": 5.0}  # steps that depend on kit
MARGIN = 1.0  # a reserve more than a rep off the target counts as off


@dataclass(frozen=True)
class RoutineItem:
    exercise: Exercise
    sets: int = 3
    reps_low: int = 8
    reps_high: int = 12
    target_rir: float | None = 2.0
    target_scale: EffortScale = EffortScale.RIR
    load_kg: float | None = None  # a fixed load; None: suggested from the last time
    rest_s: int | None = None
    notes: str = ""
    calibration: bool = False  # take the last set to failure and log the reps reached
    warmup: bool = False  # plan a warm-up ramp before the first working set (journal.domain.warmups)
    superset: int | None = None  # items with the same number are done in turn (a superset, a circuit)
    id: int | None = None

    def target_text(self, scale: EffortScale | None = None) -> str:
        """'3 × 8–12 @ RIR 2' (or RPE 8)."""
        reps = str(self.reps_low) if self.reps_low == self.reps_high else f"{self.reps_low}–{self.reps_high}"
        text = f"{self.sets} × {reps}"
        if self.target_rir is not None:
            shown = scale or self.target_scale
            value = 10 - self.target_rir if shown is EffortScale.RPE else self.target_rir
            text += f" @ {'RPE' if shown is EffortScale.RPE else 'RIR'} {format_number(value, 1)}"
        return text


@dataclass(frozen=True)
class Routine:
    name: str
    items: tuple[RoutineItem, ...] = ()
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Suggestion:
    load_kg: float | None
    reason: str
    change: int = 0  # +1 more, 0 keep, -1 less
    steps: tuple[str, ...] = field(default=())


def load_step(exercise: Exercise, unit: Unit, step_kg: float = STEP_KG, step_lb: float = STEP_LB) -> float:
    """The load step in kg for an exercise: the settable step (kg or lb), or the kit's smaller increments."""
    if unit is Unit.LB:
        return step_lb * KG_PER_LB
    return SMALL_STEPS_KG.get(exercise.equipment, step_kg)


def _on_steps(kg: float, step_kg: float, unit: Unit) -> float:
    """A load rounded to the nearest whole step in the lifter's unit (225 lb, not 225.46), halves up, in kg."""
    step = Decimal(repr(round(from_kg(step_kg, unit), 6)))
    value = Decimal(repr(round(from_kg(kg, unit), 6)))
    steps = (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return to_kg(float(steps * step), unit)


def _working(item: RoutineItem, sets: tuple[SetRecord, ...]) -> list[SetRecord]:
    """The loaded working sets that decide: no warm-ups, and not a calibration item's planned all-out set (it
    measures the reps left, not the plan). A failure set in a routine without one is an ordinary working set."""
    skipped = (SetType.WARMUP, SetType.FAILURE) if item.calibration else (SetType.WARMUP,)
    return [s for s in sets if s.set_type not in skipped and s.load_kg and s.reps is not None]


def _top(working: list[SetRecord]) -> tuple[float, list[SetRecord]]:
    """The heaviest load and the sets done at it, in order."""
    load = max(s.load_kg or 0.0 for s in working)
    return load, [s for s in working if s.load_kg == load]


def suggest(
    item: RoutineItem,
    last: tuple[SetRecord, ...],
    step_kg: float,
    unit: Unit = Unit.KG,
    before: tuple[SetRecord, ...] = (),
) -> Suggestion:
    """The load for next time from the working sets of this exercise the last time the routine was done (`last`)
    and the time before (`before`), by double progression (module docstring). A changed load is the last one plus
    or minus one step, rounded to the nearest whole step in the lifter's unit (halves up); the reason states the
    change as made, so a load off the steps can move by more or less than one step."""
    if item.load_kg is not None:
        return Suggestion(item.load_kg, "the routine sets this load")
    working = _working(item, last)
    if not working:
        return Suggestion(None, "no earlier session of this routine with loaded sets: choose a load")
    load, top = _top(working)
    change, why = _decide(item, top, len(working), _working(item, before))
    shown = f"{format_number(from_kg(load, unit))} {unit}"
    if change == 0:
        return Suggestion(load, f"last time at {shown}: {why}: the same load again")
    moved = max(0.0, _on_steps(load + change * step_kg, step_kg, unit))
    size = abs(from_kg(moved, unit) - from_kg(load, unit))
    step_text = format_number(from_kg(step_kg, unit))
    label = f"{format_number(size)} {unit} {'more' if change > 0 else 'less'}"
    if abs(size - from_kg(step_kg, unit)) > 1e-6:
        label += f" (one {step_text} {unit} step, to the nearest whole step)"
    return Suggestion(moved, f"last time at {shown}: {why}: {label}", change)


def _decide(item: RoutineItem, top: list[SetRecord], working: int, before: list[SetRecord]) -> tuple[int, str]:
    """+1, 0 or -1 and why, from the sets at the top load last time and the working sets the time before."""
    short = [s for s in top if (s.reps or 0) < item.reps_low]
    if short:
        load = top[0].load_kg or 0.0
        earlier = [s for s in before if s.load_kg == load]
        if earlier and any((s.reps or 0) < item.reps_low for s in earlier):
            return -1, f"sets fell short of {item.reps_low} reps two sessions running"
        return 0, f"{len(short)} set(s) fell short of {item.reps_low} reps (one step less if it happens again)"
    at_top = all((s.reps or 0) >= item.reps_high for s in top)
    if at_top and len(top) < min(item.sets, working):
        return 0, (
            f"{len(top)} of {min(item.sets, working)} sets at this load reached {item.reps_high} reps; the others "
            "were lighter, so not every set did"
        )
    if at_top:
        last_rir, target = top[-1].rir, item.target_rir
        if target is not None and last_rir is not None and last_rir < target - MARGIN:
            return 0, (
                f"every set reached {item.reps_high} reps, but the last at RIR {format_number(last_rir, 1)}, "
                f"more than a rep closer to failure than the planned {format_number(target, 1)}"
            )
        return +1, f"every set reached {item.reps_high} reps"
    return 0, f"inside the {item.reps_low}–{item.reps_high} range"


def planned_sets(
    item: RoutineItem,
    load_kg: float | None,
    last: tuple[SetRecord, ...] = (),
    warmups: tuple[SetRecord, ...] = (),
) -> tuple[PlannedSet, ...]:
    """The plan a session started from the routine begins with: the `warmups` (see journal.domain.warmups), then per
    set the target (the top of the rep range, the target RIR, `load_kg`: the routine's load or the suggested one)
    beside what was done last time (the working sets of `last`, in order). A calibration item's last set is a failure
    set, planned all out (RIR 0). These are plans, not sets: each becomes a set only when the lifter confirms it."""
    done = [s for s in last if not s.is_warmup]
    plans = [PlannedSet(planned=warmup) for warmup in warmups]
    for index in range(item.sets):
        all_out = item.calibration and index == item.sets - 1
        target = SetRecord(
            set_type=SetType.FAILURE if all_out else SetType.WORKING,
            load_kg=load_kg,
            reps=item.reps_high,
            rir=0.0 if all_out else item.target_rir,
            effort_scale=item.target_scale if item.target_rir is not None or all_out else None,
        )
        plans.append(
            PlannedSet(planned=target, reps_low=item.reps_low, last=done[index] if index < len(done) else None)
        )
    return tuple(plans)


def as_last_time(previous: tuple[SetRecord, ...], done: int = 0) -> tuple[PlannedSet, ...]:
    """The plan "as last time": each set of the previous session repeated, beyond the `done` sets already logged."""
    return tuple(PlannedSet(planned=s.repeated(), last=s) for s in previous[done:])
