# SPDX-License-Identifier: MIT
"""`journal export --format strong`: Strong's CSV in the lifter's unit, and a round trip Journal → Strong CSV →
Journal that keeps sessions, sets, loads, reps, RPE and set types."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest

from journal.domain.effort import EffortScale
from journal.domain.records import Entry, Exercise, RirOrigin, Session, SetRecord, SetType, rated_by_set_type
from journal.io import detect
from journal.io.strong import StrongCsv
from journal.storage.database import close_database, open_database
from journal.storage.importing import import_sessions, propose
from tests.io.support import KG_PER_LB, run_cli, stored_sessions

RPE8 = {"rir": 2.0, "effort_scale": EffortScale.RPE}
SESSIONS = [
    Session(
        start=datetime(2026, 3, 2, 18, 5),
        end=datetime(2026, 3, 2, 19, 17),
        title="Push",
        notes="Felt good",
        entries=(
            Entry(
                Exercise(None, "Bench Press"),
                note="Elbows in",
                sets=(
                    SetRecord(set_type=SetType.WARMUP, load_kg=60.0, reps=8),
                    SetRecord(load_kg=100.0, reps=5, **RPE8),
                    SetRecord(load_kg=102.5, reps=4, rir=1.5, effort_scale=EffortScale.RPE, note="paused"),
                    rated_by_set_type(SetRecord(set_type=SetType.FAILURE, load_kg=80.0, reps=9)),
                    SetRecord(set_type=SetType.DROP, load_kg=60.0, reps=6, rir=0.0, effort_scale=EffortScale.RPE),
                    SetRecord(set_type=SetType.BACKOFF, load_kg=85.0, reps=8, note="smooth", **RPE8),
                ),
            ),
            Entry(
                Exercise(None, "Assisted Pull-up"),
                sets=(SetRecord(load_kg=-20.0, reps=8), SetRecord(load_kg=-15.0, reps=6, **RPE8)),
            ),
        ),
    ),
    Session(
        start=datetime(2026, 3, 4, 7, 30),
        title="Legs",
        entries=(Entry(Exercise(None, "Squat"), sets=(SetRecord(load_kg=140.0, reps=3, **RPE8),)),),
    ),
]


def _journal(tmp_path: Path) -> Path:
    db = tmp_path / "journal.sqlite"
    open_database(db)
    try:
        choices = {p.name: p.exercise.id if p.exercise else None for p in propose(["Bench Press", "Squat"])}
        choices["Assisted Pull-up"] = next(p.exercise.id for p in propose(["Assisted Pull-up"]) if p.exercise)
        import_sessions(SESSIONS, choices, None)
    finally:
        close_database()
    return db


def _shape(sessions: list[Session]) -> list[tuple[object, ...]]:
    return [
        (
            s.start,
            s.title,
            s.notes,
            tuple(
                (e.exercise.name, e.note, tuple((r.set_type, r.load_kg, r.reps, r.rir, r.note) for r in e.sets))
                for e in s.entries
            ),
        )
        for s in sessions
    ]


@pytest.mark.parametrize("unit", ["kg", "lb"])
def test_a_round_trip_through_strong_csv_keeps_the_sessions(
    unit: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _journal(tmp_path)
    out = tmp_path / "strong.csv"
    code, printed, err = run_cli(capsys, "export", out, "--format", "strong", "--units", unit, "--db", db)
    assert code == 0, err
    assert printed.strip().startswith("exported 2 sessions, 9 sets to")
    text = out.read_text(encoding="utf-8")
    assert detect(text) is StrongCsv
    rows = list(csv.DictReader(text.splitlines()))
    bench = [r for r in rows if r["Exercise Name"] == "Bench Press"]
    assert [r["Set Order"] for r in bench] == ["Note", "W", "1", "2", "F", "D", "3"]
    assert [r["RPE"] for r in bench[1:]] == ["", "8.0", "8.5", "", "10.0", "8.0"]  # F without a rating: the F says it
    top = float(bench[2]["Weight"])
    assert top == (100.0 if unit == "kg" else pytest.approx(100 / KG_PER_LB))  # in the lifter's unit
    assert rows[0]["Duration"] == "1h 12m"

    back = tmp_path / "back.sqlite"
    code, printed, err = run_cli(capsys, "import", out, "--units", unit, "--db", back)
    assert code == 0, err
    assert printed.strip().endswith("imported 2 sessions, 9 sets (0 duplicates skipped)")
    before, after = _shape(stored_sessions(db)), _shape(stored_sessions(back))
    assert len(before) == len(after) == 2
    for old, new in zip(before, after, strict=True):
        assert old[:3] == new[:3]
        for (name, note, sets), (name2, note2, sets2) in zip(old[3], new[3], strict=True):  # type: ignore[misc]
            assert (name, note) == (name2, note2)
            assert [(t, reps, rir, n) for t, _, reps, rir, n in sets] == [(t, r, i, n) for t, _, r, i, n in sets2]
            assert [load for _, load, *_ in sets2] == pytest.approx([load for _, load, *_ in sets], abs=1e-6)
    assert stored_sessions(back)[0].end == datetime(2026, 3, 2, 19, 17)


def test_an_unrated_failure_set_goes_out_as_strong_means_an_f(tmp_path: Path) -> None:
    """Journal's Failure/AMRAP set without a rating is written F, which Strong (and Journal reading Strong) take as
    taken to failure: RIR 0 from set type."""
    import io

    from journal.domain.units import Unit
    from journal.io import ImportOptions, parse_text
    from journal.io.strong_export import write_strong_csv

    session = Session(
        start=datetime(2026, 3, 2, 18, 5),
        entries=(Entry(Exercise(None, "Squat"), sets=(SetRecord(set_type=SetType.FAILURE, load_kg=100.0, reps=8),)),),
    )
    buffer = io.StringIO()
    write_strong_csv([session], buffer, Unit.KG)
    (record,) = parse_text(buffer.getvalue(), options=ImportOptions(units="kg")).sessions[0].entries[0].sets
    assert (record.set_type, record.rir, record.rir_origin) == (SetType.FAILURE, 0.0, RirOrigin.SET_TYPE)


def test_a_back_off_set_goes_out_as_a_numbered_set_with_its_name_in_the_note_and_comes_back(tmp_path: Path) -> None:
    import io

    from journal.domain.units import Unit
    from journal.io.strong_export import write_strong_csv

    session = Session(
        start=datetime(2026, 3, 2, 18, 5),
        entries=(Entry(Exercise(None, "Squat"), sets=(SetRecord(set_type=SetType.BACKOFF, load_kg=100.0, reps=8),)),),
    )
    buffer = io.StringIO()
    assert write_strong_csv([session], buffer, Unit.KG) == (1, 1)
    row = next(csv.DictReader(buffer.getvalue().splitlines()))
    assert (row["Workout Name"], row["Set Order"], row["Notes"]) == ("Workout", "1", "back-off")
    from journal.io import ImportOptions, parse_text

    (record,) = parse_text(buffer.getvalue(), options=ImportOptions(units="kg")).sessions[0].entries[0].sets
    assert (record.set_type, record.note) == (SetType.BACKOFF, "")
    noted = session.entries[0].sets[0].replace(note="easy")
    buffer = io.StringIO()
    write_strong_csv(
        [Session(start=session.start, entries=(Entry(Exercise(None, "Squat"), sets=(noted,)),))], buffer, Unit.KG
    )
    (record,) = parse_text(buffer.getvalue(), options=ImportOptions(units="kg")).sessions[0].entries[0].sets
    assert (record.set_type, record.note) == (SetType.BACKOFF, "easy")
