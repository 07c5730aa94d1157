# SPDX-License-Identifier: MIT
"""Routines (planned sessions) and the load to suggest next time from how the last one went.

The rule (double progression by reps and reserve), on the working sets at the heaviest load of the last session of
the routine: when every one reached the top of its rep range with more reps in reserve than planned, add one load
step; when one fell short of the bottom of the range, or was taken closer to failure than planned by more than a rep,
take a step off; otherwise keep the load. A suggested load is rounded to whole steps in the lifter's unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

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
    """A load rounded to whole steps in the lifter's unit (225 lb, not 225.46), in kg."""
    step = from_kg(step_kg, unit)
    return to_kg(round(from_kg(kg, unit) / step) * step, unit)


def suggest(item: RoutineItem, last: tuple[SetRecord, ...], step_kg: float, unit: Unit = Unit.KG) -> Suggestion:
    """The load for next time from the working sets of this exercise the last time the routine was done."""
    found = _suggest(item, last, step_kg, unit)
    if found.load_kg is None or item.load_kg is not None or found.change == 0:
        return found
    return Suggestion(_on_steps(found.load_kg, step_kg, unit), found.reason, found.change)


def _suggest(item: RoutineItem, last: tuple[SetRecord, ...], step_kg: float, unit: Unit) -> Suggestion:
    if item.load_kg is not None:
        return Suggestion(item.load_kg, "the routine sets this load")
    # Warm-ups and the planned all-out set (a failure set: it measures the reps left, not the plan) do not count.
    working = [s for s in last if s.set_type not in (SetType.WARMUP, SetType.FAILURE) and s.load_kg
               and s.reps is not None]
    if not working:
        return Suggestion(None, "no earlier session of this routine with loaded sets: choose a load")
    load = max(s.load_kg or 0.0 for s in working)
    top = [s for s in working if s.load_kg == load]
    shown = f"{format_number(from_kg(load, unit))} {unit}"
    step = f"{format_number(from_kg(step_kg, unit))} {unit}"
    short = [s for s in top if (s.reps or 0) < item.reps_low]
    rated = [s for s in top if s.rir is not None]
    target = item.target_rir
    if short:
        return Suggestion(max(0.0, load - step_kg), f"last time {len(short)} set(s) at {shown} fell short of "
                          f"{item.reps_low} reps: {step} less", -1)
    if target is not None and rated and min(s.rir or 0.0 for s in rated) < target - MARGIN:
        closest = min(s.rir or 0.0 for s in rated)
        return Suggestion(max(0.0, load - step_kg), f"last time a set at {shown} went to RIR "
                          f"{format_number(closest, 1)}, closer to failure than the planned "
                          f"{format_number(target, 1)}: {step} less", -1)
    all_top = all((s.reps or 0) >= item.reps_high for s in top) and len(top) >= min(item.sets, len(working))
    reserve = target is None or (rated and min(s.rir or 0.0 for s in rated) > target)
    if all_top and reserve:
        why = "with more reserve than planned" if target is not None else "on every set"
        return Suggestion(load + step_kg, f"last time every set at {shown} reached {item.reps_high} reps {why}: "
                          f"{step} more", +1)
    return Suggestion(load, f"last time at {shown}: not every set reached {item.reps_high} reps with more reserve "
                      "than planned, so the same load again" if not all_top else
                      f"last time at {shown} reached the reps, at about the planned reserve: the same load again")


def planned_sets(item: RoutineItem, load_kg: float | None,
                 last: tuple[SetRecord, ...] = ()) -> tuple[PlannedSet, ...]:
    """The plan a session started from the routine begins with: per set the target (the top of the rep range, the
    target RIR, `load_kg`: the routine's load or the suggested one) beside what was done last time (the working sets
    of `last`, in order). A calibration item's last set is a failure set, planned all out (RIR 0). These are plans,
    not sets: each becomes a set only when the lifter confirms it."""
    done = [s for s in last if not s.is_warmup]
    plans = []
    for index in range(item.sets):
        all_out = item.calibration and index == item.sets - 1
        target = SetRecord(set_type=SetType.FAILURE if all_out else SetType.WORKING, load_kg=load_kg,
                           reps=item.reps_high, rir=0.0 if all_out else item.target_rir,
                           effort_scale=item.target_scale if item.target_rir is not None or all_out else None)
        plans.append(PlannedSet(planned=target, reps_low=item.reps_low,
                                last=done[index] if index < len(done) else None))
    return tuple(plans)


def as_last_time(previous: tuple[SetRecord, ...], done: int = 0) -> tuple[PlannedSet, ...]:
    """The plan "as last time": each set of the previous session repeated, beyond the `done` sets already logged."""
    return tuple(PlannedSet(planned=s.repeated(), last=s) for s in previous[done:])


PLANS_OPEN = timedelta(hours=12)  # after this long from a session's start, a plan not done is shown as skipped


def plans_open(start: datetime, now: datetime) -> bool:
    """Whether a session's plans are still to do (True) or, left over, skipped: a session is taken to be over
    twelve hours after its start. Skipped plans stay (what was planned and not done is worth seeing), count
    nowhere like any plan, and can still be confirmed or deleted."""
    return now - start < PLANS_OPEN
