# SPDX-License-Identifier: MIT
"""What a command does when its own output cannot be written: a reader that went away (`journal stats --json |
head -c 60`) ends it quietly, a full disk is said in one line; both exit non-zero, and neither prints a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest

REPO = Path(__file__).resolve().parents[1]


def _journal(data_dir: Path, *args: str | Path, stdout: int | IO[bytes]) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen", "JOURNAL_DATA_DIR": str(data_dir)}
    env.pop("JOURNAL_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "journal", *map(str, args)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def journals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A small journal (its figures fit in the output buffer, written when the command ends) and a larger one
    (written while the command runs)."""
    folder = tmp_path_factory.mktemp("journals")
    made = {}
    for name, years in (("small", "0.3"), ("large", "4")):
        made[name] = folder / f"{name}.sqlite"
        assert _journal(folder, "demo", "--years", years, "--db", made[name], stdout=subprocess.PIPE).returncode == 0
    return made


COMMANDS = {
    "stats-small": ("stats", "--json", "--db", "small"),
    "stats-large": ("stats", "--json", "--db", "large"),
    "export": ("export", "{out}", "--db", "small"),
}


def _args(name: str, journals: dict[str, Path], tmp_path: Path) -> list[str | Path]:
    return [journals.get(arg) or (tmp_path / "out.csv" if arg == "{out}" else arg) for arg in COMMANDS[name]]


@pytest.mark.parametrize("command", list(COMMANDS))
def test_output_into_a_closed_pipe_ends_quietly_and_non_zero(
    command: str, journals: dict[str, Path], tmp_path: Path
) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader has gone before anything is written, as `head` after its 60 bytes
    try:
        result = _journal(tmp_path, *_args(command, journals, tmp_path), stdout=write)
    finally:
        os.close(write)
    assert result.stderr.decode() == ""
    assert result.returncode == 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here to stand for a full disk")
@pytest.mark.parametrize("command", list(COMMANDS))
def test_output_onto_a_full_disk_is_one_clear_line(command: str, journals: dict[str, Path], tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = _journal(tmp_path, *_args(command, journals, tmp_path), stdout=full)
    err = result.stderr.decode()
    assert result.returncode == 1
    assert "Traceback" not in err
    assert (
        err.count("\n") == 1
        and err.startswith(f"journal {COMMANDS[command][0]}: ")
        and "the output could not be written: No space left on device" in err
    ), err
