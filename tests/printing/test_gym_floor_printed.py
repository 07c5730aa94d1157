# SPDX-License-Identifier: MIT
"""On paper: the plates next to a barbell load, warm-up ramps, supersets printed together, and timed sets with their
time (never reps or tonnage)."""

from __future__ import annotations

from pathlib import Path

from journal.domain.effort import EffortScale
from journal.domain.routines import Routine, RoutineItem
from journal.domain.units import KG_PER_LB, Unit
from journal.printing.documents import gym_sheet_document, plan
from journal.printing.sheets import gym_sheet
from journal.settings import Preferences
from journal.storage import exercises
from journal.storage.routines import save_routine


def routine(bench_kg: float) -> Routine:
    bench, curl = (exercises.find_exercise(n) for n in ("Bench Press", "Dumbbell Curl"))
    assert bench is not None and curl is not None
    saved, _ = save_routine(
        Routine(
            name="Push",
            items=(RoutineItem(exercise=bench, load_kg=bench_kg), RoutineItem(exercise=curl, load_kg=12.0)),
        )
    )
    return saved


def test_a_barbell_load_prints_its_plates_and_a_dumbbell_load_none(database: Path) -> None:
    prefs = Preferences()
    pushed = routine(102.5)
    sheet = gym_sheet(pushed, plan(pushed, prefs), Unit.KG, EffortScale.RIR, kit=prefs.plate_kit())
    assert "Suggested load: 102.5 kg (per side: 25 + 15 + 1.25 kg)" in sheet
    assert "Suggested load: 12 kg</b>" in sheet


def test_a_load_off_the_plates_prints_the_nearest_loads(database: Path) -> None:
    prefs = Preferences(units=Unit.LB)
    pushed = routine(232 * KG_PER_LB)
    text = gym_sheet_document([pushed], prefs).toPlainText()
    assert "Suggested load: 232 lb (232 lb cannot be made with these plates: 230 or 235 lb)" in text


def test_a_warm_up_ramp_prints_each_load_with_its_plates(database: Path) -> None:
    bench = exercises.find_exercise("Bench Press")
    assert bench is not None
    pushed, _ = save_routine(Routine(name="Push", items=(RoutineItem(exercise=bench, load_kg=100.0, warmup=True),)))
    text = gym_sheet_document([pushed], Preferences()).toPlainText()
    assert (
        "Warm-up: 20 kg × 10 (the bar alone) · 40 kg × 8 (per side: 10 kg) · 60 kg × 5 (per side: 20 kg) · "
        "80 kg × 3 (per side: 25 + 5 kg)"
    ) in text


def test_a_superset_prints_together_on_the_gym_and_session_sheets(database: Path) -> None:
    from datetime import datetime

    from journal.domain.metrics import E1rmFormula
    from journal.domain.records import Entry, Session, SetRecord
    from journal.printing.sheets import session_sheet
    from journal.storage import repository as repo

    bench, curl, row = (exercises.find_exercise(n) for n in ("Bench Press", "Dumbbell Curl", "Barbell Row"))
    assert bench is not None and curl is not None and row is not None
    items = (RoutineItem(exercise=bench, superset=1), RoutineItem(exercise=curl), RoutineItem(exercise=row, superset=1))
    pushed, _ = save_routine(Routine(name="Push", items=items))
    text = gym_sheet_document([pushed], Preferences()).toPlainText()
    assert text.index("Superset A, in turn: Bench Press, Barbell Row") < text.index("A1 · Bench Press")
    assert text.index("A1 · Bench Press") < text.index("A2 · Barbell Row") < text.index("Dumbbell Curl")

    done = (SetRecord(load_kg=60, reps=10),)
    session, _ = repo.add_session(
        Session(
            start=datetime(2026, 3, 2, 18),
            entries=(Entry(exercise=bench, sets=done, superset=4), Entry(exercise=row, sets=done, superset=4)),
        )
    )
    html = session_sheet(repo.get_session(session.id), Unit.KG, EffortScale.RIR, 3.0, E1rmFormula.CURVE)
    assert "<h2>Superset A, in turn: Bench Press, Barbell Row</h2>" in html
    assert html.index("Superset A, in turn") < html.index("A1 · Bench Press") < html.index("A2 · Barbell Row")


def test_a_timed_exercise_prints_its_time_and_no_reps(database: Path) -> None:
    from datetime import datetime

    from journal.domain.metrics import E1rmFormula
    from journal.domain.records import Entry, Session, SetRecord
    from journal.printing.sheets import session_sheet
    from journal.storage import repository as repo

    plank = exercises.find_exercise("Plank")
    assert plank is not None
    sets = (SetRecord(duration_s=90, rir=1), SetRecord(duration_s=75))
    session, _ = repo.add_session(Session(start=datetime(2026, 3, 2, 18), entries=(Entry(exercise=plank, sets=sets),)))
    html = session_sheet(repo.get_session(session.id), Unit.KG, EffortScale.RIR, 3.0, E1rmFormula.CURVE)
    assert ">Time</th>" in html and ">Distance</th>" in html and ">Reps</th>" not in html
    assert ">1:30</td>" in html and ">1:15</td>" in html
    assert "2 sets · 2:45 under load" in html
    assert "2 working sets · 0 hard · tonnage 0 kg · 2:45 under load" in html


def test_a_timed_exercise_on_the_gym_sheet_has_a_time_box_and_last_times_time(database: Path) -> None:
    from datetime import datetime

    from journal.domain.records import Entry, Session, SetRecord
    from journal.storage import repository as repo

    plank = exercises.find_exercise("Plank")
    assert plank is not None
    held, _ = save_routine(Routine(name="Core", items=(RoutineItem(exercise=plank, sets=2),)))
    done = (SetRecord(duration_s=60, rir=1), SetRecord(duration_s=45))
    repo.add_session(
        Session(start=datetime(2026, 3, 2, 18), routine_id=held.id, entries=(Entry(exercise=plank, sets=done),))
    )
    html = gym_sheet(held, plan(held, Preferences()), Unit.KG, EffortScale.RIR)
    assert "Plank — 2 sets</h2>" in html and "Last time: 1:00 @1, 0:45" in html
    assert "<th>Set</th><th>Load (kg)</th><th>Time</th><th>RIR</th>" in html and "<th>Reps</th>" not in html
