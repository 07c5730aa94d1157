# SPDX-License-Identifier: MIT
"""The review charts' data: read whole once, then brought up to date edit by edit (a change to a session re-reads
only that session's rows and the weeks it touches, never the whole history). No widgets: the window keeps it live
(journal.ui.review.review_data), `journal chart` and the printed report read it once.

The window's read is kept in the journal file (journal.storage.review_kept): the next open loads those columns and
re-reads only the sessions written since, by the same per-session re-read an edit uses, so that on a million sets the
Review's data is ready in a fraction of a second instead of the seconds the whole read takes; a file with nothing
valid kept (an older journal, other hard-set or e1RM preferences, a first open after an import from the command line)
gets the whole read, which is then kept."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from typing import Any, TypeVar

import numpy as np

from journal.domain.estimate import DAY_SECONDS, WINDOW_DAYS, EstimateRows, estimates, reference_e1rm
from journal.domain.heavy import heavy_sets
from journal.domain.metrics import E1rmFormula
from journal.domain.review import (
    CalibrationSets,
    ConditioningRows,
    RepMaxRows,
    SessionBests,
    SetPoints,
    WeekExerciseRows,
)
from journal.domain.review.weeks import SessionWeeks
from journal.memory import release_free_memory
from journal.settings import Preferences
from journal.storage import review as queries
from journal.storage import review_kept, review_scan
from journal.storage.database import STORAGE_ERRORS
from journal.storage.migrations import SCHEMA_VERSION

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
    weeks: Mapping[int, int]  # session -> week (a SessionWeeks)
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
        weeks=SessionWeeks.of(queries.session_weeks(only("weeks"))),
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


KEPT_FORMAT = 2  # the layout of the kept columns: a change to a Snapshot part's fields changes it
PATCH_AT_MOST = 500  # more sessions written since the columns were kept: the whole read is nearly as quick


def kept_key(prefs: Preferences) -> str:
    """What kept columns must have been read with to stand for a read now: the same layout, preferences and rules
    (another version of Journal may count or estimate otherwise, whatever its schema)."""
    import journal

    return (
        f"{KEPT_FORMAT}:{SCHEMA_VERSION}:{prefs.hard_set_rir!r}:{prefs.e1rm_formula.value}:{journal.__version__}:"
        f"{queries.rules_digest(prefs.hard_set_rir)}"
    )


def read_kept(prefs: Preferences) -> tuple[Snapshot, review_kept.Generation | None]:
    """read_and_release, from the columns kept in the file when they are valid (the sessions written since read
    again); with the generation to keep the result under (keep_read), None when there is nothing new to keep or the
    file cannot be written."""
    key = kept_key(prefs)
    try:
        with review_kept.reading():
            found = review_kept.state()
            if found.key == key and not found.changed:
                kept = _kept_snapshot()
                release_free_memory()  # the compressed columns
                if kept is not None:
                    return kept, None
        generation = review_kept.begin()
    except STORAGE_ERRORS:  # a read-only file, or one locked by another program: the whole read, nothing kept
        return read_and_release(prefs), None
    with review_kept.reading():  # the columns and the marks as one moment of the file
        sessions = review_kept.changed() if found.key == key else None
        kept = _kept_snapshot() if sessions is not None and len(sessions) <= PATCH_AT_MOST else None
        snapshot = read_all(prefs) if kept is None else updated(kept, sessions, prefs) if sessions else kept
    release_free_memory()
    return snapshot, generation


def keep_read(snapshot: Snapshot, prefs: Preferences, generation: review_kept.Generation) -> bool:
    """Keep a snapshot read_kept gave (or one brought up to date from it since) in the file, for the next open;
    False when it could not be written (read-only, locked) or a newer read is being kept."""
    try:
        return review_kept.keep(kept_key(prefs), _columns_of(snapshot), generation)
    except STORAGE_ERRORS:
        return False


_RECORDS = {
    "rows": WeekExerciseRows,
    "bests": SessionBests,
    "maxes": RepMaxRows,
    "calibration": CalibrationSets,
    "points": SetPoints,
    "estimates": EstimateRows,
    "curve_bests": SessionBests,
    "conditioning": ConditioningRows,
}


def _columns_of(snapshot: Snapshot) -> dict[str, np.ndarray]:
    """The snapshot's arrays by "part.field" (its exercises are not kept: they are read at each open)."""
    weeks = _session_weeks(snapshot.weeks)
    columns = {"weeks.session": weeks.session, "weeks.week": weeks.week}
    for part in _RECORDS:
        record = getattr(snapshot, part)
        if record is not None:
            columns |= {f"{part}.{f.name}": getattr(record, f.name) for f in dataclasses.fields(record)}
    return columns


