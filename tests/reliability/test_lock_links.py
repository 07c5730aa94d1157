# SPDX-License-Identifier: MIT
"""The one-writer lock cannot be gone around through a link: a symbolic link to an open journal, or a link to its
folder, takes the same lock, so no command writes through it while the window holds the file. A lock file left
empty or half-written by a crash does not refuse every writer for ever."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.lock import JournalLocked, acquire, lock_path
from tests.reliability.support import SAMPLES, content, make_journal, run_journal, start_runner, wait_for_line

HEVY = SAMPLES / "hevy" / "hevy-kg.csv"


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return make_journal(tmp_path / "j" / "journal.sqlite", years=0.1)


@pytest.fixture
def links(journal: Path, tmp_path: Path) -> list[Path]:
    file_link = tmp_path / "link.sqlite"
    os.symlink(journal, file_link)
    folder_link = tmp_path / "folder-link"
    os.symlink(journal.parent, folder_link, target_is_directory=True)
    return [file_link, folder_link / journal.name]


@pytest.fixture
def holder(journal: Path, data_dir: Path) -> Iterator[int]:
    proc = start_runner(data_dir, "hold-lock", journal)
    lines: list[str] = []
    pid = int(wait_for_line(proc, "locked", lines, timeout=30).split()[1])
    yield pid
    proc.kill()
    proc.communicate(timeout=30)


def test_no_command_writes_through_a_link_to_an_open_journal(
    journal: Path, links: list[Path], holder: int, data_dir: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.sqlite"
    assert run_journal(data_dir, "backup", "--db", journal, "--to", backup).returncode == 0
    before = content(journal)
    for link in links:
        for args in (["import", HEVY], ["restore", backup]):
            result = run_journal(data_dir, *args, "--db", link)
            assert result.returncode == 2, (link, args, result.stdout)
            assert f"{link} is already open in another Journal (process {holder}" in result.stderr
    assert content(journal) == before


def test_a_link_and_the_journal_share_one_lock_in_process(journal: Path, links: list[Path]) -> None:
    lock = acquire(journal)
    try:
        for link in links:
            with pytest.raises(JournalLocked):
                acquire(link)
    finally:
        lock.unlock()
    lock = acquire(links[0])
    try:
        with pytest.raises(JournalLocked):
            acquire(journal)
    finally:
        lock.unlock()


def test_a_second_window_through_a_link_is_refused(
    journal: Path, links: list[Path], holder: int, data_dir: Path
) -> None:
    proc = start_runner(data_dir, "window", links[0])
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2, err
    assert "is already open in another Journal" in out


@pytest.mark.parametrize("left", [b"", b"\x00\xff garbage \x17"], ids=["empty", "garbage"])
def test_a_lock_file_left_half_written_by_a_crash_does_not_refuse_writers(
    left: bytes, journal: Path, data_dir: Path
) -> None:
    lock_path(journal).write_bytes(left)  # what a crash while the lock was being written leaves
    result = run_journal(data_dir, "import", HEVY, "--db", journal)
    assert result.returncode == 0, result.stderr
    lock = acquire(journal)
    lock.unlock()
