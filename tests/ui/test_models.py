# SPDX-License-Identifier: MIT
"""Every Qt item model passes Qt's own model tester, full and empty."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from journal.domain.effort import EffortScale
from journal.domain.metrics import E1rmFormula
from journal.domain.records import Entry, Exercise, Measure, PlannedSet, Session, SetRecord, SetType
from journal.domain.units import Unit
from journal.storage import exercises, repository as repo
from journal.ui.service import Preferences
from journal.ui.session_list import SessionListModel
from journal.ui.sets_model import SetsTableModel

PREFS = Preferences(Unit.KG, EffortScale.RPE, 3.0, E1rmFormula.CURVE)


def test_sets_model(qtmodeltester: object) -> None:
    commits: list[object] = []
    for measure in Measure:
        model = SetsTableModel(Exercise(id=1, name="X", measure=measure), PREFS, 80.0,
                               lambda row, old, new: commits.append(new))
        qtmodeltester.check(model)  # type: ignore[attr-defined]
        model.set_sets([SetRecord(id=1, set_type=SetType.WARMUP, load_kg=40, reps=10),
                        SetRecord(id=2, load_kg=100, reps=5, rir=2, effort_scale=EffortScale.RPE,
                                  duration_s=75, distance_m=400)])
        qtmodeltester.check(model)  # type: ignore[attr-defined]
        model.set_sets([])
        qtmodeltester.check(model)  # type: ignore[attr-defined]
        planned = [PlannedSet(SetRecord(load_kg=100, reps=5, rir=2), reps_low=3, last=SetRecord(load_kg=95, reps=5),
                              id=7), PlannedSet(SetRecord(set_type=SetType.FAILURE, reps=5, rir=0), id=8)]
        model.set_sets([SetRecord(id=1, load_kg=100, reps=5)], planned)
        qtmodeltester.check(model)  # type: ignore[attr-defined]
        assert model.rowCount() == 4 and model.is_plan(1) and model.is_plan(2) and model.is_draft(3)
        model.set_sets([SetRecord(id=1, load_kg=100, reps=5), SetRecord(id=2, load_kg=100, reps=5)], planned[1:])
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_session_list_model(qtmodeltester: object, database: Path) -> None:
    model = SessionListModel(Unit.LB)
    model.reload()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    bench = exercises.find_exercise("Bench Press")
    assert bench is not None
    for day in (1, 2, 3):
        repo.add_session(Session(start=datetime(2026, 1, day), title=f"Day {day}",
                                 entries=(Entry(exercise=bench, sets=(SetRecord(load_kg=50, reps=5),)),)))
    model.reload()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 3