def _session_weeks(weeks: Mapping[int, int]) -> SessionWeeks:
    return weeks if isinstance(weeks, SessionWeeks) else SessionWeeks.of(weeks)


def _kept_snapshot() -> Snapshot | None:
    """The snapshot of the columns kept in the file; None when they are damaged (the whole read mends them)."""
    try:
        return _from_columns(review_kept.load(), read_all_exercises())
    except review_kept.Damaged:
        return None


def _from_columns(columns: dict[str, np.ndarray], exercises: dict[int, ExerciseInfo]) -> Snapshot:
    """The snapshot of kept columns; Damaged when one is missing or a part's columns differ in length."""
    parts: dict[str, Any] = {}
    for part, record in _RECORDS.items():
        names = [f.name for f in dataclasses.fields(record)]
        if part == "curve_bests" and f"{part}.{names[0]}" not in columns:  # kept only for another e1RM formula
            parts[part] = None
            continue
        if any(f"{part}.{n}" not in columns for n in names):
            raise review_kept.Damaged(f"a kept column of {part} is missing")
        fields = {n: columns[f"{part}.{n}"] for n in names}
        if len({len(values) for values in fields.values()}) != 1:
            raise review_kept.Damaged(f"the kept columns of {part} differ in length")
        parts[part] = record(**fields)
    session, week = columns.get("weeks.session"), columns.get("weeks.week")
    if session is None or week is None or len(session) != len(week):
        raise review_kept.Damaged("the kept weeks are missing or differ in length")
    return Snapshot(weeks=SessionWeeks(session, week), exercises=exercises, **parts)


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
    if all(columns[name] is getattr(old, name) for name in names):
        return old  # nothing the review holds changed (a title, a note): the very rows
    return type(old)(**columns)


def updated(old: Snapshot, sessions: list[int], prefs: Preferences) -> Snapshot:
    """The snapshot with the given sessions read again: their rows, and the weeks they were and are in."""
    now = queries.session_weeks(sessions)
    weeks = sorted({old.weeks[s] for s in sessions if s in old.weeks} | set(now.values()))
    week_set = np.array(weeks, dtype=np.int64)
    outside = _Outside()
    rows = splice(
        old.rows,
        queries.week_exercise_rows(prefs.hard_set_rir, weeks),
        outside(old.rows.week, week_set),
        ("exercise", "week"),
    )
    ids = np.array(sessions, dtype=np.int64)
    bests = splice(
        old.bests,
        queries.session_bests(prefs.e1rm_formula, sessions=sessions),
        outside(old.bests.session, ids),
        ("session", "day"),
    )
    maxes = splice(
        old.maxes,
        queries.rep_max_rows(sessions=sessions),
        outside(old.maxes.session, ids),
        ("reps", "exercise", "session", "day"),  # the whole read's order: by session, exercise, reps
    )
    calibration = splice(
        old.calibration,
        queries.calibration_sets(sessions=sessions),
        outside(old.calibration.session, ids),
        ("set_id", "day"),
    )
    fresh_points = queries.set_points(sessions=sessions)
    points = splice(old.points, fresh_points, outside(old.points.session, ids), ("set_id", "day"))
    estimates = splice(
        old.estimates,
        queries.estimate_rows(prefs.hard_set_rir, sessions=sessions),
        outside(old.estimates.session, ids),
        ("position", "entry_position", "session", "day"),
    )
    if not np.array_equal(points.set_id, estimates.set_id):  # an entry or set moved: the order of the sets done
        points = _in_order(points, estimates.set_id)
    exercises = old.exercises
    if not set(np.unique(fresh_points.exercise).tolist()) <= set(exercises):  # an exercise new to the review
        exercises = read_all_exercises()
    curve_bests = None
    if old.curve_bests is not None:
        curve_bests = splice(
            old.curve_bests,
            queries.session_bests(E1rmFormula.CURVE, sessions=sessions),
            outside(old.curve_bests.session, ids),
            ("session", "day"),
        )
    conditioning = splice(
        old.conditioning,
        queries.conditioning_rows(weeks),
        outside(old.conditioning.week, week_set),
        ("exercise", "week"),
    )
    parts = (rows, bests, maxes, calibration, points, estimates, curve_bests, conditioning)
    was = {s: old.weeks[s] for s in sessions if s in old.weeks}
    if exercises is old.exercises and was == now and all(a is b for a, b in zip(parts, _parts(old), strict=True)):
        return old  # the edit changed nothing the review holds (a title, a note): its figures and drawings stay
    session_weeks = _session_weeks(old.weeks).replaced(sessions, now)
    new = Snapshot(
        rows, session_weeks, bests, maxes, calibration, points, exercises, estimates, curve_bests, conditioning
    )
    _carry_later(old, new, ids, outside)
    return new


