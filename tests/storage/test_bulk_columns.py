# SPDX-License-Identifier: MIT
"""insert_sessions leaves out of its INSERTs the columns whose every value is the table's default: DEFAULTS must be
what the schema fills in, and what is read back must be exactly what was given, whether a chunk's sets fill a
column, leave it empty, or mix both; one SetRecord given in many places is written as a row in each."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from journal.domain.effort import EffortScale
from journal.domain.records import Entry, Exercise, Session, SetRecord, SetType
from journal.storage.bulk import DEFAULTS, insert_sessions
from journal.storage.models import db
from journal.storage.repository import get_session

START = datetime(2024, 5, 6, 18, 0)
# Each set column a set may leave empty, with a value to give it.
FILLED = {"note": "paused", "duration_s": 45.5, "distance_m": 1609.344, "failure_reps": 9}


def named(name: str) -> Exercise:
    return Exercise(id=None, name=name)


def table_info(table: str) -> dict[str, tuple[object, ...]]:
    return {row[1]: row for row in db.execute_sql(f'PRAGMA table_info("{table}")')}


def stored_sets(session: Session) -> list[list[SetRecord]]:
    return [[record.replace(id=None) for record in entry.sets] for entry in session.entries]


def given_sets(session: Session) -> list[list[SetRecord]]:
    return [list(entry.sets) for entry in session.entries]


def session_fields(session: Session) -> tuple[object, ...]:
    return (
        session.start,
        session.end,
        session.title,
        session.notes,
        session.bodyweight_kg,
        session.source,
        session.source_key,
        tuple(entry.note for entry in session.entries),
    )


def assert_read_back_as_given(sessions: list[Session], ids: tuple[int, ...]) -> None:
    assert len(ids) == len(sessions)
    for session, session_id in zip(sessions, ids, strict=True):
        stored = get_session(session_id)
        assert session_fields(stored) == session_fields(session)
        assert stored_sets(stored) == given_sets(session)


# ---- 10. DEFAULTS are the schema's defaults --------------------------------------------------------------------


def test_defaults_agree_with_the_schema(journal: Path) -> None:
    assert set(DEFAULTS) == {"session", "entry", "set"}
    for table, defaults in DEFAULTS.items():
        info = table_info(table)
        for name, default in defaults.items():
            assert name in info, f"{table}.{name} is no column"
            _, _, _, notnull, dflt_value, primary_key = info[name]
            assert not primary_key
            if default is None:
                assert (notnull, dflt_value) == (0, None), f"{table}.{name} is not nullable without a default"
            else:
                assert isinstance(default, str)
                assert dflt_value is not None, f"{table}.{name} has no DEFAULT"
                assert db.execute_sql(f"SELECT {dflt_value}").fetchone()[0] == default, f"{table}.{name}"
                assert dflt_value == "'" + default.replace("'", "''") + "'"


def test_a_row_that_leaves_out_the_defaulted_columns_reads_back_the_defaults(journal: Path) -> None:
    exercise_id = db.execute_sql("SELECT min(id) FROM exercise").fetchone()[0]
    with db.atomic():
        db.execute_sql("INSERT INTO session (id, start, source) VALUES (9001, '2024-01-01 10:00:00', 'strong')")
        db.execute_sql(
            "INSERT INTO entry (id, session_id, exercise_id, position) VALUES (9001, 9001, ?, 0)", (exercise_id,)
        )
        db.execute_sql('INSERT INTO "set" (id, entry_id, position) VALUES (9001, 9001, 0)')
    for table, defaults in DEFAULTS.items():
        names = ", ".join(f'"{name}"' for name in defaults)
        row = db.execute_sql(f'SELECT {names} FROM "{table}" WHERE id = 9001').fetchone()
        assert dict(zip(defaults, row, strict=True)) == defaults, table


# ---- 11. round trips -------------------------------------------------------------------------------------------


def mixed_sessions() -> list[Session]:
    """Sessions of one chunk whose sets fill some of the columns a set may leave empty, in either order (the first
    set filling a column, or an empty one first), and whose sessions and entries fill their optional columns or
    not."""
    plain = SetRecord(load_kg=100.0, reps=5)
    rated = SetRecord(load_kg=102.5, reps=5, rir=2.0, effort_scale=EffortScale.RPE)
    first = Session(
        start=START,
        end=START + timedelta(minutes=71),
        title="Push",
        notes="good day",
        bodyweight_kg=82.4,
        source="strong",
        source_key="mixed-1",
        entries=(
            Entry(
                exercise=named("Bench Press (Barbell)"),
                note="elbows in",
                sets=(
                    plain,  # the first set leaves every column empty
                    SetRecord(set_type=SetType.WARMUP, load_kg=60.0, reps=8, note=FILLED["note"]),
                    rated,
                    SetRecord(
                        set_type=SetType.FAILURE,
                        load_kg=90.0,
                        reps=7,
                        rir=0.0,
                        effort_scale=EffortScale.RIR,
                        failure_reps=FILLED["failure_reps"],
                    ),
                    SetRecord(set_type=SetType.DROP, load_kg=70.0, reps=10),
                ),
            ),
            Entry(
                exercise=named("Running"),
                sets=(
                    SetRecord(duration_s=FILLED["duration_s"], distance_m=FILLED["distance_m"]),  # filled first
                    SetRecord(duration_s=600.0),
                    SetRecord(),
                    SetRecord(distance_m=400.0, note="strides"),
                ),
            ),
        ),
    )
    second = Session(
        start=START + timedelta(days=1),
        source="strong",
        source_key="mixed-2",
        entries=(
            Entry(exercise=named("Plank"), sets=(SetRecord(duration_s=60.0), SetRecord(reps=None))),
            Entry(
                exercise=named("Deadlift (Barbell)"),
                note="",
                sets=(
                    SetRecord(set_type=SetType.BACKOFF, load_kg=140.0, reps=8, rir=3.0, effort_scale=EffortScale.RIR),
                ),
            ),
        ),
    )
    third = Session(
        start=START + timedelta(days=2),
        title="Empty",
        notes="no sets",
        bodyweight_kg=80.0,
        source="strong",
        source_key="mixed-3",
    )
    return [first, second, third]


def test_a_chunk_mixing_filled_and_empty_columns_reads_back_as_given(journal: Path) -> None:
    sessions = mixed_sessions()
    result = insert_sessions(sessions)
    assert (result.sessions, result.sets) == (3, 12)
    assert_read_back_as_given(sessions, result.session_ids)
    # and what the columns hold is what a hand-entered set's would: NULL where unset, '' for no note
    rows = list(
        db.execute_sql(
            "SELECT set_type, load_kg, reps, rir, effort_scale, failure_reps, duration_s, "
            'distance_m, note FROM "set" ORDER BY id'
        )
    )
    assert rows[0] == ("working", 100.0, 5, None, None, None, None, None, "")
    assert rows[1] == ("warmup", 60.0, 8, None, None, None, None, None, "paused")
    assert rows[3] == ("failure", 90.0, 7, 0.0, "rir", 9, None, None, "")


def test_an_import_whose_sets_leave_every_optional_column_empty_reads_back_as_given(journal: Path) -> None:
    bare = [
        Session(
            start=START + timedelta(days=day),
            source="strong",
            source_key=f"bare-{day}",
            entries=(
                Entry(
                    exercise=named("Back Squat"),
                    sets=(SetRecord(load_kg=140.0, reps=5), SetRecord(load_kg=145.0, reps=3), SetRecord(reps=10)),
                ),
                Entry(exercise=named("Chin Up"), sets=(SetRecord(reps=8),)),
            ),
        )
        for day in range(3)
    ]
    result = insert_sessions(bare)
    assert (result.sessions, result.sets) == (3, 12)
    assert_read_back_as_given(bare, result.session_ids)
    for session_id in result.session_ids:
        stored = get_session(session_id)
        assert (stored.end, stored.title, stored.notes, stored.bodyweight_kg) == (None, "", "", None)
        assert all(entry.note == "" for entry in stored.entries)
        assert all(
            record.set_type is SetType.WORKING
            and record.note == ""
            and record.rir is None
            and record.effort_scale is None
            and record.failure_reps is None
            and record.duration_s is None
            and record.distance_m is None
            for entry in stored.entries
            for record in entry.sets
        )
    # a later import that fills the columns still writes them
    sessions = mixed_sessions()
    again = insert_sessions(sessions)
    assert_read_back_as_given(sessions, again.session_ids)
    assert_read_back_as_given(bare, result.session_ids)


@pytest.mark.parametrize("column", list(FILLED))
def test_a_column_filled_only_by_the_last_set_of_a_chunk_is_written(column: str, journal: Path) -> None:
    records = [SetRecord(load_kg=50.0, reps=10)] * 20 + [SetRecord(load_kg=50.0, reps=10, **{column: FILLED[column]})]
    session = Session(
        start=START,
        source="strong",
        source_key=column,
        entries=(Entry(exercise=named("Bench Press"), sets=tuple(records)),),
    )
    (session_id,) = insert_sessions([session]).session_ids
    assert stored_sets(get_session(session_id)) == [records]


def test_an_effort_scale_without_rir_is_not_stored(journal: Path) -> None:
    session = Session(
        start=START,
        source="strong",
        source_key="scale",
        entries=(
            Entry(
                exercise=named("Bench Press"),
                sets=(
                    SetRecord(load_kg=50.0, reps=10, effort_scale=EffortScale.RPE),
                    SetRecord(load_kg=50.0, reps=10, rir=1.5, effort_scale=EffortScale.RPE),
                ),
            ),
        ),
    )
    (session_id,) = insert_sessions([session]).session_ids
    assert stored_sets(get_session(session_id)) == [
        [SetRecord(load_kg=50.0, reps=10), SetRecord(load_kg=50.0, reps=10, rir=1.5, effort_scale=EffortScale.RPE)]
    ]


def test_chunks_that_differ_in_which_columns_they_fill_read_back_as_given(journal: Path) -> None:
    # 60 sessions of 100 sets: more than one chunk; the sessions alternate between bare sets and filled ones
    sessions = []
    for index in range(60):
        if index % 2:
            sets = tuple(SetRecord(load_kg=float(index), reps=position % 12 + 1) for position in range(100))
        else:
            sets = tuple(
                SetRecord(
                    set_type=SetType.WARMUP if position == 0 else SetType.WORKING,
                    load_kg=float(index),
                    reps=5,
                    rir=1.0,
                    effort_scale=EffortScale.RIR,
                    note=f"set {position}",
                    duration_s=float(position) or None,
                )
                for position in range(100)
            )
        sessions.append(
            Session(
                start=START + timedelta(days=index),
                source="strong",
                source_key=f"c{index}",
                entries=(Entry(exercise=named("Back Squat"), sets=sets),),
            )
        )
    done: list[int] = []
    result = insert_sessions(sessions, progress=done.append)
    assert done, "more than one chunk was written"
    assert result.sets == 6000
    assert_read_back_as_given(sessions, result.session_ids)


# ---- 12. one SetRecord in many places --------------------------------------------------------------------------


def test_one_record_given_in_many_places_is_a_row_in_each(journal: Path) -> None:
    shared = SetRecord(load_kg=100.0, reps=5, rir=2.0, effort_scale=EffortScale.RPE)
    other = SetRecord(set_type=SetType.WARMUP, load_kg=60.0, reps=8, note="easy")
    alike = SetRecord(load_kg=100.0, reps=5, rir=2.0, effort_scale=EffortScale.RPE)  # equal to shared, not it
    layouts = [
        (("Bench Press", (shared, shared, other, shared)), ("Incline Bench Press", (other, shared))),
        (("Bench Press", (alike, shared, shared)),),
        (("Overhead Press", (shared,)), ("Bench Press", (other, other, shared, alike, shared))),
    ]
    sessions = [
        Session(
            start=START + timedelta(days=day),
            source="strong",
            source_key=f"shared-{day}",
            entries=tuple(Entry(exercise=named(name), sets=records) for name, records in layout),
        )
        for day, layout in enumerate(layouts)
    ]
    result = insert_sessions(sessions)
    assert result.sets == 6 + 3 + 6
    assert_read_back_as_given(sessions, result.session_ids)
    rows = list(
        db.execute_sql(
            "SELECT e.session_id, e.position, s.position, s.load_kg, s.set_type, s.note "
            'FROM "set" s JOIN entry e ON e.id = s.entry_id ORDER BY s.id'
        )
    )
    expected = [
        (session_id, entry_position, set_position, record.load_kg, record.set_type.value, record.note)
        for session_id, layout in zip(result.session_ids, layouts, strict=True)
        for entry_position, (_, records) in enumerate(layout)
        for set_position, record in enumerate(records)
    ]
    assert rows == expected
    assert len({row_id for (row_id,) in db.execute_sql('SELECT id FROM "set"')}) == 15


def test_one_record_across_chunks_is_a_row_in_each_place(journal: Path) -> None:
    shared = SetRecord(load_kg=120.0, reps=3, note="heavy")
    sessions = [
        Session(
            start=START + timedelta(days=day),
            source="strong",
            source_key=f"many-{day}",
            entries=(
                Entry(exercise=named("Back Squat"), sets=(shared,) * 70),
                Entry(exercise=named("Deadlift"), sets=(SetRecord(load_kg=float(day + 1), reps=1), shared)),
            ),
        )
        for day in range(80)
    ]  # 5760 sets: more than one chunk
    done: list[int] = []
    result = insert_sessions(sessions, progress=done.append)
    assert done and result.sets == 80 * 72
    counts = list(
        db.execute_sql(
            'SELECT entry_id, count(*), min(position), max(position) FROM "set" GROUP BY entry_id ORDER BY entry_id'
        )
    )
    assert [(n, low, high) for _, n, low, high in counts] == [(70, 0, 69), (2, 0, 1)] * 80
    assert (
        db.execute_sql("SELECT count(*) FROM \"set\" WHERE load_kg = 120.0 AND reps = 3 AND note = 'heavy'").fetchone()[
            0
        ]
        == 80 * 71
    )
    for session, session_id in list(zip(sessions, result.session_ids, strict=True))[::13]:
        assert stored_sets(get_session(session_id)) == given_sets(session)


def fresh_sessions(count: int) -> Iterator[Session]:
    """Sessions made one at a time, each with records of its own that nothing else holds."""
    for day in range(count):
        yield Session(
            start=START + timedelta(days=day),
            source="strong",
            source_key=f"fresh-{day}",
            entries=(
                Entry(
                    exercise=named("Back Squat"),
                    sets=tuple(
                        SetRecord(load_kg=float(day * 10 + position), reps=position + 1) for position in range(5)
                    ),
                ),
            ),
        )


def test_records_made_while_inserting_each_keep_their_values(journal: Path) -> None:
    result = insert_sessions(fresh_sessions(200))
    assert result.sets == 1000
    assert_read_back_as_given(list(fresh_sessions(200)), result.session_ids)


# ---- 12. many rows a statement ---------------------------------------------------------------------------------


@pytest.mark.parametrize("variables", [None, 40], ids=["default limit", "40 variables a statement"])
def test_rows_written_many_a_statement_read_back_in_order(variables: int | None, journal: Path) -> None:
    """Sets go in many to an INSERT: a chunk of sets that is no whole number of statements, and SQLite's limit of
    bound values lowered below a full statement, still give every row, in order, with its own values."""
    if variables is not None:
        db.connection().setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, variables)
    sessions = [
        Session(
            start=START + timedelta(days=day),
            source="strong",
            source_key=f"many-{day}",
            entries=tuple(
                Entry(
                    exercise=named(name),
                    sets=tuple(
                        SetRecord(load_kg=20.0 + day + index / 4, reps=1 + index % 12, note="x" * (index % 3 == 0))
                        for index in range(37)
                    ),
                )
                for name in ("Back Squat", "Chin Up", "Bench Press")
            ),
        )
        for day in range(5)
    ]
    result = insert_sessions(sessions)
    assert (result.sessions, result.sets) == (5, 5 * 3 * 37)
    assert_read_back_as_given(sessions, result.session_ids)
