# SPDX-License-Identifier: MIT
"""Every Qt item model of journal/ui passes Qt's own model tester, full and empty, and after each change it
makes."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from journal.domain.effort import EffortScale
from journal.domain.metrics import E1rmFormula
from journal.domain.records import Entry, Exercise, Measure, PlannedSet, Session, SetRecord, SetType
from journal.domain.routines import Routine, RoutineItem, Suggestion
from journal.domain.units import Unit
from journal.settings import Preferences
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.backup import Backup
from journal.storage.importing import Proposal
from journal.ui.dialogs.backups_dialog import BackupsModel
from journal.ui.importing.import_dialog import ExerciseMappingModel
from journal.ui.log.session_list import SessionListModel
from journal.ui.log.sets_model import SetsTableModel
from journal.ui.routines.routine_models import COLUMNS, RoutineItemsModel, RoutineListModel

PREFS = Preferences(Unit.KG, EffortScale.RPE, 3.0, E1rmFormula.CURVE)


def test_sets_model(qtmodeltester: object) -> None:
    commits: list[object] = []
    for measure in Measure:
        model = SetsTableModel(
            Exercise(id=1, name="X", measure=measure), PREFS, 80.0, lambda row, old, new: commits.append(new)
        )
        qtmodeltester.check(model)  # type: ignore[attr-defined]
        model.set_sets(
            [
                SetRecord(id=1, set_type=SetType.WARMUP, load_kg=40, reps=10),
                SetRecord(
                    id=2, load_kg=100, reps=5, rir=2, effort_scale=EffortScale.RPE, duration_s=75, distance_m=400
                ),
            ]
        )
        qtmodeltester.check(model)  # type: ignore[attr-defined]
        model.set_sets([])
        qtmodeltester.check(model)  # type: ignore[attr-defined]
        planned = [
            PlannedSet(SetRecord(load_kg=100, reps=5, rir=2), reps_low=3, last=SetRecord(load_kg=95, reps=5), id=7),
            PlannedSet(SetRecord(set_type=SetType.FAILURE, reps=5, rir=0), id=8),
        ]
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
        repo.add_session(
            Session(
                start=datetime(2026, 1, day),
                title=f"Day {day}",
                entries=(Entry(exercise=bench, sets=(SetRecord(load_kg=50, reps=5),)),),
            )
        )
    model.reload()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 3


def test_backups_model(qtmodeltester: object, tmp_path: Path) -> None:
    model = BackupsModel([])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    taken = datetime(2026, 3, 14, 7, 30)
    backups = [
        Backup(tmp_path / f"journal-{reason}.sqlite", taken - timedelta(days=day), reason, 3_400_000 + day)
        for day, reason in enumerate(("daily", "manual", "before-import", "before-migration-v3", "before-restore"))
    ]
    model.set_backups(backups)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 5 and model.index(3, 1).data() == "Before migration v3"
    model.set_backups(backups[:1])
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_exercise_mapping_model(qtmodeltester: object, database: Path) -> None:
    model = ExerciseMappingModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    bench, squat = exercises.find_exercise("Bench Press"), exercises.find_exercise("Squat")
    assert bench is not None and squat is not None
    model.set_rows(
        [
            Proposal("Bench Press (Barbell)", bench, "alias"),
            Proposal("Squat (Barbell)", squat, "alias"),
            Proposal("Sled push", None, "new"),
        ],
        {"Bench Press (Barbell)": 412, "Squat (Barbell)": 380},
    )
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.setData(model.index(2, 2), squat)
    assert model.setData(model.index(0, 2), None)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.choices() == {"Bench Press (Barbell)": None, "Squat (Barbell)": squat.id, "Sled push": squat.id}
    model.set_rows([], {})
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def routines() -> list[Routine]:
    bench, squat = exercises.find_exercise("Bench Press"), exercises.find_exercise("Squat")
    assert bench is not None and squat is not None
    return [
        Routine(
            "Upper A",
            (
                RoutineItem(bench, 4, 5, 8, 2.0, id=1, rest_s=180, notes="pause the first rep"),
                RoutineItem(squat, 3, 8, 12, None, load_kg=100.0, calibration=True, id=2),
            ),
            id=1,
        ),
        Routine("", id=2),
    ]


def test_routine_list_model(qtmodeltester: object, database: Path) -> None:
    model = RoutineListModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.set_routines(routines())
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.index(1, 0).data() == "Untitled routine"
    model.set_routines([])
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_routine_items_model(qtmodeltester: object, database: Path) -> None:
    commits: list[tuple[int, RoutineItem]] = []
    refused: list[str] = []
    model = RoutineItemsModel(PREFS, lambda row, item: commits.append((row, item)), refused.append)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    items = list(routines()[0].items)
    suggestions = [Suggestion(102.5, "all sets at RIR 2 or more: add a step", 1), None]
    model.set_items(items, suggestions, PREFS)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.index(0, COLUMNS.index("next")).data() == "▲ 102.5 kg"
    model.set_items(items[::-1], suggestions[::-1], PREFS)  # other rows: reset
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    lb = Preferences(Unit.LB, EffortScale.RIR, 3.0, E1rmFormula.CURVE)
    model.set_items(items[::-1], [None, Suggestion(None, "no sets yet")], lb)  # the same rows: changed in place
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.setData(model.index(0, COLUMNS.index("sets")), "5") and commits[-1][1].sets == 5
    assert not model.setData(model.index(0, COLUMNS.index("sets")), "50") and "Sets" in refused[-1]
    model.set_items([], [], PREFS)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
