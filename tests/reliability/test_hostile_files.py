# SPDX-License-Identifier: MIT
"""Files built to hurt: a line of 50 MB is refused in a short message, quickly; an endless stream is refused as
read, not trusted by its size; a NUL character anywhere in a file is refused with its line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from journal.io import ImportFailed
from journal.io.text import read_text
from tests.reliability.support import STRONG_HEADER, counts, make_journal, run_journal, strong_csv


def _strong_with(path: Path, row: int, field: str, value: str) -> Path:
    """A Strong export of 3,000 sets whose `row`-th set has `value` in column `field`."""
    strong_csv(path, 3000)
    lines = path.read_text(encoding="utf-8").split("\n")
    cells = lines[row].split(",")
    cells[STRONG_HEADER.index(field)] = value
    lines[row] = ",".join(cells)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("field", ["Weight (kg)", "Exercise Name", "Notes"])
def test_a_50_mb_value_is_refused_in_a_short_message(field: str, tmp_path: Path, data_dir: Path) -> None:
    journal = make_journal(tmp_path / "journal.sqlite", years=0.05)
    before = counts(journal)
    export = _strong_with(tmp_path / "strong.csv", 10, field, "9" * (50 * 2**20))
    began = time.monotonic()
    result = run_journal(data_dir, "import", export, "--db", journal)
    assert result.returncode == 1
    assert len(result.stderr) < 1000 and len(result.stderr.splitlines()) == 1, result.stderr[:2000]
    assert time.monotonic() - began < 30
    assert counts(journal) == before


def test_an_endless_stream_is_refused_at_once(tmp_path: Path, data_dir: Path) -> None:
    began = time.monotonic()
    result = run_journal(data_dir, "import", "/dev/zero", "--db", tmp_path / "journal.sqlite", timeout=60)
    assert result.returncode == 1
    assert result.stderr == "/dev/zero:1: the file is not a text file (it holds binary data)\n"
    assert time.monotonic() - began < 20


def test_a_nul_after_the_first_64_kb_is_refused_with_its_line(tmp_path: Path, data_dir: Path) -> None:
    export = _strong_with(tmp_path / "strong.csv", 2500, "Notes", "before\x00after")
    assert export.stat().st_size > 65536 * 2
    with pytest.raises(ImportFailed) as refused:
        read_text(export)
    assert refused.value.problem.line == 2501
    journal = make_journal(tmp_path / "journal.sqlite", years=0.05)
    before = counts(journal)
    result = run_journal(data_dir, "import", export, "--db", journal)
    assert result.returncode == 1
    assert result.stderr == f"{export}:2501: a NUL character (binary data) is in the file here\n"
    assert counts(journal) == before
