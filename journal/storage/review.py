# SPDX-License-Identifier: MIT
"""The queries behind the review charts: aggregates grouped in SQLite, returned as numpy arrays in the records of
journal.domain.review. Weeks are the ordinal of their Monday; days are POSIX seconds (UTC) of the session start."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import Any

import numpy as np

from journal.domain.estimate import EstimateRows
from journal.domain.metrics import CURVE_K, EXTRAPOLATED_N_MAX, VALID_N_MAX, E1rmFormula
from journal.domain.records import SetType
from journal.domain.review import (
    COLUMN_INT,
    CalibrationSets,
    ConditioningRows,
    RepMaxRows,
    SessionBests,
    SetPoints,
    WeekExerciseRows,
)
from journal.storage.models import db
from journal.storage.queries import (
    DISTANCE_SQL,
    HEAD_SQL,
    RATED_SQL,
    SET_TONNAGE_SQL,
    TIME_SQL,
    WORKING_SQL,
    hard_set_sql,
)

WEEK_SQL = "CAST(julianday(date(s.start, 'weekday 0', '-6 days')) - 1721424.5 AS INTEGER)"  # Monday's ordinal
DAY_SQL = "((julianday(s.start) - 2440587.5) * 86400.0)"
LOAD_SQL = (
    "(CASE WHEN x.bodyweight THEN CASE WHEN s.bodyweight_kg IS NULL THEN NULL "
    "ELSE max(0, s.bodyweight_kg + coalesce(st.load_kg, 0)) END ELSE st.load_kg END)"
)
# n = reps + RIR, or the failure reps of a set continued to failure (journal.domain.metrics.e1rm)
N_SQL = "(CASE WHEN st.failure_reps >= st.reps THEN st.failure_reps ELSE st.reps + coalesce(st.rir, 0) END)"
_FROM = """FROM session s JOIN entry e ON e.session_id = s.id JOIN exercise x ON x.id = e.exercise_id
           JOIN "set" st ON st.entry_id = e.id"""
_WORKING = WORKING_SQL
_TYPES = {t.value: i for i, t in enumerate(SetType)}


_NARROW = np.iinfo(COLUMN_INT)


def _columns(cursor: Any, dtypes: tuple[Any, ...], chunk: int = 10_000) -> list[np.ndarray]:
    """A query's rows as one array per column, of the given types (NULL as nan in float columns; an int32 column
    with a value beyond int32 becomes int64). The rows are read a chunk at a time, so that a million rows never sit
    in memory as Python tuples, and each chunk is copied once into its column's array, the chunk then freed."""
    types = [np.dtype(dtype) for dtype in dtypes]
    parts: list[list[np.ndarray]] = [[] for _ in types]
    while rows := cursor.fetchmany(chunk):
        block = np.array(rows, dtype=np.float64).reshape(-1, len(types))
        del rows
        for column, values in enumerate(block.T):
            if types[column] == COLUMN_INT and not (_NARROW.min <= values.min() and values.max() <= _NARROW.max):
                types[column] = np.dtype(np.int64)
            parts[column].append(values.astype(types[column]))
        del block
    columns = []
    for column, dtype in enumerate(types):
        chunks = parts[column]
        out = np.empty(sum(len(part) for part in chunks), dtype)
        at = 0
        while chunks:
            part = chunks.pop(0)
            out[at : at + len(part)] = part
            at += len(part)
        columns.append(out)
    return columns


I, F = COLUMN_INT, np.float64  # noqa: E741 - the column types, short as the dtypes they stand for


def _e1rm_sql(formula: E1rmFormula) -> str:
    """journal.domain.metrics.e1rm in SQL: load / P(reps + RIR)."""
    if formula is E1rmFormula.EPLEY:
        return f"({LOAD_SQL} * (1.0 + {N_SQL} / 30.0))"
    if formula is E1rmFormula.BRZYCKI:
        return f"({LOAD_SQL} * 36.0 / (37.0 - {N_SQL}))"
    return f"({LOAD_SQL} * (1.0 + {CURVE_K} * ({N_SQL} - 1)))"


