# SPDX-License-Identifier: MIT
"""Schema migrations: a version-1 file is backed up, then migrated with its data intact; the schema matches the
models."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from peewee import SqliteDatabase

from journal.storage.database import close_database, open_database
from journal.storage.migrations import SCHEMA_VERSION, STEPS, migrate, schema_version
from journal.storage.models import ALL_MODELS, db
from journal.storage.repository import get_session

V1_SET_COLUMNS = ["id", "entry_id", "position", "set_type", "load_kg", "reps", "rir", "effort_scale", "note"]
NEW_SET_COLUMNS = ["failure_reps", "duration_s", "distance_m"]


def make_v1_file(path: Path) -> None:
    """A journal as version 1 of the program wrote it, with one session, one exercise entry and one set."""
    old = SqliteDatabase(str(path))
    old.connect()
    STEPS[0](old)
    old.execute_sql("PRAGMA user_version = 1")
    old.execute_sql(
        'INSERT INTO exercise (id, name, "primary", equipment, bodyweight, measure, builtin) '
        "VALUES (1, 'Old Press', 'chest', 'barbell', 0, 'reps', 0)"
    )
    old.execute_sql("INSERT INTO alias (id, \"key\", alias, exercise_id) VALUES (1, 'old press', 'Old Press', 1)")
    old.execute_sql(
        'INSERT INTO session (id, start, "end", title, bodyweight_kg, notes, source, source_key) '
        "VALUES (7, '2023-03-04 17:30:00', '2023-03-04 18:45:00', 'Push day', 81.5, 'good', "
        "'strong', 'k1')"
    )
    old.execute_sql("INSERT INTO entry (id, session_id, exercise_id, position, note) VALUES (11, 7, 1, 0, 'wide')")
    old.execute_sql(
        'INSERT INTO "set" (id, entry_id, position, set_type, load_kg, reps, rir, effort_scale, note) '
        "VALUES (21, 11, 0, 'working', 102.5, 5, 1.5, 'rpe', 'ok')"
    )
    old.close()


def columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


def test_v1_file_is_version_one(db_path: Path) -> None:
    make_v1_file(db_path)
    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
    assert columns(raw, "set") == V1_SET_COLUMNS
    raw.close()


def test_v1_file_is_migrated_with_data_intact(db_path: Path) -> None:
    make_v1_file(db_path)
    open_database(db_path)
    try:
        assert schema_version(db) == SCHEMA_VERSION
        assert db.execute_sql(
            'SELECT id, start, "end", title, bodyweight_kg, notes, source, source_key FROM session'
        ).fetchall() == [(7, "2023-03-04 17:30:00", "2023-03-04 18:45:00", "Push day", 81.5, "good", "strong", "k1")]
        assert db.execute_sql("SELECT id, session_id, exercise_id, position, note FROM entry").fetchall() == [
            (11, 7, 1, 0, "wide")
        ]
        row = db.execute_sql(
            "SELECT id, entry_id, position, set_type, load_kg, reps, rir, effort_scale, note, "
            'failure_reps, duration_s, distance_m FROM "set"'
        ).fetchall()
        assert row == [(21, 11, 0, "working", 102.5, 5, 1.5, "rpe", "ok", None, None, None)]
        # the migrated file reads through the repository like any other
        session = get_session(7)
        assert session.title == "Push day"
        assert session.entries[0].exercise.name == "Old Press"
        record = session.entries[0].sets[0]
        assert (record.load_kg, record.reps, record.rir, record.failure_reps, record.duration_s, record.distance_m) == (
            102.5,
            5,
            1.5,
            None,
            None,
            None,
        )
        # and the catalogue was loaded into it
        assert db.execute_sql("SELECT count(*) FROM exercise").fetchone()[0] > 100
    finally:
        close_database()


def test_backup_before_migration_is_a_readable_v1_file(db_path: Path) -> None:
    make_v1_file(db_path)
    open_database(db_path)
    close_database()
    backups = list((db_path.parent / "backups").iterdir())
    assert len(backups) == 1
    backup = backups[0]
    assert backup.suffix == ".sqlite"
    assert backup.stat().st_mode & 0o077 == 0
    raw = sqlite3.connect(backup)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
        assert columns(raw, "set") == V1_SET_COLUMNS
        assert raw.execute(
            'SELECT id, entry_id, position, set_type, load_kg, reps, rir, effort_scale, note FROM "set"'
        ).fetchall() == [(21, 11, 0, "working", 102.5, 5, 1.5, "rpe", "ok")]
        assert raw.execute("SELECT id, title FROM session").fetchall() == [(7, "Push day")]
        # the backup holds the file as it was: no catalogue rows were added to it
        assert raw.execute("SELECT count(*) FROM exercise").fetchone()[0] == 1
    finally:
        raw.close()


def test_reopening_a_migrated_file_takes_no_new_backup(db_path: Path) -> None:
    make_v1_file(db_path)
    open_database(db_path)
    close_database()
    open_database(db_path)
    close_database()
    assert len(list((db_path.parent / "backups").iterdir())) == 1


def test_new_file_takes_no_backup(db_path: Path) -> None:
    open_database(db_path)
    close_database()
    assert not (db_path.parent / "backups").exists()


def test_migrate_returns_the_backup_and_is_idempotent(db_path: Path) -> None:
    make_v1_file(db_path)
    database = SqliteDatabase(str(db_path))
    database.connect()
    try:
        backup = migrate(database, db_path)
        assert backup is not None and backup.exists()
        assert schema_version(database) == SCHEMA_VERSION
        assert migrate(database, db_path) is None
        assert schema_version(database) == SCHEMA_VERSION
    finally:
        database.close()


def test_schema_version_is_the_number_of_steps() -> None:
    assert SCHEMA_VERSION == len(STEPS) >= 2


def _model_columns() -> dict[str, set[str]]:
    return {model._meta.table_name: {field.column_name for field in model._meta.sorted_fields} for model in ALL_MODELS}


def _file_columns(path: Path) -> dict[str, set[str]]:
    raw = sqlite3.connect(path)
    try:
        return {table: set(columns(raw, table)) for table in _model_columns()}
    finally:
        raw.close()


def test_migrated_schema_matches_the_models(db_path: Path) -> None:
    make_v1_file(db_path)
    open_database(db_path)
    close_database()
    assert _file_columns(db_path) == _model_columns()
    raw = sqlite3.connect(db_path)
    assert set(NEW_SET_COLUMNS) <= set(columns(raw, "set"))
    raw.close()


def test_new_schema_matches_the_models(db_path: Path) -> None:
    open_database(db_path)
    close_database()
    assert _file_columns(db_path) == _model_columns()


def test_schema_nullability_matches_the_models(db_path: Path) -> None:
    open_database(db_path)
    close_database()
    raw = sqlite3.connect(db_path)
    try:
        for model in ALL_MODELS:
            info = {row[1]: bool(row[3]) for row in raw.execute(f'PRAGMA table_info("{model._meta.table_name}")')}
            for field in model._meta.sorted_fields:
                if field.primary_key:
                    continue
                assert info[field.column_name] == (not field.null), f"{model._meta.table_name}.{field.column_name}"
    finally:
        raw.close()


def test_schema_foreign_keys_cascade(db_path: Path) -> None:
    open_database(db_path)
    close_database()
    raw = sqlite3.connect(db_path)
    try:

        def keys(table: str) -> dict[str, tuple[str, str]]:
            return {row[3]: (row[2], row[6]) for row in raw.execute(f'PRAGMA foreign_key_list("{table}")')}

        assert keys("entry") == {"session_id": ("session", "CASCADE"), "exercise_id": ("exercise", "RESTRICT")}
        assert keys("set") == {"entry_id": ("entry", "CASCADE")}
        assert keys("alias") == {"exercise_id": ("exercise", "CASCADE")}
    finally:
        raw.close()


def make_v3_file(path: Path) -> None:
    """A journal as version 3 wrote it: a session started from a routine, its planned sets stored as sets."""
    old = SqliteDatabase(str(path))
    old.connect()
    for step in STEPS[:3]:
        step(old)
    old.execute_sql("PRAGMA user_version = 3")
    old.execute_sql(
        'INSERT INTO exercise (id, name, "primary", equipment, bodyweight, measure, builtin) '
        "VALUES (1, 'Old Press', 'chest', 'barbell', 0, 'reps', 0)"
    )
    old.execute_sql("INSERT INTO routine (id, name, notes, position) VALUES (3, 'Push', '', 0)")
    old.execute_sql(
        "INSERT INTO session (id, start, title, notes, source, routine_id) "
        "VALUES (7, '2026-05-06 17:30:00', 'Push', '', 'manual', 3)"
    )
    old.execute_sql("INSERT INTO entry (id, session_id, exercise_id, position, note) VALUES (11, 7, 1, 0, '')")
    old.execute_sql(
        'INSERT INTO "set" (id, entry_id, position, set_type, load_kg, reps, rir, effort_scale, note) '
        "VALUES (21, 11, 0, 'working', 90.0, 6, 2, 'rir', '')"
    )
    old.close()


def test_v3_file_gets_a_table_of_planned_sets_with_its_sets_intact(db_path: Path) -> None:
    make_v3_file(db_path)
    raw = sqlite3.connect(db_path)
    assert "planned_set" not in {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
    raw.close()
    open_database(db_path)
    try:
        assert schema_version(db) == SCHEMA_VERSION >= 4
        session = get_session(7)
        assert session.routine_id == 3 and session.entries[0].plans == ()
        assert [(s.id, s.load_kg, s.reps, s.rir) for s in session.entries[0].sets] == [(21, 90.0, 6, 2.0)]
        assert db.execute_sql("SELECT count(*) FROM planned_set").fetchone()[0] == 0
        index = db.execute_sql("SELECT name FROM sqlite_master WHERE tbl_name = 'planned_set' AND type = 'index'")
        assert [row[0] for row in index] == ["planned_set_entry_id_position"]
    finally:
        close_database()
    backups = list((db_path.parent / "backups").iterdir())
    assert len(backups) == 1 and "v3" in backups[0].name
    raw = sqlite3.connect(db_path)
    try:
        keys = {row[3]: (row[2], row[6]) for row in raw.execute('PRAGMA foreign_key_list("planned_set")')}
        assert keys == {"entry_id": ("entry", "CASCADE")}
    finally:
        raw.close()


def test_a_step_script_splits_on_whole_statements_only() -> None:
    import pytest

    from journal.storage.migrations import statements

    script = """
        CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT DEFAULT 'a; b');
        CREATE TRIGGER note_trim AFTER INSERT ON note BEGIN
            UPDATE note SET text = trim(text) WHERE id = new.id;
            UPDATE note SET text = text || ';' WHERE id = new.id;
        END;
        INSERT INTO note (text) VALUES ('  x; y  ');
    """
    found = list(statements(script))
    assert len(found) == 3
    assert found[1].startswith("CREATE TRIGGER") and found[1].endswith("END;")
    connection = sqlite3.connect(":memory:")
    for statement in found:
        connection.execute(statement)
    assert connection.execute("SELECT text FROM note").fetchone() == ("x; y;",)
    with pytest.raises(ValueError, match="unfinished"):
        list(statements("CREATE TRIGGER t AFTER INSERT ON note BEGIN SELECT 1;"))


def make_v4_file(path: Path) -> None:
    """A journal as version 4 wrote it: a Strong import with a failure set without RPE, one with RPE, a Journal
    failure/AMRAP set without a rating, and a Strong working set without a rating."""
    old = SqliteDatabase(str(path))
    old.connect()
    for step in STEPS[:4]:
        step(old)
    old.execute_sql("PRAGMA user_version = 4")
    old.execute_sql(
        'INSERT INTO exercise (id, name, "primary", equipment, bodyweight, measure, builtin) '
        "VALUES (1, 'Old Press', 'chest', 'barbell', 0, 'reps', 0)"
    )
    old.execute_sql(
        "INSERT INTO session (id, start, title, notes, source, source_key) "
        "VALUES (7, '2024-05-06 17:30:00', 'Push', '', 'strong', 'k7')"
    )
    old.execute_sql(
        "INSERT INTO session (id, start, title, notes, source) VALUES (8, '2024-05-08 17:30:00', 'Push', '', 'manual')"
    )
    old.execute_sql("INSERT INTO entry (id, session_id, exercise_id, position, note) VALUES (11, 7, 1, 0, '')")
    old.execute_sql("INSERT INTO entry (id, session_id, exercise_id, position, note) VALUES (12, 8, 1, 0, '')")
    for values in (
        "(21, 11, 0, 'working', 90.0, 8, NULL, NULL)",
        "(22, 11, 1, 'failure', 90.0, 7, NULL, NULL)",
        "(23, 11, 2, 'failure', 80.0, 9, 1.0, 'rpe')",
        "(24, 12, 0, 'failure', 90.0, 8, NULL, NULL)",
    ):
        old.execute_sql(
            'INSERT INTO "set" (id, entry_id, position, set_type, load_kg, reps, rir, effort_scale, '
            f"note) VALUES {values[:-1]}, '')"
        )
    old.close()


def test_v4_file_gets_rir_origin_and_imported_failure_sets_read_as_rir_0(db_path: Path) -> None:
    make_v4_file(db_path)
    open_database(db_path)
    try:
        assert schema_version(db) == SCHEMA_VERSION >= 5
        rows = db.execute_sql('SELECT id, rir, effort_scale, rir_origin FROM "set" ORDER BY id').fetchall()
        assert rows == [
            (21, None, None, None),  # a working set without a rating stays unrated
            (22, 0.0, "rir", "set_type"),  # Strong's F without RPE: failure, RIR 0 from the set type
            (23, 1.0, "rpe", None),  # a rated failure set keeps its rating
            (24, None, None, None),  # Journal's own Failure/AMRAP type without a rating stays unrated
        ]
        imported = get_session(7).entries[0].sets
        assert [(s.rir, s.rir_origin.value if s.rir_origin else None) for s in imported] == [
            (None, None),
            (0.0, "set_type"),
            (1.0, None),
        ]
    finally:
        close_database()
    backups = list((db_path.parent / "backups").iterdir())
    assert len(backups) == 1 and "v4" in backups[0].name


def test_a_v5_routine_is_planned_without_a_warm_up_ramp_or_a_superset(db_path: Path) -> None:
    old = SqliteDatabase(str(db_path))
    old.connect()
    for step in STEPS[:5]:
        step(old)
    old.execute_sql("PRAGMA user_version = 5")
    old.execute_sql(
        'INSERT INTO exercise (id, name, "primary", equipment, bodyweight, measure, builtin) '
        "VALUES (1, 'Old Press', 'chest', 'barbell', 0, 'reps', 0)"
    )
    old.execute_sql("INSERT INTO routine (id, name, notes, position) VALUES (3, 'Push', '', 0)")
    old.execute_sql("INSERT INTO routine_item (id, routine_id, exercise_id, position) VALUES (4, 3, 1, 0)")
    old.close()
    open_database(db_path)
    try:
        from journal.storage.routines import get_routine

        assert schema_version(db) == SCHEMA_VERSION
        (item,) = get_routine(3).items
        assert (item.id, item.sets, item.warmup, item.superset) == (4, 3, False, None)
    finally:
        close_database()


def test_v5_file_gets_an_empty_bodyweight_log_beside_its_sessions_bodyweights(db_path: Path) -> None:
    old = SqliteDatabase(str(db_path))
    old.connect()
    for step in STEPS[:5]:
        step(old)
    old.execute_sql("PRAGMA user_version = 5")
    old.execute_sql(
        "INSERT INTO session (id, start, title, bodyweight_kg, notes, source) "
        "VALUES (3, '2024-05-06 17:30:00', 'Legs', 81.5, '', 'manual')"
    )
    old.close()
    from journal.storage.bodyweight import add_weighing, weighings

    open_database(db_path)
    try:
        assert schema_version(db) == SCHEMA_VERSION >= 6
        assert [(w.day.isoformat(), w.kg, w.session) for w in weighings()] == [("2024-05-06", 81.5, 3)]
        add_weighing(date(2024, 5, 7), 81.0)
        add_weighing(date(2024, 5, 7), 80.5)  # the same day again: the new weight in its place
        assert [(w.day.day, w.kg) for w in weighings()] == [(6, 81.5), (7, 80.5)]
    finally:
        close_database()


def test_unused_assisted_exercises_become_bodyweight_ones_and_used_ones_stay(db_path: Path) -> None:
    """Assistance is a negative load on a bodyweight exercise: the catalogue's assisted exercises become bodyweight
    ones, unless the lifter has logged or planned them already (their loads keep the meaning they were logged with)."""
    step = next(
        i for i, s in enumerate(STEPS) if s.__closure__ and "Assisted Dip" in str(s.__closure__[0].cell_contents)
    )
    old = SqliteDatabase(str(db_path))
    old.connect()
    for earlier in STEPS[:step]:
        earlier(old)
    old.execute_sql(f"PRAGMA user_version = {step}")
    for id_, name, builtin in (
        (1, "Assisted Dip", 1),
        (2, "Assisted Pull-up", 1),
        (3, "Assisted Chin-up", 1),
        (4, "Band-Assisted Pull-up", 0),
    ):
        old.execute_sql(
            "INSERT INTO exercise (id, name, equipment, bodyweight, measure, builtin) VALUES (?, ?, 'machine', 0, "
            "'reps', ?)",
            (id_, name, builtin),
        )
    old.execute_sql(
        "INSERT INTO session (id, start, title, source) VALUES (7, '2023-03-04 17:30:00', 'Pull', 'manual')"
    )
    old.execute_sql("INSERT INTO entry (id, session_id, exercise_id, position, note) VALUES (11, 7, 2, 0, '')")
    old.execute_sql("INSERT INTO routine (id, name, notes, position) VALUES (1, 'Pull', '', 0)")
    old.execute_sql(
        "INSERT INTO routine_item (id, routine_id, exercise_id, position, sets, reps_low, reps_high) "
        "VALUES (1, 1, 3, 0, 3, 8, 12)"
    )
    old.close()
    open_database(db_path, catalogue=False)
    try:
        assert schema_version(db) == SCHEMA_VERSION
        rows = db.execute_sql("SELECT name, bodyweight FROM exercise ORDER BY id").fetchall()
        assert rows == [
            ("Assisted Dip", 1),  # never used: a bodyweight exercise now
            ("Assisted Pull-up", 0),  # logged already: as it was
            ("Assisted Chin-up", 0),  # in a routine: as it was
            ("Band-Assisted Pull-up", 0),  # the lifter's own: never touched
        ]
    finally:
        close_database()


def test_an_older_file_gets_the_whole_review_read_then_keeps_it_and_marks_each_write(db_path: Path) -> None:
    from journal.review.data import keep_read, read_all, read_kept
    from journal.settings import Preferences
    from journal.storage import review_kept
    from journal.storage.repository import update_set

    make_v1_file(db_path)
    open_database(db_path)
    try:
        assert review_kept.state() == review_kept.State(None, 0)  # nothing kept: no session marked either
        prefs = Preferences()
        snapshot, generation = read_kept(prefs)
        assert generation is not None and keep_read(snapshot, prefs, generation)
        assert list(snapshot.points.set_id) == [21] and review_kept.changed() == []
        update_set(21, get_session(7).entries[0].sets[0].replace(load_kg=100.0))
        assert review_kept.changed() == [7]
        snapshot, generation = read_kept(prefs)
        assert generation is not None and snapshot.estimates.load.tolist() == read_all(prefs).estimates.load.tolist()
    finally:
        close_database()
