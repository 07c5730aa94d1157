# SPDX-License-Identifier: MIT
"""Routines in the file: save (new and update), list, find, delete, the last session of a routine, and the v2 -> v3
migration that adds them."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from journal.domain.effort import EffortScale
from journal.domain.records import Entry, Exercise, Session, SetRecord
from journal.domain.routines import Routine, RoutineItem
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.storage.migrations import SCHEMA_VERSION, STEPS, schema_version
from journal.storage.models import RoutineItemRow, RoutineRow, SessionRow, db
from journal.storage.repository import NotFound
from journal.storage.routines import (
    delete_routine,
    find_routine,
    get_routine,
    last_session,
    list_routines,
    save_routine,
)


def exercise(name: str) -> Exercise:
    found = exercises.find_exercise(name)
    assert found is not None, name
    return found


def push_routine() -> Routine:
    return Routine(
        name="Push A",
        notes="heavy day",
        items=(
            RoutineItem(exercise=exercise("Bench Press"), sets=3, reps_low=5, reps_high=6, target_rir=2.0, rest_s=180),
            RoutineItem(
                exercise=exercise("Overhead Press"),
                sets=3,
                reps_low=8,
                reps_high=12,
                target_rir=1.5,
                target_scale=EffortScale.RPE,
                notes="strict",
            ),
            RoutineItem(
                exercise=exercise("Dumbbell Curl"),
                sets=2,
                reps_low=10,
                reps_high=15,
                target_rir=None,
                load_kg=12.0,
                calibration=True,
            ),
        ),
    )


def without_ids(routine: Routine) -> tuple[object, ...]:
    return (
        routine.name,
        routine.notes,
        tuple(
            (
                i.exercise.id,
                i.sets,
                i.reps_low,
                i.reps_high,
                i.target_rir,
                i.target_scale,
                i.load_kg,
                i.rest_s,
                i.notes,
                i.calibration,
            )
            for i in routine.items
        ),
    )


def session_from(routine_id: int | None, start: datetime, title: str = "") -> Session:
    stored, _ = repo.add_session(
        Session(
            start=start,
            title=title,
            routine_id=routine_id,
            entries=(Entry(exercise=exercise("Bench Press"), sets=(SetRecord(load_kg=100, reps=5, rir=2),)),),
        )
    )
    return stored


# ---- save and read back -----------------------------------------------------------------------------------------


def test_save_new_routine_gives_ids_and_reads_back(journal: Path) -> None:
    routine = push_routine()
    saved, change = save_routine(routine)
    assert change.routines
    assert saved.id is not None
    assert all(i.id is not None for i in saved.items)
    assert len({i.id for i in saved.items}) == 3
    assert without_ids(saved) == without_ids(routine)
    assert list_routines() == [saved]
    assert get_routine(saved.id) == saved


def test_item_fields_round_trip(journal: Path) -> None:
    saved, _ = save_routine(push_routine())
    bench, press, curl = get_routine(saved.id).items
    assert (bench.exercise.name, bench.sets, bench.reps_low, bench.reps_high, bench.target_rir, bench.rest_s) == (
        "Bench Press",
        3,
        5,
        6,
        2.0,
        180,
    )
    assert bench.target_scale is EffortScale.RIR and bench.load_kg is None and not bench.calibration
    assert press.target_scale is EffortScale.RPE and press.target_rir == 1.5 and press.notes == "strict"
    assert curl.target_rir is None and curl.load_kg == 12.0 and curl.calibration is True and curl.rest_s is None


def test_update_keeps_ids_and_takes_the_new_order(journal: Path) -> None:
    saved, _ = save_routine(push_routine())
    bench, press, curl = saved.items
    row = exercise("Barbell Row")
    changed = Routine(
        id=saved.id,
        name="Push A (v2)",
        notes="",
        items=(curl, RoutineItem(exercise=row, sets=4, reps_low=6, reps_high=8), replace(bench, sets=5)),
    )
    updated, _ = save_routine(changed)
    assert updated.id == saved.id
    assert [i.exercise.name for i in updated.items] == ["Dumbbell Curl", "Barbell Row", "Bench Press"]
    assert updated.items[0].id == curl.id
    assert updated.items[2].id == bench.id and updated.items[2].sets == 5
    assert updated.items[1].id not in (bench.id, press.id, curl.id)
    again = get_routine(saved.id)
    assert again == updated
    assert (again.name, again.notes) == ("Push A (v2)", "")
    assert len(list_routines()) == 1
    # the dropped item is gone from the file
    assert RoutineItemRow.get_or_none(RoutineItemRow.id == press.id) is None
    assert RoutineItemRow.select().where(RoutineItemRow.routine == saved.id).count() == 3


def test_update_to_no_items(journal: Path) -> None:
    saved, _ = save_routine(push_routine())
    emptied, _ = save_routine(Routine(id=saved.id, name=saved.name))
    assert emptied.items == () and get_routine(saved.id).items == ()


def test_saving_twice_is_stable(journal: Path) -> None:
    saved, _ = save_routine(push_routine())
    again, _ = save_routine(saved)
    assert again == saved == get_routine(saved.id)


def test_list_holds_every_routine_with_its_own_items(journal: Path) -> None:
    push, _ = save_routine(push_routine())
    pull, _ = save_routine(
        Routine(
            name="Pull B",
            items=(RoutineItem(exercise=exercise("Barbell Row")), RoutineItem(exercise=exercise("Lat Pulldown"))),
        )
    )
    empty, _ = save_routine(Routine(name="Empty"))
    listed = {r.id: r for r in list_routines()}
    assert set(listed) == {push.id, pull.id, empty.id}
    assert listed[push.id] == push and listed[pull.id] == pull and listed[empty.id].items == ()
    assert [i.exercise.name for i in listed[pull.id].items] == ["Barbell Row", "Lat Pulldown"]


def test_get_unknown_routine_raises(journal: Path) -> None:
    with pytest.raises(NotFound):
        get_routine(999)


# ---- find -------------------------------------------------------------------------------------------------------


def test_find_by_name_case_insensitive_and_by_id(journal: Path) -> None:
    push, _ = save_routine(push_routine())
    pull, _ = save_routine(Routine(name="Pull B", items=(RoutineItem(exercise=exercise("Barbell Row")),)))
    assert find_routine("Push A") == push
    assert find_routine("push a") == push
    assert find_routine("PUSH A") == push
    assert find_routine("  pull b ") == pull
    assert find_routine(str(pull.id)) == pull
    assert find_routine(str(push.id)) == push
    assert find_routine("Legs") is None
    assert find_routine("999") is None


def test_find_a_routine_with_a_numeric_name(journal: Path) -> None:
    named, _ = save_routine(Routine(name="2026", items=(RoutineItem(exercise=exercise("Bench Press")),)))
    assert named.id != 2026
    assert find_routine("2026") == named
    assert find_routine(" 2026 ") == named
    assert find_routine(str(named.id)) == named


# ---- delete -----------------------------------------------------------------------------------------------------


def test_delete_removes_items_and_unlinks_sessions(journal: Path) -> None:
    push, _ = save_routine(push_routine())
    pull, _ = save_routine(Routine(name="Pull B", items=(RoutineItem(exercise=exercise("Barbell Row")),)))
    first = session_from(push.id, datetime(2026, 3, 2, 10), "from push")
    other = session_from(pull.id, datetime(2026, 3, 3, 10), "from pull")
    assert repo.get_session(first.id).routine_id == push.id
    change = delete_routine(push.id)
    assert change.routines
    assert find_routine("Push A") is None
    assert [r.id for r in list_routines()] == [pull.id]
    assert RoutineRow.get_or_none(RoutineRow.id == push.id) is None
    assert RoutineItemRow.select().where(RoutineItemRow.routine == push.id).count() == 0
    assert RoutineItemRow.select().count() == 1
    kept = repo.get_session(first.id)
    assert kept.title == "from push" and kept.routine_id is None
    assert kept.entries[0].sets[0].load_kg == 100
    assert repo.get_session(other.id).routine_id == pull.id
    assert last_session(push.id) is None


def test_delete_unknown_routine_is_harmless(journal: Path) -> None:
    push, _ = save_routine(push_routine())
    delete_routine(push.id + 100)
    assert list_routines() == [push]


# ---- last session -----------------------------------------------------------------------------------------------


def test_last_session_is_the_latest_of_the_routine_before_a_date(journal: Path) -> None:
    push, _ = save_routine(push_routine())
    pull, _ = save_routine(Routine(name="Pull B"))
    s1 = session_from(push.id, datetime(2026, 3, 2, 10), "one")
    s3 = session_from(push.id, datetime(2026, 3, 16, 10), "three")  # inserted out of order
    s2 = session_from(push.id, datetime(2026, 3, 9, 10), "two")
    session_from(pull.id, datetime(2026, 3, 20, 10), "pull")
    session_from(None, datetime(2026, 3, 21, 10), "free")
    assert last_session(push.id).id == s3.id
    assert last_session(push.id).title == "three"
    assert last_session(push.id, datetime(2026, 3, 16, 10)).id == s2.id
    assert last_session(push.id, datetime(2026, 3, 10)).id == s2.id
    assert last_session(push.id, datetime(2026, 3, 9)).id == s1.id
    assert last_session(push.id, datetime(2026, 3, 2, 10)) is None
    assert last_session(push.id, datetime(2030, 1, 1)).id == s3.id
    found = last_session(pull.id)
    assert found is not None and found.title == "pull" and found.routine_id == pull.id
    assert found.entries[0].exercise.name == "Bench Press"


def test_last_session_without_any(journal: Path) -> None:
    push, _ = save_routine(push_routine())
    session_from(None, datetime(2026, 3, 2, 10))
    assert last_session(push.id) is None
    assert last_session(12345) is None


# ---- migration from v2 ------------------------------------------------------------------------------------------


def make_v2_file(path: Path) -> None:
    old = SqliteDatabase(str(path))
    old.connect()
    STEPS[0](old)
    STEPS[1](old)
    old.execute_sql("PRAGMA user_version = 2")
    old.execute_sql(
        'INSERT INTO exercise (id, name, "primary", equipment, bodyweight, measure, builtin) '
        "VALUES (1, 'Old Press', 'chest', 'barbell', 0, 'reps', 0)"
    )
    old.execute_sql("INSERT INTO alias (id, \"key\", alias, exercise_id) VALUES (1, 'old press', 'Old Press', 1)")
    old.execute_sql(
        'INSERT INTO session (id, start, "end", title, bodyweight_kg, notes, source, source_key) '
        "VALUES (7, '2025-05-06 17:30:00', NULL, 'Old day', 80.0, 'kept', 'manual', NULL)"
    )
    old.execute_sql("INSERT INTO entry (id, session_id, exercise_id, position, note) VALUES (11, 7, 1, 0, '')")
    old.execute_sql(
        'INSERT INTO "set" (id, entry_id, position, set_type, load_kg, reps, rir, effort_scale, note, '
        "failure_reps) VALUES (21, 11, 0, 'failure', 90.0, 6, 0, 'rir', '', 7)"
    )
    old.close()


def table_columns(path: Path, table: str) -> list[str]:
    raw = sqlite3.connect(path)
    try:
        return [row[1] for row in raw.execute(f'PRAGMA table_info("{table}")')]
    finally:
        raw.close()


def test_v2_file_migrates_to_routines(db_path: Path) -> None:
    make_v2_file(db_path)
    assert "routine_id" not in table_columns(db_path, "session")
    open_database(db_path)
    try:
        assert schema_version(db) == SCHEMA_VERSION >= 3
        tables = {row[0] for row in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"routine", "routine_item"} <= tables
        assert db.execute_sql("SELECT id, title, notes, routine_id FROM session").fetchall() == [
            (7, "Old day", "kept", None)
        ]
        old = repo.get_session(7)
        assert old.routine_id is None and old.entries[0].sets[0].failure_reps == 7
        assert list_routines() == []
        # the new tables work on the migrated file
        saved, _ = save_routine(
            Routine(name="Old routine", items=(RoutineItem(exercise=exercise("Old Press"), calibration=True),))
        )
        SessionRow.update(routine=saved.id).where(SessionRow.id == 7).execute()
        assert last_session(saved.id).id == 7
        delete_routine(saved.id)
        assert repo.get_session(7).routine_id is None
    finally:
        close_database()
    assert "routine_id" in table_columns(db_path, "session")
    backups = list((db_path.parent / "backups").iterdir())
    assert len(backups) == 1 and "v2" in backups[0].name
