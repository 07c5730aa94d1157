# SPDX-License-Identifier: MIT
"""The review charts' data: read whole once, then brought up to date edit by edit (a change to a session re-reads
only that session's rows and the weeks it touches, never the whole history). No widgets: the window keeps it live
(journal.ui.review.review_data), `journal chart` and the printed report read it once."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from typing import Any, TypeVar

import numpy as np

from journal.domain.estimate import EstimateRows
from journal.domain.metrics import E1rmFormula
from journal.domain.review import (
    CalibrationSets,
    ConditioningRows,
    RepMaxRows,
    SessionBests,
    SetPoints,
    WeekExerciseRows,
)
from journal.memory import release_free_memory
from journal.settings import Preferences
from journal.storage import review as queries
from journal.storage import review_scan

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class ExerciseInfo:
    id: int
    name: str
    mechanic: str | None
    primary: tuple[str, ...]
    secondary: tuple[str, ...]
    builtin: bool = False  # from the catalogue (whose cardio has no muscles on purpose)


@dataclasses.dataclass(frozen=True)
class Snapshot:
    rows: WeekExerciseRows
    weeks: dict[int, int]  # session -> week
    bests: SessionBests
    maxes: RepMaxRows
    calibration: CalibrationSets
    points: SetPoints
    exercises: dict[int, ExerciseInfo]
    estimates: EstimateRows = dataclasses.field(default_factory=EstimateRows.empty)  # for estimated RIR
    # the session bests on the open curve, which estimated RIR inverts, when another e1RM formula is chosen for the
    # charts (None: `bests` are on the curve already)
    curve_bests: SessionBests | None = None
    # time under load and distance per week and exercise, apart from the lifting figures
    conditioning: ConditioningRows = dataclasses.field(default_factory=ConditioningRows.empty)
    # figures worked out from this data and kept with it (the estimates' reference e1RM): an edit makes a new
    # snapshot, so they are never out of date
    derived: dict[str, Any] = dataclasses.field(default_factory=dict, init=False, compare=False, repr=False)

    @property
    def estimate_bests(self) -> SessionBests:
        """The session bests an estimate's reference e1RM is taken from: always on the curve, as `stats` takes it."""
        return self.curve_bests if self.curve_bests is not None else self.bests


PARTS = frozenset({"rows", "weeks", "bests", "maxes", "calibration", "points", "estimates", "conditioning"})
CHART_PARTS = {
    "volume": {"rows", "bests", "estimates", "conditioning"},
    "proximity": {"rows", "points", "bests", "estimates"},
    "e1rm": {"bests", "maxes", "estimates"},  # estimates: the heavy sets a week under the e1RM
    "calibration": {"calibration"},
}  # what each chart draws from


def read_all(prefs: Preferences, parts: Collection[str] = PARTS) -> Snapshot:
    """Everything the review needs, from the whole journal (each table read once, see review_scan); or only
    `parts` of it, the others left empty (`journal chart` draws one chart), from the queries of each part."""

    if set(parts) >= PARTS:
        whole = review_scan.read(prefs.hard_set_rir, prefs.e1rm_formula)
        return Snapshot(
            rows=whole.rows,
            weeks=whole.weeks,
            bests=whole.bests,
            maxes=whole.maxes,
            calibration=whole.calibration,
            points=whole.points,
            exercises=read_all_exercises(),
            estimates=whole.estimates,
            curve_bests=whole.curve_bests,
            conditioning=queries.conditioning_rows(),
        )

    def only(part: str) -> tuple[()] | None:
        return None if part in parts else ()  # every session, or none

    return Snapshot(
        rows=queries.week_exercise_rows(prefs.hard_set_rir, weeks=only("rows")),
        weeks=queries.session_weeks(only("weeks")),
        bests=queries.session_bests(prefs.e1rm_formula, sessions=only("bests")),
        maxes=queries.rep_max_rows(sessions=only("maxes")),
        calibration=queries.calibration_sets(sessions=only("calibration")),
        points=queries.set_points(sessions=only("points")),
        exercises=read_all_exercises(),
        estimates=queries.estimate_rows(prefs.hard_set_rir, sessions=only("estimates")),
        curve_bests=None
        if prefs.e1rm_formula is E1rmFormula.CURVE
        else queries.session_bests(E1rmFormula.CURVE, sessions=only("estimates")),
        conditioning=queries.conditioning_rows(only("conditioning")),
    )


def read_and_release(prefs: Preferences) -> Snapshot:
    """read_all, then the memory its temporaries took handed back to the system: only the snapshot stays."""
    snapshot = read_all(prefs)
    release_free_memory()
    return snapshot


