# SPDX-License-Identifier: MIT
"""Journal's own CSV: export, then import into an empty file, gives the same journal field for field, and exporting
that again gives the same bytes. Text a spreadsheet would run as a formula is written defused and comes back as
typed."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest

from journal.demo import generate_history
from journal.domain.effort import EffortScale
from journal.domain.records import Entry, Exercise, Session, SetRecord, SetType
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.bulk import insert_sessions
from journal.storage.database import close_database, open_database
from tests.io.support import final_line, run_cli, stored_sessions, without_ids

TRICKY = [
    "=SUM(A1)",
    "+1",
    "-5 kg",
    "@8",
    "'quoted",
    "''twice",
    "line one\nline two",
    "windows\r\nnewline",
    'commas, "quotes"; and semicolons',
    "<b>bold</b> & <i>",
    "💪🏋️‍♀️ done",
    "RIR 2",
    "=",
    "-",
    "@",
    "+",
    "\tstarts with a tab",
    "  spaces around  ",
    "",
    "trailing newline\n",
    '=HYPERLINK("http://x")',
]
RISKY_START = ("=", "+", "-", "@")


def _tricky_sessions() -> list[Session]:
    bench = exercises.find_exercise("Bench Press")
    squat = exercises.find_exercise("Back Squat")
    assert bench and squat
    odd, _ = exercises.create_exercise('=Cable "Thing", v2')
    sessions = []
    for index, text in enumerate(TRICKY):
        sessions.append(
            Session(
                start=datetime(2026, 2, 1 + index % 27, 6 + index % 12, index, index, index * 1001),
                end=datetime(2026, 2, 1 + index % 27, 19, 0),
                title=text,
                notes=text,
                bodyweight_kg=80.1 + index / 7,
                entries=(
                    Entry(
                        exercise=bench,
                        note=text,
                        sets=(
                            SetRecord(set_type=SetType.WARMUP, load_kg=0.1 + 0.2, reps=8, note=text),
                            SetRecord(load_kg=100 / 3, reps=5, rir=2.5, effort_scale=EffortScale.RPE, note=text),
                            SetRecord(
                                set_type=SetType.FAILURE,
                                load_kg=102.5,
                                reps=3,
                                rir=0.0,
                                effort_scale=EffortScale.RIR,
                                failure_reps=4,
                            ),
                        ),
                    ),
                    Entry(
                        exercise=odd, note=text, sets=(SetRecord(duration_s=1e-7, distance_m=987654.321, note=text),)
                    ),
                    Entry(exercise=squat),  # an exercise without sets
                ),
            )
        )
    sessions.append(Session(start=datetime(2026, 3, 1, 12), title="nothing done"))  # a session without exercises
    return sessions


def _fill(path: Path, with_tricky: bool) -> None:
    open_database(path)
    try:
        insert_sessions(generate_history(1, seed=3, end=date(2026, 1, 1)))
        if with_tricky:
            for session in _tricky_sessions():
                repo.add_session(session)
    finally:
        close_database()


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A journal with a year of demo history and the tricky sessions, and its export."""
    folder = tmp_path_factory.mktemp("roundtrip")
    source = folder / "source.sqlite"
    _fill(source, with_tricky=True)
    return source, folder / "first.csv"


def _export(capsys: pytest.CaptureFixture[str], db: Path, out: Path) -> None:
    code, text, err = run_cli(capsys, "export", "--db", db, out)
    assert code == 0, err
    assert text.startswith("exported ")


