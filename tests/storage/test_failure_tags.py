# SPDX-License-Identifier: MIT
"""A set its app marks as failure (Strong `F`, Hevy `failure`) without a rating reached failure: RIR 0, stored with
its origin ("from set type") apart from a rating; kept through the journal, its CSV export and import, counted as a
hard set at RIR 0, and replaced by a rating typed over it."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from journal.domain.effort import EffortScale
from journal.domain.records import Entry, RirOrigin, Session, SetRecord, SetType
from journal.io import ImportOptions
from journal.io.hevy import HevyCsv
from journal.io.journal_csv import FORMAT, HEADER_V1, JournalCsv, write_journal_csv
from journal.io.strong import StrongCsv
from journal.storage import repository as repo
from journal.storage.exercises import find_exercise
from journal.storage.queries import stats
from tests.io.support import HEVY_COLUMNS, STRONG_COLUMNS, csv_text, sets_of


def strong_row(order: str, weight: str, reps: str, rpe: str = "") -> dict[str, str]:
    return {
        "Date": "2024-03-05 07:30:00",
        "Workout Name": "Push",
        "Duration": "1h",
        "Exercise Name": "Bench Press (Barbell)",
        "Set Order": order,
        "Weight": weight,
        "Reps": reps,
        "RPE": rpe,
    }


def hevy_row(index: str, kind: str, weight: str, reps: str, rpe: str = "") -> dict[str, str]:
    return {
        "title": "Legs",
        "start_time": "5 Mar 2024, 07:30",
        "end_time": "5 Mar 2024, 08:30",
        "exercise_title": "Squat (Barbell)",
        "set_index": index,
        "set_type": kind,
        "weight_kg": weight,
        "reps": reps,
        "rpe": rpe,
    }


FROM_SET_TYPE = {"rir": 0.0, "effort_scale": EffortScale.RIR, "rir_origin": RirOrigin.SET_TYPE}


def test_strong_f_without_rpe_is_rir_0_from_the_set_type_and_with_rpe_keeps_the_rating() -> None:
    text = csv_text(
        [
            strong_row("1", "100", "5", "8"),
            strong_row("F", "100", "4"),
            strong_row("F", "90", "6", "9.5"),
            strong_row("2", "100", "5"),
        ],
        STRONG_COLUMNS,
    )
    parsed = StrongCsv().read(text, ImportOptions(units="kg"))
    assert not parsed.problems
    assert sets_of(parsed) == [
        SetRecord(load_kg=100.0, reps=5, rir=2.0, effort_scale=EffortScale.RPE),
        SetRecord(set_type=SetType.FAILURE, load_kg=100.0, reps=4, **FROM_SET_TYPE),  # type: ignore[arg-type]
        SetRecord(set_type=SetType.FAILURE, load_kg=90.0, reps=6, rir=0.5, effort_scale=EffortScale.RPE),
        SetRecord(load_kg=100.0, reps=5),  # an unmarked set without RPE stays unrated
    ]


def test_hevy_failure_without_rpe_is_rir_0_from_the_set_type() -> None:
    text = csv_text(
        [
            hevy_row("0", "normal", "120", "5"),
            hevy_row("1", "failure", "120", "3"),
            hevy_row("2", "failure", "100", "8", "9"),
        ],
        HEVY_COLUMNS,
    )
    parsed = HevyCsv().read(text, ImportOptions(units="kg"))
    assert not parsed.problems
    assert [(r.set_type, r.rir, r.rir_origin) for r in sets_of(parsed)] == [
        (SetType.WORKING, None, None),
        (SetType.FAILURE, 0.0, RirOrigin.SET_TYPE),
        (SetType.FAILURE, 1.0, None),
    ]


def imported_session() -> Session:
    bench = find_exercise("Bench Press")
    assert bench is not None
    session, _ = repo.add_session(
        Session(
            start=datetime(2024, 3, 5, 7, 30),
            source="strong",
            entries=(
                Entry(
                    exercise=bench,
                    sets=(
                        SetRecord(load_kg=100.0, reps=5),  # unrated
                        SetRecord(load_kg=100.0, reps=5, rir=4.0, effort_scale=EffortScale.RIR),  # rated, not hard
                        SetRecord(set_type=SetType.FAILURE, load_kg=100.0, reps=4, **FROM_SET_TYPE),  # type: ignore[arg-type]
                    ),
                ),
            ),
        )
    )
    return session


def test_the_origin_is_stored_and_read_back_and_the_set_counts_as_a_hard_set_at_rir_0(journal: Path) -> None:
    session = imported_session()
    stored = repo.get_session(session.id).entries[0].sets
    assert [(s.rir, s.rir_origin) for s in stored] == [(None, None), (4.0, None), (0.0, RirOrigin.SET_TYPE)]
    (week,) = stats(3.0)["weeks"]
    # by hand: working sets 3; hard at RIR <= 3: only the failure set; mean RIR over rated sets (4 + 0) / 2 = 2
    assert (week["working_sets"], week["hard_sets"], week["mean_rir"]) == (3, 1, 2.0)


def test_the_origin_goes_through_the_journal_csv_and_a_journal_1_file_still_reads(journal: Path) -> None:
    session = imported_session()
    out = io.StringIO()
    write_journal_csv([repo.get_session(session.id)], out)
    text = out.getvalue()
    header = text.splitlines()[0].split(",")
    assert header[header.index("rir_origin") + 1] == "superset"
    assert all(line.startswith(f"{FORMAT},") for line in text.splitlines()[1:])
    origin = header.index("rir_origin")
    assert [line.split(",")[origin] for line in text.splitlines()[1:]] == ["", "", "set_type"]
    parsed = JournalCsv().read(text, ImportOptions())
    assert [(s.rir, s.rir_origin) for s in sets_of(parsed)] == [(None, None), (4.0, None), (0.0, RirOrigin.SET_TYPE)]
    # the same file as version 1 wrote it: no origin column, the RIR as stored
    old = (
        "\r\n".join(
            [",".join(HEADER_V1)]
            + [",".join(line.split(",")[:origin]).replace(FORMAT, "journal/1", 1) for line in text.splitlines()[1:]]
        )
        + "\r\n"
    )
    parsed = JournalCsv().read(old, ImportOptions())
    assert [(s.rir, s.rir_origin) for s in sets_of(parsed)] == [(None, None), (4.0, None), (0.0, None)]


def test_a_rating_written_in_a_failure_sets_note_comes_before_the_set_type() -> None:
    """Strong F with "@9" in its note: the lifter rated it RPE 9, so it is RIR 1 as rated, not RIR 0 from the set
    type; an F set with no rating anywhere is still RIR 0 from the set type."""
    rated = {**strong_row("F", "100", "5"), "Notes": "@9"}
    text = csv_text([strong_row("1", "100", "5"), rated, strong_row("F", "90", "7")], STRONG_COLUMNS)
    parsed = StrongCsv().read(text, ImportOptions(units="kg"))
    assert not parsed.problems
    assert [(r.set_type, r.rir, r.rir_origin) for r in sets_of(parsed)] == [
        (SetType.WORKING, None, None),
        (SetType.FAILURE, 1.0, None),
        (SetType.FAILURE, 0.0, RirOrigin.SET_TYPE),
    ]


def test_supersets_go_through_the_journal_csv_and_a_journal_2_file_reads_without_them(journal: Path) -> None:
    from journal.domain.records import Entry, Session
    from journal.io.journal_csv import HEADER, HEADER_V2
    from journal.storage import exercises

    bench, row, curl = (exercises.find_exercise(n) for n in ("Bench Press", "Barbell Row", "Dumbbell Curl"))
    assert bench is not None and row is not None and curl is not None
    done = (SetRecord(load_kg=60, reps=10),)
    session, _ = repo.add_session(
        Session(
            start=datetime(2026, 3, 2, 18),
            entries=(
                Entry(exercise=bench, sets=done, superset=3),
                Entry(exercise=row, sets=done, superset=3),
                Entry(exercise=curl, sets=done),
            ),
        )
    )
    out = io.StringIO()
    write_journal_csv([repo.get_session(session.id)], out)
    text = out.getvalue()
    group = HEADER.index("superset")
    assert [line.split(",")[group] for line in text.splitlines()[1:]] == ["3", "3", ""]
    parsed = JournalCsv().read(text, ImportOptions())
    assert [e.superset for e in parsed.sessions[0].entries] == [3, 3, None]
    old = (
        "\r\n".join(
            [",".join(HEADER_V2)]
            + [",".join(line.split(",")[:group]).replace(FORMAT, "journal/2", 1) for line in text.splitlines()[1:]]
        )
        + "\r\n"
    )
    assert [e.superset for e in JournalCsv().read(old, ImportOptions()).sessions[0].entries] == [None, None, None]
