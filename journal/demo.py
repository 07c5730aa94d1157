# SPDX-License-Identifier: MIT
"""Years of believable, reproducible training history for demos, screenshots and load tests."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass

from journal.domain.effort import EffortScale
from journal.domain.metrics import CURVE_K
from journal.domain.records import Entry, Exercise, Session, SetRecord, SetType

WEEKLY_SETS_MAX = 118  # working sets a week at most: lifters log about 40-120

# Lift kinds: MAIN lifts get warm-ups and drive the program; ISO lifts may end in a drop set or a set to failure.
_MAIN, _COMPOUND, _ISO = "main", "compound", "isolation"


@dataclass(frozen=True, slots=True)
class _Lift:
    name: str  # a name from the `name` column of resources/exercises.csv
    kind: str
    step: float  # load increment in kg; 0 for bodyweight exercises
    base: float  # starting e1RM in kg (for bodyweight exercises: of bodyweight plus added load, over 80 kg)
    bodyweight: bool = False  # the catalogue's `bodyweight` column
    added: bool = True  # a bodyweight exercise that is sometimes loaded with a belt or vest
    bar: bool = False  # a barbell lift, warmed up with ramping sets


_LIFTS = {
    lift.name: lift
    for lift in (
        _Lift("Back Squat", _MAIN, 2.5, 100, bar=True),
        _Lift("Bench Press", _MAIN, 2.5, 80, bar=True),
        _Lift("Deadlift", _MAIN, 2.5, 130, bar=True),
        _Lift("Overhead Press", _MAIN, 2.5, 52, bar=True),
        _Lift("Barbell Row", _COMPOUND, 2.5, 75, bar=True),
        _Lift("Romanian Deadlift", _COMPOUND, 2.5, 100, bar=True),
        _Lift("Front Squat", _COMPOUND, 2.5, 80, bar=True),
        _Lift("Incline Bench Press", _COMPOUND, 2.5, 66, bar=True),
        _Lift("Close-Grip Bench Press", _COMPOUND, 2.5, 70, bar=True),
        _Lift("Pause Squat", _COMPOUND, 2.5, 85, bar=True),
        _Lift("Hip Thrust", _COMPOUND, 2.5, 120, bar=True),
        _Lift("Incline Dumbbell Bench Press", _COMPOUND, 2.0, 30),
        _Lift("Seated Dumbbell Shoulder Press", _COMPOUND, 2.0, 24),
        _Lift("Dumbbell Row", _COMPOUND, 2.0, 38),
        _Lift("Bulgarian Split Squat", _COMPOUND, 2.0, 24),
        _Lift("Leg Press", _COMPOUND, 5.0, 220),
        _Lift("Hack Squat", _COMPOUND, 5.0, 140),
        _Lift("Lat Pulldown", _COMPOUND, 2.5, 75),
        _Lift("Seated Cable Row", _COMPOUND, 2.5, 80),
        _Lift("Face Pull", _COMPOUND, 2.5, 32),
        _Lift("Machine Chest Press", _COMPOUND, 2.5, 90),
        _Lift("Pull-up", _COMPOUND, 0, 92, bodyweight=True),
        _Lift("Chin-up", _COMPOUND, 0, 95, bodyweight=True),
        _Lift("Dip", _COMPOUND, 0, 100, bodyweight=True),
        _Lift("Hanging Leg Raise", _ISO, 0, 112, bodyweight=True, added=False),
        _Lift("Lateral Raise", _ISO, 1.0, 12),
        _Lift("Rear Delt Fly", _ISO, 1.0, 11),
        _Lift("Cable Lateral Raise", _ISO, 2.5, 10),
        _Lift("Cable Fly", _ISO, 2.5, 24),
        _Lift("Tricep Pushdown", _ISO, 2.5, 40),
        _Lift("Overhead Tricep Extension", _ISO, 2.0, 28),
        _Lift("Skull Crusher", _ISO, 2.5, 40),
        _Lift("Barbell Curl", _ISO, 2.5, 45),
        _Lift("Dumbbell Curl", _ISO, 2.0, 18),
        _Lift("Hammer Curl", _ISO, 2.0, 20),
        _Lift("Incline Dumbbell Curl", _ISO, 2.0, 15),
        _Lift("Preacher Curl", _ISO, 2.5, 38),
        _Lift("Leg Extension", _ISO, 2.5, 75),
        _Lift("Lying Leg Curl", _ISO, 2.5, 55),
        _Lift("Seated Leg Curl", _ISO, 2.5, 60),
        _Lift("Standing Calf Raise", _ISO, 5.0, 110),
        _Lift("Seated Calf Raise", _ISO, 2.5, 60),
        _Lift("Cable Crunch", _ISO, 2.5, 50),
    )
}

# A slot of a program day: lift, sets, rep range, style (S straight, T top set + back-offs, A last set AMRAP).
_Slot = tuple[str, int, int, int, str]


@dataclass(frozen=True, slots=True)
class _Program:
    name: str
    weight: float  # how likely the lifter picks it for the next block
    weekdays: tuple[int, ...]  # Monday = 0
    days: tuple[tuple[str, tuple[_Slot, ...]], ...]  # (title, slots) in rotation


_PROGRAMS = (
    _Program(
        "upper_lower",
        3.0,
        (0, 1, 3, 4),
        (
            (
                "Upper A",
                (
                    ("Bench Press", 5, 5, 8, "S"),
                    ("Barbell Row", 4, 6, 10, "S"),
                    ("Seated Dumbbell Shoulder Press", 4, 8, 12, "S"),
                    ("Lat Pulldown", 4, 8, 12, "S"),
                    ("Cable Fly", 4, 10, 15, "S"),
                    ("Lateral Raise", 5, 12, 20, "S"),
                    ("Tricep Pushdown", 4, 10, 15, "S"),
                    ("Dumbbell Curl", 4, 10, 15, "S"),
                ),
            ),
            (
                "Lower A",
                (
                    ("Back Squat", 5, 5, 8, "S"),
                    ("Romanian Deadlift", 4, 6, 10, "S"),
                    ("Leg Press", 4, 10, 15, "S"),
                    ("Lying Leg Curl", 4, 10, 15, "S"),
                    ("Leg Extension", 4, 12, 20, "S"),
                    ("Standing Calf Raise", 5, 8, 15, "S"),
                    ("Cable Crunch", 4, 10, 15, "S"),
                ),
            ),
            (
                "Upper B",
                (
                    ("Overhead Press", 5, 5, 8, "S"),
                    ("Pull-up", 4, 5, 10, "S"),
                    ("Incline Dumbbell Bench Press", 4, 8, 12, "S"),
                    ("Seated Cable Row", 4, 8, 12, "S"),
                    ("Dip", 4, 6, 12, "S"),
                    ("Rear Delt Fly", 4, 12, 20, "S"),
                    ("Skull Crusher", 4, 8, 12, "S"),
                    ("Hammer Curl", 4, 8, 12, "S"),
                ),
            ),
            (
                "Lower B",
                (
                    ("Deadlift", 4, 3, 6, "T"),
                    ("Front Squat", 4, 5, 8, "S"),
                    ("Bulgarian Split Squat", 4, 8, 12, "S"),
                    ("Leg Extension", 4, 10, 15, "S"),
                    ("Seated Leg Curl", 4, 10, 15, "S"),
                    ("Seated Calf Raise", 5, 10, 15, "S"),
                    ("Hanging Leg Raise", 4, 8, 15, "S"),
                ),
            ),
        ),
    ),
    _Program(
        "push_pull_legs",
        2.5,
        (0, 1, 2, 3, 4, 5),
        (
            (
                "Push",
                (
                    ("Bench Press", 5, 6, 10, "S"),
                    ("Overhead Press", 4, 6, 10, "S"),
                    ("Incline Dumbbell Bench Press", 4, 8, 12, "S"),
                    ("Cable Lateral Raise", 5, 12, 20, "S"),
                    ("Overhead Tricep Extension", 4, 10, 15, "S"),
                    ("Tricep Pushdown", 4, 10, 15, "S"),
                    ("Machine Chest Press", 3, 10, 15, "S"),
                ),
            ),
            (
                "Pull",
                (
                    ("Deadlift", 3, 4, 6, "T"),
                    ("Pull-up", 4, 6, 12, "S"),
                    ("Seated Cable Row", 4, 8, 12, "S"),
                    ("Face Pull", 4, 12, 20, "S"),
                    ("Barbell Curl", 4, 8, 12, "S"),
                    ("Incline Dumbbell Curl", 4, 10, 15, "S"),
                    ("Rear Delt Fly", 3, 12, 20, "S"),
                ),
            ),
            (
                "Legs",
                (
                    ("Back Squat", 5, 6, 10, "S"),
                    ("Romanian Deadlift", 4, 8, 12, "S"),
                    ("Leg Press", 4, 10, 15, "S"),
                    ("Leg Extension", 4, 12, 20, "S"),
                    ("Lying Leg Curl", 4, 10, 15, "S"),
                    ("Standing Calf Raise", 4, 10, 15, "S"),
                    ("Cable Crunch", 3, 10, 15, "S"),
                ),
            ),
        ),
    ),
    _Program(
        "full_body",
        2.0,
        (0, 2, 4),
        (
            (
                "Full body 1",
                (
                    ("Back Squat", 5, 5, 8, "S"),
                    ("Bench Press", 5, 6, 10, "S"),
                    ("Barbell Row", 4, 8, 12, "S"),
                    ("Lying Leg Curl", 4, 10, 15, "S"),
                    ("Lateral Raise", 5, 12, 20, "S"),
                    ("Dumbbell Curl", 4, 10, 15, "S"),
                    ("Tricep Pushdown", 4, 10, 15, "S"),
                    ("Standing Calf Raise", 4, 10, 15, "S"),
                    ("Cable Crunch", 4, 10, 15, "S"),
                ),
            ),
            (
                "Full body 2",
                (
                    ("Deadlift", 3, 3, 6, "T"),
                    ("Overhead Press", 5, 6, 10, "S"),
                    ("Pull-up", 4, 5, 10, "S"),
                    ("Leg Press", 4, 10, 15, "S"),
                    ("Dip", 4, 8, 12, "S"),
                    ("Face Pull", 4, 12, 20, "S"),
                    ("Hanging Leg Raise", 4, 10, 15, "S"),
                    ("Hammer Curl", 4, 8, 12, "S"),
                    ("Seated Calf Raise", 4, 10, 15, "S"),
                ),
            ),
            (
                "Full body 3",
                (
                    ("Front Squat", 5, 5, 8, "S"),
                    ("Incline Bench Press", 5, 6, 10, "S"),
                    ("Chin-up", 4, 6, 10, "S"),
                    ("Hip Thrust", 4, 8, 12, "S"),
                    ("Skull Crusher", 4, 8, 12, "S"),
                    ("Rear Delt Fly", 4, 12, 20, "S"),
                    ("Leg Extension", 4, 12, 15, "S"),
                    ("Preacher Curl", 4, 8, 12, "S"),
                    ("Standing Calf Raise", 4, 10, 15, "S"),
                ),
            ),
        ),
    ),
    _Program(
        "strength",
        2.5,
        (0, 1, 3, 4),
        (
            (
                "Strength A",
                (
                    ("Back Squat", 3, 3, 5, "T"),
                    ("Bench Press", 5, 3, 5, "A"),
                    ("Barbell Row", 4, 5, 8, "S"),
                    ("Lying Leg Curl", 4, 8, 12, "S"),
                    ("Lateral Raise", 4, 12, 15, "S"),
                    ("Dumbbell Curl", 4, 8, 12, "S"),
                    ("Hanging Leg Raise", 4, 10, 15, "S"),
                ),
            ),
            (
                "Strength B",
                (
                    ("Deadlift", 3, 2, 4, "T"),
                    ("Overhead Press", 5, 4, 6, "A"),
                    ("Pull-up", 4, 4, 8, "S"),
                    ("Close-Grip Bench Press", 4, 5, 8, "S"),
                    ("Leg Press", 4, 8, 12, "S"),
                    ("Face Pull", 4, 12, 15, "S"),
                    ("Barbell Curl", 4, 8, 12, "S"),
                ),
            ),
            (
                "Strength C",
                (
                    ("Bench Press", 4, 2, 4, "T"),
                    ("Pause Squat", 4, 3, 5, "S"),
                    ("Dumbbell Row", 4, 6, 10, "S"),
                    ("Dip", 4, 5, 10, "S"),
                    ("Seated Leg Curl", 4, 8, 12, "S"),
                    ("Tricep Pushdown", 4, 10, 15, "S"),
                    ("Preacher Curl", 4, 8, 12, "S"),
                ),
            ),
            (
                "Strength D",
                (
                    ("Back Squat", 5, 3, 5, "A"),
                    ("Overhead Press", 3, 3, 5, "T"),
                    ("Romanian Deadlift", 4, 5, 8, "S"),
                    ("Chin-up", 4, 5, 8, "S"),
                    ("Cable Fly", 4, 10, 15, "S"),
                    ("Rear Delt Fly", 4, 12, 20, "S"),
                    ("Standing Calf Raise", 4, 8, 12, "S"),
                ),
            ),
        ),
    ),
)
_PPL_FIVE_DAYS = (0, 1, 2, 4, 5)  # push/pull/legs rotating over five days instead of six

_SESSION_NOTES = (
    "Felt strong today",
    "Slept badly, kept it conservative",
    "Gym was packed, had to swap the order",
    "Left shoulder a bit cranky on presses",
    "Short on time",
    "Great pump",
    "Knees achy in the warm-up, fine after",
    "Lower back tight, skipped nothing but went easy",
    "New belt",
    "Trained with Sam",
    "Hot in the gym, lots of water",
    "Tired after work",
    "Bar speed felt good",
    "Elbow twinge on skull crushers",
    "Came in fasted, felt flat",
)
_ENTRY_NOTES = ("belt on top set", "paused reps", "straps", "slow eccentrics", "new grip", "wider stance")
_WINDOWS = ((6 * 60 + 5, 7 * 60 + 30), (11 * 60 + 45, 13 * 60), (17 * 60 + 15, 19 * 60 + 45))  # minutes of the day


class _Lifter:
    """The simulated lifter: strength per lift with progress and plateaus, and a bodyweight with bulks and cuts."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.cap = {name: lift.base * rng.uniform(0.9, 1.1) for name, lift in _LIFTS.items()}
        self.rate = {
            name: (0.0035 if lift.kind == _MAIN else 0.0025) * rng.uniform(0.8, 1.2) for name, lift in _LIFTS.items()
        }
        self.phase = {name: rng.randint(4, 30) for name in _LIFTS}  # > 0 progressing, < 0 plateau
        self.weeks = 0
        self.bodyweight = rng.uniform(76.5, 79.5)
        self.bw_rate = 0.0
        self.bw_weeks = 0

    def week(self, trained: bool, years: float) -> None:
        rng = self.rng
        if trained:
            self.weeks += 1
            decay = math.exp(-self.weeks / 260.0)
            for name, phase in self.phase.items():
                if phase > 0:
                    self.cap[name] *= 1.0 + self.rate[name] * decay * rng.uniform(0.4, 1.6)
                    phase -= 1
                    self.phase[name] = phase or -rng.randint(6, 20)
                else:
                    phase += 1
                    self.phase[name] = phase or rng.randint(8, 30)
        else:
            for name in self.cap:
                self.cap[name] *= rng.uniform(0.98, 0.995)
        if self.bw_weeks <= 0:
            setpoint = 78.0 + min(0.8 * years, 10.0)
            gap = self.bodyweight - setpoint
            if gap > 1.5 or (gap > 0.0 and rng.random() < 0.4):  # a cut
                self.bw_rate, self.bw_weeks = -rng.uniform(0.25, 0.5), rng.randint(6, 10)
            elif gap < -1.0 or rng.random() < 0.5:  # a lean bulk
                self.bw_rate, self.bw_weeks = rng.uniform(0.1, 0.25), rng.randint(10, 20)
            else:  # maintenance
                self.bw_rate, self.bw_weeks = rng.uniform(-0.05, 0.05), rng.randint(6, 16)
        self.bodyweight += self.bw_rate * rng.uniform(0.5, 1.5)
        self.bw_weeks -= 1


