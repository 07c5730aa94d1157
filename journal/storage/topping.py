# SPDX-License-Identifier: MIT
"""Sets added to a day already imported: an app that keys a session by its date alone (FitNotes) exports the same
day again with the sets logged since, so a later export's day is compared set by set with the stored one and only
its new sets are added; undo takes exactly those out again (and an exercise entry made for them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from journal.domain.names import name_key
from journal.domain.records import Entry, Exercise, Session, SetRecord
from journal.storage.changes import Change
from journal.storage.exercises import find_exercise
from journal.storage.models import EntryRow, SessionRow, SetRow, db
from journal.storage.repository import add_entry, add_set, delete_entry, delete_set, get_session

TOPPED_UP = frozenset({"fitnotes"})  # the sources whose sessions are known by their date alone

Signature = tuple[object, ...]


def signature(record: SetRecord) -> Signature:
    """What tells one set of a day from another in the app's export (a rating typed here later does not count)."""
    load = None if record.load_kg is None else round(record.load_kg, 6)
    return (load, record.reps, record.duration_s, record.distance_m, record.note)


@dataclass(frozen=True)
class TopUp:
    """Sets added to the last entry of an exercise in a session already held (or to an entry made for them)."""

    session_id: int
    entry: Entry  # the entry the sets went to, with only the sets added (ids as stored)
    created: bool  # the entry was made for these sets
    position: int  # the entry's position in its session


def _held_session(session: Session) -> int | None:
    if session.source not in TOPPED_UP or session.source_key is None:
        return None
    row = SessionRow.get_or_none((SessionRow.source == session.source) & (SessionRow.source_key == session.source_key))
    return None if row is None else int(row.id)


def new_sets(stored: Iterable[SetRecord], imported: Iterable[SetRecord]) -> list[SetRecord]:
    """The imported sets beyond those stored alike: for each kind of set, the ones past the count held."""
    held = Counter(signature(record) for record in stored)
    fresh = []
    for record in imported:
        key = signature(record)
        if held[key] > 0:
            held[key] -= 1
        else:
            fresh.append(record)
    return fresh


def _plan(session: Session, session_id: int, exercise_of: Mapping[str, int | None]) -> list[tuple[int | None, Entry]]:
    """For each exercise of the imported day with new sets: the stored entry to add to (None: a new one) and an
    entry holding the new sets."""
    stored = get_session(session_id)
    by_exercise: dict[int, list[Entry]] = {}
    for entry in stored.entries:
        assert entry.exercise.id is not None
        by_exercise.setdefault(entry.exercise.id, []).append(entry)
    imported: dict[int | None, tuple[Exercise, list[SetRecord]]] = {}
    for entry in session.entries:
        exercise_id = exercise_of.get(entry.exercise.name)
        imported.setdefault(exercise_id, (entry.exercise, []))[1].extend(entry.sets)
    plans: list[tuple[int | None, Entry]] = []
    for exercise_id, (exercise, sets) in imported.items():
        held = by_exercise.get(exercise_id, []) if exercise_id is not None else []
        fresh = new_sets((record for entry in held for record in entry.sets), sets)
        if fresh:
            target = held[-1].id if held else None
            stored_exercise = held[-1].exercise if held else exercise
            plans.append((target, Entry(exercise=stored_exercise, sets=tuple(fresh))))
    return plans


def count_new_sets(sessions: Iterable[Session]) -> int:
    """How many sets an import would add to days already imported (names mapped as the journal knows them)."""
    total = 0
    for session in sessions:
        session_id = _held_session(session)
        if session_id is None:
            continue
        names = {e.exercise.name: getattr(find_exercise(e.exercise.name), "id", None) for e in session.entries}
        total += sum(len(entry.sets) for _, entry in _plan(session, session_id, names))
    return total


def top_up(sessions: Iterable[Session], resolved: Mapping[str, int]) -> tuple[TopUp, ...]:
    """Add the new sets of days already held; `resolved` maps each name key to its exercise id. Call inside the
    import's transaction."""
    done: list[TopUp] = []
    for session in sessions:
        session_id = _held_session(session)
        if session_id is None:
            continue
        names = {e.exercise.name: resolved.get(name_key(e.exercise.name)) for e in session.entries}
        for target, entry in _plan(session, session_id, names):
            if target is None:
                exercise_id = names[entry.exercise.name]
                assert exercise_id is not None, "every imported name is resolved"
                exercise = Exercise(id=exercise_id, name=entry.exercise.name)
                stored, _ = add_entry(session_id, Entry(exercise=exercise, sets=entry.sets))
                done.append(TopUp(session_id, stored, True, int(EntryRow.get_by_id(stored.id).position)))
            else:
                added = tuple(add_set(target, record)[0] for record in entry.sets)
                position = int(EntryRow.get_by_id(target).position)
                done.append(TopUp(session_id, Entry(exercise=entry.exercise, sets=added, id=target), False, position))
    return tuple(done)


def take_out(top_ups: Iterable[TopUp]) -> Change:
    """Undo: remove exactly the sets (and entries made for them) that were added."""
    change = Change()
    with db.atomic():
        for done in reversed(tuple(top_ups)):
            if done.created:
                assert done.entry.id is not None
                change |= delete_entry(done.entry.id)
            else:
                for record in reversed(done.entry.sets):
                    assert record.id is not None
                    change |= delete_set(record.id)
    return change | Change(everything=True)


def put_back(top_ups: Iterable[TopUp]) -> Change:
    """Redo: the same sets (and entries) again, with the ids they had."""
    change = Change()
    with db.atomic():
        for done in top_ups:
            if done.created:
                change |= add_entry(done.session_id, done.entry, done.position)[1]
            else:
                assert done.entry.id is not None
                count = SetRow.select().where(SetRow.entry == done.entry.id).count()
                for offset, record in enumerate(done.entry.sets):
                    change |= add_set(done.entry.id, record, count + offset)[1]
    return change | Change(everything=True)
