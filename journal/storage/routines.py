# SPDX-License-Identifier: MIT
"""Routines in the file: listing, saving (items replaced whole, in one transaction), deleting, and the last
session started from a routine."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from datetime import datetime

from journal.domain.effort import EffortScale
from journal.domain.records import Session, SetRecord
from journal.domain.routines import Routine, RoutineItem
from journal.storage.changes import Change
from journal.storage.exercises import to_exercise
from journal.storage.models import EntryRow, ExerciseRow, RoutineItemRow, RoutineRow, SessionRow, SetRow, db
from journal.storage.repository import NotFound, get_session, to_set


def _item(row: RoutineItemRow) -> RoutineItem:
    return RoutineItem(
        id=row.id,
        exercise=to_exercise(row.exercise),
        sets=row.sets,
        reps_low=row.reps_low,
        reps_high=row.reps_high,
        target_rir=row.target_rir,
        target_scale=EffortScale(row.target_scale or "rir"),
        load_kg=row.load_kg,
        rest_s=row.rest_s,
        notes=row.notes,
        calibration=bool(row.calibration),
        warmup=bool(row.warmup),
        superset=row.superset,
    )


def list_routines() -> list[Routine]:
    items: dict[int, list[RoutineItem]] = {}
    query = (
        RoutineItemRow.select(RoutineItemRow, ExerciseRow)
        .join(ExerciseRow)
        .order_by(RoutineItemRow.routine, RoutineItemRow.position)
    )
    for row in query:
        items.setdefault(row.routine_id, []).append(_item(row))
    return [
        Routine(id=r.id, name=r.name, notes=r.notes, items=tuple(items.get(r.id, ())))
        for r in RoutineRow.select().order_by(RoutineRow.position, RoutineRow.name)
    ]


def get_routine(routine_id: int) -> Routine:
    found = next((r for r in list_routines() if r.id == routine_id), None)
    if found is None:
        raise NotFound(f"no routine {routine_id}")
    return found


def find_routine(name: str) -> Routine | None:
    """A routine by name (case folded), else by id."""
    routines = list_routines()
    by_name = next((r for r in routines if r.name.casefold() == name.strip().casefold()), None)
    if by_name is not None or not name.strip().isdigit():
        return by_name
    return next((r for r in routines if r.id == int(name)), None)


def save_routine(routine: Routine, sessions: Collection[int] = ()) -> tuple[Routine, Change]:
    """Insert or update a routine with exactly these items, in this order (ids kept where given); `sessions` are
    linked to it again (those a delete being undone had unlinked)."""
    with db.atomic():
        if routine.id is not None and RoutineRow.get_or_none(RoutineRow.id == routine.id) is not None:
            RoutineRow.update(name=routine.name, notes=routine.notes).where(RoutineRow.id == routine.id).execute()
            row_id = routine.id
        else:
            position = RoutineRow.select().count()
            row_id = RoutineRow.create(id=routine.id, name=routine.name, notes=routine.notes, position=position).id
        RoutineItemRow.delete().where(RoutineItemRow.routine == row_id).execute()
        items = []
        for position, item in enumerate(routine.items):
            assert item.exercise.id is not None, "resolve the exercise before storing it"
            stored = RoutineItemRow.create(
                id=item.id,
                routine=row_id,
                exercise=item.exercise.id,
                position=position,
                sets=item.sets,
                reps_low=item.reps_low,
                reps_high=item.reps_high,
                target_rir=item.target_rir,
                target_scale=item.target_scale.value,
                load_kg=item.load_kg,
                rest_s=item.rest_s,
                notes=item.notes,
                calibration=item.calibration,
                warmup=item.warmup,
                superset=item.superset,
            )
            items.append(dataclasses.replace(item, id=stored.id))
        if sessions:
            SessionRow.update(routine=row_id).where(SessionRow.id.in_(list(sessions))).execute()
    return Routine(id=row_id, name=routine.name, notes=routine.notes, items=tuple(items)), Change(routines=True)


def sessions_of(routine_id: int) -> tuple[int, ...]:
    """The sessions started from the routine (a delete unlinks them)."""
    return tuple(row.id for row in SessionRow.select(SessionRow.id).where(SessionRow.routine == routine_id))


def delete_routine(routine_id: int) -> Change:
    with db.atomic():
        RoutineRow.delete().where(RoutineRow.id == routine_id).execute()
    return Change(routines=True)


def last_session(routine_id: int, before: datetime | None = None) -> Session | None:
    """The latest session started from the routine (before `before`), to suggest loads from."""
    query = SessionRow.select(SessionRow.id).where(SessionRow.routine == routine_id)
    if before is not None:
        query = query.where(SessionRow.start < before)
    row: SessionRow | None = query.order_by(SessionRow.start.desc()).first()
    return get_session(row.id) if row else None


def last_sets(
    routine_id: int, before: datetime | None = None, back: int = 0
) -> dict[tuple[int, int], tuple[SetRecord, ...]]:
    """By (exercise, occurrence), the sets done in the latest session started from the routine (before `before`)
    in which the exercise has sets done: what "Last time" and "Next time" read. An exercise a routine holds twice
    (a heavy squat, then back-off squats) is read per occurrence: the routine's second squat pairs with that
    session's second squat. Plans are not sets, so a session just started, or an exercise skipped, gives way to the
    one before. `back` = 1 gives the session before that one, and so on."""
    query = (
        EntryRow.select(EntryRow.id, EntryRow.exercise, EntryRow.session)
        .join(SessionRow)
        .where((SessionRow.routine == routine_id) & EntryRow.id.in_(SetRow.select(SetRow.entry)))
    )
    if before is not None:
        query = query.where(SessionRow.start < before)
    # exercise -> its sessions, latest first, each with the exercise's entries in the order they were done
    by_session: dict[int, dict[int, list[int]]] = {}
    for row in query.order_by(SessionRow.start.desc(), SessionRow.id.desc(), EntryRow.position):
        by_session.setdefault(row.exercise_id, {}).setdefault(row.session_id, []).append(row.id)
    latest: dict[tuple[int, int], int] = {}  # (exercise, occurrence) -> entry
    for exercise, sessions in by_session.items():
        chosen = list(sessions.values())
        if len(chosen) > back:
            latest.update(((exercise, n), entry) for n, entry in enumerate(chosen[back]))
    sets: dict[int, list[SetRecord]] = {}
    if latest:
        for set_row in SetRow.select().where(SetRow.entry.in_(list(latest.values()))).order_by(SetRow.position):
            sets.setdefault(set_row.entry_id, []).append(to_set(set_row))
    return {key: tuple(sets.get(entry, ())) for key, entry in latest.items()}
