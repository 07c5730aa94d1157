# SPDX-License-Identifier: MIT
"""One writer per journal file (QLockFile beside it): a second Journal is refused with a clear message while the
first runs, however old its lock; a lock left by a SIGKILLed process is recovered at once."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.lock import JournalLocked, acquire, lock_path
from tests.reliability.support import (
    SAMPLES,
    content,
    kill,
    make_journal,
    run_journal,
    start_runner,
    wait_for_line,
)

HEVY = SAMPLES / "hevy" / "hevy-kg.csv"


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return make_journal(tmp_path / "j" / "journal.sqlite", years=0.1)


@pytest.fixture
def holder(journal: Path, data_dir: Path) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """Another Journal process holding the file's lock, and its pid."""
    proc = start_runner(data_dir, "hold-lock", journal)
    lines: list[str] = []
    pid = int(wait_for_line(proc, "locked", lines, timeout=30).split()[1])
    yield proc, pid
    if proc.poll() is None:
        proc.kill()
    proc.communicate(timeout=30)


def test_a_second_writer_never_gets_in_however_old_the_lock(
    journal: Path, holder: tuple[subprocess.Popen[str], int], data_dir: Path
) -> None:
    before = content(journal)
    day_ago = time.time() - 86400
    os.utime(lock_path(journal), (day_ago, day_ago))  # a live lock is never stale by age
    for args in (["import", HEVY], ["demo"], ["restore", journal]):
        result = run_journal(data_dir, *args, "--db", journal)
        assert result.returncode != 0, (args, result.stdout)
    assert content(journal) == before
    assert holder[0].poll() is None


def test_a_second_journal_in_process_is_told_which_process_has_the_file(
    journal: Path, holder: tuple[subprocess.Popen[str], int]
) -> None:
    with pytest.raises(JournalLocked, match=rf"already open in another Journal \(process {holder[1]} "):
        acquire(journal)


@pytest.mark.parametrize("command", ["import", "restore"])
def test_a_second_journal_command_is_refused_with_a_clear_message(
    command: str, journal: Path, holder: tuple[subprocess.Popen[str], int], data_dir: Path
) -> None:
    args = {"import": ["import", HEVY], "restore": ["restore", journal]}[command]
    result = run_journal(data_dir, *args, "--db", journal)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr, result.stderr
    assert f"{journal} is already open in another Journal (process {holder[1]}" in result.stderr


def test_a_second_window_is_refused_with_a_clear_message(
    journal: Path, holder: tuple[subprocess.Popen[str], int], data_dir: Path
) -> None:
    proc = start_runner(data_dir, "window", journal)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, err
    assert f"warning: {journal} is already open in another Journal (process {holder[1]}" in out


def test_a_lock_left_by_a_killed_journal_is_recovered(journal: Path, data_dir: Path) -> None:
    proc = start_runner(data_dir, "hold-lock", journal)
    lines: list[str] = []
    wait_for_line(proc, "locked", lines, timeout=30)
    kill(proc, lines, "lock holder")
    assert lock_path(journal).exists(), "the killed process left its lock behind"
    result = run_journal(data_dir, "import", HEVY, "--db", journal)
    assert result.returncode == 0, result.stderr
    lock = acquire(journal)  # and the lock that import left is free again as well
    lock.unlock()
