# SPDX-License-Identifier: MIT
"""A write that fails is reported by its cause in plain words (the disk is full, the file cannot be written), never
as SQLite's 'cannot rollback - no transaction is active' that follows it."""

from __future__ import annotations

from pathlib import Path

from tests.reliability.support import file_size_limit, run_journal


def test_a_full_disk_during_demo_is_named(tmp_path: Path, data_dir: Path) -> None:
    target = tmp_path / "new.sqlite"
    result = run_journal(data_dir, "demo", "--db", target, "--years", "1", preexec=file_size_limit(300_000))
    assert result.returncode == 1, result.stdout
    assert "no transaction is active" not in result.stderr, result.stderr
    assert "the disk may be full" in result.stderr and len(result.stderr.splitlines()) == 1, result.stderr
