# SPDX-License-Identifier: MIT
"""The exercise library: editing an exercise and its aliases, merging two and putting them apart again."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from journal.domain.records import Entry, Exercise, Mechanic, Session, SetRecord
from journal.domain.routines import Routine, RoutineItem
from journal.storage import exercises
from journal.storage.history import history_page, lifted_sets
from journal.storage.models import AliasRow, EntryRow, ExerciseRow
from journal.storage.repository import add_session
from journal.storage.routines import get_routine, save_routine


def test_an_edit_writes_fields_and_aliases_and_refuses_a_taken_name(database: Path) -> None:
    press, _ = exercises.create_exercise("Zz shoulder press")
    assert press.id is not None
    edited = Exercise(
        id=press.id,
        name="Zz overhead",
        mechanic=Mechanic.COMPOUND,
        primary=("chest",),
        secondary=("triceps", "front_delts"),
        equipment="barbell",
        aliases=("Zz shoulder press", "Zz SP"),
    )
    exercises.update_exercise(edited)
    back = exercises.get_exercise(press.id)
    assert back == edited.__class__(**{**edited.__dict__, "aliases": ("Zz shoulder press", "Zz SP")})
    assert (
        exercises.find_exercise("zz sp")
        == exercises.find_exercise("zz shoulder press")
        == exercises.to_exercise(ExerciseRow.get_by_id(press.id))
    )
    taken = exercises.check_exercise(Exercise(id=press.id, name="Squat", primary=("quadz",)))
    assert set(taken) == {"name", "primary"} and taken["name"] == "'Back Squat' already has this name or alias"
    with pytest.raises(ValueError, match="already has this name"):
        exercises.update_exercise(Exercise(id=press.id, name="Squat"))
    assert exercises.get_exercise(press.id).name == "Zz overhead"  # nothing written


def test_a_merge_moves_every_set_plan_and_alias_and_comes_apart_whole(database: Path) -> None:
    bench = exercises.find_exercise("Bench Press")
    assert bench is not None and bench.id is not None
    twin, _ = exercises.create_exercise("Bench Press (Barbell) old")
    assert twin.id is not None
    add_session(Session(start=datetime(2026, 3, 2, 18), entries=(Entry(bench, (SetRecord(load_kg=100, reps=5),)),)))
    add_session(
        Session(start=datetime(2026, 3, 5, 18), entries=(Entry(twin, (SetRecord(load_kg=105, reps=3, rir=1),)),))
    )
    routine, _ = save_routine(Routine("Upper", (RoutineItem(twin),)))
    before = {row.id: row.exercise_id for row in AliasRow.select()}
    merged, change = exercises.merge_exercises(twin.id, bench.id)
    assert change.everything and change.routines
    assert [s.load_kg for s in lifted_sets(bench.id)] == [100, 105]
    assert [page.start.day for page in history_page(bench.id)] == [5, 2]
    assert get_routine(routine.id).items[0].exercise.id == bench.id  # type: ignore[arg-type]
    assert exercises.find_exercise("bench press (barbell) old").id == bench.id  # type: ignore[union-attr]
    assert not ExerciseRow.select().where(ExerciseRow.id == twin.id).exists()
    exercises.unmerge_exercises(merged)
    assert exercises.get_exercise(twin.id) == twin
    assert {row.id: row.exercise_id for row in AliasRow.select()} == before
    assert [s.load_kg for s in lifted_sets(twin.id)] == [105]
    assert get_routine(routine.id).items[0].exercise.id == twin.id  # type: ignore[arg-type]
    assert EntryRow.select().where(EntryRow.exercise == bench.id).count() == 1
    with pytest.raises(ValueError):
        exercises.merge_exercises(bench.id, bench.id)


def test_exercises_without_muscles_are_listed_when_used(database: Path) -> None:
    bare, _ = exercises.create_exercise("Tire flip zz")
    exercises.create_exercise("Never used")
    assert exercises.exercises_without_muscles() == []
    add_session(Session(start=datetime(2026, 3, 2, 18), entries=(Entry(bare, (SetRecord(load_kg=80, reps=20),)),)))
    assert [x.name for x in exercises.exercises_without_muscles()] == ["Tire flip zz"]


def test_a_catalogue_exercise_merged_away_stays_away_when_the_catalogue_loads_again(db_path: Path) -> None:
    from journal.storage.database import close_database, open_database
    from journal.storage.models import db

    open_database(db_path)
    try:
        incline = exercises.find_exercise("Incline Bench Press")
        bench = exercises.find_exercise("Bench Press")
        assert incline is not None and incline.id is not None and bench is not None and bench.id is not None
        exercises.merge_exercises(incline.id, bench.id)
        count = ExerciseRow.select().count()
        db.execute_sql("DELETE FROM meta WHERE key = 'catalogue'")  # as after an update of the catalogue
    finally:
        close_database()
    open_database(db_path)
    try:
        assert ExerciseRow.select().count() == count
        assert exercises.find_exercise("Incline Bench Press").id == bench.id  # type: ignore[union-attr]
    finally:
        close_database()
