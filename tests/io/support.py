# SPDX-License-Identifier: MIT
"""Shared helpers of the importer tests: running `journal` in-process, the state of a journal file, and what a
journal file holds, read back through the repository."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from journal.cli import main
from journal.domain.records import Session, SetRecord
from journal.io import ParsedImport
from journal.io.strong_export import HEADER as STRONG_HEADER
from journal.storage.database import close_database, open_database
from journal.storage.queries import stats
from journal.storage.repository import iter_sessions

KG_PER_LB = 0.45359237
# The columns of a Strong export (the common comma layout) and of a Hevy export in kilograms.
STRONG_COLUMNS = STRONG_HEADER
HEVY_COLUMNS = (
    "title",
    "start_time",
    "end_time",
    "description",
    "exercise_title",
    "superset_id",
    "exercise_notes",
    "set_index",
    "set_type",
    "weight_kg",
    "reps",
    "distance_km",
    "duration_seconds",
    "rpe",
)
FINAL_LINE = r"^imported (\d+) sessions, (\d+) sets \((\d+) duplicates skipped\)$"


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """`journal ARGV` in-process: exit code, stdout, stderr. The journal file is closed afterwards."""
    capsys.readouterr()  # drop anything printed before
    try:
        code = main([str(a) for a in argv])
    finally:
        close_database()
    out, err = capsys.readouterr()
    return code, out, err


def file_state(path: Path) -> dict[str, bytes | None]:
    """The bytes of a journal file and of its SQLite side files (None where absent), to compare before and after."""
    state: dict[str, bytes | None] = {}
    for suffix in ("", "-wal", "-journal"):
        side = path.with_name(path.name + suffix)
        state[suffix or "main"] = side.read_bytes() if side.exists() else None
    return state


def stored_sessions(path: Path) -> list[Session]:
    """Every session in the journal file at `path`, oldest first."""
    open_database(path)
    try:
        return list(iter_sessions())
    finally:
        close_database()


def stored_stats(path: Path) -> dict[str, object]:
    open_database(path)
    try:
        return stats()
    finally:
        close_database()


def without_ids(session: Session) -> tuple[object, ...]:
    """A session's every field but its ids (and the exercise's catalogue details other than its name)."""
    return (
        session.start,
        session.end,
        session.title,
        session.bodyweight_kg,
        session.notes,
        session.source,
        session.source_key,
        tuple(
            (entry.exercise.name, entry.note, tuple(replace(record, id=None) for record in entry.sets))
            for entry in session.entries
        ),
    )


def final_line(out: str) -> str:
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines, "nothing printed"
    return lines[-1]


def csv_text(rows: Sequence[Mapping[str, str]], columns: Sequence[str]) -> str:
    """A CSV file with these columns (a column a row lacks is empty); line 1 is the header, rows[i] is on line
    i + 2."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for values in rows:
        writer.writerow([values.get(name, "") for name in columns])
    return buffer.getvalue()


def sets_of(parsed: ParsedImport) -> list[SetRecord]:
    return [record for session in parsed.sessions for entry in session.entries for record in entry.sets]


def shape(parsed: ParsedImport) -> list[list[tuple[str, str, int]]]:
    """Each session's entries as (exercise name, note, number of sets)."""
    return [
        [(entry.exercise.name, entry.note, len(entry.sets)) for entry in session.entries] for session in parsed.sessions
    ]


def lines(parsed: ParsedImport, fatal: bool = True) -> list[int]:
    """The lines of the problems found (fatal ones, or warnings)."""
    return [problem.line for problem in parsed.problems if problem.fatal is fatal]
