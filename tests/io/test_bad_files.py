# SPDX-License-Identifier: MIT
"""Bad files: `journal import` exits non-zero with `FILE:LINE: reason` (or `FILE: reason` for a problem of the file
as a whole) and leaves the journal file byte for byte as it was."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from journal.domain.records import Entry, Session, SetRecord
from journal.domain.units import Unit
from journal.io import ImportFailed, ImportOptions, parse_file
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database
from tests.io.support import file_state, run_cli

STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
)
STRONG_ROW = '2023-10-08 15:57:35,"Pull 1",1h 11m,"Deadlift (Barbell)",1,50.0,8,0,0,"","",0\n'
STRONG_SEC = "Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps\n"
HEVY_HEADER = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,"
    "weight_kg,reps,distance_km,duration_seconds,rpe\n"
)
HEVY_ROW = '"Evening","2 Mar 2026, 19:59","2 Mar 2026, 20:43","","Squat (Barbell)",,"",0,"normal",100,5,,,\n'
FITNOTES_HEADER = "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time\n"
FITBOD_HEADER = "Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier\n"
GENERIC_HEADER = "Date,Exercise,Weight,Reps\n"
JOURNAL_HEADER = (
    "format,session,session_start,session_end,session_title,session_bodyweight_kg,session_notes,"
    "session_source,session_source_key,entry,exercise,exercise_mechanic,exercise_primary,"
    "exercise_secondary,exercise_equipment,exercise_bodyweight,exercise_measure,exercise_note,"
    "set_type,load_kg,reps,rir,effort_scale,failure_reps,duration_s,distance_m,set_note\n"
)
JOURNAL_ROW = (
    "journal/1,1,2025-01-02T10:00:00,,Push,,,manual,,1,Bench Press,compound,chest,triceps,barbell,0,reps,,"
    "working,100.0,5,,,,,,\n"
)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


def _strong(*rows: str) -> bytes:
    return (STRONG_HEADER + "".join(rows)).encode()


# (file content, the lines the reason may name: None when the problem is the file as a whole)
CASES = [
    pytest.param(b"", None, id="empty"),
    pytest.param(b"  \n\t\r\n   \n", None, id="whitespace-only"),
    pytest.param(PNG + bytes(range(256)) * 4, None, id="binary-png"),
    pytest.param(b"Date,Exercise,Weight,Reps\n2024-01-01,Bench\x00Press,100,5\n", {None, 2}, id="nul-bytes"),
    pytest.param(b"Transaction ID,Amount,Currency,Booked\n1,2.50,EUR,2024-01-01\n", {1}, id="other-program-header"),
    pytest.param(
        _strong(STRONG_ROW, STRONG_ROW, STRONG_ROW, '2023-10-08 15:57:35,"Pull 1",1h 11m,"Deadl'),
        {5},
        id="cut-in-a-quoted-field",
    ),
    pytest.param(
        _strong(
            STRONG_ROW, '2023-10-08 15:57:35,"Pull 1",1h 11m,"Deadlift (Barbell)",2,50.0,8,0,0,"felt\nheavy, stopped ea'
        ),
        {3, 4},
        id="cut-in-a-multi-line-note",
    ),
    pytest.param(
        (
            HEVY_HEADER + HEVY_ROW + '"Evening","2 Mar 2026, 19:59","2 Mar 2026, 20:43","","Squat (Barbell)",,'
            '"Knees out\nand '
        ).encode(),
        {3, 4},
        id="hevy-cut-in-exercise-notes",
    ),
    pytest.param(
        (JOURNAL_HEADER + JOURNAL_ROW + JOURNAL_ROW[:-1] + '"last note\nis cu').encode(),
        {3, 4},
        id="journal-cut-in-the-last-field",
    ),
    pytest.param(
        _strong(STRONG_ROW) + b'2023-10-08 15:57:35,"Pull 1",1h 11m,"Evez\xe9s",1,50.0,8,0,0,"","",0\n',
        {3},
        id="latin-1-not-utf-8",
    ),
    pytest.param(_strong(STRONG_ROW, STRONG_ROW.replace(",8,", ",abc,")), {3}, id="abc-in-reps"),
    pytest.param(_strong(STRONG_ROW, STRONG_ROW.replace(",50.0,", ",12kg,")), {3}, id="weight-with-a-unit"),
    pytest.param(_strong(STRONG_ROW, STRONG_ROW.replace(",50.0,", ",NaN,")), {3}, id="weight-nan"),
    pytest.param(_strong(STRONG_ROW, STRONG_ROW.replace(",50.0,", ",-500.0,")), {3}, id="negative-weight-strong"),
    pytest.param(
        (HEVY_HEADER + HEVY_ROW + HEVY_ROW.replace(",100,", ",-100,")).encode(), {3}, id="negative-weight-hevy"
    ),
    pytest.param(
        (FITNOTES_HEADER + "2020-09-13,Squat,Legs,100.0,5,,,\n2020-09-13,Squat,Legs,-100.0,5,,,\n").encode(),
        {3},
        id="negative-weight-fitnotes",
    ),
    pytest.param(
        (FITBOD_HEADER + "2021-01-17 22:14:35 +0000,Back Squat, 4,-500.0,0.0,0.0,0.0,0.0,false,, 1.0\n").encode(),
        {2},
        id="negative-weight-fitbod",
    ),
    pytest.param(
        (GENERIC_HEADER + "2024-01-01,Bench,100,5\n2024-01-01,Bench,-100,5\n").encode(),
        {3},
        id="negative-weight-generic",
    ),
    pytest.param(
        (JOURNAL_HEADER + JOURNAL_ROW.replace(",100.0,", ",-100.0,")).encode(), {2}, id="negative-weight-journal-csv"
    ),
    pytest.param(_strong(STRONG_ROW, STRONG_ROW.replace("2023-10-08", "2023-02-30")), {3}, id="impossible-date"),
    pytest.param(
        (HEVY_HEADER + HEVY_ROW.replace("2 Mar 2026, 19:59", "30 Feb 2026, 19:59")).encode(),
        {2},
        id="impossible-date-hevy",
    ),
    pytest.param(
        (JOURNAL_HEADER + JOURNAL_ROW.replace("2025-01-02", "2025-02-30")).encode(),
        {2},
        id="impossible-date-journal-csv",
    ),
    pytest.param(
        (JOURNAL_HEADER + JOURNAL_ROW.replace(",100.0,5,,", ",100.0,5,42.0,")).encode(),
        {2},
        id="rir-out-of-range-journal-csv",
    ),
    pytest.param(
        (JOURNAL_HEADER + JOURNAL_ROW.replace("Bench Press", "")).encode(), {2}, id="empty-exercise-journal-csv"
    ),
    pytest.param(
        (STRONG_SEC + "2023-10-08 15:57:35,P,-1e20,Deadlift,1,50,5\n").encode(), {2}, id="huge-negative-duration-strong"
    ),
    pytest.param(
        (STRONG_SEC + "2023-10-08 15:57:35,P,-3600,Deadlift,1,50,5\n").encode(), {2}, id="negative-duration-strong"
    ),
    pytest.param(
        _strong(STRONG_ROW.replace("1h 11m", "9" * 5000 + "h"), STRONG_ROW),
        {2},
        id="duration-of-thousands-of-digits-strong",
    ),
    pytest.param(
        (FITNOTES_HEADER + "2020-09-13,Squat,Legs,100.0,5,,," + "9" * 400 + ":00\n").encode(),
        {2},
        id="duration-of-hundreds-of-digits-fitnotes",
    ),
    pytest.param(
        (JOURNAL_HEADER + JOURNAL_ROW.replace("2025-01-02", "0001-01-02")).encode(), {2}, id="year-1-journal-csv"
    ),
    pytest.param(
        (JOURNAL_HEADER + JOURNAL_ROW.replace("T10:00:00,,", "T10:00:00,2025-01-02T09:00:00,")).encode(),
        {2},
        id="ends-before-it-starts-journal-csv",
    ),
    pytest.param(
        (HEVY_HEADER + HEVY_ROW.replace("2 Mar 2026, 20:43", "2 Mar 2026, 18:00")).encode(),
        {2},
        id="ends-before-it-starts-hevy",
    ),
]


@pytest.fixture
def journal(database: Path) -> Path:
    """A journal file with one session in it, closed."""
    bench = exercises.find_exercise("Bench Press")
    assert bench
    repo.add_session(
        Session(
            start=datetime(2026, 1, 5, 10),
            title="before",
            entries=(Entry(exercise=bench, sets=(SetRecord(load_kg=100, reps=5),)),),
        )
    )
    close_database()
    return database


@pytest.mark.parametrize(("content", "lines"), CASES)
def test_a_bad_file_is_refused_with_its_line_and_nothing_is_written(
    content: bytes, lines: set[int | None] | None, journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    before = file_state(journal)
    backups = sorted((journal.parent / "backups").glob("*")) if (journal.parent / "backups").exists() else []

    code, out, err = run_cli(capsys, "import", bad, "--db", journal, "--units", "kg")

    assert code != 0
    assert "imported" not in out
    assert err.strip(), "no reason given"
    first = err.strip().splitlines()[0]
    match = re.match(re.escape(str(bad)) + r"(?::(\d+))?: (\S.*)$", first)
    assert match, first
    line = int(match[1]) if match[1] else None
    # FILE:LINE always; a problem of the whole file names line 1.
    assert line in {1 if expected is None else expected for expected in (lines or {None})}, first
    assert file_state(journal) == before
    after = sorted((journal.parent / "backups").glob("*")) if (journal.parent / "backups").exists() else []
    assert after == backups


@pytest.mark.parametrize(("content", "lines"), [p for p in CASES if not p.marks])
def test_parse_file_reports_the_same_line(content: bytes, lines: set[int | None] | None, tmp_path: Path) -> None:
    """A file that cannot be read at all raises ImportFailed; a bad row is a fatal problem of the result, so the
    preview can list every one. Either way the line is the one the command line names."""
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    try:
        parsed = parse_file(bad, options=ImportOptions(units=Unit.KG))
    except ImportFailed as failure:
        found = failure.problem.line
    else:
        assert parsed.fatal, "a bad file must not read cleanly"
        found = parsed.fatal[0].line
    assert (found or None) in (lines if lines is not None else {None})


def test_an_import_that_fails_does_not_create_the_journal_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(_strong(STRONG_ROW, STRONG_ROW.replace(",8,", ",abc,")))
    absent = tmp_path / "new.sqlite"
    code, _, err = run_cli(capsys, "import", bad, "--db", absent, "--units", "kg")
    assert code != 0 and err.startswith(f"{bad}:3: ")
    assert file_state(absent) == {"main": None, "-wal": None, "-journal": None}


def test_a_file_with_carriage_return_line_ends_is_read_or_refused_cleanly(
    journal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mac = tmp_path / "mac.csv"
    mac.write_bytes(b"Date,Exercise,Weight,Reps\r2024-01-01,Bench Press,100,5\r2024-01-01,Bench Press,100,4\r")
    before = file_state(journal)
    code, out, err = run_cli(capsys, "import", mac, "--db", journal, "--units", "kg")
    if code != 0:
        assert re.match(re.escape(str(mac)) + r"(:\d+)?: \S", err), err
        assert file_state(journal) == before
    else:
        assert out.rstrip().endswith("imported 1 sessions, 2 sets (0 duplicates skipped)")