def _parts(snapshot: Snapshot) -> tuple[object, ...]:
    """The snapshot's rows, in the order `updated` makes them."""
    s = snapshot
    return (s.rows, s.bests, s.maxes, s.calibration, s.points, s.estimates, s.curve_bests, s.conditioning)


class _Outside:
    """~np.isin(values, wanted), each array (by identity: the parts share some) looked through once, and quicker
    for the few sessions or weeks an edit touches."""

    def __init__(self) -> None:
        self._found: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}

    def __call__(self, values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
        key = (id(values), id(wanted))
        if key not in self._found:
            self._found[key] = (values, _outside(values, wanted))  # the array held: its id is not reused meanwhile
        return self._found[key][1]


def _outside(values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    if wanted.size > 16 or values.dtype.kind not in "iu":
        return ~np.isin(values, wanted)
    info = np.iinfo(values.dtype)
    kept = np.ones(values.size, dtype=np.bool_)
    for value in wanted.tolist():
        if info.min <= value <= info.max:  # compared in the column's own type, not each value widened
            kept &= values != values.dtype.type(value)
    return kept


# the figures of every set worked out from a snapshot and kept in its `derived` (journal.review.figures): the
# reference e1RM first, the others from it and the set's own row
SET_FIGURES = {"reference": None, "estimates": estimates, "heavy": heavy_sets}
_CARRIED = "carried"  # in `derived`: what the figures of the snapshot before an edit become, when first asked for


@dataclasses.dataclass(frozen=True)
class _Carry:
    """The per-set figures of the snapshot before an edit, and what the edited sessions were then."""

    figures: dict[str, np.ndarray]
    set_id: np.ndarray  # that snapshot's sets, in its order
    sessions: np.ndarray  # the sessions edited
    exercises: np.ndarray  # the exercises they held, and the days they were on, in its sets and session bests
    days: np.ndarray


def _carry_later(old: Snapshot, new: Snapshot, sessions: np.ndarray, outside: _Outside) -> None:
    """Note in `new` (`old` with `sessions` read again) what it takes to carry over the per-set figures `old` has
    worked out (set_figures does it when they are first asked for: a chart that draws none of them, or an edit
    after an edit, costs nothing)."""
    figures = set_figures(old)
    if not figures:
        return
    exercises, days = [], []
    for rows in (old.estimates, old.estimate_bests):
        inside = ~outside(rows.session, sessions)
        exercises.append(rows.exercise[inside].astype(np.int64))
        days.append(rows.day[inside])
    new.derived[_CARRIED] = _Carry(
        figures, old.estimates.set_id, sessions, np.concatenate(exercises), np.concatenate(days)
    )


def set_figures(snapshot: Snapshot) -> dict[str, np.ndarray]:
    """The per-set figures of SET_FIGURES the snapshot has worked out (journal.review.figures), those of the snapshot
    before an edit carried over first if they are not yet: a set's reference e1RM is its exercise's best session
    e1RM over the 8 weeks before its session, so an edit changes it only for the sets of the edited sessions and for
    those of their exercises up to 8 weeks after an edited session's day (the day it was on, and the day it is on
    now); those are worked out again, the others kept (about 20 ms on a million sets, not 85)."""
    carry: _Carry | None = snapshot.derived.pop(_CARRIED, None)
    if carry is not None:
        snapshot.derived.update(_carried(carry, snapshot))
    return {name: snapshot.derived[name] for name in SET_FIGURES if name in snapshot.derived}


def _carried(carry: _Carry, snapshot: Snapshot) -> dict[str, np.ndarray]:
    rows = snapshot.estimates
    dirty = _touched_sets(carry, snapshot)
    same = carry.set_id is rows.set_id or np.array_equal(carry.set_id, rows.set_id)
    at = None if same else _places(carry.set_id, rows.set_id[~dirty])
    if not same and at is None:
        return {}
    touched = EstimateRows(**{f.name: getattr(rows, f.name)[dirty] for f in dataclasses.fields(rows)})
    bests = snapshot.estimate_bests
    fresh = reference_e1rm(touched.exercise, touched.day, bests.exercise.astype(np.int64), bests.day, bests.e1rm)
    found: dict[str, np.ndarray] = {}
    for name, make in SET_FIGURES.items():
        kept = carry.figures.get(name)
        if kept is None:
            continue
        if same:  # the sets in the same places (no set added, removed or moved): a copy, written where touched
            values = kept.copy()
        else:
            values = np.empty(rows.set_id.size, dtype=kept.dtype)
            values[~dirty] = kept[at]
        values[dirty] = fresh if make is None else make(touched, fresh)
        found[name] = values
    return found


def _touched_sets(carry: _Carry, snapshot: Snapshot) -> np.ndarray:
    """Which of the snapshot's sets may have another reference e1RM than before the edit: those of the edited
    sessions, and those of the exercises they held (before or after) on a day up to 8 weeks after one of the days
    they were or are on."""
    rows, bests = snapshot.estimates, snapshot.estimate_bests
    dirty = np.isin(rows.session, carry.sessions)
    new_bests = np.isin(bests.session, carry.sessions)
    exercises = np.unique(np.concatenate([carry.exercises, rows.exercise[dirty], bests.exercise[new_bests]]))
    days = np.unique(np.concatenate([carry.days, rows.day[dirty], bests.day[new_bests]]))
    candidates = np.flatnonzero(np.isin(rows.exercise, exercises))
    day = rows.day[candidates]
    # a best on day d counts for the sets of days in (d, d + window]: as reference_e1rm looks back from a set
    window = WINDOW_DAYS * DAY_SECONDS
    near = np.searchsorted(days, day, side="left") > np.searchsorted(days, day - window, side="left")
    dirty[candidates[near]] = True
    return dirty


def _places(old: np.ndarray, ids: np.ndarray) -> np.ndarray | None:
    """Where each set of `ids` is in `old` (set ids, each once); None when one is not there."""
    if not ids.size:
        return np.empty(0, dtype=np.int64)
    if not old.size:
        return None
    order = np.argsort(old, kind="stable")
    found = order[np.minimum(np.searchsorted(old, ids, sorter=order), old.size - 1)]
    return found if np.array_equal(old[found], ids) else None


def _in_order(points: SetPoints, set_ids: np.ndarray) -> SetPoints:
    """The points in the order of `set_ids` (the same sets): the estimates' order, by entry and set position, which
    the points, having no positions, cannot be sorted by."""
    by_id = np.argsort(points.set_id, kind="stable")
    at = by_id[np.searchsorted(points.set_id, set_ids, sorter=by_id)]
    return SetPoints(**{f.name: getattr(points, f.name)[at] for f in dataclasses.fields(points)})


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
