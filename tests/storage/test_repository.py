# SPDX-License-Identifier: MIT
"""Sessions, entries and sets: writes keep positions compact, restore ids for undo, cascade, and name what changed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from journal.domain.effort import EffortScale
from journal.domain.records import Entry, Exercise, Session, SetRecord, SetType
from journal.storage.changes import Change
from journal.storage.exercises import find_exercise
from journal.storage.models import db
from journal.storage.repository import (
    add_entry,
    add_session,
    add_set,
    delete_entry,
    delete_session,
    delete_set,
    entry_position,
    get_entry,
    get_session,
    move_entry,
    move_set,
    previous_sets,
    session_count,
    set_position,
    update_entry_note,
    update_session,
    update_set,
)


def exercise(name: str) -> Exercise:
    found = find_exercise(name)
    assert found is not None, name
    return found


def sets(*loads: float) -> tuple[SetRecord, ...]:
    return tuple(SetRecord(load_kg=load, reps=5, rir=2.0, effort_scale=EffortScale.RIR) for load in loads)


def make_session(start: datetime = datetime(2024, 3, 1, 18, 0), **entries: tuple[SetRecord, ...]) -> Session:
    names = {
        "bench": "Bench Press",
        "squat": "Back Squat",
        "deadlift": "Deadlift",
        "row": "Barbell Row",
        "curl": "Barbell Curl",
        "pullup": "Pull-up",
    }
    return Session(
        start=start,
        title="Day",
        entries=tuple(Entry(exercise=exercise(names[key]), sets=records) for key, records in entries.items()),
    )


def entry_positions(session_id: int) -> list[tuple[int, int]]:
    return [
        tuple(row)
        for row in db.execute_sql(
            "SELECT id, position FROM entry WHERE session_id = ? ORDER BY position", (session_id,)
        )
    ]


def set_positions(entry_id: int) -> list[int]:
    return [
        row[0] for row in db.execute_sql('SELECT position FROM "set" WHERE entry_id = ? ORDER BY position', (entry_id,))
    ]


def set_loads(entry_id: int) -> list[float]:
    return [record.load_kg for record in get_entry(entry_id).sets]


def count(table: str) -> int:
    return int(db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0])


# ---- sessions ------------------------------------------------------------------------------------------------------


def test_add_and_get_session(journal: Path) -> None:
    record = SetRecord(
        set_type=SetType.BACKOFF,
        load_kg=102.5,
        reps=6,
        rir=1.5,
        effort_scale=EffortScale.RPE,
        failure_reps=8,
        duration_s=30.0,
        distance_m=None,
        note="grindy",
    )
    session = Session(
        start=datetime(2024, 3, 1, 18, 0, 5),
        end=datetime(2024, 3, 1, 19, 10),
        title="Push",
        bodyweight_kg=81.5,
        notes="slept badly",
        source="manual",
        entries=(Entry(exercise=exercise("Bench Press"), note="paused", sets=(record,)),),
    )
    stored, change = add_session(session)
    assert stored.id is not None
    assert stored.entries[0].id is not None and stored.entries[0].sets[0].id is not None
    assert change == Change(
        sessions=frozenset({stored.id}), structure=frozenset({stored.id}), added=frozenset({stored.id})
    )
    assert session_count() == 1
    assert get_session(stored.id) == stored
    read = get_session(stored.id)
    assert read.start == datetime(2024, 3, 1, 18, 0, 5)
    assert read.end == datetime(2024, 3, 1, 19, 10)
    assert read.bodyweight_kg == 81.5
    assert read.entries[0].exercise.name == "Bench Press"
    assert read.entries[0].note == "paused"
    assert read.entries[0].sets[0] == record.replace(id=stored.entries[0].sets[0].id)


def test_unrated_set_drops_its_effort_scale(journal: Path) -> None:
    stored, _ = add_session(
        make_session(bench=(SetRecord(load_kg=60.0, reps=5, rir=None, effort_scale=EffortScale.RPE),))
    )
    assert get_session(stored.id).entries[0].sets[0].effort_scale is None
    assert get_session(stored.id).entries[0].sets[0].rir is None


def test_update_session(journal: Path) -> None:
    stored, _ = add_session(make_session(bench=sets(100)))
    change = update_session(stored.id, title="Heavy", bodyweight_kg=80.0, end=datetime(2024, 3, 1, 19, 0), notes="n")
    assert change == Change(sessions=frozenset({stored.id}))
    read = get_session(stored.id)
    assert (read.title, read.bodyweight_kg, read.end, read.notes) == ("Heavy", 80.0, datetime(2024, 3, 1, 19), "n")
    with pytest.raises(ValueError):
        update_session(stored.id, source="strong")


def test_delete_session_cascades(journal: Path) -> None:
    keep, _ = add_session(make_session(datetime(2024, 1, 1), squat=sets(100)))
    stored, _ = add_session(make_session(bench=sets(100, 100), squat=sets(140)))
    assert (count("session"), count("entry"), count("set")) == (2, 3, 4)
    change = delete_session(stored.id)
    assert change == Change(sessions=frozenset({stored.id}), structure=frozenset({stored.id}))
    assert (count("session"), count("entry"), count("set")) == (1, 1, 1)
    assert get_session(keep.id).entries[0].sets[0].load_kg == 100


def test_undo_of_delete_restores_the_same_ids(journal: Path) -> None:
    stored, _ = add_session(make_session(bench=sets(100, 105), squat=sets(140, 150, 160)))
    other, _ = add_session(make_session(datetime(2024, 3, 2), deadlift=sets(180)))
    snapshot = get_session(stored.id)
    delete_session(stored.id)
    # something else happens in between, as in a real undo stack
    add_set(other.entries[0].id, SetRecord(load_kg=190.0, reps=3))
    restored, change = add_session(snapshot)
    assert restored.id == snapshot.id
    assert [entry.id for entry in restored.entries] == [entry.id for entry in snapshot.entries]
    assert get_session(stored.id) == snapshot
    assert change.sessions == frozenset({snapshot.id})


# ---- entries -------------------------------------------------------------------------------------------------------


def test_add_entry_at_end_and_at_a_position(journal: Path) -> None:
    stored, _ = add_session(make_session(bench=sets(100), squat=sets(140)))
    sid = stored.id
    bench_id, squat_id = (entry.id for entry in stored.entries)
    added, change = add_entry(sid, Entry(exercise=exercise("Deadlift"), sets=sets(180, 190)))
    assert change == Change(sessions=frozenset({sid}), structure=frozenset({sid}), entries=frozenset({added.id}))
    assert entry_positions(sid) == [(bench_id, 0), (squat_id, 1), (added.id, 2)]
    assert set_loads(added.id) == [180, 190]
    first, _ = add_entry(sid, Entry(exercise=exercise("Barbell Row")), position=0)
    assert entry_positions(sid) == [(first.id, 0), (bench_id, 1), (squat_id, 2), (added.id, 3)]
    middle, _ = add_entry(sid, Entry(exercise=exercise("Barbell Curl")), position=2)
    assert entry_positions(sid) == [(first.id, 0), (bench_id, 1), (middle.id, 2), (squat_id, 3), (added.id, 4)]
    beyond, _ = add_entry(sid, Entry(exercise=exercise("Pull-up")), position=99)
    assert entry_positions(sid)[-1] == (beyond.id, 5)
    assert [e.exercise.name for e in get_session(sid).entries] == [
        "Barbell Row",
        "Bench Press",
        "Barbell Curl",
        "Back Squat",
        "Deadlift",
        "Pull-up",
    ]


def test_delete_entry_keeps_positions_compact(journal: Path) -> None:
    stored, _ = add_session(make_session(bench=sets(100), squat=sets(140, 150), deadlift=sets(180), row=sets(60)))
    sid = stored.id
    ids = [entry.id for entry in stored.entries]
    change = delete_entry(ids[1])
    assert change.sessions == frozenset({sid}) and change.structure == frozenset({sid})
    assert entry_positions(sid) == [(ids[0], 0), (ids[2], 1), (ids[3], 2)]
    assert count("set") == 3  # the squat's two sets went with it
    delete_entry(ids[0])
    assert entry_positions(sid) == [(ids[2], 0), (ids[3], 1)]
    delete_entry(ids[3])
    assert entry_positions(sid) == [(ids[2], 0)]


@pytest.mark.parametrize(
    ("moved", "to", "order"),
    [
        (0, 3, [1, 2, 3, 0]),
        (3, 0, [3, 0, 1, 2]),
        (1, 2, [0, 2, 1, 3]),
        (2, 1, [0, 2, 1, 3]),
        (1, 1, [0, 1, 2, 3]),
        (0, 99, [1, 2, 3, 0]),
        (3, -5, [3, 0, 1, 2]),
    ],
)
def test_move_entry_keeps_positions_compact(journal: Path, moved: int, to: int, order: list[int]) -> None:
    stored, _ = add_session(make_session(bench=sets(100), squat=sets(140), deadlift=sets(180), row=sets(60)))
    sid = stored.id
    ids = [entry.id for entry in stored.entries]
    change = move_entry(ids[moved], to)
    assert sid in change.structure
    assert entry_positions(sid) == [(ids[i], position) for position, i in enumerate(order)]
    assert entry_position(ids[moved]) == order.index(moved)


def test_update_entry_note(journal: Path) -> None:
    stored, _ = add_session(make_session(bench=sets(100)))
    eid = stored.entries[0].id
    assert update_entry_note(eid, "elbows tucked") == Change(entries=frozenset({eid}))
    assert get_entry(eid).note == "elbows tucked"


# ---- sets -------------------------------------------------------------------------------------------------------


def test_add_set_at_end_and_at_a_position(journal: Path) -> None:
    stored, _ = add_session(make_session(bench=sets(100, 105, 110)))
    sid, eid = stored.id, stored.entries[0].id
    record, change = add_set(eid, SetRecord(load_kg=115.0, reps=3))
    assert change == Change(entries=frozenset({eid}), sessions=frozenset({sid}))
    assert record.id is not None
    assert set_loads(eid) == [100, 105, 110, 115]
    first, _ = add_set(eid, SetRecord(load_kg=60.0, reps=5, set_type=SetType.WARMUP), position=0)
    assert set_loads(eid) == [60, 100, 105, 110, 115]
    middle, _ = add_set(eid, SetRecord(load_kg=107.5, reps=5), position=3)
    assert set_loads(eid) == [60, 100, 105, 107.5, 110, 115]
    assert set_positions(eid) == [0, 1, 2, 3, 4, 5]
    assert set_position(middle.id) == 3 and set_position(first.id) == 0


@pytest.mark.parametrize(
    ("moved", "to", "order"),
    [
        (0, 3, [1, 2, 3, 0]),
        (3, 0, [3, 0, 1, 2]),
        (1, 2, [0, 2, 1, 3]),
        (2, 2, [0, 1, 2, 3]),
        (1, 50, [0, 2, 3, 1]),
    ],
)
def test_move_set_keeps_positions_compact(journal: Path, moved: int, to: int, order: list[int]) -> None:
    loads = (100.0, 101.0, 102.0, 103.0)
    stored, _ = add_session(make_session(bench=sets(*loads)))
    eid = stored.entries[0].id
    ids = [record.id for record in stored.entries[0].sets]
    change = move_set(ids[moved], to)
    assert eid in change.entries
    assert set_loads(eid) == [loads[i] for i in order]
    assert [record.id for record in get_entry(eid).sets] == [ids[i] for i in order]
    assert set_positions(eid) == [0, 1, 2, 3]


def test_delete_set_keeps_positions_compact(journal: Path) -> None:
    stored, _ = add_session(make_session(bench=sets(100, 101, 102, 103)))
    sid, eid = stored.id, stored.entries[0].id
    ids = [record.id for record in stored.entries[0].sets]
    assert delete_set(ids[1]) == Change(entries=frozenset({eid}), sessions=frozenset({sid}))
    assert set_loads(eid) == [100, 102, 103]
    assert set_positions(eid) == [0, 1, 2]
    delete_set(ids[0])
    delete_set(ids[3])
    assert set_loads(eid) == [102]
    assert set_positions(eid) == [0]


def test_update_set(journal: Path) -> None:
    stored, _ = add_session(make_session(bench=sets(100, 101)))
    sid, eid = stored.id, stored.entries[0].id
    target = stored.entries[0].sets[1]
    new = target.replace(load_kg=107.5, reps=3, rir=0.5, effort_scale=EffortScale.RPE, failure_reps=4)
    assert update_set(target.id, new) == Change(entries=frozenset({eid}), sessions=frozenset({sid}))
    assert get_entry(eid).sets[1] == new
    assert set_positions(eid) == [0, 1]


def test_previous_sets(journal: Path) -> None:
    squat = exercise("Back Squat")
    first, _ = add_session(make_session(datetime(2024, 1, 1, 18), squat=sets(100, 105, 110)))
    second, _ = add_session(make_session(datetime(2024, 1, 8, 18), squat=sets(120, 125)))
    add_session(make_session(datetime(2024, 1, 15, 18), bench=sets(80)))  # a later session without squats
    current, _ = add_session(make_session(datetime(2024, 1, 22, 18), squat=sets(60)))

    latest = previous_sets(squat.id, datetime(2024, 1, 22, 18))
    assert [record.load_kg for record in latest] == [120, 125]
    assert latest == second.entries[0].sets
    assert [r.load_kg for r in previous_sets(squat.id, datetime(2024, 1, 8, 18))] == [100, 105, 110]
    assert previous_sets(squat.id, datetime(2024, 1, 1, 18)) == ()
    assert [r.load_kg for r in previous_sets(squat.id, datetime(2030, 1, 1), exclude_session=current.id)] == [120, 125]
    assert [r.load_kg for r in previous_sets(squat.id, datetime(2024, 1, 20), exclude_session=second.id)] == [
        100,
        105,
        110,
    ]
    assert previous_sets(exercise("Deadlift").id, datetime(2030, 1, 1)) == ()
    assert first.id is not None


# ---- undo of entry and set deletion -------------------------------------------------------------------------------


def test_undo_of_delete_entry_restores_ids_and_position(journal: Path) -> None:
    stored, _ = add_session(make_session(bench=sets(100), squat=sets(140, 150), deadlift=sets(180)))
    sid = stored.id
    ids = [entry.id for entry in stored.entries]
    snapshot, position = get_entry(ids[1]), entry_position(ids[1])
    delete_entry(ids[1])
    restored, change = add_entry(sid, snapshot, position)
    assert restored == snapshot
    assert change.entries == frozenset({ids[1]}) and change.structure == frozenset({sid})
    assert entry_positions(sid) == [(ids[0], 0), (ids[1], 1), (ids[2], 2)]
    assert get_session(sid) == stored


def test_undo_of_delete_set_restores_id_and_position(journal: Path) -> None:
    stored, _ = add_session(make_session(bench=sets(100, 101, 102)))
    eid = stored.entries[0].id
    victim = stored.entries[0].sets[1]
    position = set_position(victim.id)
    delete_set(victim.id)
    restored, _ = add_set(eid, victim, position)
    assert restored == victim
    assert get_entry(eid).sets == stored.entries[0].sets
    assert set_positions(eid) == [0, 1, 2]


def test_previous_sets_skip_a_session_where_the_exercise_has_no_sets(journal: Path) -> None:
    from journal.storage.exercises import find_exercise

    bench = find_exercise("Bench Press")
    assert bench is not None
    add_session(
        Session(
            start=datetime(2026, 1, 1, 18), entries=(Entry(exercise=bench, sets=(SetRecord(load_kg=100, reps=5),)),)
        )
    )
    add_session(Session(start=datetime(2026, 1, 3, 18), entries=(Entry(exercise=bench),)))
    assert [s.load_kg for s in previous_sets(bench.id, datetime(2026, 1, 5))] == [100]
