# SPDX-License-Identifier: MIT
"""`journal import FILE [--format ...] [--units kg|lb] [--dry-run]`: the dry run writes nothing, the final line's
format, and re-imports of overlapping exports add only the new sessions."""

from __future__ import annotations

import csv
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from journal.domain.records import Entry, Session, SetRecord
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from tests.conftest import SAMPLES
from tests.io.support import (
    FINAL_LINE,
    STRONG_COLUMNS,
    file_state,
    final_line,
    run_cli,
    stored_sessions,
    stored_stats,
    without_ids,
)

STRONG = SAMPLES / "strong" / "strong-comma-no-unit.csv"
STRONG_SEMICOLON = SAMPLES / "strong" / "strong-semicolon-units.csv"
HEVY = SAMPLES / "hevy" / "hevy-kg.csv"


def _lines(path: Path) -> list[str]:
    """The file's physical lines, each with its line end."""
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def _records(path: Path, delimiter: str = ",") -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def _sets(records: list[list[str]]) -> int:
    """The sets among a file's records (after the header): Strong's Note and Rest Timer rows are none."""
    header = records[0]
    if "Set Order" not in header:
        return len(records) - 1
    order = header.index("Set Order")
    return sum(1 for r in records[1:] if r[order] not in ("Note", "Rest Timer"))


def _add_a_session(path: Path, start: datetime, title: str) -> None:
    open_database(path)
    try:
        bench = exercises.find_exercise("Bench Press")
        assert bench
        repo.add_session(
            Session(
                start=start,
                title=title,
                entries=(Entry(exercise=bench, sets=(SetRecord(load_kg=100, reps=5), SetRecord(load_kg=100, reps=4))),),
            )
        )
    finally:
        close_database()


# ---- --dry-run --------------------------------------------------------------------------------------------------