def splice(old: T, new: T, keep: np.ndarray, order: tuple[str, ...]) -> T:
    """`old` without the rows `keep` leaves out, plus `new`, sorted by the fields in `order` (last is primary)."""
    columns = dataclasses.fields(old)  # type: ignore[arg-type]
    in_place = _in_place(old, new, np.flatnonzero(~keep), order)
    if in_place is not None:
        return in_place
    fields = {f.name: np.concatenate([getattr(old, f.name)[keep], getattr(new, f.name)]) for f in columns}
    index = np.lexsort([fields[name] for name in order]) if len(next(iter(fields.values()))) else np.empty(0, int)
    return type(old)(**{name: values[index] for name, values in fields.items()})


def _in_place(old: T, new: T, gone: np.ndarray, order: tuple[str, ...]) -> T | None:
    """splice's result when the new rows sort into the very places of the rows they replace (an edit that adds or
    removes no row: a title, a load, a rating), without sorting a million rows: a column whose values are the same
    is kept as it is (the arrays are never written to), another copied with the new values written in; None when
    the rows do not match so."""
    names = [f.name for f in dataclasses.fields(old)]  # type: ignore[arg-type]
    fresh = {name: getattr(new, name) for name in names}
    if len(fresh[names[0]]) != gone.size:
        return None
    if not gone.size:
        return old
    at = np.lexsort([fresh[name] for name in order])
    fresh = {name: values[at] for name, values in fresh.items()}
    if not all(np.array_equal(getattr(old, name)[gone], fresh[name]) for name in order):
        return None
    columns = {}
    for name in names:
        values, replaced = getattr(old, name), fresh[name]
        if values.dtype != replaced.dtype or values.shape[1:] != replaced.shape[1:]:
            return None
        if np.array_equal(values[gone], replaced, equal_nan=values.dtype.kind == "f"):
            columns[name] = values
        else:
            columns[name] = values.copy()
            columns[name][gone] = replaced
    return type(old)(**columns)


def updated(old: Snapshot, sessions: list[int], prefs: Preferences) -> Snapshot:
    """The snapshot with the given sessions read again: their rows, and the weeks they were and are in."""
    now = queries.session_weeks(sessions)
    weeks = sorted({old.weeks[s] for s in sessions if s in old.weeks} | set(now.values()))
    week_set = np.array(weeks, dtype=np.int64)
    rows = splice(
        old.rows,
        queries.week_exercise_rows(prefs.hard_set_rir, weeks),
        ~np.isin(old.rows.week, week_set),
        ("exercise", "week"),
    )
    ids = np.array(sessions, dtype=np.int64)
    bests = splice(
        old.bests,
        queries.session_bests(prefs.e1rm_formula, sessions=sessions),
        ~np.isin(old.bests.session, ids),
        ("session", "day"),
    )
    maxes = splice(
        old.maxes, queries.rep_max_rows(sessions=sessions), ~np.isin(old.maxes.session, ids), ("reps", "session", "day")
    )
    calibration = splice(
        old.calibration,
        queries.calibration_sets(sessions=sessions),
        ~np.isin(old.calibration.session, ids),
        ("set_id", "day"),
    )
    points = splice(
        old.points, queries.set_points(sessions=sessions), ~np.isin(old.points.session, ids), ("set_id", "day")
    )
    estimates = splice(
        old.estimates,
        queries.estimate_rows(prefs.hard_set_rir, sessions=sessions),
        ~np.isin(old.estimates.session, ids),
        ("position", "entry_position", "session", "day"),
    )
    session_weeks = {s: w for s, w in old.weeks.items() if s not in set(sessions)} | now
    exercises = old.exercises
    if not set(np.unique(points.exercise)) <= set(exercises):
        exercises = read_all_exercises()
    curve_bests = None
    if old.curve_bests is not None:
        curve_bests = splice(
            old.curve_bests,
            queries.session_bests(E1rmFormula.CURVE, sessions=sessions),
            ~np.isin(old.curve_bests.session, ids),
            ("session", "day"),
        )
    conditioning = splice(
        old.conditioning,
        queries.conditioning_rows(weeks),
        ~np.isin(old.conditioning.week, week_set),
        ("exercise", "week"),
    )
    return Snapshot(
        rows, session_weeks, bests, maxes, calibration, points, exercises, estimates, curve_bests, conditioning
    )


def read_all_exercises() -> dict[int, ExerciseInfo]:
    return {
        row[0]: ExerciseInfo(
            row[0],
            row[1],
            row[2],
            tuple(filter(None, row[3].split("|"))),
            tuple(filter(None, row[4].split("|"))),
            bool(row[5]),
        )
        for row in queries.exercises_used()
    }
