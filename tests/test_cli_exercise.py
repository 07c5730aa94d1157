# SPDX-License-Identifier: MIT
"""`journal exercise NAME --json`: rep maxes and records against the same figures worked out from an export's rows."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import pytest

from journal.domain.metrics import e1rm
from journal.storage import exercises
from journal.storage.database import close_database, open_database
from tests.conftest import shared_export
from tests.io.support import run_cli

SAMPLE = Path(__file__).parent / "fixtures" / "strong" / "strong-rep-maxes-kg.csv"


def strong_rows(path: Path, exercise: str) -> list[tuple[str, float, int, float | None]]:
    """(day, kg, reps, rpe) of the exercise's sets in a Strong export that are lifted sets: not a warm-up, a note or
    a rest timer, with a load and reps."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    load_column = "Weight (kg)" if "Weight (kg)" in rows[0] else "Weight"
    out = []
    for row in rows:
        if row["Exercise Name"] != exercise or row["Set Order"] in ("W", "Note", "Rest Timer"):
            continue
        kg, reps = float(row[load_column]), int(row["Reps"])
        rpe = float(row["RPE"]) if row.get("RPE") not in (None, "", "0") else None
        if kg > 0 and reps > 0:
            out.append((row["Date"][:10], kg, reps, rpe))
    return out


def expected(
    rows: list[tuple[str, float, int, float | None]],
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """The rep-max table and the records as the README defines them, straight from the rows."""
    table: list[dict[str, object]] = []
    for r in range(1, 13):
        fit = [row for row in rows if row[2] >= r]
        if not fit:
            table.append({"reps": r, "load_kg": None, "date": None})
            continue
        top = max(row[1] for row in fit)
        first = min(row[0] for row in fit if row[1] == top)
        table.append({"reps": r, "load_kg": top, "date": first})
    heaviest: dict[tuple[str, int], float] = defaultdict(float)
    for day, kg, reps, _ in rows:
        heaviest[day, reps] = max(heaviest[day, reps], kg)
    records = []
    for (day, reps), kg in sorted(heaviest.items()):
        earlier = [w for (d, n), w in heaviest.items() if d < day and n >= reps]
        if not earlier or kg > max(earlier):
            records.append({"date": day, "load_kg": kg, "reps": reps})
    return table, records


def printed(capsys: pytest.CaptureFixture[str], db: Path, name: str) -> dict[str, object]:
    code, out, err = run_cli(capsys, "exercise", name, "--json", "--db", db)
    assert code == 0, err
    result: dict[str, object] = json.loads(out)
    return result


def compare(result: dict[str, object], rows: list[tuple[str, float, int, float | None]]) -> None:
    table, records = expected(rows)
    got = result["rep_maxes"]
    assert isinstance(got, list)
    assert [{k: m[k] for k in ("reps", "load_kg", "date")} for m in got] == table
    assert result["records"] == records
    for m in got:  # the estimate beside each rep max is the e1RM of a set of that load, that day, r reps or more
        if m["load_kg"] is not None:
            candidates = [
                e1rm(kg, reps, None if rpe is None else 10 - rpe)
                for day, kg, reps, rpe in rows
                if day == m["date"] and kg == m["load_kg"] and reps >= m["reps"]
            ]
            assert round(max(c.kg for c in candidates if c), 2) == m["e1rm_kg"]


def test_rep_maxes_and_records_match_the_rows_of_the_export(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "import", SAMPLE, "--db", db_path)
    assert code == 0, err
    bench = printed(capsys, db_path, "Bench Press (Barbell)")
    assert bench["exercise"] == "Bench Press"
    compare(bench, strong_rows(SAMPLE, "Bench Press (Barbell)"))
    maxes = bench["rep_maxes"]
    assert isinstance(maxes, list)
    assert maxes[4] == {  # 100 kg x 6 is the 5-rep max too, first lifted on 13 Feb
        "reps": 5,
        "load_kg": 100.0,
        "date": "2025-02-13",
        "e1rm_kg": maxes[4]["e1rm_kg"],
        "e1rm_extrapolated": False,
    }
    assert maxes[11]["load_kg"] == 80.0 and maxes[11]["e1rm_extrapolated"]  # 80 x 12 at failure: n = 12
    squat = printed(capsys, db_path, "squat")  # words of a name that only one exercise holds
    compare(squat, strong_rows(SAMPLE, "Squat (Barbell)"))
    assert {"date": "2025-02-24", "load_kg": 140.0, "reps": 1} in squat["records"]  # type: ignore[operator]


def test_unknown_and_ambiguous_names_are_refused(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run_cli(capsys, "import", SAMPLE, "--db", db_path)
    code, out, err = run_cli(capsys, "exercise", "Zercher carry", "--json", "--db", db_path)
    assert (code, out) == (2, "")
    assert err.strip() == "journal exercise: no exercise called 'Zercher carry'"
    code, out, err = run_cli(capsys, "exercise", "press", "--json", "--db", db_path)
    assert (code, out) == (2, "")
    assert err.startswith("journal exercise: 'press' could be ") and "'Bench Press'" in err
    code, _, err = run_cli(capsys, "exercise", "bench", "--json", "--db", db_path / "none.sqlite")
    assert code == 2 and "no journal file" in err


def test_the_real_strong_export_matches_its_rows(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = shared_export("strong", "szelesaron-strong-2023.csv")
    code, _, err = run_cli(capsys, "import", path, "--units", "kg", "--db", db_path)
    assert code == 0, err
    with path.open(newline="", encoding="utf-8") as handle:
        counts: dict[str, int] = defaultdict(int)
        for row in csv.DictReader(handle):
            counts[row["Exercise Name"]] += 1
    open_database(db_path)
    loaded = []
    for name in sorted(counts, key=counts.__getitem__, reverse=True):
        found = exercises.match_exercises(name)
        if len(found) == 1 and not found[0].bodyweight:  # a bodyweight exercise adds the lifter's weight
            loaded.append(name)
    close_database()
    for name in loaded[:6]:
        compare(printed(capsys, db_path, name), strong_rows(path, name))
