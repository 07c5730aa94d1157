# SPDX-License-Identifier: MIT
"""A workout shared from Strong as text becomes one session; a line that cannot be read is named by its number."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from journal.domain.effort import EffortScale
from journal.domain.records import RirOrigin, SetRecord, SetType
from journal.io import ImportFailed, ImportOptions, parse_file, parse_text
from tests.conftest import SAMPLES
from tests.io.support import KG_PER_LB, run_cli, stored_sessions

SHARED = SAMPLES / "strong-text" / "strong-shared-workout.txt"


def read(text: str):  # type: ignore[no-untyped-def]
    return parse_text(text, "strong-text", ImportOptions())


def test_the_shared_sample_becomes_one_session() -> None:
    parsed = parse_file(SHARED, "strong-text")
    assert not parsed.problems
    (session,) = parsed.sessions
    assert (session.title, session.start, session.source) == ("Push Day", datetime(2025, 8, 13, 7, 32), "strong-text")
    names = [e.exercise.name for e in session.entries]
    assert names == ["Bench Press (Barbell)", "Assisted Pull Up", "Chest Dip", "Plank", "Running (Treadmill)"]
    bench, assisted, dip, plank, run = (e.sets for e in session.entries)
    assert bench[0] == SetRecord(set_type=SetType.WARMUP, load_kg=60.0, reps=8)
    assert bench[1] == SetRecord(load_kg=100.0, reps=5, rir=2.0, effort_scale=EffortScale.RPE)
    assert (bench[2].load_kg, bench[2].rir) == (102.5, 0.5)
    assert (bench[3].set_type, bench[3].rir, bench[3].rir_origin) == (SetType.FAILURE, 0.0, RirOrigin.SET_TYPE)
    assert bench[4].set_type is SetType.DROP
    assert [(s.load_kg, s.reps, s.note) for s in assisted] == [(-20.0, 8, ""), (-15.0, 6, "Last one slow")]
    assert [(s.load_kg, s.reps) for s in dip] == [(None, 10), (20.0, 8)]
    assert plank[0].duration_s == 90.0
    assert (run[0].distance_m, run[0].duration_s) == (2000.0, 750.0)


def test_pounds_and_a_date_without_the_weekday_read() -> None:
    parsed = read("Legs\n15 January 2024 07:00\n\nSquat (Barbell)\nSet 1: 225 lb × 5\n")
    assert not parsed.problems
    (session,) = parsed.sessions
    assert session.start == datetime(2024, 1, 15, 7, 0)
    assert session.entries[0].sets[0].load_kg == pytest.approx(225 * KG_PER_LB)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Push\nMonday 1 January 2024 at 10:00\nBench\nSet 1: abc\n", 4, "is not like 'Set 1: 100 kg × 5'"),
        ("Push\nMonday 1 January 2024 at 10:00\n\nSet 1: 20 kg × 10\n", 4, "comes before any exercise"),
        ("Push\nMonday 1 January 2024 at 10:00\nBench\nSet 1: 20 kg × 10 @ 12\n", 4, "RPE 12 is not on the 1-10"),
        ("Push\nMonday 1 January 2024 at 10:00\nBench\nInvalid set format\n", 3, "'Bench' has no sets under it"),
    ],
)
def test_a_bad_line_is_named_by_its_number(text: str, line: int, message: str) -> None:
    parsed = read(text)
    assert parsed.fatal
    assert parsed.fatal[0].line == line and message in parsed.fatal[0].message


@pytest.mark.parametrize(
    ("text", "line"),
    [("", 1), ("Push\nInvalid Date Format\nBench\nSet 1: 20 kg × 10\n", 2), ("Push\n", 1)],
)
def test_text_that_is_no_shared_workout_is_refused(text: str, line: int) -> None:
    with pytest.raises(ImportFailed) as error:
        read(text)
    assert error.value.problem.line == line


def test_journal_import_reads_shared_text_by_its_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "journal.sqlite"
    code, out, err = run_cli(capsys, "import", SHARED, "--format", "strong-text", "--db", db)
    assert code == 0, err
    assert out.strip().endswith("imported 1 sessions, 11 sets (0 duplicates skipped)")
    (session,) = stored_sessions(db)
    assisted = session.entries[1]
    assert assisted.exercise.bodyweight and [s.load_kg for s in assisted.sets] == [-20.0, -15.0]
    code, out, err = run_cli(capsys, "import", SHARED, "--format", "strong-text", "--db", db)
    assert out.strip().endswith("imported 0 sessions, 0 sets (1 duplicates skipped)")
