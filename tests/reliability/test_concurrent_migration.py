# SPDX-License-Identifier: MIT
"""Several commands started at once on a journal of an older schema: one migrates, under the file's write lock,
and the others wait for it; none fails with 'duplicate column' or 'database is locked'."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from journal.storage.migrations import SCHEMA_VERSION, STEPS
from tests.reliability.support import SAMPLES, start_runner, wait_for_line

HEVY = SAMPLES / "hevy" / "hevy-kg.csv"


def _old_journal(path: Path) -> Path:
    legacy = SqliteDatabase(str(path))
    legacy.connect()
    for step in STEPS[:2]:
        step(legacy)
    legacy.execute_sql("PRAGMA user_version = 2")
    legacy.execute_sql("INSERT INTO session (id, start, title) VALUES (1, '2020-01-01 09:00:00', 'Old days')")
    legacy.close()
    return path


def test_commands_started_together_on_an_old_journal_all_succeed(tmp_path: Path, data_dir: Path) -> None:
    for attempt in range(3):
        db = _old_journal(tmp_path / f"old-{attempt}.sqlite")
        commands = [
            ["stats", "--json"],
            ["export", tmp_path / f"out-{attempt}-1.csv"],
            ["import", HEVY],
            ["stats", "--json"],
            ["export", tmp_path / f"out-{attempt}-2.csv"],
            ["stats", "--json"],
            ["export", tmp_path / f"out-{attempt}-3.csv"],
            ["stats", "--json"],
            ["stats", "--json"],
            ["export", tmp_path / f"out-{attempt}-4.csv"],
        ]
        go = tmp_path / f"go-{attempt}"
        procs = [start_runner(data_dir, "together", go, *args, "--db", db) for args in commands]
        for proc in procs:
            wait_for_line(proc, "ready", [], timeout=60)
        go.touch()
        results = [
            (args[0], proc.communicate(timeout=120), proc.returncode)
            for args, proc in zip(commands, procs, strict=True)
        ]
        failed = [(name, err) for name, (_out, err), code in results if code != 0]
        assert not failed, failed
        raw = sqlite3.connect(db)
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        raw.close()
