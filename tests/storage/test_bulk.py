# SPDX-License-Identifier: MIT
"""insert_sessions: one transaction, alias resolution, new exercises, duplicates by (source, source_key), rollback."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from journal.domain.effort import EffortScale
from journal.domain.records import Entry, Exercise, Session, SetRecord, SetType
from journal.storage.bulk import insert_sessions
from journal.storage.exercises import find_exercise
from journal.storage.models import db
from journal.storage.queries import list_sessions
from journal.storage.repository import add_session, get_session

TABLES = ("session", "entry", "set", "exercise", "alias", "meta")


def named(name: str) -> Exercise:
    """An exercise as an importer hands it over: a name only."""
    return Exercise(id=None, name=name)


def imported(
    key: str | None,
    start: datetime,
    *entries: tuple[str, list[SetRecord]],
    source: str = "strong",
    bodyweight: float | None = None,
) -> Session:
    return Session(
        start=start,
        title=f"Workout {key}",
        source=source,
        source_key=key,
        bodyweight_kg=bodyweight,
        entries=tuple(Entry(exercise=named(name), sets=tuple(records)) for name, records in entries),
    )


def snapshot() -> dict[str, list[tuple[object, ...]]]:
    return {table: list(db.execute_sql(f'SELECT * FROM "{table}" ORDER BY 1')) for table in TABLES}


def count(table: str) -> int:
    return int(db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0])


def test_insert_resolves_aliases_and_stores_everything(journal: Path) -> None:
    exercises_before = count("exercise")
    bench = SetRecord(load_kg=100.0, reps=5, rir=1.5, effort_scale=EffortScale.RPE, note="fast")
    sessions = [
        imported(
            "a",
            datetime(2024, 1, 1, 18, 0),
            ("Bench Press (Barbell)", [SetRecord(set_type=SetType.WARMUP, load_kg=60.0, reps=5), bench]),
            ("squat (barbell)", [SetRecord(load_kg=140.0, reps=3, rir=None, failure_reps=None)]),
        ),
        imported(
            "b",
            datetime(2024, 1, 3, 18, 30, 15),
            (
                "Lat Pulldown (Cable)",
                [SetRecord(load_kg=60.0, reps=10, rir=2.0, effort_scale=EffortScale.RIR, failure_reps=12)],
            ),
        ),
    ]
    result = insert_sessions(sessions)
    assert (result.sessions, result.sets, result.duplicates) == (2, 4, 0)
    assert len(result.session_ids) == 2
    assert result.change.everything and set(result.change.sessions) == set(result.session_ids)
    assert not result.change.exercises
    assert count("exercise") == exercises_before  # every name was known through an alias
    assert (count("session"), count("entry"), count("set")) == (2, 3, 4)

    first = get_session(result.session_ids[0])
    assert first.start == datetime(2024, 1, 1, 18, 0)
    assert first.source == "strong" and first.source_key == "a" and first.title == "Workout a"
    assert [entry.exercise.name for entry in first.entries] == ["Bench Press", "Back Squat"]
    assert first.entries[0].sets[1].replace(id=None) == bench
    assert first.entries[0].sets[0].set_type is SetType.WARMUP
    second = get_session(result.session_ids[1])
    assert second.start == datetime(2024, 1, 3, 18, 30, 15)
    assert second.entries[0].exercise.name == "Lat Pulldown"
    assert second.entries[0].sets[0].failure_reps == 12
    # positions compact, ids valid, and the session list reads them like hand-entered sessions
    assert [row.id for row in list_sessions()] == list(reversed(result.session_ids))
    assert list_sessions([result.session_ids[0]])[0].tonnage_kg == pytest.approx(500 + 420)


def test_bulk_and_manual_sessions_sort_together(journal: Path) -> None:
    manual, _ = add_session(
        Session(
            start=datetime(2024, 1, 2, 12),
            entries=(Entry(exercise=find_exercise("Deadlift"), sets=(SetRecord(load_kg=100.0, reps=1),)),),
        )
    )
    result = insert_sessions([imported("x", datetime(2024, 1, 1, 12)), imported("y", datetime(2024, 1, 3, 12))])
    assert [row.id for row in list_sessions()] == [result.session_ids[1], manual.id, result.session_ids[0]]


def test_unknown_names_become_new_exercises(journal: Path) -> None:
    exercises_before = count("exercise")
    result = insert_sessions(
        [
            imported("a", datetime(2024, 1, 1), ("Zottman Curl Deluxe", [SetRecord(load_kg=12.0, reps=10)])),
            imported("b", datetime(2024, 1, 8), ("zottman  curl DELUXE", [SetRecord(load_kg=14.0, reps=8)])),
        ]
    )
    assert result.sessions == 2
    assert result.change.exercises
    assert count("exercise") == exercises_before + 1  # the second spelling resolved to the new exercise
    created = find_exercise("Zottman Curl Deluxe")
    assert created is not None and created.name == "Zottman Curl Deluxe"
    builtin = db.execute_sql("SELECT builtin FROM exercise WHERE id = ?", (created.id,)).fetchone()[0]
    assert not builtin
    assert {get_session(sid).entries[0].exercise.id for sid in result.session_ids} == {created.id}


def test_duplicates_are_skipped_and_counted(journal: Path) -> None:
    batch = [
        imported("a", datetime(2024, 1, 1), ("Deadlift", [SetRecord(load_kg=180.0, reps=5)])),
        imported("b", datetime(2024, 1, 2), ("Deadlift", [SetRecord(load_kg=185.0, reps=5)])),
    ]
    assert insert_sessions(batch).sessions == 2
    before = snapshot()
    again = insert_sessions(batch)
    assert (again.sessions, again.sets, again.duplicates, again.session_ids) == (0, 0, 2, ())
    assert snapshot() == before


def test_duplicates_within_one_batch_and_across_sources(journal: Path) -> None:
    add_session(Session(start=datetime(2023, 12, 1), source="hevy", source_key="k"))
    result = insert_sessions(
        [
            imported("k", datetime(2024, 1, 1), ("Deadlift", [SetRecord(load_kg=180.0, reps=5)]), source="hevy"),  # dup
            imported("k", datetime(2024, 1, 1), ("Deadlift", [SetRecord(load_kg=180.0, reps=5)]), source="strong"),
            imported(
                "k", datetime(2024, 1, 1), ("Deadlift", [SetRecord(load_kg=180.0, reps=5)]), source="strong"
            ),  # dup
            imported(None, datetime(2024, 1, 5)),  # no key: matched by source, start and title
            imported(None, datetime(2024, 1, 5)),  # alike, but a second session (the journal holds none of them)
            imported(None, datetime(2024, 1, 5, 18)),  # another start: new
        ]
    )
    assert (result.sessions, result.sets, result.duplicates) == (4, 1, 2)
    assert count("session") == 5
    again = insert_sessions(
        [
            imported(None, datetime(2024, 1, 5)),
            imported(None, datetime(2024, 1, 5)),
            imported(None, datetime(2024, 1, 5)),
        ]
    )
    assert (again.sessions, again.duplicates) == (1, 2)  # the two held are matched once each


class Boom(RuntimeError):
    pass


def failing(sessions: list[Session]) -> Iterator[Session]:
    yield from sessions
    raise Boom("the file ended badly")


def test_failure_midway_leaves_the_database_unchanged(journal: Path) -> None:
    insert_sessions([imported("old", datetime(2023, 1, 1), ("Deadlift", [SetRecord(load_kg=100.0, reps=5)]))])
    before = snapshot()
    sessions = [
        imported("a", datetime(2024, 1, 1), ("Bench Press (Barbell)", [SetRecord(load_kg=100.0, reps=5)])),
        imported("b", datetime(2024, 1, 2), ("Brand New Exercise", [SetRecord(load_kg=10.0, reps=5)])),
    ]
    with pytest.raises(Boom):
        insert_sessions(failing(sessions))
    assert snapshot() == before
    assert find_exercise("Brand New Exercise") is None
    # and the journal still takes writes afterwards
    assert insert_sessions(sessions).sessions == 2


def test_failure_after_a_flushed_chunk_leaves_the_database_unchanged(journal: Path) -> None:
    before = snapshot()
    start = datetime(2020, 1, 1, 18)
    many = [
        imported(f"k{i}", start + timedelta(days=i), ("Back Squat", [SetRecord(load_kg=100.0, reps=5)] * 60))
        for i in range(100)
    ]  # 6000 sets: more than one executemany chunk
    done: list[int] = []
    with pytest.raises(Boom):
        insert_sessions(failing(many), progress=done.append)
    assert done, "a chunk was written before the failure"
    assert snapshot() == before


def test_database_error_midway_leaves_the_database_unchanged(journal: Path) -> None:
    before = snapshot()
    bad = Session(
        start=datetime(2024, 1, 3),
        source="strong",
        source_key="bad",
        entries=(Entry(exercise=Exercise(id=987654, name="ghost"), sets=(SetRecord(reps=1),)),),
    )
    with pytest.raises(sqlite3.IntegrityError):  # FOREIGN KEY constraint failed
        insert_sessions([imported("a", datetime(2024, 1, 1), ("Brand New Exercise", [SetRecord(reps=5)])), bad])
    assert snapshot() == before


def test_progress_reports_sessions_done(journal: Path) -> None:
    done: list[int] = []
    start = datetime(2020, 1, 1)
    sessions = [
        imported(f"p{i}", start + timedelta(days=i), ("Back Squat", [SetRecord(load_kg=100.0, reps=5)] * 50))
        for i in range(120)
    ]
    result = insert_sessions(sessions, progress=done.append)
    assert result.sets == 6000
    assert done == sorted(done) and done and done[-1] <= 120
    assert count("set") == 6000
