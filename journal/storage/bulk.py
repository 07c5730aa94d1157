# SPDX-License-Identifier: MIT
"""Writing many sessions at once (sample data, imports): one transaction, executemany, ids assigned up front."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, filterfalse, repeat
from operator import attrgetter

from journal.domain.names import name_key
from journal.domain.records import Exercise, Session, SetRecord
from journal.memory import collection_paused
from journal.storage.changes import Change
from journal.storage.exercises import alias_keys, resolve_exercise
from journal.storage.models import db
from journal.storage.repository import SET_COLUMNS, set_row

_CHUNK = 5000
_SETS, _EXERCISE, _NOTE, _SUPERSET = (
    attrgetter("sets"),
    attrgetter("exercise"),
    attrgetter("note"),
    attrgetter("superset"),
)
_ROWS_A_STATEMENT = 200  # rows in one INSERT's VALUES list (see _insert)


@dataclass(frozen=True)
class BulkResult:
    sessions: int
    sets: int
    duplicates: int
    session_ids: tuple[int, ...]
    change: Change
    added: tuple[Session, ...] = ()  # the sessions written (not the duplicates), as they were given


Held = tuple[set[tuple[str, str]], Counter[tuple[str, str, str]]]


def held_keys() -> Held:
    """What the journal holds already: (source, source key) of keyed sessions, and how many sessions without a key
    (hand-logged ones, when they come back through Journal CSV) it holds of each (source, start, title)."""
    keyed = {
        (source, key)
        for source, key in db.execute_sql("SELECT source, source_key FROM session WHERE source_key IS NOT NULL")
    }
    unkeyed: Counter[tuple[str, str, str]] = Counter(
        db.execute_sql("SELECT source, start, title FROM session WHERE source_key IS NULL")
    )
    return keyed, unkeyed


def is_held(session: Session, held: Held) -> bool:
    """Whether the journal has this session already. Sessions without a key are told apart only by their start and
    title, so two alike (two untitled sessions begun in the same minute) are two: each one held is matched once."""
    if session.source_key is not None:
        return (session.source, session.source_key) in held[0]
    alike = (session.source, str(session.start), session.title)
    if held[1][alike] > 0:
        held[1][alike] -= 1
        return True
    return False


def count_held(sessions: Iterable[Session]) -> int:
    """How many of `sessions` an import would skip as already in the journal."""
    held = held_keys()
    return sum(is_held(session, held) for session in sessions)


_SESSION_COLUMNS = ("id", "start", "end", "title", "bodyweight_kg", "notes", "source", "source_key")
_ENTRY_COLUMNS = ("id", "session_id", "exercise_id", "position", "note", "superset")
# What the tables fill in for a column an INSERT leaves out (as the schema says; a test holds them equal).
DEFAULTS: dict[str, dict[str, object]] = {
    "session": {"end": None, "title": "", "bodyweight_kg": None, "notes": "", "source_key": None},
    "entry": {"note": "", "superset": None},
    "set": {
        "set_type": "working",
        "load_kg": None,
        "reps": None,
        "rir": None,
        "effort_scale": None,
        "failure_reps": None,
        "duration_s": None,
        "distance_m": None,
        "note": "",
    },
}


def _insert(connection: sqlite3.Connection, table: str, columns: Mapping[str, Sequence[object]]) -> None:
    """INSERT rows given column by column, leaving out each column whose every value is the one the table fills
    in: binding a value costs, and most sets have no time, distance, failure reps or note. The rows go in
    _ROWS_A_STATEMENT at a time, as one statement's VALUES list: a statement run once a row costs SQLite (and
    Python's sqlite3) more than the row itself."""
    count = len(next(iter(columns.values()), ()))
    if not count:
        return
    defaults = DEFAULTS[table]
    kept = {
        name: values
        for name, values in columns.items()
        if name not in defaults or values[0] != defaults[name] or values.count(defaults[name]) != len(values)
    }
    width = len(kept)
    names = ", ".join(f'"{name}"' for name in kept)
    head = f'INSERT INTO "{table}" ({names}) VALUES '
    row = f"({', '.join('?' * width)})"
    per = max(1, min(_ROWS_A_STATEMENT, connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
    values = list(chain.from_iterable(zip(*kept.values(), strict=True)))
    whole, step = count // per * per * width, per * width
    if whole:
        connection.executemany(head + ", ".join([row] * per), (values[at : at + step] for at in range(0, whole, step)))
    if count % per:
        connection.execute(head + ", ".join([row] * (count % per)), values[whole:])


def _by_column(names: tuple[str, ...], rows: list[tuple[object, ...]]) -> dict[str, Sequence[object]]:
    return dict(zip(names, zip(*rows, strict=True), strict=False))  # no rows: no columns to write


def _next_id(table: str) -> int:
    return int(db.execute_sql(f'SELECT coalesce(max(id), 0) + 1 FROM "{table}"').fetchone()[0])


def insert_sessions(
    sessions: Iterable[Session],
    progress: Callable[[int], None] = lambda done: None,
    resolved: Mapping[str, int] | None = None,
) -> BulkResult:
    """Insert sessions with their exercises and sets in one transaction.

    Exercise names resolve through `resolved` (name key -> exercise id, the lifter's choices for this import), then
    the aliases; new names become new exercises. A session the journal already holds (see is_held) is skipped and
    counted as a duplicate. `progress` receives the sessions done.
    """
    known = alias_keys()
    known.update(resolved or {})
    written: list[Session] = []
    connection = db.connection()
    added: list[int] = []
    sets_added = duplicates = 0
    new_exercises = False
    session_rows: list[tuple[object, ...]] = []
    entry_columns: dict[str, list[object]] = {name: [] for name in _ENTRY_COLUMNS}  # the entries, column by column
    entry_ids, entry_sessions, entry_exercises, entry_positions, entry_notes, entry_supersets = entry_columns.values()
    # the sets, column by column: their entries, their positions, and their records; a set's id is the next one
    # SQLite gives, as it would be here
    set_entries: list[int] = []
    set_positions: list[int] = []
    set_records: list[SetRecord] = []
    # id(record) -> set_row(record), each record's row made once (an import gives one record to the sets that are
    # alike); `written` keeps each record alive, so no id is taken by another record meanwhile
    stored: dict[int, tuple[object, ...]] = {}

    def flush() -> None:
        ids = list(map(id, set_records))
        fresh = dict(zip(ids, set_records, strict=True))
        for key in filterfalse(stored.__contains__, fresh):
            stored[key] = set_row(fresh[key])
        _insert(connection, "session", _by_column(_SESSION_COLUMNS, session_rows))
        _insert(connection, "entry", entry_columns)
        values = _by_column(SET_COLUMNS, list(map(stored.__getitem__, ids)))
        _insert(connection, "set", {"entry_id": set_entries, "position": set_positions, **values})
        for column in entry_columns.values():
            column.clear()
        for pending in (session_rows, set_entries, set_positions, set_records):
            pending.clear()

    by_object: dict[int, int] = {}  # id(exercise) -> its id in the journal: `written` keeps each exercise alive

    def exercise_id(exercise: Exercise) -> int:
        nonlocal new_exercises
        found = by_object.get(id(exercise))
        if found is not None:
            return found
        if exercise.id is not None:
            return exercise.id
        key = name_key(exercise.name)
        if key not in known:
            row, change = resolve_exercise(exercise)
            new_exercises = new_exercises or change.exercises
            assert row.id is not None, "a resolved exercise is stored"
            known[key] = row.id
        by_object[id(exercise)] = known[key]
        return known[key]

    with db.atomic(), collection_paused():
        held = held_keys()
        session_id, entry_id = _next_id("session"), _next_id("entry")
        for done, session in enumerate(sessions, 1):
            if is_held(session, held):
                duplicates += 1
                continue
            if session.source_key is not None:
                held[0].add((session.source, session.source_key))
            written.append(session)
            session_rows.append(
                (
                    session_id,
                    str(session.start),
                    session.end and str(session.end),
                    session.title,
                    session.bodyweight_kg,
                    session.notes,
                    session.source,
                    session.source_key,
                )
            )
            # the session's entries and sets, each column extended at once (a Python step an entry costs)
            entries = session.entries
            count = len(entries)
            sizes = list(map(len, map(_SETS, entries)))
            ids = range(entry_id, entry_id + count)
            entry_ids.extend(ids)
            entry_sessions.extend(repeat(session_id, count))
            entry_exercises.extend(map(exercise_id, map(_EXERCISE, entries)))
            entry_positions.extend(range(count))
            entry_notes.extend(map(_NOTE, entries))
            entry_supersets.extend(map(_SUPERSET, entries))
            set_records.extend(chain.from_iterable(map(_SETS, entries)))
            set_entries.extend(chain.from_iterable(map(repeat, ids, sizes)))
            set_positions.extend(chain.from_iterable(map(range, sizes)))
            sets_added += sum(sizes)
            entry_id += count
            added.append(session_id)
            session_id += 1
            if len(set_records) >= _CHUNK:
                flush()
                progress(done)
        flush()
    return BulkResult(
        len(added),
        sets_added,
        duplicates,
        tuple(added),
        Change(sessions=frozenset(added), exercises=new_exercises, everything=True),
        tuple(written),
    )
