# SPDX-License-Identifier: MIT
"""What an import refuses before it can hurt: a header that names a column twice (which one holds the load?), an
exercise name over 200 characters and a note over 10,000 (the window would take minutes to lay them out, printing
longer still)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.reliability.support import STRONG_HEADER, counts, make_journal, run_journal, strong_csv


def test_a_header_with_a_column_twice_is_refused(tmp_path: Path, data_dir: Path) -> None:
    export = tmp_path / "strong.csv"
    header = [*STRONG_HEADER, "Weight (kg)"]
    export.write_text(
        ",".join(header) + "\n2024-03-05 07:30:00,Push,1h,Bench Press (Barbell),1,50,5,0,0,,,8,999\n", encoding="utf-8"
    )
    journal = make_journal(tmp_path / "journal.sqlite", years=0.05)
    before = counts(journal)
    result = run_journal(data_dir, "import", export, "--db", journal)
    assert result.returncode == 1, result.stdout
    assert result.stderr == f"{export}:1: the header has the column 'Weight (kg)' twice: keep one of them\n"
    assert counts(journal) == before


@pytest.mark.parametrize(
    ("field", "length", "refusal"),
    [
        ("Exercise Name", 201, "is longer than 200 characters"),
        ("Exercise Name", 5 * 2**20, "a field is longer than 1,048,576 characters"),
        ("Notes", 10_001, "is longer than 10,000 characters"),
        ("Workout Notes", 400_000, "is longer than 10,000 characters"),
    ],
)
def test_a_name_or_note_too_long_is_refused(
    field: str, length: int, refusal: str, tmp_path: Path, data_dir: Path
) -> None:
    export = tmp_path / "strong.csv"
    strong_csv(export, 100)
    lines = export.read_text(encoding="utf-8").split("\n")
    cells = lines[5].split(",")
    cells[STRONG_HEADER.index(field)] = "x" * length
    lines[5] = ",".join(cells)
    export.write_text("\n".join(lines), encoding="utf-8")
    journal = make_journal(tmp_path / "journal.sqlite", years=0.05)
    before = counts(journal)
    began = time.monotonic()
    result = run_journal(data_dir, "import", export, "--db", journal)
    assert result.returncode == 1, result.stdout
    assert refusal in result.stderr and len(result.stderr) < 400, result.stderr[:1000]
    assert time.monotonic() - began < 30
    assert counts(journal) == before
