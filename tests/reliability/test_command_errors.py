# SPDX-License-Identifier: MIT
"""Every command error is one clear line and a non-zero exit, never a traceback: a folder given as the journal or
as a file to write, a backup into a read-only folder. `journal backup` keeps its backups in rotation as the window
does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from journal.storage.backup import list_backups
from tests.reliability.support import (
    SAMPLES,
    make_journal,
    permission_bound,
    probe_permissions,
    run_journal,
)

HEVY = SAMPLES / "hevy" / "hevy-kg.csv"


def _one_clear_line(result: object, *expected: str) -> None:
    assert result.returncode != 0, result.stdout  # type: ignore[attr-defined]
    lines = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr  # type: ignore[attr-defined]
    for text in expected:
        assert text in lines[0], lines[0]


@pytest.mark.parametrize(
    "command",
    [["backup"], ["stats", "--json"], ["export", "OUT"], ["import", HEVY], ["restore", "JOURNAL"], ["demo"]],
    ids=lambda c: str(c[0]),
)
def test_a_folder_given_as_the_journal(command: list[str | Path], tmp_path: Path, data_dir: Path) -> None:
    journal = make_journal(tmp_path / "journal.sqlite", years=0.05)
    folder = tmp_path / "folder"
    folder.mkdir()
    args = [{"OUT": tmp_path / "out.csv", "JOURNAL": journal}.get(str(a), a) for a in command]
    result = run_journal(data_dir, *args, "--db", folder)
    _one_clear_line(result, f"{folder} is a folder, not a journal file")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    "command", [["export"], ["print", "latest", "--pdf"], ["chart", "volume", "--png"]], ids=lambda c: c[0]
)
def test_a_folder_given_as_the_file_to_write(command: list[str], tmp_path: Path, data_dir: Path) -> None:
    journal = make_journal(tmp_path / "journal.sqlite", years=0.05)
    folder = tmp_path / "out"
    folder.mkdir()
    result = run_journal(data_dir, *command, folder, "--db", journal)
    _one_clear_line(result, f"{folder} is a folder")
    assert "wrote" not in result.stdout


@pytest.fixture
def obeys_modes(tmp_path: Path) -> Callable[[], None] | None:
    if not probe_permissions(tmp_path):
        pytest.skip("a child process here ignores file modes (root that cannot drop CAP_DAC_OVERRIDE)")
    return permission_bound()


@pytest.mark.parametrize("where", ["--to", "beside"])
def test_a_backup_into_a_read_only_folder(
    where: str, tmp_path: Path, data_dir: Path, obeys_modes: Callable[[], None] | None
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    journal = make_journal(folder / "journal.sqlite", years=0.05)
    target = tmp_path / "read-only-target" if where == "--to" else folder
    target.mkdir(exist_ok=True)
    target.chmod(0o500)
    try:
        args = ["--to", target] if where == "--to" else []
        result = run_journal(data_dir, "backup", "--db", journal, *args, preexec=obeys_modes)
    finally:
        target.chmod(0o700)
    _one_clear_line(result, "the backup could not be written", "ermission denied")
    assert sorted(p.name for p in target.iterdir()) == (["journal.sqlite"] if where == "beside" else [])


def test_journal_backup_keeps_its_backups_in_rotation(tmp_path: Path, data_dir: Path) -> None:
    journal = make_journal(tmp_path / "journal.sqlite", years=0.05)
    for _ in range(12):
        assert run_journal(data_dir, "backup", "--db", journal).returncode == 0
    assert len(list_backups(journal)) == 10  # the default count kept, as the window keeps
