# SPDX-License-Identifier: MIT
"""Shared helpers of the importer tests: running `journal` in-process, the state of a journal file, and what a
journal file holds, read back through the repository."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from journal.cli import main
from journal.domain.records import Session
from journal.storage.database import close_database, open_database
from journal.storage.queries import stats
from journal.storage.repository import iter_sessions

KG_PER_LB = 0.45359237
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
    return (session.start, session.end, session.title, session.bodyweight_kg, session.notes, session.source,
            session.source_key,
            tuple((entry.exercise.name, entry.note, tuple(replace(record, id=None) for record in entry.sets))
                  for entry in session.entries))


def final_line(out: str) -> str:
    lines = [line for line in out.splitlines() if line.strip()]
    assert lines, "nothing printed"
    return lines[-1]