def rules_digest(hard_rir: float) -> str:
    """A digest of the rules the review's figures are worked out by (what counts, the e1RM formulas and limits, the
    week and day of a session): columns kept by other rules are not the figures of these (the whole read in numpy
    is held equal to these rules by its test)."""
    from hashlib import sha1

    rules = (
        CURVE_K,
        VALID_N_MAX,
        EXTRAPOLATED_N_MAX,
        WEEK_SQL,
        DAY_SQL,
        LOAD_SQL,
        N_SQL,
        _WORKING,
        HEAD_SQL,
        RATED_SQL,
        SET_TONNAGE_SQL,
        TIME_SQL,
        DISTANCE_SQL,
        hard_set_sql(hard_rir),
        *(_e1rm_sql(formula) for formula in E1rmFormula),
    )
    return sha1(repr(rules).encode(), usedforsecurity=False).hexdigest()[:16]


def _where(
    since: datetime | None,
    until: datetime | None,
    exercises: Collection[int] | None,
    weeks: Collection[int] | None = None,
    sessions: Collection[int] | None = None,
) -> tuple[str, list[Any]]:
    clauses = [_WORKING]
    params: list[Any] = []
    if since is not None:
        clauses.append("s.start >= ?")
        params.append(str(since))
    if until is not None:
        clauses.append("s.start < ?")
        params.append(str(until))
    if exercises is not None:
        clauses.append(f"e.exercise_id IN ({','.join('?' * len(exercises))})")
        params.extend(exercises)
    if weeks is not None:
        clause, more = _in_weeks(weeks)
        clauses.append(clause)
        params.extend(more)
    if sessions is not None:
        clauses.append(f"s.id IN ({','.join('?' * len(sessions))})")
        params.extend(sessions)
    return " AND ".join(clauses), params


def _in_weeks(weeks: Collection[int]) -> tuple[str, list[Any]]:
    """The rows of the given weeks (Monday ordinals). The start index narrows the scan to the weeks' days before the
    week of each row is worked out."""
    params: list[Any] = []
    clauses = []
    if weeks:
        clauses.append("s.start >= ? AND s.start < ?")
        params.extend([str(date.fromordinal(min(weeks))), str(date.fromordinal(max(weeks) + 7))])
    clauses.append(f"{WEEK_SQL} IN ({','.join('?' * len(weeks))})")
    return " AND ".join(clauses), [*params, *weeks]


def week_exercise_rows(hard_rir: float, weeks: Collection[int] | None = None) -> WeekExerciseRows:
    """Weekly figures per exercise over the whole journal (or only the given weeks): GROUP BY in SQLite."""
    where, params = _where(None, None, None, weeks)
    bin_sums = ", ".join(
        f"coalesce(sum(rated AND rir >= {low} AND rir < {high}), 0)"
        for low, high in ((-1, 0.5), (0.5, 1.5), (1.5, 2.5), (2.5, 3.5), (3.5, 1e9))
    )
    # a drop-set series counts once (its first set, `head`), rated by its first rated segment (`rated`); every
    # segment adds its tonnage
    week, exercise, working, hard, unrated, tonnage, rir_sum, *bins = _columns(
        db.execute_sql(
            f"""
        SELECT wk, exercise_id, sum(head), coalesce(sum(hard), 0), sum(head) - sum(rated),
               coalesce(sum(tonnage), 0), coalesce(sum(CASE WHEN rated THEN rir END), 0), {bin_sums}
        FROM (SELECT {WEEK_SQL} AS wk, e.exercise_id AS exercise_id, {HEAD_SQL} AS head, {RATED_SQL} AS rated,
                     {hard_set_sql(hard_rir)} AS hard, st.rir AS rir, {SET_TONNAGE_SQL} AS tonnage
              {_FROM} WHERE {where})
        GROUP BY wk, exercise_id ORDER BY wk, exercise_id""",
            params,
        ),
        (I, I, I, I, I, F, F, I, I, I, I, I),
    )
    if not len(week):
        return WeekExerciseRows.empty()
    return WeekExerciseRows(
        week=week,
        exercise=exercise,
        working=working,
        hard=hard,
        unrated=unrated,
        tonnage=tonnage,
        rir_sum=rir_sum,
        bins=np.column_stack(bins),
    )