def _bias(reps: int) -> float:
    """How many reps the lifter under-calls: about one, less on short sets, more on long ones (SCIENCE.md 3)."""
    if reps <= 3:
        return -0.2
    return 1.4 + 0.25 * max(0, reps - 10)


def _n_max(load: float, cap: float) -> float:
    """Reps to failure at `load` for an e1RM of `cap` on the open %1RM curve."""
    return 1.0 + (cap / load - 1.0) / CURVE_K


def _percent(n: float) -> float:
    return 1.0 / (1.0 + CURVE_K * (n - 1.0))


def _round_load(lift: _Lift, load: float) -> float:
    return max(lift.step, math.floor(load / lift.step + 0.5) * lift.step)


def _round_half(value: float) -> float:
    return math.floor(value * 2.0 + 0.5) / 2.0


class _Rating:
    """How the lifter logs effort for one entry: not at all, in RPE, or in RIR (whole or half steps)."""

    __slots__ = ("rated", "rpe", "halves")

    def __init__(self, rng: random.Random, p_rpe: float) -> None:
        self.rated = rng.random() > 0.075
        self.rpe = rng.random() < p_rpe
        self.halves = rng.random() < 0.15

    def log(self, rng: random.Random, perceived: float) -> tuple[float | None, EffortScale | None]:
        if not self.rated or rng.random() < 0.03:
            return None, None
        perceived = min(max(perceived, 0.0), 10.0)
        if self.rpe and perceived < 3.75:
            return _round_half(perceived), EffortScale.RPE
        return (_round_half(perceived) if self.halves else float(math.floor(perceived + 0.5))), EffortScale.RIR


