# SPDX-License-Identifier: MIT
"""Printing a session started from a routine: sets still planned are never printed as sets done, nor counted in
its figures; the gym sheet's "Last time" and suggestion read the sets done, never a plan."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from journal.domain.effort import EffortScale
from journal.domain.metrics import E1rmFormula
from journal.domain.records import Entry, Session, SetRecord
from journal.domain.routines import Routine, RoutineItem, planned_sets
from journal.domain.units import Unit
from journal.printing.documents import plan
from journal.printing.sheets import gym_sheet, session_sheet
from journal.settings import Preferences
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.routines import save_routine

PREFS = Preferences(Unit.KG, EffortScale.RIR, 3.0, E1rmFormula.CURVE)


def test_planned_sets_print_apart_and_count_nowhere(database: Path) -> None:
    bench = exercises.find_exercise("Bench Press")
    assert bench is not None
    item = RoutineItem(exercise=bench, sets=3, reps_low=5, reps_high=5, target_rir=2.0)
    routine, _ = save_routine(Routine(name="Push", items=(item,)))
    repo.add_session(
        Session(
            start=datetime(2026, 3, 2, 18),
            routine_id=routine.id,
            entries=(Entry(exercise=bench, sets=tuple(SetRecord(load_kg=100, reps=5, rir=3) for _ in range(3))),),
        )
    )
    started, _ = repo.add_session(
        Session(
            start=datetime(2026, 3, 9, 18),
            routine_id=routine.id,
            entries=(
                Entry(
                    exercise=bench, sets=(SetRecord(load_kg=102.5, reps=5, rir=2),), plans=planned_sets(item, 102.5)[1:]
                ),
            ),
        )
    )

    html = session_sheet(repo.get_session(started.id), Unit.KG, EffortScale.RIR, 3.0, E1rmFormula.CURVE)
    assert html.count("<tr>") == 3  # the exercise's name and figures, the column names, and the one set done
    assert "Planned, not done (2): 102.5×5 @2, 102.5×5 @2" in html
    assert "1 working sets · 1 hard" in html and "512.5 kg" in html
    assert "1537.5" not in html and "1,537.5" not in html

    (planned,) = plan(routine, PREFS)
    assert [(s.load_kg, s.reps) for s in planned.last] == [(102.5, 5)]  # the set done, not the two plans
    sheet = gym_sheet(routine, [planned], Unit.KG, EffortScale.RIR)
    assert "Last time: 102.5×5 @2<" in sheet