def conditioning_rows(weeks: Collection[int] | None = None) -> ConditioningRows:
    """Time under load and distance per week and exercise (of the given weeks), for exercises measured by time or
    distance: the figures of `journal stats`, never in tonnage or hard sets."""
    if weeks is not None and not weeks:
        return ConditioningRows.empty()
    where, params = _in_weeks(weeks) if weeks is not None else ("1", [])
    week, exercise, time_s, distance_m = _columns(
        db.execute_sql(
            f"""
        SELECT {WEEK_SQL} AS wk, e.exercise_id, coalesce(sum({TIME_SQL}), 0), coalesce(sum({DISTANCE_SQL}), 0)
        {_FROM} WHERE x.measure != 'reps' AND {where}
        GROUP BY wk, e.exercise_id HAVING sum({TIME_SQL}) > 0 OR sum({DISTANCE_SQL}) > 0 ORDER BY wk, e.exercise_id""",
            params,
        ),
        (I, I, F, F),
    )
    return ConditioningRows(week, exercise, time_s, distance_m)


def session_weeks(sessions: Collection[int] | None = None) -> dict[int, int]:
    """Each session's week (of the given sessions), to know which weeks an edit touches."""
    if sessions is None:
        return dict(db.execute_sql(f"SELECT s.id, {WEEK_SQL} FROM session s").fetchall())
    marks = ",".join("?" * len(sessions))
    return dict(
        db.execute_sql(f"SELECT s.id, {WEEK_SQL} FROM session s WHERE s.id IN ({marks})", list(sessions)).fetchall()
    )


def session_bests(
    formula: E1rmFormula, exercises: Collection[int] | None = None, sessions: Collection[int] | None = None
) -> SessionBests:
    """Each session's best e1RM per exercise, preferring estimates within n = reps + RIR <= 10."""
    where, params = _where(None, None, exercises, sessions=sessions)
    e1rm, n = _e1rm_sql(formula), N_SQL
    session, exercise, day, valid, best = _columns(
        db.execute_sql(
            f"""
        SELECT s.id, e.exercise_id, {DAY_SQL},
               max(CASE WHEN {n} <= {VALID_N_MAX} THEN {e1rm} END), max({e1rm})
        {_FROM} WHERE {where} AND st.reps > 0 AND {LOAD_SQL} > 0 AND {n} <= {EXTRAPOLATED_N_MAX}
        GROUP BY s.id, e.exercise_id ORDER BY s.start""",
            params,
        ),
        (I, I, F, F, F),
    )
    return SessionBests(
        session=session,
        exercise=exercise,
        day=day,
        e1rm=np.where(np.isnan(valid), best, valid),
        extrapolated=np.isnan(valid),
    )


def rep_max_rows(exercises: Collection[int] | None = None, sessions: Collection[int] | None = None) -> RepMaxRows:
    """The heaviest load of each rep count, per session and exercise (for actual, not estimated, records); for
    bodyweight exercises the session's bodyweight plus what was added, as for e1RM."""
    where, params = _where(None, None, exercises, sessions=sessions)
    session, exercise, day, reps, load = _columns(
        db.execute_sql(
            f"""
        SELECT s.id, e.exercise_id, {DAY_SQL}, st.reps, max({LOAD_SQL})
        {_FROM} WHERE {where} AND st.reps > 0 AND {LOAD_SQL} > 0
        GROUP BY s.id, e.exercise_id, st.reps ORDER BY s.start""",
            params,
        ),
        (I, I, F, I, F),
    )
    return RepMaxRows(session=session, exercise=exercise, day=day, reps=reps, load=load)


def calibration_sets(
    exercises: Collection[int] | None = None, sessions: Collection[int] | None = None
) -> CalibrationSets:
    """Sets rated and then taken on to failure."""
    where, params = _where(None, None, exercises, sessions=sessions)
    set_id, session, exercise, day, reported, reps, failure_reps = _columns(
        db.execute_sql(
            f"""
        SELECT st.id, s.id, e.exercise_id, {DAY_SQL}, st.rir, st.reps, st.failure_reps
        {_FROM} WHERE {where} AND st.failure_reps IS NOT NULL AND st.rir IS NOT NULL AND st.reps IS NOT NULL
        ORDER BY s.start, e.position, st.position""",
            params,
        ),
        (I, I, I, F, F, I, I),
    )
    return CalibrationSets(
        set_id=set_id,
        session=session,
        exercise=exercise,
        day=day,
        reported=reported,
        reps=reps,
        failure_reps=failure_reps,
    )