class _ExerciseDay:
    """One exercise on one day, set by set: how the lifter plans the loads, how far each set goes, how they rate it,
    and the e1RM they believe they showed. The steps draw from the generator's random numbers in a fixed order, so
    the same seed gives the same history."""

    def __init__(
        self,
        rng: random.Random,
        cap_today: float,
        slot: _Slot,
        target: float,
        deload: bool,
        bodyweight: float,
        p_rpe: float,
    ) -> None:
        self.rng = rng
        self.name, n_sets, self.low, self.high, style = slot
        self.lift = lift = _LIFTS[self.name]
        self.cap = cap_today * (bodyweight / 80.0 if lift.bodyweight else 1.0)
        self.iso = lift.kind == _ISO
        if self.iso:
            target -= 0.5 + rng.random() * 0.5
        if lift.kind != _MAIN:
            n_sets = min(n_sets, 3)  # 40-120 working sets a week, as most lifters log
        if deload:
            n_sets = max(2, n_sets - 1 - (n_sets > 3))
            style = "S" if style == "A" else style
        self.n_sets, self.style, self.target, self.deload = n_sets, style, target, deload
        self.bodyweight = bodyweight
        self.fatigue = 0.9 if self.iso else 0.6
        self.rating = _Rating(rng, p_rpe)
        self.sets: list[SetRecord] = []
        self.reserve: list[float] = []  # the true reps in reserve of each set
        self.best = 0.0
        self.unloaded = rng.random() < 0.25  # bodyweight exercises: just for reps today
        self.straight_load: float | None = None  # the load of straight sets, which drop sets start from

    def plan(self, reps_low: int, reps_high: int, rir: float) -> float:
        mid = (reps_low + reps_high) / 2.0
        return self.cap * _percent(mid + max(rir, 0.0) + _bias(int(mid)))

    def load_for(self, system: float) -> tuple[float | None, float]:
        """The logged load and the load the body moves for a planned system load."""
        lift, bodyweight = self.lift, self.bodyweight
        if not lift.bodyweight:
            logged = _round_load(lift, system)
            return logged, logged
        extra = math.floor((system - bodyweight) / 2.5) * 2.5
        if not lift.added or extra < 5.0 or self.unloaded:
            return None, bodyweight
        return extra, bodyweight + extra

    def working(
        self,
        set_type: SetType,
        logged: float | None,
        n_max: float,
        aim: float,
        reps_low: int,
        reps_high: int,
        early: bool = False,
    ) -> SetRecord:
        """A set at `logged` kg, stopped where the lifter feels `aim` reps are left (a FAILURE set goes all the
        way); `n_max` is the reps to failure the lifter truly has at that load right now. An `early` set (a
        compound set before the last) is stopped before it feels like failure, all but now and then."""
        rng, rating = self.rng, self.rating
        if set_type is SetType.FAILURE:
            reps = max(1, int(n_max))
        else:
            guess = max(1, int(n_max - aim - 1.4))
            reps = math.floor(n_max - aim - _bias(guess) + rng.gauss(0.0, 0.5) + 0.5)
            reps = min(max(reps, max(1, reps_low - 2)), reps_high + (8 if logged is None else 3))
        true_rir = n_max - reps
        if true_rir < 0:
            reps = max(1, int(n_max))
            true_rir = max(n_max - reps, 0.0)
        self.reserve.append(true_rir)
        rir: float | None
        scale: EffortScale | None
        if set_type is SetType.FAILURE:  # logged as RIR 0 (RPE 10) when rated at all
            rir, scale = (0.0, EffortScale.RPE if rating.rpe else EffortScale.RIR) if rating.rated else (None, None)
        else:
            # the call misses by about a rep on short sets and by 2-3 on sets of 15 or more (Steele 2017)
            perceived = true_rir - _bias(reps) + rng.gauss(0.0, 0.6 + 0.1 * reps)
            if early and rng.random() > 0.02:
                perceived = max(perceived, 1.0)
            rir, scale = rating.log(rng, perceived)
        if rir is not None and logged is not None and not self.lift.bodyweight and reps + rir <= 10:
            self.best = max(self.best, logged / _percent(reps + rir))
        return SetRecord(set_type=set_type, load_kg=logged, reps=reps, rir=rir, effort_scale=scale)

    def top_and_back_off(self) -> None:
        """A heavy top set, then back-off sets at 80-92 % of it for a few more reps."""
        low, high, target, cap = self.low, self.high, self.target, self.cap
        top_high = max(low + 1, high - 2)
        logged, moved = self.load_for(self.plan(low, top_high, target - 0.5))
        self.sets.append(
            self.working(
                SetType.WORKING,
                logged,
                _n_max(moved, cap),
                max(target - 0.5, 1.5),
                low,
                top_high,
                early=self.n_sets > 0,
            )
        )
        back_system = min(max(self.plan(low + 2, high + 2, target + 0.5), moved * 0.8), moved * 0.92)
        back_logged, back_moved = self.load_for(back_system)
        for index in range(self.n_sets):
            self.sets.append(
                self.working(
                    SetType.BACKOFF,
                    back_logged,
                    _n_max(back_moved, cap) - self.fatigue * (index + 1),
                    target + 0.5,
                    low + 2,
                    high + 2,
                    early=index < self.n_sets - 1,
                )
            )

    def straight_sets(self) -> None:
        """Sets at one load, each a little closer to failure; an all-out style ends on a set to failure."""
        iso, rng = self.iso, self.rng
        logged, moved = self.load_for(self.plan(self.low, self.high, self.target))
        self.straight_load = logged
        for index in range(self.n_sets):
            last = index == self.n_sets - 1
            set_type = SetType.FAILURE if last and self.style == "A" else SetType.WORKING
            if last and iso and not self.deload and self.style == "S" and rng.random() < 0.1:
                set_type = SetType.FAILURE  # last set to failure
            aim = self.target - (0.25 if iso else 0.1) * index
            if not iso and not last:
                aim = max(aim, 1.5)  # compound lifts are rarely taken to failure before their last set
            self.sets.append(
                self.working(
                    set_type,
                    logged,
                    _n_max(moved, self.cap) - self.fatigue * index,
                    aim,
                    self.low,
                    self.high,
                    early=not iso and not last,
                )
            )

    def drop_sets(self) -> None:
        """Now and then, on an isolation lift, one or two drops after the last working set."""
        logged = self.straight_load
        if not (
            self.iso
            and not self.deload
            and logged is not None
            and self.sets[-1].set_type is SetType.WORKING
            and self.rng.random() < 0.15
        ):
            return
        drop = logged
        for _ in range(self.rng.choice((1, 1, 2))):
            # Right after a hard set the lighter load only gives back part of the reps it would fresh.
            previous, drop = drop, _round_load(self.lift, drop * 0.75)
            if drop >= previous:
                break
            n_max = 0.55 * (_n_max(drop, self.cap) - _n_max(previous, self.cap)) + self.reserve[-1]
            self.sets.append(self.working(SetType.DROP, drop, n_max, 0.3, 3, 25))

    def on_to_failure_now_and_then(self) -> None:
        """Now and then the last working set goes on to failure, which calibrates the RIR calls (SCIENCE.md M8)."""
        record = self.sets[-1]
        if (
            record.set_type in (SetType.WORKING, SetType.BACKOFF)
            and record.rir is not None
            and record.reps
            and not self.deload
            and self.rng.random() < 0.22
        ):
            self.sets[-1] = record.replace(failure_reps=record.reps + int(self.reserve[-1]))


