# SPDX-License-Identifier: MIT
"""Plain records that flow between storage, importers and the screens."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from journal.domain.effort import EffortScale


class SetType(StrEnum):
    WARMUP = "warmup"
    WORKING = "working"
    DROP = "drop"
    FAILURE = "failure"
    BACKOFF = "backoff"

    @property
    def label(self) -> str:
        return _SET_TYPE_LABELS[self]

    @classmethod
    def from_text(cls, text: str) -> SetType:
        """A set type from its value, its label or its first letter ('w' is warm-up, 'a' AMRAP)."""
        key = text.strip().lower()
        for member in cls:
            if key in (member.value, member.label.lower()):
                return member
        if key in _SET_TYPE_KEYS:
            return _SET_TYPE_KEYS[key]
        raise ValueError(f"unknown set type {text!r}")


_SET_TYPE_LABELS = {
    SetType.WARMUP: "Warm-up",
    SetType.WORKING: "Working",
    SetType.DROP: "Drop",
    SetType.FAILURE: "Failure/AMRAP",
    SetType.BACKOFF: "Back-off",
}
_SET_TYPE_KEYS = {
    "w": SetType.WARMUP,
    "warm-up": SetType.WARMUP,
    "warm up": SetType.WARMUP,
    "n": SetType.WORKING,
    "normal": SetType.WORKING,
    "s": SetType.WORKING,
    "d": SetType.DROP,
    "dropset": SetType.DROP,
    "drop set": SetType.DROP,
    "f": SetType.FAILURE,
    "a": SetType.FAILURE,
    "amrap": SetType.FAILURE,
    "b": SetType.BACKOFF,
    "back off": SetType.BACKOFF,
    "backoff": SetType.BACKOFF,
}


class RirOrigin(StrEnum):
    """Where a stored RIR came from when the lifter did not type it."""

    SET_TYPE = "set_type"  # the source app marked the set as failure and it had no rating: RIR 0

    @property
    def label(self) -> str:
        return "from set type"


class Mechanic(StrEnum):
    COMPOUND = "compound"
    ISOLATION = "isolation"


class Measure(StrEnum):
    """What a set of the exercise records besides load."""

    REPS = "reps"
    TIME = "time"
    DISTANCE = "distance"
    DISTANCE_TIME = "distance_time"


MUSCLES = (
    "chest",
    "front_delts",
    "side_delts",
    "rear_delts",
    "lats",
    "traps",
    "upper_back",
    "lower_back",
    "biceps",
    "triceps",
    "forearms",
    "abs",
    "obliques",
    "glutes",
    "quads",
    "hamstrings",
    "adductors",
    "abductors",
    "calves",
    "hip_flexors",
)


@dataclass(frozen=True)
class Exercise:
    id: int | None
    name: str
    mechanic: Mechanic | None = None
    primary: tuple[str, ...] = ()
    secondary: tuple[str, ...] = ()
    equipment: str = "other"
    bodyweight: bool = False
    measure: Measure = Measure.REPS
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SetRecord:
    """One set. Loads in kg; `rir` None means not rated; `rir_origin` None means the RIR is the lifter's own rating,
    else where it came from (RIR 0 from a failure set type); `failure_reps` is the rep count reached when the set was
    continued to failure (for RIR calibration)."""

    set_type: SetType = SetType.WORKING
    load_kg: float | None = None
    reps: int | None = None
    rir: float | None = None
    effort_scale: EffortScale | None = None
    failure_reps: int | None = None
    duration_s: float | None = None
    distance_m: float | None = None
    note: str = ""
    id: int | None = None
    rir_origin: RirOrigin | None = None

    @property
    def is_warmup(self) -> bool:
        return self.set_type is SetType.WARMUP

    def replace(self, **changes: object) -> SetRecord:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def repeated(self) -> SetRecord:
        """The same set done again: what was planned and achieved, without its id, failure reps or note."""
        return SetRecord(
            set_type=self.set_type,
            load_kg=self.load_kg,
            reps=self.reps,
            rir=self.rir,
            effort_scale=self.effort_scale,
            duration_s=self.duration_s,
            distance_m=self.distance_m,
        )


def rated_by_set_type(record: SetRecord) -> SetRecord:
    """An imported set that its app marks as failure (Strong `F`, Hevy `failure`) and that carries no rating reached
    failure: RIR 0, kept with its origin so that it stays apart from a rating. Any other set is returned as it is."""
    if record.set_type is SetType.FAILURE and record.rir is None:
        return record.replace(rir=0.0, effort_scale=EffortScale.RIR, rir_origin=RirOrigin.SET_TYPE)
    return record


@dataclass(frozen=True)
class PlannedSet:
    """A set planned for a session (from a routine or "as last time"). A plan, not a set: it is kept apart from the
    sets and counts in no figure until the lifter confirms it, which turns it into a SetRecord. `planned` holds the
    target (the top of the rep range, the target RIR, the planned or suggested load); `last` what was done in its
    place last time."""

    planned: SetRecord
    reps_low: int | None = None  # the bottom of the rep range, when the plan has one
    last: SetRecord | None = None
    id: int | None = None

    def replace(self, **changes: object) -> PlannedSet:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Entry:
    """An exercise as done in one session: its position, its sets in order and a note, and the sets still planned
    (which are not sets: nothing counts them)."""

    exercise: Exercise
    sets: tuple[SetRecord, ...] = ()
    note: str = ""
    id: int | None = None
    plans: tuple[PlannedSet, ...] = ()
    superset: int | None = None  # exercises of a session with the same number are done in turn (a superset, a circuit)


@dataclass(frozen=True)
class Session:
    start: datetime
    title: str = ""
    end: datetime | None = None
    bodyweight_kg: float | None = None
    notes: str = ""
    source: str = "manual"
    source_key: str | None = None
    entries: tuple[Entry, ...] = ()
    id: int | None = None
    routine_id: int | None = None  # the routine it was started from

    @property
    def set_count(self) -> int:
        return sum(len(entry.sets) for entry in self.entries)


@dataclass(frozen=True)
class SessionSummary:
    """A row of the session list."""

    id: int
    start: datetime
    title: str
    set_count: int
    tonnage_kg: float
    exercise_names: tuple[str, ...] = field(default=())


PLANS_OPEN = timedelta(hours=12)  # after this long from a session's start, a plan not done is shown as skipped


def plans_open(start: datetime, now: datetime) -> bool:
    """Whether a session's plans are still to do (True) or, left over, skipped: a session is taken to be over
    twelve hours after its start. Skipped plans stay (what was planned and not done is worth seeing), count
    nowhere like any plan, and can still be confirmed or deleted."""
    return now - start < PLANS_OPEN
