# SPDX-License-Identifier: MIT
"""Journal CSV carries the routines (journal/3): an export imported into an empty journal gives the same routines
with their planned sets; journal/2 files, without the routine columns, still read; undo takes the routines out."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from journal.domain.effort import EffortScale
from journal.domain.routines import Routine
from journal.io import ImportFailed, parse_file, parse_text
from journal.io.journal_csv import HEADER_V2, ROUTINE_COLUMNS
from journal.storage.database import close_database, open_database
from journal.storage.routines import list_routines
from tests.conftest import SAMPLES
from tests.io.support import run_cli

JOURNAL = SAMPLES / "journal" / "journal-export.csv"


def _routines(db: Path) -> list[tuple[object, ...]]:
    open_database(db)
    try:
        stored = list_routines()
    finally:
        close_database()
    return [_shape(r) for r in stored]


def _shape(routine: Routine) -> tuple[object, ...]:
    return (
        routine.name,
        routine.notes,
        tuple(
            (
                i.exercise.name,
                i.exercise.bodyweight,
                i.sets,
                i.reps_low,
                i.reps_high,
                i.target_rir,
                i.target_scale,
                i.load_kg,
                i.rest_s,
                i.notes,
                i.calibration,
            )
            for i in routine.items
        ),
    )


def test_the_sample_carries_two_routines_with_their_planned_sets() -> None:
    parsed = parse_file(JOURNAL)
    assert not parsed.problems
    heavy, empty = parsed.routines
    assert (heavy.name, heavy.notes, empty.name, empty.items) == (
        "Push, heavy",
        "Top set first\nthen back-offs",
        "Empty plan",
        (),
    )
    bench, tyre, dip = heavy.items
    assert (bench.exercise.name, bench.sets, bench.reps_low, bench.reps_high) == ("Bench Press", 4, 3, 5)
    assert (bench.target_rir, bench.target_scale, bench.load_kg, bench.rest_s) == (1.5, EffortScale.RPE, 102.5, 180)
    assert (bench.notes, bench.calibration) == ("'=paused", True)
    assert (tyre.exercise.name, tyre.target_rir) == ("=Tyre Drag Relay", None)
    assert dip.exercise.bodyweight
    assert "=Tyre Drag Relay" in parsed.exercise_names()


def test_an_export_imported_into_an_empty_journal_gives_the_same_routines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    assert "routines: 2 (2 new)" in run_cli(capsys, "import", JOURNAL, "--dry-run", "--db", first)[1].splitlines()
    code, out, err = run_cli(capsys, "import", JOURNAL, "--db", first)
    assert code == 0, err
    assert "added 2 routines" in out
    exported = tmp_path / "again.csv"
    assert run_cli(capsys, "export", exported, "--db", first)[0] == 0
    assert run_cli(capsys, "import", exported, "--db", second)[0] == 0
    assert _routines(second) == _routines(first) == [_shape(r) for r in parse_file(JOURNAL).routines]
    code, out, err = run_cli(capsys, "import", exported, "--db", second)  # a routine is known by its name
    assert "routine" not in out and len(_routines(second)) == 2


def test_a_journal_2_file_still_reads() -> None:
    rows = list(csv.reader(JOURNAL.open(newline="", encoding="utf-8")))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER_V2)
    for row in rows[1:]:
        if not row[-len(ROUTINE_COLUMNS)]:  # a session's row
            writer.writerow(["journal/2", *row[1 : len(HEADER_V2)]])
    parsed = parse_text(buffer.getvalue())
    assert not parsed.problems and not parsed.routines
    assert parsed.set_count == parse_file(JOURNAL).set_count


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("item_reps_low", "9"), "the range from low to high"),
        (("item_target_rir", "11"), "target RIR 11 is not 0 to 10"),
        (("routine_name", ""), "the routine's name is empty"),
        (("item_calibration", "yes"), "item_calibration 'yes' is neither 0 nor 1"),
    ],
)
def test_a_bad_routine_row_is_named_by_its_line(change: tuple[str, str], message: str) -> None:
    rows = list(csv.reader(JOURNAL.open(newline="", encoding="utf-8")))
    header = rows[0]
    at = next(i for i, row in enumerate(rows) if i and row[header.index("routine")] and row[header.index("entry")])
    rows[at][header.index(change[0])] = change[1]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    line = 0
    for index, row in enumerate(rows):
        if index == at:
            line = buffer.getvalue().count("\n") + 1  # where the changed row starts (notes hold line ends)
        writer.writerow(row)
    with pytest.raises(ImportFailed) as error:
        parse_text(buffer.getvalue())
    assert message in error.value.problem.message
    assert error.value.problem.line == line
