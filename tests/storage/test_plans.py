# SPDX-License-Identifier: MIT
"""Planned sets in the file: kept apart from the sets, so that the stats, the review queries, the session list,
"as last time", a routine's last sets and the export count none of them; confirming one writes the set and removes
the plan in one transaction, and taking it back restores the plan with its id and place."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from journal.domain.metrics import E1rmFormula
from journal.domain.records import Entry, Exercise, PlannedSet, Session, SetRecord, SetType
from journal.domain.routines import Routine, RoutineItem, planned_sets
from journal.io.journal_csv import write_journal_csv
from journal.storage import plans, review
from journal.storage import repository as repo
from journal.storage.exercises import find_exercise
from journal.storage.models import PlannedSetRow, SetRow
from journal.storage.queries import list_sessions, stats
from journal.storage.routines import last_sets, save_routine

DONE = datetime(2026, 3, 2, 18)
STARTED = datetime(2026, 3, 9, 18)


def exercise(name: str) -> Exercise:
    found = find_exercise(name)
    assert found is not None, name
    return found


def plan(load: float | None, reps: int, rir: float | None, set_type: SetType = SetType.WORKING) -> PlannedSet:
    return PlannedSet(SetRecord(set_type=set_type, load_kg=load, reps=reps, rir=rir), reps_low=reps - 2)


def journal_with_a_plan() -> tuple[Session, Session, int]:
    """A session of the routine done (bench 3 × 100 × 5 @ 3, one set taken to failure), and one started from it
    with nothing done yet: three bench sets and an all-out set planned."""
    bench = exercise("Bench Press")
    routine, _ = save_routine(
        Routine(name="Push", items=(RoutineItem(exercise=bench, sets=3, reps_low=5, reps_high=5),))
    )
    assert routine.id is not None
    done, _ = repo.add_session(
        Session(
            start=DONE,
            routine_id=routine.id,
            entries=(
                Entry(
                    exercise=bench,
                    sets=(
                        SetRecord(load_kg=100, reps=5, rir=3),
                        SetRecord(load_kg=100, reps=5, rir=3),
                        SetRecord(load_kg=100, reps=5, rir=3, failure_reps=8),
                    ),
                ),
            ),
        )
    )
    item = RoutineItem(exercise=bench, sets=4, reps_low=3, reps_high=5, target_rir=1.0, calibration=True)
    started, _ = repo.add_session(
        Session(
            start=STARTED,
            routine_id=routine.id,
            entries=(Entry(exercise=bench, plans=planned_sets(item, 140.0, done.entries[0].sets)),),
        )
    )
    return done, started, routine.id


def test_a_plan_reads_back_with_its_target_range_and_last_time(journal: Path) -> None:
    done, started, _ = journal_with_a_plan()
    entry = repo.get_session(started.id).entries[0]
    assert entry.sets == () and len(entry.plans) == 4
    first = entry.plans[0]
    assert (first.planned.load_kg, first.planned.reps, first.planned.rir, first.reps_low) == (140, 5, 1.0, 3)
    assert (first.last.load_kg, first.last.reps, first.last.rir) == (100, 5, 3)
    assert entry.plans[3].planned.set_type is SetType.FAILURE and entry.plans[3].last is None
    assert repo.get_entry(entry.id).plans == entry.plans
    assert SetRow.select().count() == 3  # only the sets done are sets


def test_plans_count_in_no_figure(journal: Path) -> None:
    done, started, routine_id = journal_with_a_plan()
    totals = stats()
    assert (totals["sessions"], totals["sets"], totals["working_sets"], totals["tonnage_kg"]) == (2, 3, 3, 1500)
    assert [w["sets"] for w in totals["weeks"]] == [3, 0]
    assert {s.id: s.set_count for s in list_sessions()} == {done.id: 3, started.id: 0}
    assert next(s for s in list_sessions() if s.id == started.id).tonnage_kg == 0
    # the review queries
    assert int(review.week_exercise_rows(3.0).working.sum()) == 3
    assert set(review.set_points().session.tolist()) == {done.id}
    assert set(review.session_bests(E1rmFormula.CURVE).session.tolist()) == {done.id}
    assert set(review.rep_max_rows().session.tolist()) == {done.id}
    assert review.calibration_sets().session.tolist() == [done.id]
    assert [row[1] for row in review.exercise_totals(3.0, None, None)] == [3]
    # "as last time", a routine's last sets (Last time, Next time) and the export
    bench = exercise("Bench Press").id
    assert [s.load_kg for s in repo.previous_sets(bench, datetime(2030, 1, 1))] == [100, 100, 100]
    assert [s.load_kg for s in last_sets(routine_id)[(bench, 0)]] == [100, 100, 100]
    out = io.StringIO()
    assert write_journal_csv(repo.iter_sessions(), out)[1] == 3


def test_last_sets_skip_sessions_where_the_exercise_has_no_set_done(journal: Path) -> None:
    _, started, routine_id = journal_with_a_plan()
    bench = exercise("Bench Press").id
    assert last_sets(routine_id, DONE) == {}
    assert [s.rir for s in last_sets(routine_id, datetime(2026, 3, 5))[(bench, 0)]] == [3, 3, 3]
    record, _ = repo.confirm_plan(started.entries[0].plans[0].id, SetRecord(load_kg=140, reps=4, rir=1))
    assert [(s.load_kg, s.reps) for s in last_sets(routine_id)[(bench, 0)]] == [(140, 4)]


def test_last_sets_back_one_gives_the_session_before(journal: Path) -> None:
    _, started, routine_id = journal_with_a_plan()
    bench = exercise("Bench Press").id
    assert last_sets(routine_id, back=1) == {}  # one session with bench sets done so far
    repo.confirm_plan(started.entries[0].plans[0].id, SetRecord(load_kg=140, reps=4, rir=1))
    assert [(s.load_kg, s.reps) for s in last_sets(routine_id)[(bench, 0)]] == [(140, 4)]
    assert [(s.load_kg, s.reps) for s in last_sets(routine_id, back=1)[(bench, 0)]] == [(100, 5)] * 3
    assert last_sets(routine_id, back=2) == {}


def test_confirm_writes_the_set_and_removes_the_plan_and_undo_puts_it_back(journal: Path) -> None:
    _, started, _ = journal_with_a_plan()
    entry = repo.get_session(started.id).entries[0]
    second = entry.plans[1]
    record, change = repo.confirm_plan(second.id, SetRecord(load_kg=140, reps=4, rir=1.5))
    assert change.sessions == {started.id} and change.entries == {entry.id}  # a figure moved
    after = repo.get_entry(entry.id)
    assert after.sets == (record,) and record.id is not None
    assert [p.id for p in after.plans] == [entry.plans[0].id, entry.plans[2].id, entry.plans[3].id]
    assert stats()["sets"] == 4
    assert sorted(PlannedSetRow.select(PlannedSetRow.position).tuples()) == [(0,), (1,), (2,)]

    change = repo.unconfirm_plan(record.id, second, 1)
    assert change.sessions == {started.id}
    back = repo.get_entry(entry.id)
    assert back.sets == () and back.plans == entry.plans
    assert stats()["sets"] == 3


def test_plans_alone_change_no_session_figures(journal: Path) -> None:
    _, started, _ = journal_with_a_plan()
    entry = started.entries[0]
    stored, change = plans.replace_plans(entry.id, (plan(60, 10, None, SetType.WARMUP),))
    assert change.sessions == frozenset() and change.entries == {entry.id}
    assert repo.get_entry(entry.id).plans == stored
    change = plans.delete_plan(stored[0].id)
    assert change.sessions == frozenset() and repo.get_entry(entry.id).plans == ()
    back, _ = plans.add_plan(entry.id, stored[0], 0)
    assert repo.get_entry(entry.id).plans == (back,) and back.id == stored[0].id


def test_a_deleted_session_takes_its_plans_and_undo_brings_them_back(journal: Path) -> None:
    _, started, _ = journal_with_a_plan()
    snapshot = repo.get_session(started.id)
    repo.delete_session(started.id)
    assert PlannedSetRow.select().count() == 0
    repo.add_session(snapshot)
    assert repo.get_session(started.id).entries[0].plans == snapshot.entries[0].plans


def test_an_exercise_a_routine_holds_twice_reads_each_occurrence_from_its_own_entry(journal: Path) -> None:
    """Squat 3 x 5 heavy, then squat 2 x 10 back-off: each item's last time and suggestion come from the matching
    squat of the last session, never the back-off sets for the heavy item."""
    from journal.printing.documents import plan as plan_routine
    from journal.settings import Preferences

    squat = exercise("Back Squat")
    routine, _ = save_routine(
        Routine(
            name="Legs",
            items=(
                RoutineItem(exercise=squat, sets=3, reps_low=5, reps_high=5, target_rir=2.0),
                RoutineItem(exercise=squat, sets=2, reps_low=8, reps_high=10, target_rir=2.0),
            ),
        )
    )
    heavy = tuple(SetRecord(load_kg=140, reps=5, rir=2) for _ in range(3))
    light = tuple(SetRecord(load_kg=100, reps=10, rir=2) for _ in range(2))
    repo.add_session(
        Session(
            start=DONE,
            routine_id=routine.id,
            entries=(Entry(exercise=squat, sets=heavy), Entry(exercise=squat, sets=light)),
        )
    )
    assert routine.id is not None and squat.id is not None
    found = last_sets(routine.id)
    assert [s.load_kg for s in found[(squat.id, 0)]] == [140] * 3
    assert [s.load_kg for s in found[(squat.id, 1)]] == [100] * 2
    first, second = plan_routine(routine, Preferences())
    assert [s.load_kg for s in first.last] == [140] * 3 and [s.load_kg for s in second.last] == [100] * 2
    # 3 x 5 at the top of the range with the planned reserve: one step more from 140; 10 reps at the top: 102.5
    assert (first.suggestion.load_kg, second.suggestion.load_kg) == (142.5, 102.5)
