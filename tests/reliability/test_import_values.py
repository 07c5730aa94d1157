# SPDX-License-Identifier: MIT
"""Values an import must refuse: a bodyweight outside 20-400 kg (as the session form refuses it), numbers that are
not plain decimals ('1_0', '1e-320'); and `stats --json` is strict JSON, never Infinity or NaN."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from tests.reliability.support import counts, make_journal, run_journal


def _strict(text: str) -> object:
    def refuse(name: str) -> object:
        raise ValueError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture
def exported(tmp_path: Path, data_dir: Path) -> Path:
    journal = make_journal(tmp_path / "journal.sqlite", years=0.05)
    out = tmp_path / "export.csv"
    assert run_journal(data_dir, "export", out, "--db", journal).returncode == 0
    return out


def _with(path: Path, column: str, value: str) -> Path:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index(column)] = value
    changed = path.with_name(f"changed-{column}.csv")
    with changed.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return changed


@pytest.mark.parametrize("value", ["-5", "0", "1", "19.9", "400.5", "1e300", "inf", "nan"])
def test_a_bodyweight_outside_the_forms_range_is_refused(
    value: str, exported: Path, tmp_path: Path, data_dir: Path
) -> None:
    fresh = tmp_path / "fresh.sqlite"
    result = run_journal(data_dir, "import", _with(exported, "session_bodyweight_kg", value), "--db", fresh)
    assert result.returncode == 1, result.stdout
    assert ":2: bodyweight" in result.stderr, result.stderr
    assert not fresh.exists() or counts(fresh) == (0, 0)


@pytest.mark.parametrize("value", ["1_0", "1e-320", "1e2"])
def test_a_number_that_is_not_a_plain_decimal_is_refused(
    value: str, exported: Path, tmp_path: Path, data_dir: Path
) -> None:
    result = run_journal(data_dir, "import", _with(exported, "load_kg", value), "--db", tmp_path / "fresh.sqlite")
    assert result.returncode == 1, result.stdout
    assert f":2: load '{value}' is not a number" in result.stderr, result.stderr


def test_stats_json_is_never_infinity_or_nan(tmp_path: Path, data_dir: Path) -> None:
    journal = make_journal(tmp_path / "journal.sqlite", years=0.05)
    connection = sqlite3.connect(journal)  # a value no import lets in any more, from an older journal
    connection.execute("UPDATE session SET bodyweight_kg = 1e300")
    connection.commit()
    connection.close()
    result = run_journal(data_dir, "stats", "--json", "--db", journal)
    if result.returncode == 0:
        _strict(result.stdout)
    else:
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "Infinity" not in result.stdout and "NaN" not in result.stdout
