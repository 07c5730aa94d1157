# SPDX-License-Identifier: MIT
"""One exercise's history and the calendar's days, read for the exercise page, `journal exercise` and the calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from journal.domain.exercise_figures import LiftedSet
from journal.domain.records import SetRecord
from journal.storage.models import EntryRow, SessionRow, SetRow, db
from journal.storage.queries import SET_TONNAGE_SQL, WORKING_SQL, hard_set_sql
from journal.storage.repository import to_set
from journal.storage.review import LOAD_SQL, WEEK_SQL

_FROM = """FROM session s JOIN entry e ON e.session_id = s.id JOIN exercise x ON x.id = e.exercise_id
           JOIN "set" st ON st.entry_id = e.id"""


def _moment(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def lifted_sets(exercise_id: int) -> list[LiftedSet]:
    """Every non-warm-up set of the exercise with reps and a load moved (a bodyweight exercise's load is the
    session's bodyweight plus what was added, and unknown without a bodyweight), oldest first."""
    rows = db.execute_sql(
        f"""SELECT s.id, s.start, {LOAD_SQL}, st.reps, st.rir, st.failure_reps {_FROM}
            WHERE e.exercise_id = ? AND {WORKING_SQL} AND st.reps > 0 AND {LOAD_SQL} > 0
            ORDER BY s.start, s.id, e.position, st.position""",
        [exercise_id],
    ).fetchall()
    return [LiftedSet(row[0], _moment(row[1]), float(row[2]), int(row[3]), row[4], row[5]) for row in rows]


@dataclass(frozen=True)
class SessionSets:
    """An exercise as done in one session: when, the session's title and bodyweight, the entry's note, its sets."""

    session: int
    start: datetime
    title: str
    bodyweight_kg: float | None
    note: str
    sets: tuple[SetRecord, ...]


def session_count(exercise_id: int) -> int:
    """How many sessions hold the exercise."""
    return int(EntryRow.select(EntryRow.session).where(EntryRow.exercise == exercise_id).distinct().count())


def history_page(exercise_id: int, offset: int = 0, limit: int = 20) -> list[SessionSets]:
    """The exercise's sets grouped by session, newest session first, `limit` sessions from `offset` on."""
    entries = list(
        EntryRow.select(EntryRow, SessionRow)
        .join(SessionRow)
        .where(EntryRow.exercise == exercise_id)
        .order_by(SessionRow.start.desc(), SessionRow.id.desc(), EntryRow.position)
        .offset(offset)
        .limit(limit)
    )
    sets: dict[int, list[SetRecord]] = {}
    if entries:
        for row in SetRow.select().where(SetRow.entry.in_([e.id for e in entries])).order_by(SetRow.position):
            sets.setdefault(row.entry_id, []).append(to_set(row))
    return [
        SessionSets(
            session=e.session.id,
            start=_moment(e.session.start),
            title=e.session.title,
            bodyweight_kg=e.session.bodyweight_kg,
            note=e.note,
            sets=tuple(sets.get(e.id, ())),
        )
        for e in entries
    ]


def exercise_notes(exercise_id: int) -> list[tuple[date, int, str]]:
    """(day, session, note) of each session's note on the exercise, newest first; empty notes left out."""
    rows = db.execute_sql(
        "SELECT s.start, s.id, e.note FROM entry e JOIN session s ON s.id = e.session_id "
        "WHERE e.exercise_id = ? AND e.note != '' ORDER BY s.start DESC, s.id DESC",
        [exercise_id],
    ).fetchall()
    return [(_moment(start).date(), int(session), str(note)) for start, session, note in rows]


def weekly_hard_sets(exercise_id: int, threshold: float) -> list[tuple[date, int, int]]:
    """(Monday, working sets, hard sets) of each week the exercise was trained, oldest first."""
    rows = db.execute_sql(
        f"""SELECT {WEEK_SQL}, sum({WORKING_SQL}), coalesce(sum({hard_set_sql(threshold)} AND {WORKING_SQL}), 0)
            {_FROM} WHERE e.exercise_id = ? GROUP BY 1 ORDER BY 1""",
        [exercise_id],
    ).fetchall()
    return [(date.fromordinal(int(week)), int(sets or 0), int(hard or 0)) for week, sets, hard in rows]


def rir_counts(exercise_id: int) -> dict[str, int]:
    """The exercise's working sets by RIR bin: '0', '1', '2', '3', '4+' and 'not rated'."""
    bins = {"0": 0, "1": 0, "2": 0, "3": 0, "4+": 0, "not rated": 0}
    for rir, count in db.execute_sql(
        f"""SELECT CASE WHEN st.rir IS NULL THEN NULL WHEN st.rir >= 4 THEN 4 ELSE CAST(st.rir AS INTEGER) END, count(*)
            {_FROM} WHERE e.exercise_id = ? AND {WORKING_SQL} GROUP BY 1""",
        [exercise_id],
    ).fetchall():
        bins["not rated" if rir is None else ("4+" if rir >= 4 else str(int(rir)))] += int(count)
    return bins


@dataclass(frozen=True)
class TrainingDay:
    """A day with at least one session: its first session, its working and hard sets and its tonnage."""

    day: date
    session: int
    sets: int
    hard_sets: int
    tonnage_kg: float


def training_days(threshold: float, since: date | None = None, until: date | None = None) -> list[TrainingDay]:
    """Every day with a session (between `since` and `until`, both included, when given), oldest first."""
    clauses, params = [], []
    if since is not None:
        clauses.append("s.start >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("date(s.start) <= ?")
        params.append(until.isoformat())
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = db.execute_sql(
        f"""SELECT date(s.start), min(s.id),
                   coalesce(sum(CASE WHEN st.id IS NOT NULL THEN {WORKING_SQL} END), 0),
                   coalesce(sum(CASE WHEN st.id IS NOT NULL THEN {hard_set_sql(threshold)} AND {WORKING_SQL} END), 0),
                   coalesce(sum(CASE WHEN st.id IS NOT NULL THEN {SET_TONNAGE_SQL} END), 0)
            FROM session s LEFT JOIN entry e ON e.session_id = s.id LEFT JOIN exercise x ON x.id = e.exercise_id
            LEFT JOIN "set" st ON st.entry_id = e.id {where} GROUP BY 1 ORDER BY 1""",
        params,
    ).fetchall()
    return [TrainingDay(date.fromisoformat(d), int(sid), int(n), int(h), float(t)) for d, sid, n, h, t in rows]
