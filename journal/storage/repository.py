# SPDX-License-Identifier: MIT
"""Reading and writing sessions, their exercises and sets. Every write is one transaction and returns a Change.

Rows restored by undo keep their ids, so commands further down an undo stack still name the right rows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from peewee import fn

from journal.domain.effort import EffortScale
from journal.domain.records import Entry, PlannedSet, RirOrigin, Session, SetRecord, SetType
from journal.storage.changes import Change
from journal.storage.exercises import to_exercise
from journal.storage.models import EntryRow, ExerciseRow, PlannedSetRow, SessionRow, SetRow, db
from journal.storage.plans import insert_plan, plans_of, shift_plans, shift_positions

SESSION_FIELDS = ("start", "end", "title", "bodyweight_kg", "notes")


class NotFound(LookupError):
    """The session asked for is not (or no longer) in the journal."""


def to_set(row: SetRow) -> SetRecord:
    return SetRecord(
        id=row.id,
        set_type=SetType(row.set_type),
        load_kg=row.load_kg,
        reps=row.reps,
        rir=row.rir,
        effort_scale=EffortScale(row.effort_scale) if row.effort_scale else None,
        failure_reps=row.failure_reps,
        duration_s=row.duration_s,
        distance_m=row.distance_m,
        note=row.note,
        rir_origin=RirOrigin(row.rir_origin) if row.rir_origin and row.rir is not None else None,
    )


SET_COLUMNS = (
    "set_type",
    "load_kg",
    "reps",
    "rir",
    "effort_scale",
    "failure_reps",
    "duration_s",
    "distance_m",
    "note",
    "rir_origin",
)


def set_row(record: SetRecord) -> tuple[Any, ...]:
    """A set's stored columns (all but id, entry and position), in the order of SET_COLUMNS; bulk inserts use
    these. (`_value_` is the enum member's value without the cost of the `value` property.)"""
    scale = record.effort_scale
    return (
        record.set_type._value_,
        record.load_kg,
        record.reps,
        record.rir,
        scale._value_ if scale is not None and record.rir is not None else None,
        record.failure_reps,
        record.duration_s,
        record.distance_m,
        record.note,
        record.rir_origin._value_ if record.rir_origin is not None and record.rir is not None else None,
    )


def set_values(record: SetRecord) -> dict[str, Any]:
    """A set's stored columns by name."""
    return dict(zip(SET_COLUMNS, set_row(record), strict=True))


# ---- reading ----------------------------------------------------------------------------------------------------


def get_session(session_id: int) -> Session:
    row = SessionRow.get_or_none(SessionRow.id == session_id)
    if row is None:
        raise NotFound(f"no session {session_id}")
    entry_rows = list(
        EntryRow.select(EntryRow, ExerciseRow)
        .join(ExerciseRow)
        .where(EntryRow.session == session_id)
        .order_by(EntryRow.position)
    )
    sets: dict[int, list[SetRecord]] = {}
    query = SetRow.select().join(EntryRow).where(EntryRow.session == session_id).order_by(SetRow.entry, SetRow.position)
    for set_row in query:
        sets.setdefault(set_row.entry_id, []).append(to_set(set_row))
    plans = plans_of(e.id for e in entry_rows)
    entries = tuple(
        Entry(
            id=e.id,
            exercise=to_exercise(e.exercise),
            note=e.note,
            sets=tuple(sets.get(e.id, ())),
            plans=plans.get(e.id, ()),
            superset=e.superset,
        )
        for e in entry_rows
    )
    return to_session(row, entries)


def to_session(row: SessionRow, entries: tuple[Entry, ...]) -> Session:
    """A stored session with the entries read for it."""
    return Session(
        id=row.id,
        start=row.start,
        end=row.end,
        title=row.title,
        bodyweight_kg=row.bodyweight_kg,
        notes=row.notes,
        source=row.source,
        source_key=row.source_key,
        entries=entries,
        routine_id=row.routine_id,
    )


def get_entry(entry_id: int) -> Entry:
    row = EntryRow.select(EntryRow, ExerciseRow).join(ExerciseRow).where(EntryRow.id == entry_id).get()
    sets = tuple(to_set(s) for s in SetRow.select().where(SetRow.entry == entry_id).order_by(SetRow.position))
    return Entry(
        id=row.id,
        exercise=to_exercise(row.exercise),
        note=row.note,
        sets=sets,
        plans=plans_of((entry_id,)).get(entry_id, ()),
        superset=row.superset,
    )


def entry_session(entry_id: int) -> int:
    return int(EntryRow.get_by_id(entry_id).session_id)


def set_entry(set_id: int) -> int:
    return int(SetRow.get_by_id(set_id).entry_id)


def previous_sets(exercise_id: int, before: datetime, exclude_session: int | None = None) -> tuple[SetRecord, ...]:
    """The sets of the exercise from the last session before `before` in which it has sets ("as last time")."""
    query = (
        EntryRow.select(EntryRow.id)
        .join(SessionRow)
        .where(
            (EntryRow.exercise == exercise_id)
            & (SessionRow.start < before)
            & EntryRow.id.in_(SetRow.select(SetRow.entry))
        )
    )
    if exclude_session is not None:
        query = query.where(SessionRow.id != exclude_session)
    last: EntryRow | None = query.order_by(SessionRow.start.desc(), EntryRow.position.desc()).first()
    if last is None:
        return ()
    return tuple(to_set(s) for s in SetRow.select().where(SetRow.entry == last.id).order_by(SetRow.position))


# ---- sessions ---------------------------------------------------------------------------------------------------


def add_session(session: Session) -> tuple[Session, Change]:
    """Insert a session with its exercises and sets (keeping any ids it carries); returns it with ids."""
    with db.atomic():
        row = SessionRow.create(
            id=session.id,
            start=session.start,
            end=session.end,
            title=session.title,
            bodyweight_kg=session.bodyweight_kg,
            notes=session.notes,
            source=session.source,
            source_key=session.source_key,
            routine=session.routine_id,
        )
        entries = tuple(_insert_entry(row.id, position, entry) for position, entry in enumerate(session.entries))
    stored = dataclasses.replace(session, id=row.id, entries=entries)
    return stored, Change(sessions=frozenset({row.id}), structure=frozenset({row.id}), added=frozenset({row.id}))


def update_session(session_id: int, **fields: Any) -> Change:
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise ValueError(f"not a session field: {', '.join(sorted(unknown))}")
    with db.atomic():
        SessionRow.update(**fields).where(SessionRow.id == session_id).execute()
    return Change(sessions=frozenset({session_id}))


def delete_session(session_id: int) -> Change:
    with db.atomic():
        SessionRow.delete().where(SessionRow.id == session_id).execute()
    return Change(sessions=frozenset({session_id}), structure=frozenset({session_id}))


# ---- exercises within a session ---------------------------------------------------------------------------------


def _insert_entry(session_id: int, position: int, entry: Entry) -> Entry:
    assert entry.exercise.id is not None, "resolve the exercise before storing it"
    row = EntryRow.create(
        id=entry.id,
        session=session_id,
        exercise=entry.exercise.id,
        position=position,
        note=entry.note,
        superset=entry.superset,
    )
    sets = tuple(_insert_set(row.id, index, record) for index, record in enumerate(entry.sets))
    plans = tuple(insert_plan(row.id, index, plan) for index, plan in enumerate(entry.plans))
    return Entry(id=row.id, exercise=entry.exercise, note=entry.note, sets=sets, plans=plans, superset=entry.superset)


def add_entry(session_id: int, entry: Entry, position: int | None = None) -> tuple[Entry, Change]:
    """Insert an exercise (with its sets) at `position`, at the end by default."""
    with db.atomic():
        count = EntryRow.select().where(EntryRow.session == session_id).count()
        position = count if position is None else max(0, min(position, count))
        shift_positions(EntryRow, EntryRow.session == session_id, position, 1)
        stored = _insert_entry(session_id, position, entry)
    return stored, Change(
        sessions=frozenset({session_id}), structure=frozenset({session_id}), entries=frozenset({stored.id or 0})
    )


def entry_position(entry_id: int) -> int:
    return int(EntryRow.get_by_id(entry_id).position)


def delete_entry(entry_id: int) -> Change:
    with db.atomic():
        row = EntryRow.get_by_id(entry_id)
        row.delete_instance()
        shift_positions(EntryRow, EntryRow.session == row.session_id, row.position, -1)
    return Change(sessions=frozenset({row.session_id}), structure=frozenset({row.session_id}))


def move_entry(entry_id: int, position: int) -> Change:
    with db.atomic():
        row = EntryRow.get_by_id(entry_id)
        _move(EntryRow, row, EntryRow.session == row.session_id, position)
    return Change(structure=frozenset({row.session_id}))


def set_supersets(groups: dict[int, int | None]) -> Change:
    """Put exercises (by entry id) in supersets (None: out of any), in one transaction."""
    sessions = set()
    with db.atomic():
        for entry_id, superset in groups.items():
            row = EntryRow.get_by_id(entry_id)
            sessions.add(row.session_id)
            EntryRow.update(superset=superset).where(EntryRow.id == entry_id).execute()
    return Change(structure=frozenset(sessions))


def update_entry_note(entry_id: int, note: str) -> Change:
    with db.atomic():
        EntryRow.update(note=note).where(EntryRow.id == entry_id).execute()
    return Change(entries=frozenset({entry_id}))


def _move(model: type[EntryRow] | type[SetRow], row: Any, parent: Any, position: int) -> None:
    count = model.select().where(parent).count()
    position = max(0, min(position, count - 1))
    if position == row.position:
        return
    shift_positions(model, parent & (model.id != row.id), row.position + 1, -1)
    shift_positions(model, parent & (model.id != row.id), position, 1)
    model.update(position=position).where(model.id == row.id).execute()


# ---- sets -------------------------------------------------------------------------------------------------------


def _insert_set(entry_id: int, position: int, record: SetRecord) -> SetRecord:
    row = SetRow.create(id=record.id, entry=entry_id, position=position, **set_values(record))
    return record.replace(id=row.id)


def set_change(entry_id: int) -> Change:
    return Change(entries=frozenset({entry_id}), sessions=frozenset({entry_session(entry_id)}))


def add_set(entry_id: int, record: SetRecord, position: int | None = None) -> tuple[SetRecord, Change]:
    with db.atomic():
        count = SetRow.select().where(SetRow.entry == entry_id).count()
        position = count if position is None else max(0, min(position, count))
        shift_positions(SetRow, SetRow.entry == entry_id, position, 1)
        stored = _insert_set(entry_id, position, record)
    return stored, set_change(entry_id)


def set_position(set_id: int) -> int:
    return int(SetRow.get_by_id(set_id).position)


def update_set(set_id: int, record: SetRecord) -> Change:
    with db.atomic():
        row = SetRow.get_by_id(set_id)
        SetRow.update(**set_values(record)).where(SetRow.id == set_id).execute()
    return set_change(row.entry_id)


def delete_set(set_id: int) -> Change:
    with db.atomic():
        row = SetRow.get_by_id(set_id)
        row.delete_instance()
        shift_positions(SetRow, SetRow.entry == row.entry_id, row.position, -1)
    return set_change(row.entry_id)


def move_set(set_id: int, position: int) -> Change:
    with db.atomic():
        row = SetRow.get_by_id(set_id)
        _move(SetRow, row, SetRow.entry == row.entry_id, position)
    return set_change(row.entry_id)  # the order matters to figures (the last set of an exercise)


def confirm_plan(plan_id: int, record: SetRecord) -> tuple[SetRecord, Change]:
    """The lifter did a planned set: `record` (what was done, keeping any id it carries) becomes the exercise's last
    set and the plan goes, in one transaction."""
    with db.atomic():
        plan = PlannedSetRow.get_by_id(plan_id)
        plan.delete_instance()
        shift_plans(plan.entry_id, plan.position, -1)
        position = SetRow.select().where(SetRow.entry == plan.entry_id).count()
        stored = _insert_set(plan.entry_id, position, record)
    return stored, set_change(plan.entry_id)


def unconfirm_plan(set_id: int, plan: PlannedSet, position: int) -> Change:
    """confirm_plan taken back: the set goes and the plan is put back at `position`, with its id."""
    with db.atomic():
        row = SetRow.get_by_id(set_id)
        row.delete_instance()
        shift_positions(SetRow, SetRow.entry == row.entry_id, row.position, -1)
        shift_plans(row.entry_id, position, 1)
        insert_plan(row.entry_id, position, plan)
    return set_change(row.entry_id)


def session_count() -> int:
    return int(SessionRow.select(fn.COUNT(SessionRow.id)).scalar() or 0)


def delete_sessions(session_ids: tuple[int, ...]) -> Change:
    """Remove many sessions at once (undoing an import), in one transaction."""
    ids = list(session_ids)
    with db.atomic():
        for start in range(0, len(ids), 500):
            SessionRow.delete().where(SessionRow.id.in_(ids[start : start + 500])).execute()
    return Change(sessions=frozenset(ids), everything=True)


def iter_sessions() -> Iterator[Session]:
    """Every session with its exercises and sets, oldest first, read in three queries."""
    exercises = {row.id: to_exercise(row) for row in ExerciseRow.select()}
    sets: dict[int, list[SetRecord]] = {}
    for set_row in SetRow.select().order_by(SetRow.entry, SetRow.position):
        sets.setdefault(set_row.entry_id, []).append(to_set(set_row))
    entries: dict[int, list[Entry]] = {}
    for entry in EntryRow.select().order_by(EntryRow.session, EntryRow.position):
        entries.setdefault(entry.session_id, []).append(
            Entry(
                id=entry.id,
                exercise=exercises[entry.exercise_id],
                note=entry.note,
                sets=tuple(sets.get(entry.id, ())),
                superset=entry.superset,
            )
        )
    for row in SessionRow.select().order_by(SessionRow.start, SessionRow.id):
        yield to_session(row, tuple(entries.get(row.id, ())))
