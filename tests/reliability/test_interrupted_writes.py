# SPDX-License-Identifier: MIT
"""Backups and restores are written whole or not at all: killed part-way (SIGKILL in the middle of a copy) or
failing part-way (a full disk), they leave the journal as it was, no partial backup under a backup's name, and no
empty file behind."""

from __future__ import annotations

import time
from pathlib import Path

from journal.storage.backup import list_backups
from tests.reliability.support import (
    SAMPLES,
    content,
    digest,
    file_size_limit,
    kill,
    make_journal,
    run_journal,
    start_runner,
    wait_for_line,
)
from tests.reliability.test_bad_databases import _corrupt_header

HEVY = SAMPLES / "hevy" / "hevy-kg.csv"


def killed_copying(data_dir: Path, *args: str | Path) -> None:
    """Run `journal ARGS`, every backup copy slowed down, and kill it (SIGKILL) in the middle of the first copy."""
    proc = start_runner(data_dir, "slow-copy", *args)
    lines: list[str] = []
    wait_for_line(proc, "copying", lines, timeout=60)
    time.sleep(0.2)  # some pages written, most not
    assert kill(proc, lines, f"journal {args[0]} while copying")


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_restore_killed_while_replacing_a_damaged_journal_leaves_it_as_it_was(tmp_path: Path, data_dir: Path) -> None:
    good = make_journal(tmp_path / "good" / "journal.sqlite", years=1.0)
    db = make_journal(tmp_path / "j" / "journal.sqlite", years=1.0, seed=2)
    _corrupt_header(db)  # refused on opening: the backup is put in its place
    before = digest(db)
    killed_copying(data_dir, "restore", good, "--db", db)
    assert digest(db) == before, "the damaged journal was replaced by part of the backup"
    again = run_journal(data_dir, "restore", good, "--db", db)
    assert again.returncode == 0, again.stderr
    assert content(db) == content(good)


def test_a_backup_killed_part_way_leaves_no_backup_under_a_backups_name(tmp_path: Path, data_dir: Path) -> None:
    db = make_journal(tmp_path / "j" / "journal.sqlite", years=1.0)
    before = content(db)
    killed_copying(data_dir, "import", HEVY, "--db", db)
    assert list_backups(db) == [], "a partial backup is listed (and would stand for the day's daily backup)"
    assert content(db) == before


def test_a_failed_backup_leaves_no_empty_file(tmp_path: Path, data_dir: Path) -> None:
    db = make_journal(tmp_path / "j" / "journal.sqlite", years=1.0)
    for _attempt in range(3):
        result = run_journal(data_dir, "backup", "--db", db, preexec=file_size_limit(db.stat().st_size // 2))
        assert result.returncode == 1, result.stdout
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr, result.stderr
    assert [n for n in _files(db.parent / "backups") if not n.startswith(".")] == []
    assert _files(db.parent / "backups") == []