def test_dry_run_prints_the_figures_and_leaves_the_journal_as_it_was(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = _records(STRONG_SEMICOLON, ";")
    sessions = len({(r[0], r[1]) for r in records[1:]})
    sets = _sets(records)
    assert sets < len(records) - 1  # the file has Note and Rest Timer rows
    _add_a_session(db_path, datetime(2026, 1, 5, 10), "before")
    before = file_state(db_path)

    code, out, err = run_cli(capsys, "import", STRONG_SEMICOLON, "--db", db_path, "--dry-run")

    assert code == 0, err
    assert f"sessions: {sessions}" in out.splitlines()
    assert f"sets: {sets}" in out.splitlines()
    assert "format: Strong" in out.splitlines()
    assert not re.search(FINAL_LINE, out, re.MULTILINE)
    assert "nothing was written" in final_line(out)
    assert file_state(db_path) == before
    assert not (db_path.parent / "backups").exists()
    assert [s.title for s in stored_sessions(db_path)] == ["before"]

    absent = tmp_path / "absent.sqlite"
    code, out, err = run_cli(capsys, "import", STRONG_SEMICOLON, "--db", absent, "--dry-run")
    assert code == 0, err
    assert f"sets: {sets}" in out.splitlines()
    assert file_state(absent) == {"main": None, "-wal": None, "-journal": None}


def test_dry_run_of_a_bad_file_fails_like_the_import(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_a_session(db_path, datetime(2026, 1, 5, 10), "before")
    before = file_state(db_path)
    bad = tmp_path / "bad.csv"
    lines = _lines(STRONG_SEMICOLON)
    assert lines[5].count(";10;") == 1  # line 6: a set of 10 reps
    lines[5] = lines[5].replace(";10;", ";ten;")
    bad.write_text("".join(lines), encoding="utf-8")
    code, out, err = run_cli(capsys, "import", bad, "--db", db_path, "--dry-run")
    assert code != 0
    assert err.startswith(f"{bad}:6: ") and "'ten'" in err
    assert file_state(db_path) == before


# ---- the final line ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [STRONG_SEMICOLON, HEVY], ids=lambda p: p.name)
def test_the_final_line_says_sessions_sets_and_duplicates(
    path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "import", path, "--db", db_path)
    assert code == 0, err
    match = re.fullmatch(FINAL_LINE, out.rstrip("\n").splitlines()[-1])
    assert match, out
    figures = stored_stats(db_path)
    assert (int(match[1]), int(match[2]), int(match[3])) == (figures["sessions"], figures["sets"], 0)
    assert out.endswith("\n") and not err.strip()


def test_units_are_given_on_the_command_line(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "import", STRONG, "--db", db_path, "--units", "kg", "--format", "strong")
    assert code == 0, err
    assert re.fullmatch(FINAL_LINE, final_line(out))
    assert "warning" in err and "179h 26m" in err  # the timer left running is reported, not fatal


# ---- overlapping exports ----------------------------------------------------------------------------------------


def _without_session(path: Path, target: Path, which: int) -> int:
    """Copy `path` without the rows of the session at file position `which` (0: first in the file, -1: last);
    return how many rows (sets) that session has. Sessions are keyed by their first two fields' values as the file
    writes them (Strong: Date, Workout Name; Hevy: title, start_time). Records are copied whole, so a note over
    several lines stays one field."""
    records = _records(path)
    keys = list(dict.fromkeys((r[0], r[1]) for r in records[1:]))
    drop = keys[which]
    kept = [records[0]] + [r for r in records[1:] if (r[0], r[1]) != drop]
    with target.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(kept)
    return _sets(records) - _sets(kept)


@pytest.mark.parametrize(
    ("path", "which", "extra"),
    [
        (STRONG, -1, ("--units", "kg")),  # oldest first: the later export has a new last session
        (HEVY, 0, ()),  # newest first: the later export has a new first session
    ],
    ids=["strong", "hevy"],
)
def test_a_later_export_that_overlaps_imports_only_the_new_session(
    path: Path, which: int, extra: tuple[str, ...], db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier = tmp_path / f"earlier-{path.name}"
    new_sets = _without_session(path, earlier, which)
    records = _records(path)
    total_sessions = len({(r[0], r[1]) for r in records[1:]})
    total_sets = _sets(records)

    code, out, err = run_cli(capsys, "import", earlier, "--db", db_path, *extra)
    assert code == 0, err
    assert final_line(out) == (
        f"imported {total_sessions - 1} sessions, {total_sets - new_sets} sets (0 duplicates skipped)"
    )
    before = [without_ids(s) for s in stored_sessions(db_path)]

    code, out, err = run_cli(capsys, "import", path, "--db", db_path, *extra)
    assert code == 0, err
    assert final_line(out) == f"imported 1 sessions, {new_sets} sets ({total_sessions - 1} duplicates skipped)"
    after = [without_ids(s) for s in stored_sessions(db_path)]
    assert len(after) == total_sessions
    assert [s for s in after if s in before] == before  # nothing already there was changed

    code, out, err = run_cli(capsys, "import", earlier, "--db", db_path, *extra)
    assert code == 0, err
    assert final_line(out) == f"imported 0 sessions, 0 sets ({total_sessions - 1} duplicates skipped)"


def test_a_later_journal_export_imports_only_the_new_sessions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "source.sqlite", tmp_path / "target.sqlite"
    for day in range(1, 5):
        _add_a_session(source, datetime(2026, 1, day, 10), f"day {day}")
    first = tmp_path / "first.csv"
    assert run_cli(capsys, "export", "--db", source, first)[0] == 0
    code, out, _ = run_cli(capsys, "import", first, "--db", target)
    assert final_line(out) == "imported 4 sessions, 8 sets (0 duplicates skipped)"

    _add_a_session(source, datetime(2026, 1, 8, 10), "day 8")
    later = tmp_path / "later.csv"
    assert run_cli(capsys, "export", "--db", source, later)[0] == 0
    code, out, err = run_cli(capsys, "import", later, "--db", target)
    assert code == 0, err
    assert final_line(out) == "imported 1 sessions, 2 sets (4 duplicates skipped)"
    assert [s.title for s in stored_sessions(target)] == ["day 1", "day 2", "day 3", "day 4", "day 8"]


# ---- units --------------------------------------------------------------------------------------------------------


def test_dry_run_reports_the_unit_the_file_states(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run_cli(
        capsys, "import", STRONG_SEMICOLON, "--db", tmp_path / "j.sqlite", "--dry-run", "--units", "lb"
    )
    assert code == 0, err
    assert "units: kg (as the file says)" in out.splitlines()


def test_a_generic_file_without_a_unit_asks_for_one(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "plain.csv"
    plain.write_text("Date,Exercise,Weight,Reps\n2024-03-01,Bench Press,100,5\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "import", plain, "--db", db_path)
    assert code != 0 and str(plain) in err and "--units" in err
    assert not db_path.exists()


def _make_version_one_file(path: Path) -> None:
    """A journal as version 1 of the program wrote it (the first schema step only), with one session."""
    from peewee import SqliteDatabase

    from journal.storage.migrations import STEPS

    old = SqliteDatabase(str(path))
    old.connect()
    STEPS[0](old)
    old.execute_sql("PRAGMA user_version = 1")
    old.execute_sql(
        'INSERT INTO exercise (id, name, "primary", equipment, bodyweight, measure, builtin) '
        "VALUES (1, 'Old Press', 'chest', 'barbell', 0, 'reps', 0)"
    )
    old.execute_sql("INSERT INTO alias (id, \"key\", alias, exercise_id) VALUES (1, 'old press', 'Old Press', 1)")
    old.execute_sql(
        'INSERT INTO session (id, start, "end", title, bodyweight_kg, notes, source, source_key) '
        "VALUES (7, '2023-03-04 17:30:00', '2023-03-04 18:45:00', 'Push day', 81.5, 'good', "
        "'manual', NULL)"
    )
    old.close()


def test_dry_run_does_not_migrate_an_older_journal(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _make_version_one_file(db_path)
    before = file_state(db_path)
    code, out, err = run_cli(capsys, "import", STRONG_SEMICOLON, "--db", db_path, "--dry-run")
    assert code == 0, err
    assert "nothing was written" in final_line(out)
    assert file_state(db_path) == before
    assert not (db_path.parent / "backups").exists()


# ---- a large file -----------------------------------------------------------------------------------------------


def _write_strong(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(STRONG_COLUMNS), restval="")
        writer.writeheader()
        writer.writerows(rows)


def test_a_bad_row_in_the_middle_of_a_large_file_names_its_line_and_nothing_is_written(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """12,000 rows, more than the import writes in one go: a refused row halfway names its line, and so does a
    later row refused for the same text (a refusal is not remembered as a reading); the journal stays as it was."""
    _add_a_session(db_path, datetime(2026, 1, 5, 10), "before")
    before = file_state(db_path)
    rows = [
        {
            "Date": f"{datetime(2020, 1, 1) + timedelta(days=index // 15):%Y-%m-%d} 07:00:00",
            "Workout Name": f"Day {index // 15 % 3}",
            "Exercise Name": ("Squat (Barbell)", "Bench Press (Barbell)", "Pull Up")[index % 15 // 5],
            "Set Order": str(index % 5 + 1),
            "Weight": f"{40 + index % 97 * 1.25:g}",
            "Reps": str(1 + index % 11),
            "RPE": ("", "8", "8.5", "9")[index % 4],
        }
        for index in range(12_000)
    ]
    rows[6000]["Reps"] = rows[9000]["Reps"] = "ten"  # lines 6002 and 9002 (the header is line 1)
    export = tmp_path / "large.csv"
    _write_strong(export, rows)

    code, out, err = run_cli(capsys, "import", export, "--db", db_path, "--units", "kg")

    assert code != 0
    assert err.startswith(f"{export}:6002: ") and "'ten'" in err, err
    assert f"{export}:9002: " in err, err
    assert file_state(db_path) == before
    assert [s.title for s in stored_sessions(db_path)] == ["before"]

    rows[6000]["Reps"] = rows[9000]["Reps"] = "10"  # mended, the whole file goes in
    _write_strong(export, rows)
    code, out, err = run_cli(capsys, "import", export, "--db", db_path, "--units", "kg")
    assert code == 0, err
    figures = stored_stats(db_path)
    assert (figures["sessions"], figures["sets"]) == (1 + 800, 2 + 12_000)