def test_export_then_import_gives_the_same_journal(
    exported: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, first = exported
    _export(capsys, source, first)
    target = tmp_path / "empty.sqlite"
    code, out, err = run_cli(capsys, "import", first, "--db", target)
    assert code == 0, err
    before = stored_sessions(source)
    after = stored_sessions(target)
    sets = sum(s.set_count for s in before)
    assert final_line(out) == f"imported {len(before)} sessions, {sets} sets (0 duplicates skipped)"
    assert len(after) == len(before) > 200
    for one, two in zip(before, after, strict=True):
        assert without_ids(two) == without_ids(one)

    second = tmp_path / "second.csv"
    _export(capsys, target, second)
    assert second.read_bytes() == first.read_bytes()

    code, out, err = run_cli(capsys, "import", first, "--db", target)  # once more: nothing new
    assert code == 0, err
    assert final_line(out) == f"imported 0 sessions, 0 sets ({len(before)} duplicates skipped)"
    assert [without_ids(s) for s in stored_sessions(target)] == [without_ids(s) for s in after]


def test_tricky_text_comes_back_unchanged(
    exported: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, first = exported
    _export(capsys, source, first)
    target = tmp_path / "empty.sqlite"
    assert run_cli(capsys, "import", first, "--db", target)[0] == 0
    texts = {s.title: s for s in stored_sessions(target) if s.start >= datetime(2026, 2, 1)}
    for text in TRICKY:
        session = texts[text]
        assert session.notes == text
        bench, odd, squat = session.entries
        assert bench.note == odd.note == text
        assert [r.note for r in bench.sets] == [text, text, ""]
        assert odd.exercise.name == '=Cable "Thing", v2' and odd.sets[0].note == text
        assert squat.sets == ()
    assert texts["nothing done"].entries == ()


def test_exported_cells_do_not_start_like_a_formula(
    exported: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    source, first = exported
    _export(capsys, source, first)
    with first.open(newline="", encoding="utf-8") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert len(cells) > 100_000
    risky = [cell for cell in cells if cell.startswith(RISKY_START)]
    assert risky == []
    text = first.read_text(encoding="utf-8")
    assert "'=SUM(A1)" in text and "'-5 kg" in text and "'@8" in text and "''quoted" in text


def test_a_lone_carriage_return_in_a_note_survives(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = exercises.find_exercise("Bench Press")
    assert bench
    repo.add_session(
        Session(
            start=datetime(2026, 1, 5, 10),
            notes="old mac\rnewline",
            entries=(Entry(exercise=bench, sets=(SetRecord(load_kg=100, reps=5, note="a\rb"),)),),
        )
    )
    before = stored_sessions(database)
    out = tmp_path / "out.csv"
    _export(capsys, database, out)
    target = tmp_path / "empty.sqlite"
    code, _, err = run_cli(capsys, "import", out, "--db", target)
    assert code == 0, err
    assert [without_ids(s) for s in stored_sessions(target)] == [without_ids(s) for s in before]


def test_an_exercise_of_your_own_keeps_its_attributes(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bodyweight exercise the lifter made (not in the catalogue) comes back as a bodyweight exercise with its
    muscles, so tonnage and sets per muscle stay the same."""
    from journal.domain.records import Measure, Mechanic
    from journal.storage.exercises import create_exercise, find_exercise
    from journal.storage.repository import add_session

    own, _ = create_exercise(
        "Archer Ring Row",
        Exercise(
            id=None,
            name="x",
            mechanic=Mechanic.COMPOUND,
            primary=("upper_back",),
            secondary=("biceps",),
            equipment="other",
            bodyweight=True,
            measure=Measure.REPS,
        ),
    )
    add_session(
        Session(
            start=datetime(2025, 3, 1, 9),
            bodyweight_kg=70,
            entries=(Entry(exercise=own, sets=(SetRecord(load_kg=5, reps=8),)),),
        )
    )
    close_database()
    out = tmp_path / "out.csv"
    assert run_cli(capsys, "export", out, "--db", database)[0] == 0
    fresh = tmp_path / "fresh.sqlite"
    assert run_cli(capsys, "import", out, "--db", fresh)[0] == 0
    open_database(fresh)
    back = find_exercise("Archer Ring Row")
    close_database()
    assert back is not None
    assert (back.mechanic, back.primary, back.secondary, back.bodyweight) == (
        Mechanic.COMPOUND,
        ("upper_back",),
        ("biceps",),
        True,
    )