def set_points(
    since: datetime | None = None,
    until: datetime | None = None,
    exercises: Collection[int] | None = None,
    sessions: Collection[int] | None = None,
) -> SetPoints:
    """Every non-warm-up set in the range, with whether it was the last of its exercise in the session. The sets
    come session by session, exercise by exercise, so an exercise's last set is the one before the next exercise's
    first (working that out in SQL, a window over every set, costs a second sort)."""
    where, params = _where(since, until, exercises, sessions=sessions)
    cursor = db.execute_sql(
        f"""
        SELECT st.id, s.id, e.exercise_id, {DAY_SQL},
               CASE st.set_type {" ".join(f"WHEN '{v}' THEN {i}" for v, i in _TYPES.items())} END,
               st.rir, st.entry_id
        {_FROM} WHERE {where} ORDER BY s.start, s.id, e.position, st.position""",
        params,
    )
    set_id, session, exercise, day, set_type, rir, entry = _columns(cursor, (I, I, I, F, np.int8, np.float32, I))
    last = np.append(entry[1:] != entry[:-1], True) if len(entry) else np.zeros(0, np.bool_)
    return SetPoints(set_id=set_id, session=session, exercise=exercise, day=day, set_type=set_type, rir=rir, last=last)


def exercises_used() -> list[tuple[int, str, str | None, str, str, int]]:
    """(id, name, mechanic, primary, secondary, builtin) of every exercise with at least one set, by name."""
    rows: list[tuple[int, str, str | None, str, str, int]] = db.execute_sql("""
        SELECT x.id, x.name, x.mechanic, x."primary", x.secondary, x.builtin FROM exercise x
        WHERE EXISTS (SELECT 1 FROM entry e JOIN "set" st ON st.entry_id = e.id WHERE e.exercise_id = x.id)
        ORDER BY x.name COLLATE NOCASE""").fetchall()
    return rows


def exercise_totals(
    hard_rir: float, since: datetime | None, until: datetime | None
) -> list[tuple[int, int, int, float, float, int]]:
    """Per exercise between two moments (exact days, unlike the weekly rows): (exercise, working sets, hard sets,
    tonnage, sum of RIR, rated sets)."""
    where, params = _where(since, until, None)
    return [
        tuple(row)
        for row in db.execute_sql(
            f"""
        SELECT e.exercise_id, sum({HEAD_SQL}), coalesce(sum({hard_set_sql(hard_rir)}), 0),
               coalesce(sum({SET_TONNAGE_SQL}), 0), coalesce(sum(CASE WHEN {RATED_SQL} THEN st.rir END), 0),
               sum({RATED_SQL})
        {_FROM} WHERE {where} GROUP BY e.exercise_id""",
            params,
        ).fetchall()
    ]


def estimate_rows(hard_rir: float, sessions: Collection[int] | None = None) -> EstimateRows:
    """Every working set (of the given sessions), in entry and set order, with what an estimated RIR needs
    (journal.domain.estimate): the load moved, reps, the stored and the logged RIR, and which set starts, rates and
    makes hard its drop-set series."""
    where, params = _where(None, None, None, sessions=sessions)
    logged = "CASE WHEN st.rir_origin IS NULL THEN st.rir END"  # RIR 0 from a set type is not a call
    columns = _columns(
        db.execute_sql(
            f"""
        SELECT st.id, s.id, e.exercise_id, {DAY_SQL}, {WEEK_SQL}, coalesce({LOAD_SQL}, -1), coalesce(st.reps, 0),
               st.rir, {logged}, coalesce({HEAD_SQL}, 0), coalesce({RATED_SQL}, 0),
               coalesce({hard_set_sql(hard_rir)}, 0), e.position, st.position
        {_FROM} WHERE {where} ORDER BY s.start, s.id, e.position, st.position""",
            params,
        ),
        (I, I, I, F, I, F, I, np.float32, np.float32, np.int8, np.int8, np.int8, I, I),
    )
    set_id, session, exercise, day, week, load, reps, rir, logged_rir, head, rated, hard, entry_at, at = columns
    return EstimateRows(
        set_id=set_id,
        session=session,
        exercise=exercise,
        day=day,
        week=week,
        load=np.where(load > 0, load, np.nan),
        reps=reps,
        rir=rir,
        logged=logged_rir,
        head=head.astype(np.bool_),
        rated=rated.astype(np.bool_),
        hard=hard.astype(np.bool_),
        entry_position=entry_at,
        position=at,
    )
