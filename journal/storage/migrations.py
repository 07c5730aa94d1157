# SPDX-License-Identifier: MIT
"""Numbered schema steps kept in PRAGMA user_version. Each step is frozen SQL, runs in one transaction, and a backup
of the file is taken before the first step that changes an existing journal. A file newer than the code is refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from peewee import SqliteDatabase

from journal.storage.backup import backup_to
from journal.storage.files import DatabaseTooNew

__all__ = ["SCHEMA_VERSION", "STEPS", "DatabaseTooNew", "migrate", "schema_version", "statements"]

_V1 = """
CREATE TABLE exercise (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL COLLATE NOCASE,
    mechanic VARCHAR(255),
    "primary" TEXT NOT NULL DEFAULT '',
    secondary TEXT NOT NULL DEFAULT '',
    equipment VARCHAR(255) NOT NULL DEFAULT 'other',
    bodyweight INTEGER NOT NULL DEFAULT 0,
    measure VARCHAR(255) NOT NULL DEFAULT 'reps',
    builtin INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX exercise_name ON exercise (name);
CREATE TABLE alias (
    id INTEGER NOT NULL PRIMARY KEY,
    "key" VARCHAR(255) NOT NULL,
    alias VARCHAR(255) NOT NULL,
    exercise_id INTEGER NOT NULL REFERENCES exercise (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX alias_key ON alias ("key");
CREATE INDEX alias_exercise_id ON alias (exercise_id);
CREATE TABLE session (
    id INTEGER NOT NULL PRIMARY KEY,
    start DATETIME NOT NULL,
    "end" DATETIME,
    title VARCHAR(255) NOT NULL DEFAULT '',
    bodyweight_kg REAL,
    notes TEXT NOT NULL DEFAULT '',
    source VARCHAR(255) NOT NULL DEFAULT 'manual',
    source_key VARCHAR(255)
);
CREATE INDEX session_start ON session (start);
CREATE UNIQUE INDEX session_source_source_key ON session (source, source_key);
CREATE TABLE entry (
    id INTEGER NOT NULL PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    exercise_id INTEGER NOT NULL REFERENCES exercise (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entry_session_id_position ON entry (session_id, position);
CREATE INDEX entry_exercise_id ON entry (exercise_id);
CREATE TABLE "set" (
    id INTEGER NOT NULL PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    set_type VARCHAR(255) NOT NULL DEFAULT 'working',
    load_kg REAL,
    reps INTEGER,
    rir REAL,
    effort_scale VARCHAR(255),
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX set_entry_id_position ON "set" (entry_id, position);
CREATE TABLE meta (
    "key" VARCHAR(255) NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
"""

_V2 = """
ALTER TABLE "set" ADD COLUMN failure_reps INTEGER;
ALTER TABLE "set" ADD COLUMN duration_s REAL;
ALTER TABLE "set" ADD COLUMN distance_m REAL;
"""


_V3 = """
CREATE TABLE routine (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE routine_item (
    id INTEGER NOT NULL PRIMARY KEY,
    routine_id INTEGER NOT NULL REFERENCES routine (id) ON DELETE CASCADE,
    exercise_id INTEGER NOT NULL REFERENCES exercise (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL,
    sets INTEGER NOT NULL DEFAULT 3,
    reps_low INTEGER NOT NULL DEFAULT 8,
    reps_high INTEGER NOT NULL DEFAULT 12,
    target_rir REAL,
    target_scale VARCHAR(255),
    load_kg REAL,
    rest_s INTEGER,
    notes TEXT NOT NULL DEFAULT '',
    calibration INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX routine_item_routine_id_position ON routine_item (routine_id, position);
ALTER TABLE session ADD COLUMN routine_id INTEGER REFERENCES routine (id) ON DELETE SET NULL;
CREATE INDEX session_routine_id ON session (routine_id);
"""

_V4 = """
CREATE TABLE planned_set (
    id INTEGER NOT NULL PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    set_type VARCHAR(255) NOT NULL DEFAULT 'working',
    load_kg REAL,
    reps INTEGER,
    reps_low INTEGER,
    rir REAL,
    effort_scale VARCHAR(255),
    duration_s REAL,
    distance_m REAL,
    last_load_kg REAL,
    last_reps INTEGER,
    last_rir REAL
);
CREATE INDEX planned_set_entry_id_position ON planned_set (entry_id, position);
"""

# A failure set without a rating from an app that marks failure (Strong F, Hevy failure) reached failure: RIR 0, with
# its origin kept so that it stays apart from a rating. Sets imported before this step get the same reading.
_V5 = """
ALTER TABLE "set" ADD COLUMN rir_origin VARCHAR(255);
UPDATE "set" SET rir = 0, effort_scale = 'rir', rir_origin = 'set_type'
    WHERE set_type = 'failure' AND rir IS NULL AND entry_id IN (
        SELECT entry.id FROM entry JOIN session ON session.id = entry.session_id
        WHERE session.source IN ('strong', 'hevy'));
"""

# The catalogue's assisted exercises, never used yet, become bodyweight ones: assistance is a negative load.
_ASSISTED = """
UPDATE exercise SET bodyweight = 1
    WHERE builtin = 1 AND bodyweight = 0
    AND name IN ('Assisted Dip', 'Assisted Pull-up', 'Assisted Chin-up', 'Band-Assisted Pull-up')
    AND NOT EXISTS (SELECT 1 FROM entry WHERE entry.exercise_id = exercise.id)
    AND NOT EXISTS (SELECT 1 FROM routine_item WHERE routine_item.exercise_id = exercise.id);
"""

_WARMUPS = """
ALTER TABLE routine_item ADD COLUMN warmup INTEGER NOT NULL DEFAULT 0;
"""

# Exercises of a session (or a routine) with the same number are done in turn: a superset, or a circuit of more.
_SUPERSETS = """
ALTER TABLE entry ADD COLUMN superset INTEGER;
ALTER TABLE routine_item ADD COLUMN superset INTEGER;
"""

# A bodyweight log of its own, beside the sessions' bodyweights: one weight a day from each source (typed in the
# window, or from an import's body tracker), so that importing the same file twice adds nothing.
_BODYWEIGHT = """
CREATE TABLE bodyweight (
    id INTEGER NOT NULL PRIMARY KEY,
    day DATE NOT NULL,
    kg REAL NOT NULL,
    source VARCHAR(255) NOT NULL DEFAULT 'manual',
    note TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX bodyweight_day_source ON bodyweight (day, source);
"""


# 10: the review's columns kept in the file, and the sessions written since (journal.storage.review_kept); every
# write marks its session in its own transaction (an entry or set added to a session or entry made since the
# generation began needs no mark: that session was marked when it, or the entry, was added)
_REVIEW_KEPT = """
CREATE TABLE review_state (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL,
    "key" TEXT,
    last_session INTEGER NOT NULL DEFAULT 0,
    last_entry INTEGER NOT NULL DEFAULT 0
);
INSERT INTO review_state (id, generation, "key") VALUES (1, 1, NULL);
CREATE TABLE review_kept (
    name TEXT NOT NULL PRIMARY KEY,
    dtype TEXT NOT NULL,
    shape TEXT NOT NULL,
    same_as TEXT,
    data BLOB
);
CREATE TABLE review_changed (session_id INTEGER NOT NULL PRIMARY KEY, generation INTEGER NOT NULL);
"""


def _mark(session: str, tables: str = "review_state r", where: str = "") -> str:
    """A trigger body's statement marking the sessions `session` names (from `tables`, where `where` holds) as
    written since the review's columns were kept, unless nothing is kept."""
    found = f"{where} AND " if where else ""
    return f"""
    INSERT INTO review_changed (session_id, generation)
        SELECT {session}, r.generation FROM {tables} WHERE {found}r.id = 1 AND r."key" IS NOT NULL
        ON CONFLICT (session_id) DO UPDATE SET generation = excluded.generation
        WHERE review_changed.generation < excluded.generation;"""


def _trigger(name: str, event: str, *marks: str, when: str = "") -> str:
    return f"CREATE TRIGGER {name} {event}{when} BEGIN{''.join(marks)}\nEND;\n"


def _set_mark(row: str) -> str:
    return _mark("e.session_id", "entry e, review_state r", f"e.id = {row}.entry_id")


_REVIEW_KEPT += "".join(
    (
        _trigger("review_session_added", "AFTER INSERT ON session", _mark("NEW.id")),
        _trigger("review_session_edited", "AFTER UPDATE ON session", _mark("OLD.id"), _mark("NEW.id")),
        _trigger("review_session_deleted", "AFTER DELETE ON session", _mark("OLD.id")),
        _trigger(
            "review_entry_added",
            "AFTER INSERT ON entry",
            _mark("NEW.session_id"),
            when="\nWHEN NEW.session_id <= (SELECT last_session FROM review_state WHERE id = 1)",
        ),
        _trigger("review_entry_edited", "AFTER UPDATE ON entry", _mark("OLD.session_id"), _mark("NEW.session_id")),
        _trigger("review_entry_deleted", "AFTER DELETE ON entry", _mark("OLD.session_id")),
        _trigger(
            "review_set_added",
            'AFTER INSERT ON "set"',
            _set_mark("NEW"),
            when="\nWHEN NEW.entry_id <= (SELECT last_entry FROM review_state WHERE id = 1)",
        ),
        _trigger("review_set_edited", 'AFTER UPDATE ON "set"', _set_mark("OLD"), _set_mark("NEW")),
        _trigger("review_set_deleted", 'AFTER DELETE ON "set"', _set_mark("OLD")),
        _trigger(
            "review_exercise_measure",
            "AFTER UPDATE OF measure, bodyweight ON exercise",
            _mark("DISTINCT e.session_id", "entry e, review_state r", "e.exercise_id = NEW.id"),
            when="\nWHEN OLD.measure IS NOT NEW.measure OR OLD.bodyweight IS NOT NEW.bodyweight",
        ),
    )
)


def statements(sql: str) -> Iterator[str]:
    """Each whole statement of a script, in order: a ';' inside a string or a trigger's body does not end one
    (sqlite3.complete_statement tells, as SQLite's own shell does)."""
    pending = ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \t\n;"):
                yield pending.strip()
            pending = ""
    if pending.strip(" \t\n;"):
        raise ValueError(f"an unfinished statement ends the script: {pending.strip()[:200]!r}")


def _script(sql: str) -> Callable[[SqliteDatabase], None]:
    def run(db: SqliteDatabase) -> None:
        for statement in statements(sql):
            db.execute_sql(statement)

    return run


# STEPS[i] takes a file from version i to version i + 1.
STEPS: tuple[Callable[[SqliteDatabase], None], ...] = (
    _script(_V1),  # 1: exercises with aliases, sessions, entries, sets
    _script(_V2),  # 2: failure reps for RIR calibration, duration and distance for timed and cardio sets
    _script(_V3),  # 3: routines (planned sessions) and the routine a session was started from
    _script(_V4),  # 4: planned sets, kept apart from the sets done so that no figure can count them
    _script(_V5),  # 5: where a RIR not typed came from (RIR 0 from a failure set type)
    _script(_ASSISTED),  # 6: the catalogue's assisted exercises, never used yet, are bodyweight ones (assistance < 0)
    _script(_WARMUPS),  # 7: a routine exercise planned with a warm-up ramp
    _script(_SUPERSETS),  # 8: exercises grouped into supersets and circuits, in sessions and routines
    _script(_BODYWEIGHT),  # 9: a bodyweight log of its own (a weight a day and source)
    _script(_REVIEW_KEPT),  # 10: the review's columns kept, and the sessions written since
)
SCHEMA_VERSION = len(STEPS)


def schema_version(db: SqliteDatabase) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(db: SqliteDatabase, path: Path | None, target: int = SCHEMA_VERSION) -> Path | None:
    """Bring the file to `target`, one atomic step at a time. Returns the backup taken first, if any."""
    current = schema_version(db)
    if current > SCHEMA_VERSION:  # open_database refuses such a file before writing to it; this guards other callers
        raise DatabaseTooNew.of(path or "the journal", current, SCHEMA_VERSION)
    backup = None
    if 0 < current < target and path is not None:
        backup = backup_to(db, path, f"before-migration-v{current}")
    for version in range(current, target):
        with db.atomic():
            STEPS[version](db)
            db.execute_sql(f"PRAGMA user_version = {version + 1}")
    return backup