class _Generator:
    """Sessions and their sets from the lifter's current state."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.lifter = _Lifter(rng)
        self.exercises = {
            name: Exercise(id=None, name=name, bodyweight=lift.bodyweight) for name, lift in _LIFTS.items()
        }
        self.best: dict[str, float] = {}

    def entry(
        self, slot: _Slot, target: float, deload: bool, form: float, bodyweight: float, p_rpe: float
    ) -> tuple[Entry, float]:
        """One exercise of a session and the best e1RM the lifter believes they showed (0 if none)."""
        day = _ExerciseDay(self.rng, self.lifter.cap[slot[0]] * form, slot, target, deload, bodyweight, p_rpe)
        if day.style == "T":
            day.top_and_back_off()
        else:
            day.straight_sets()
            day.drop_sets()
        day.on_to_failure_now_and_then()
        lift, rng, sets = day.lift, self.rng, day.sets
        if lift.bar and rng.random() < (0.97 if lift.kind == _MAIN else 0.85):
            sets[:0] = self._warmups(sets[0].load_kg or 0.0, day.name == "Deadlift")
        note = rng.choice(_ENTRY_NOTES) if lift.kind == _MAIN and rng.random() < 0.02 else ""
        return Entry(exercise=self.exercises[day.name], sets=tuple(sets), note=note), day.best

    def session(
        self,
        day: dt.date,
        title: str,
        slots: tuple[_Slot, ...],
        target: float,
        deload: bool,
        window: tuple[int, int],
        p_rpe: float,
        back_from_break: int,
        max_sets: int = 40,
    ) -> Session:
        """One session; its slots are trimmed to `max_sets` working sets (the weekly budget over the days)."""
        rng = self.rng
        lifter = self.lifter
        form = rng.gauss(1.0, 0.025)  # the day's readiness
        entries = []
        prs = []
        used = 0
        for name, n_sets, low, high, style in slots:
            if used >= max_sets and _LIFTS[name].kind != _MAIN:
                continue
            slot = (name, min(n_sets, max(1, max_sets - used)), low, high, style)
            used += slot[1] + (style == "T")
            entry, best = self.entry(
                slot, target + rng.choice((-0.25, 0.0, 0.0, 0.25)), deload, form, lifter.bodyweight, p_rpe
            )
            entries.append(entry)
            name = slot[0]
            if best and _LIFTS[name].kind == _MAIN:
                if best > self.best.get(name, 0.0) * 1.01 and name in self.best and rng.random() < 0.3:
                    prs.append(name)
                self.best[name] = max(best, self.best.get(name, 0.0))
        low, high = (9 * 60, 11 * 60 + 30) if day.weekday() >= 5 else window
        minute = min(max(int(rng.uniform(low, high) + rng.gauss(0.0, 10.0)), 6 * 60), 20 * 60 + 30)
        start = dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60)
        n_sets = sum(len(entry.sets) for entry in entries)
        duration = min(max(30.0 + 1.5 * n_sets + rng.gauss(0.0, 6.0), 45.0), 100.0)
        notes = ""
        if back_from_break:
            notes = f"First session back after {back_from_break} week{'s' if back_from_break > 1 else ''} off"
        elif prs:
            notes = f"PR on {prs[0].lower()}!"
        elif deload and rng.random() < 0.25:
            notes = "Deload week"
        elif rng.random() < 0.07:
            notes = rng.choice(_SESSION_NOTES)
        bodyweight = None
        if rng.random() > 0.15:
            bodyweight = round(lifter.bodyweight + rng.gauss(0.0, 0.35), 1)
        return Session(
            start=start,
            title=title,
            end=start + dt.timedelta(minutes=round(duration)),
            bodyweight_kg=bodyweight,
            notes=notes,
            source="demo",
            source_key=None,
            entries=tuple(entries),
        )

    def _warmups(self, top: float, from_floor: bool) -> list[SetRecord]:
        rng = self.rng
        loads: list[float] = []
        reps_by_step = (10, 5, 5, 3, 2, 1)
        start = 60.0 if from_floor and top > 110 else 20.0
        if top - start < 10:
            return []
        fractions = (0.4, 0.55, 0.7, 0.82, 0.92) if top >= 100 else (0.45, 0.65, 0.85) if top >= 70 else (0.6, 0.8)
        loads.append(start)
        for fraction in fractions:
            load = math.floor(top * fraction / 2.5) * 2.5
            if loads[-1] < load < top:
                loads.append(load)
        warmups = []
        for index, load in enumerate(loads):
            rated = rng.random() < 0.08  # warm-ups are mostly left unrated
            warmups.append(
                SetRecord(
                    set_type=SetType.WARMUP,
                    load_kg=load,
                    reps=reps_by_step[index] if index else rng.choice((5, 8, 10)),
                    rir=float(rng.choice((5, 6, 7, 8))) if rated else None,
                    effort_scale=EffortScale.RIR if rated else None,
                )
            )
        return warmups


def generate_history(years: float, seed: int, end: dt.date) -> Iterator[Session]:
    """Sessions of a believable lifter over `years` years ending on `end`, oldest first; the same arguments give the
    same sessions.

    Programs rotate every 8-16 weeks, mesocycles of 4-8 weeks end in a deload, and a break of 1-3 weeks comes every
    couple of years. About 8,000 sets a year.
    """
    rng = random.Random(seed)
    gen = _Generator(rng)
    lifter = gen.lifter
    first = end - dt.timedelta(days=round(years * 365.25))
    monday = first - dt.timedelta(days=first.weekday())
    next_break = monday + dt.timedelta(days=rng.uniform(1.0, 3.0) * 365.25)
    program: _Program | None = None
    rotation = 0
    back_from_break = 0
    while monday <= end:
        choices = [p for p in _PROGRAMS if p is not program]
        program = rng.choices(choices, weights=[p.weight for p in choices])[0]
        weekdays = program.weekdays
        if program.name == "push_pull_legs" and rng.random() < 0.3:
            weekdays = _PPL_FIVE_DAYS
        block = rng.randint(8, 16)
        first_meso = rng.randint(max(4, block - 8), min(8, block - 4))
        mesos = (first_meso, block - first_meso)
        window = rng.choice(_WINDOWS)
        p_rpe = 0.5 if program.name == "strength" else rng.choice((0.15, 0.25, 0.4))
        for meso in mesos:
            for week in range(meso):
                if monday > end:
                    return
                deload = week == meso - 1
                years_in = (monday - first).days / 365.25
                lifter.week(True, years_in)
                target = 4.0 if deload else 2.75 - 1.25 * week / max(1, meso - 2)
                for weekday in weekdays:
                    day = monday + dt.timedelta(days=weekday)
                    title, slots = program.days[rotation % len(program.days)]
                    rotation += 1
                    if day < first or day > end or rng.random() < 0.035:
                        continue
                    yield gen.session(
                        day,
                        title,
                        slots,
                        target,
                        deload,
                        window,
                        p_rpe,
                        back_from_break,
                        WEEKLY_SETS_MAX // len(weekdays),
                    )
                    back_from_break = 0
                monday += dt.timedelta(days=7)
        rotation = 0
        if monday >= next_break:
            weeks_off = rng.randint(1, 3)
            for _ in range(weeks_off):
                lifter.week(False, (monday - first).days / 365.25)
            monday += dt.timedelta(days=7 * weeks_off)
            back_from_break = weeks_off
            next_break = monday + dt.timedelta(days=rng.uniform(1.5, 4.0) * 365.25)
