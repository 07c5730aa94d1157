# SPDX-License-Identifier: MIT
"""How HevyCsv.read and FitNotesCsv.read read a file since they remember what each row's fields were read as (under
the fields as written; a refusal is not remembered): refusals reported on every row that has them, set_index 0
starting an exercise, exercise and workout notes, per-row units, FitNotes' sessions by date and its mended rows, the
sample exports read exactly as their rows say, and the real exports (where the corpus is beside the repository) read
exactly as the code before the rewrite read them (figures pinned from that code)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

import pytest

from journal.domain.effort import EffortScale
from journal.domain.records import RirOrigin, SetRecord, SetType
from journal.domain.units import Unit
from journal.io import ImportFailed, ImportOptions, ParsedImport, parse_file, parse_text
from journal.io.base import MAX_PROBLEMS
from journal.io.fitnotes import FitNotesCsv
from journal.io.hevy import HevyCsv
from tests.conftest import SAMPLES, shared_export
from tests.io.support import HEVY_COLUMNS, KG_PER_LB, csv_text, lines, sets_of, shape

HEVY_SAMPLE = SAMPLES / "hevy" / "hevy-kg.csv"
FITNOTES_SAMPLE = SAMPLES / "fitnotes" / "fitnotes-lbs.csv"
REAL_HEVY = ("hevy", "ajccosta-hevy-dropset-superset-cardio.head16k.csv")
REAL_FITNOTES = ("fitnotes", "moferg-fitnotes-2020-10-04-lbs.csv")


# ---- shared helpers --------------------------------------------------------------------------------------------


def canonical(parsed: ParsedImport) -> dict[str, object]:
    """Everything a ParsedImport holds, as plain JSON values (floats as their repr)."""

    def num(value: float | None) -> str | None:
        return None if value is None else repr(float(value))

    return {
        "format": parsed.format,
        "rows": parsed.rows,
        "units": str(parsed.units),
        "units_stated": parsed.units_stated,
        "effort_from_notes": parsed.effort_from_notes,
        "problems": [[p.line, p.message, p.fatal] for p in parsed.problems],
        "sessions": [
            {
                "start": s.start.isoformat(),
                "end": s.end.isoformat() if s.end else None,
                "title": s.title,
                "notes": s.notes,
                "source": s.source,
                "source_key": s.source_key,
                "bodyweight": num(s.bodyweight_kg),
                "entries": [
                    {
                        "name": e.exercise.name,
                        "note": e.note,
                        "sets": [
                            [
                                str(r.set_type),
                                num(r.load_kg),
                                r.reps,
                                num(r.rir),
                                str(r.effort_scale) if r.effort_scale else None,
                                r.failure_reps,
                                num(r.duration_s),
                                num(r.distance_m),
                                r.note,
                            ]
                            for r in e.sets
                        ],
                    }
                    for e in s.entries
                ],
            }
            for s in parsed.sessions
        ],
    }


def digest(parsed: ParsedImport) -> str:
    text = json.dumps(canonical(parsed), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def figures(parsed: ParsedImport) -> tuple[int, int, int, int, int]:
    """Sessions, entries, sets, problems, rows."""
    return (
        len(parsed.sessions),
        sum(len(s.entries) for s in parsed.sessions),
        parsed.set_count,
        len(parsed.problems),
        parsed.rows,
    )


# ---- Hevy ------------------------------------------------------------------------------------------------------

HEVY_LB_COLUMNS = tuple({"weight_kg": "weight_lbs", "distance_km": "distance_miles"}.get(c, c) for c in HEVY_COLUMNS)
H_START, H_END = "2 Mar 2026, 19:59", "2 Mar 2026, 20:43"
H_LATER, H_LATER_END = "4 Mar 2026, 07:00", "4 Mar 2026, 08:10"
START = datetime(2026, 3, 2, 19, 59)
END = datetime(2026, 3, 2, 20, 43)
SQUAT, BENCH, RUN = "Squat (Barbell)", "Bench Press (Barbell)", "Running"


def hevy_row(
    exercise: str = SQUAT,
    index: str = "0",
    set_type: str = "normal",
    weight: str = "100",
    reps: str = "5",
    *,
    start: str = H_START,
    end: str = H_END,
    title: str = "Evening",
    description: str = "",
    notes: str = "",
    rpe: str = "",
    distance: str = "",
    seconds: str = "",
    lb: bool = False,
) -> dict[str, str]:
    """One row of a Hevy export, by column name (`lb`: for a file in pounds and miles)."""
    return {
        "title": title,
        "start_time": start,
        "end_time": end,
        "description": description,
        "exercise_title": exercise,
        "exercise_notes": notes,
        "set_index": index,
        "set_type": set_type,
        "weight_lbs" if lb else "weight_kg": weight,
        "reps": reps,
        "distance_miles" if lb else "distance_km": distance,
        "duration_seconds": seconds,
        "rpe": rpe,
    }


def hevy(rows: Sequence[Mapping[str, str]], columns: Sequence[str] = HEVY_COLUMNS) -> str:
    return csv_text(rows, columns)


def read_hevy(text: str) -> ParsedImport:
    return HevyCsv().read(text, ImportOptions())


# ---- 1. a bad value is reported on every row that has it --------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"set_type": "heavy"}, "set type 'heavy' is not normal, warmup, failure or dropset"),
        ({"index": "x"}, "set index 'x' is not a number"),
        ({"rpe": "11"}, "RPE 11 is not on the 1-10 scale in half steps"),
        ({"weight": "abc"}, "weight 'abc' is not a number"),
        ({"reps": "2.5"}, "reps '2.5' is not a whole number from 0 to 1000"),
    ],
)
def test_hevy_a_bad_set_value_on_three_rows_is_reported_on_each_and_the_rows_around_it_still_read(
    bad: dict[str, str], message: str
) -> None:
    wrong = hevy_row(**{"index": "1", "rpe": "8", **bad})  # the very same fields on each bad row
    text = hevy(
        [
            hevy_row(index="0", rpe="8"),
            wrong,
            hevy_row(index="1", rpe="8"),
            wrong,
            wrong,
            hevy_row(index="2", weight="110", rpe="9"),
        ]
    )
    for parsed in (read_hevy(text), parse_text(text)):
        assert parsed.format == "Hevy"
        assert lines(parsed) == [3, 5, 6]
        assert [problem.message for problem in parsed.problems] == [message] * 3
        assert shape(parsed) == [[(SQUAT, "", 3)]]
        assert [(r.load_kg, r.reps, r.rir) for r in sets_of(parsed)] == [
            (100.0, 5, 2.0),
            (100.0, 5, 2.0),
            (110.0, 5, 1.0),
        ]
        assert parsed.rows == 6


@pytest.mark.parametrize(
    ("session", "message"),
    [
        ({"end": "2 Mar 2026, 18:00"}, "the session ends before it starts"),
        ({"start": "30 Feb 2026, 19:59"}, "February 2026 has no day 30"),
        ({"end": "31 Feb 2026, 21:00"}, "February 2026 has no day 31"),
        ({"start": "2 Mar 1850, 19:59", "end": ""}, "outside"),
    ],
)
def test_hevy_a_bad_workout_on_three_rows_is_reported_on_each_and_other_workouts_still_read(
    session: dict[str, str], message: str
) -> None:
    later = {"start": H_LATER, "end": H_LATER_END, "title": "Morning"}
    wrong = hevy_row(index="0", **session)  # the same set fields as the good rows
    text = hevy(
        [
            hevy_row(index="0", **later),
            wrong,
            hevy_row(index="1", **later),
            wrong,
            hevy_row(index="1", **session),
            hevy_row(BENCH, "0", **later),
        ]
    )
    parsed = read_hevy(text)
    assert lines(parsed) == [3, 5, 6]
    assert all(message in problem.message for problem in parsed.problems)
    assert [(s.title, s.start, s.end) for s in parsed.sessions] == [
        ("Morning", datetime(2026, 3, 4, 7), datetime(2026, 3, 4, 8, 10))
    ]
    assert shape(parsed) == [[(SQUAT, "", 2), (BENCH, "", 1)]]
    assert sets_of(parsed) == [SetRecord(load_kg=100.0, reps=5)] * 3


def test_hevy_a_refused_workout_is_not_remembered_so_a_later_row_of_it_creates_it() -> None:
    """The first row's end is before the start: the workout comes from the next row with the same start and
    title (its end and description), and the refused row is reported each time."""
    bad = hevy_row(index="0", end="2 Mar 2026, 18:00", description="refused")
    text = hevy([bad, hevy_row(index="1", description="kept"), bad, hevy_row(index="1", description="other")])
    parsed = read_hevy(text)
    assert lines(parsed) == [2, 4]
    (session,) = parsed.sessions
    assert (session.start, session.end, session.notes) == (START, END, "kept")
    assert shape(parsed) == [[(SQUAT, "", 2)]]


def test_hevy_an_empty_exercise_title_is_reported_on_each_row() -> None:
    text = hevy([hevy_row(), hevy_row("", "1"), hevy_row("  ", "1"), hevy_row(index="1")])
    parsed = read_hevy(text)
    assert [(p.line, p.message) for p in parsed.problems] == [
        (3, "the exercise title is empty"),
        (4, "the exercise title is empty"),
    ]
    assert shape(parsed) == [[(SQUAT, "", 2)]]


def test_hevy_reading_stops_after_too_many_problems_each_reported_on_its_row() -> None:
    rows = [hevy_row(index="0")] + [hevy_row(index="1", weight="abc")] * (MAX_PROBLEMS + 20)
    parsed = read_hevy(hevy(rows))
    fatal = [p for p in parsed.problems if p.line]
    assert [p.line for p in fatal] == list(range(3, MAX_PROBLEMS + 3))
    assert all(p.message == "weight 'abc' is not a number" for p in fatal)
    assert parsed.problems[-1].line == 0 and f"after {MAX_PROBLEMS} problems" in parsed.problems[-1].message
    assert parsed.rows == MAX_PROBLEMS + 1
    assert shape(parsed) == [[(SQUAT, "", 1)]]


# ---- 2. set_index 0 starts an exercise ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indexes", "counts"),
    [
        (["0", "1", "0", "1"], [2, 2]),  # two blocks of the same exercise, alike sets
        (["0", "1", "1", "0", "1"], [3, 2]),
        (["1", "0", "1"], [1, 2]),  # a set_index 1 seen first does not make a later 0 continue
        (["0", "0", "0"], [1, 1, 1]),
        (["0", "1", "2", "1", "0"], [4, 1]),
        (["0", " 0", "0.0", "1"], [1, 1, 2]),  # written differently, still 0
        (["0", "", "1", ""], [4]),  # no index does not start an exercise
    ],
)
def test_hevy_set_index_0_starts_a_new_entry_even_for_the_same_exercise(indexes: list[str], counts: list[int]) -> None:
    parsed = read_hevy(hevy([hevy_row(index=index) for index in indexes]))
    assert not parsed.problems
    assert shape(parsed) == [[(SQUAT, "", count) for count in counts]]
    assert sets_of(parsed) == [SetRecord(load_kg=100.0, reps=5)] * len(indexes)


def test_hevy_supersets_keep_their_order_and_a_set_index_1_after_another_exercise_starts_an_entry() -> None:
    text = hevy(
        [
            hevy_row(SQUAT, "0"),
            hevy_row(BENCH, "0"),
            hevy_row(SQUAT, "1"),
            hevy_row(BENCH, "1"),
            hevy_row(BENCH, "2"),
            hevy_row(SQUAT, "0"),
            hevy_row(SQUAT, "1"),
        ]
    )
    parsed = read_hevy(text)
    assert shape(parsed) == [[(SQUAT, "", 1), (BENCH, "", 1), (SQUAT, "", 1), (BENCH, "", 2), (SQUAT, "", 2)]]


def test_hevy_the_same_set_in_another_workout_still_starts_its_exercise() -> None:
    later = {"start": H_LATER, "end": H_LATER_END, "title": "Morning"}
    text = hevy(
        [
            hevy_row(index="0"),
            hevy_row(index="1"),
            hevy_row(index="0", **later),
            hevy_row(index="1", **later),
            hevy_row(index="0"),
            hevy_row(index="1", **later),
        ]
    )
    parsed = read_hevy(text)
    assert shape(parsed) == [[(SQUAT, "", 2), (SQUAT, "", 1)], [(SQUAT, "", 3)]]


# ---- 3. exercise notes, workout notes and end -------------------------------------------------------------------


def test_hevy_the_notes_of_the_row_that_starts_an_entry_are_its_note() -> None:
    text = hevy(
        [
            hevy_row(index="0", notes="  Knees out  "),
            hevy_row(index="1", notes="Knees out"),
            hevy_row(index="0", notes="Second block"),  # the same set fields, another entry with its own note
            hevy_row(index="1", notes=""),
            hevy_row(BENCH, "0", notes=""),  # an entry started without a note takes the first one a row gives
            hevy_row(BENCH, "1", notes="Arch"),
            hevy_row(BENCH, "2", notes="Later"),
        ]
    )
    parsed = read_hevy(text)
    assert not parsed.problems
    assert shape(parsed) == [[(SQUAT, "Knees out", 2), (SQUAT, "Second block", 2), (BENCH, "Arch", 3)]]


def test_hevy_the_description_of_the_first_row_is_the_session_notes_and_end_time_its_end() -> None:
    later = {"start": H_LATER, "end": "", "title": "Morning"}
    text = hevy(
        [
            hevy_row(index="0", description="  Felt strong  "),
            hevy_row(index="1", description="Felt strong"),
            hevy_row(index="0", description="", **later),
        ]
    )
    parsed = read_hevy(text)
    assert not parsed.problems
    assert [(s.start, s.end, s.title, s.notes, s.source, s.source_key) for s in parsed.sessions] == [
        (START, END, "Evening", "Felt strong", "hevy", "2026-03-02T19:59:00|Evening"),
        (datetime(2026, 3, 4, 7), None, "Morning", "", "hevy", "2026-03-04T07:00:00|Morning"),
    ]


@pytest.mark.parametrize(
    ("workouts", "end", "notes"),
    [
        ([(H_END, "first"), ("2 Mar 2026, 21:00", "second"), ("", "")], END, "first"),
        ([("", ""), (H_END, "second")], None, ""),
        ([("2 Mar 2026, 21:00", ""), (H_END, "second"), ("2 Mar 2026, 21:00", "")], datetime(2026, 3, 2, 21), ""),
    ],
)
def test_hevy_rows_with_one_start_and_title_are_one_session_whose_first_row_gives_end_and_notes(
    workouts: list[tuple[str, str]], end: datetime | None, notes: str
) -> None:
    """The session's key is its start and title: rows differing only in end or description join it, and what the
    first of them says stays (as before the rewrite)."""
    text = hevy([hevy_row(index=str(i), end=e, description=d) for i, (e, d) in enumerate(workouts)])
    parsed = read_hevy(text)
    assert not parsed.problems
    (session,) = parsed.sessions
    assert (session.start, session.end, session.notes) == (START, end, notes)
    assert shape(parsed) == [[(SQUAT, "", len(workouts))]]


def test_hevy_another_title_or_start_is_another_session_and_spaces_around_them_are_not() -> None:
    text = hevy(
        [
            hevy_row(index="0"),
            hevy_row(index="1", title=" Evening "),
            hevy_row(index="2", start=f" {H_START}"),
            hevy_row(index="0", title="Other"),
            hevy_row(index="0", start="2 Mar 2026, 20:00"),
        ]
    )
    parsed = read_hevy(text)
    assert not parsed.problems
    assert [(s.start, s.title, s.set_count) for s in parsed.sessions] == [
        (START, "Evening", 3),
        (START, "Other", 1),
        (datetime(2026, 3, 2, 20), "Evening", 1),
    ]


# ---- 4. units, cardio and alike sets ----------------------------------------------------------------------------


def test_hevy_weight_lbs_and_distance_miles_convert_every_row_and_the_same_text_in_kg_does_not() -> None:
    rows = [
        hevy_row(index="0", weight="225", lb=True),
        hevy_row(index="1", weight="135", lb=True),
        hevy_row(index="2", weight="225", lb=True),
        hevy_row(RUN, "0", "normal", "", "", distance="3.1", seconds="1800", lb=True),
    ]
    in_lb = read_hevy(hevy(rows, HEVY_LB_COLUMNS))
    assert not in_lb.problems and in_lb.units is Unit.LB
    loads = [r.load_kg for r in sets_of(in_lb)]
    assert loads[:3] == pytest.approx([225 * KG_PER_LB, 135 * KG_PER_LB, 225 * KG_PER_LB], rel=1e-12)
    assert sets_of(in_lb)[3] == SetRecord(duration_s=1800.0, distance_m=pytest.approx(3.1 * 1609.344))
    # the very same fields under kg and km headers, read afterwards: nothing carried over from the file in pounds
    kg_rows = [
        {{"weight_lbs": "weight_kg", "distance_miles": "distance_km"}.get(k, k): v for k, v in r.items()} for r in rows
    ]
    in_kg = read_hevy(hevy(kg_rows))
    assert in_kg.units is Unit.KG
    assert [r.load_kg for r in sets_of(in_kg)] == [225.0, 135.0, 225.0, None]
    assert sets_of(in_kg)[3] == SetRecord(duration_s=1800.0, distance_m=pytest.approx(3100.0))
    again = read_hevy(hevy(rows, HEVY_LB_COLUMNS))
    assert canonical(again) == canonical(in_lb)


@pytest.mark.parametrize(
    ("distance", "seconds", "expected"),
    [
        ("5", "1800", SetRecord(duration_s=1800.0, distance_m=5000.0)),
        ("", "600", SetRecord(duration_s=600.0)),
        ("2,5", "", SetRecord(distance_m=2500.0)),
        ("0", "0", SetRecord()),
    ],
)
def test_hevy_cardio_rows_with_only_distance_and_duration_read(
    distance: str, seconds: str, expected: SetRecord
) -> None:
    text = hevy(
        [
            hevy_row(RUN, "0", "normal", "", "", distance=distance, seconds=seconds),
            hevy_row(RUN, "1", "normal", "", "", distance=distance, seconds=seconds),
        ]
    )
    parsed = read_hevy(text)
    assert not parsed.problems
    assert sets_of(parsed) == [expected, expected]
    assert shape(parsed) == [[(RUN, "", 2)]]


def test_hevy_cardio_sets_differing_only_in_distance_or_duration_differ() -> None:
    written = [("5", "1800"), ("3", "1800"), ("5", "1800"), ("5", "1500"), ("", "1500")]
    # after the first, every row has set_index 1: the rows differ in their distance or duration only
    text = hevy(
        [hevy_row(RUN, "1" if i else "0", "normal", "", "", distance=d, seconds=t) for i, (d, t) in enumerate(written)]
    )
    parsed = read_hevy(text)
    assert not parsed.problems
    assert shape(parsed) == [[(RUN, "", 5)]]
    assert [(r.distance_m, r.duration_s) for r in sets_of(parsed)] == [
        (5000.0, 1800.0),
        (3000.0, 1800.0),
        (5000.0, 1800.0),
        (5000.0, 1500.0),
        (None, 1500.0),
    ]


def test_hevy_alike_sets_in_other_workouts_and_exercises_are_equal_and_differing_ones_are_not() -> None:
    later = {"start": H_LATER, "end": H_LATER_END, "title": "Morning"}
    text = hevy(
        [
            hevy_row(SQUAT, "0", rpe="8"),
            hevy_row(BENCH, "0", rpe="8"),
            hevy_row(SQUAT, "0", rpe="8", **later),
            hevy_row(SQUAT, "1", rpe="8", **later),  # another index: the same set
            hevy_row(SQUAT, "2", rpe="9", **later),
            hevy_row(SQUAT, "3", "warmup", rpe="8", **later),
            hevy_row(SQUAT, "4", "failure", rpe="", **later),
            hevy_row(SQUAT, "5", "dropset", "80", "8", **later),
            hevy_row(SQUAT, "6", " Normal ", rpe="0", **later),
        ]
    )
    parsed = read_hevy(text)
    assert not parsed.problems
    alike = SetRecord(load_kg=100.0, reps=5, rir=2.0, effort_scale=EffortScale.RPE)
    assert sets_of(parsed) == [
        alike,
        alike,
        alike,
        alike,
        SetRecord(load_kg=100.0, reps=5, rir=1.0, effort_scale=EffortScale.RPE),
        SetRecord(set_type=SetType.WARMUP, load_kg=100.0, reps=5, rir=2.0, effort_scale=EffortScale.RPE),
        SetRecord(
            set_type=SetType.FAILURE,
            load_kg=100.0,
            reps=5,
            rir=0.0,
            effort_scale=EffortScale.RIR,
            rir_origin=RirOrigin.SET_TYPE,
        ),  # failure without rpe: RIR 0 from the set type
        SetRecord(set_type=SetType.DROP, load_kg=80.0, reps=8),
        SetRecord(load_kg=100.0, reps=5),
    ]
    assert shape(parsed) == [[(SQUAT, "", 1), (BENCH, "", 1)], [(SQUAT, "", 7)]]


def test_hevy_without_optional_columns_reads_them_as_empty() -> None:
    columns = ("title", "start_time", "exercise_title", "set_index", "set_type", "reps")
    text = hevy([hevy_row(index="0", notes="n", description="d"), hevy_row(index="1"), hevy_row(index="0")], columns)
    parsed = read_hevy(text)
    assert not parsed.problems
    (session,) = parsed.sessions
    assert (session.start, session.end, session.notes) == (START, None, "")
    assert shape(parsed) == [[(SQUAT, "", 2), (SQUAT, "", 1)]]
    assert sets_of(parsed) == [SetRecord(reps=5)] * 3


# ---- a set the final checks refuse (a duration or distance out of range) ---------------------------------------


def test_hevy_a_set_out_of_range_is_reported_on_each_row() -> None:
    wrong = hevy_row(index="1", seconds="100000")
    parsed = read_hevy(hevy([hevy_row(index="0"), wrong, hevy_row(index="1"), wrong]))
    assert [(p.line, p.message) for p in parsed.problems] == [
        (3, "Time: 100000 s is not between 0 and 24 hours"),
        (5, "Time: 100000 s is not between 0 and 24 hours"),
    ]
    assert shape(parsed) == [[(SQUAT, "", 2)]]


def test_hevy_a_refused_out_of_range_set_starts_no_entry() -> None:
    """A set refused by the final set checks (a duration over 24 h, a negative distance) leaves nothing behind, as
    every other refusal: the next set of its exercise joins the entry before it."""
    text = hevy(
        [
            hevy_row(index="0"),
            hevy_row(index="1"),
            hevy_row(index="0", seconds="100000", notes="refused"),
            hevy_row(index="1"),
            hevy_row(BENCH, "0", distance="-1"),
        ]
    )
    parsed = read_hevy(text)
    assert lines(parsed) == [4, 6]
    assert shape(parsed) == [[(SQUAT, "", 3)]]


# ---- FitNotes --------------------------------------------------------------------------------------------------

FN_COLUMNS = ("Date", "Exercise", "Category", "Weight (kgs)", "Reps", "Distance", "Distance Unit", "Time", "Comment")
FN_UNIT_COLUMNS = (
    "Date",
    "Exercise",
    "Category",
    "Weight",
    "Weight Unit",
    "Reps",
    "Distance",
    "Distance Unit",
    "Time",
    "Comment",
)
DAY = "2020-09-13"
CURL = "Curl"


def fn_row(
    exercise: str = "Squat",
    weight: str = "100.0",
    reps: str = "5",
    *,
    date: str = DAY,
    category: str = "Legs",
    weight_column: str = "Weight (kgs)",
    **more: str,
) -> dict[str, str]:
    return {"Date": date, "Exercise": exercise, "Category": category, weight_column: weight, "Reps": reps, **more}


def fitnotes(rows: Sequence[Mapping[str, str]], columns: Sequence[str] = FN_COLUMNS) -> str:
    return csv_text(rows, columns)


def read_fitnotes(text: str, units: str | None = None, effort_from_notes: bool = True) -> ParsedImport:
    return FitNotesCsv().read(text, ImportOptions(units=units, effort_from_notes=effort_from_notes))


# ---- 6. a bad value is reported on every row that has it --------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"weight": "abc"}, "weight 'abc' is not a number"),
        ({"reps": "x"}, "reps 'x' is not a number"),
        ({"reps": "2.5"}, "reps '2.5' is not a whole number from 0 to 1000"),
        ({"Time": "soon"}, "duration 'soon' is not a time like 1h 11m or 1:02:30"),
        ({"weight": "-5"}, "load -5 is negative"),
        ({"Distance": "3", "Distance Unit": "furlong"}, "distance unit 'furlong' is not known"),
    ],
)
def test_fitnotes_a_bad_value_on_three_rows_is_reported_on_each_and_the_rows_around_it_still_read(
    bad: dict[str, str], message: str
) -> None:
    wrong = fn_row(**bad)  # the same fields on each bad row, the good ones' but for the bad value
    text = fitnotes([fn_row(), wrong, fn_row(), wrong, wrong, fn_row(weight="110.0")])
    for parsed in (read_fitnotes(text), parse_text(text)):
        assert parsed.format == "FitNotes"
        assert lines(parsed) == [3, 5, 6]
        assert [problem.message for problem in parsed.problems] == [message] * 3
        assert shape(parsed) == [[("Squat", "", 3)]]
        assert [r.load_kg for r in sets_of(parsed)] == [100.0, 100.0, 110.0]
        assert parsed.rows == 6


def test_fitnotes_a_bad_weight_unit_on_three_rows_is_reported_on_each() -> None:
    bad = fn_row(weight_column="Weight", **{"Weight Unit": "stone"})
    text = fitnotes(
        [
            bad,
            fn_row(weight_column="Weight", **{"Weight Unit": "kgs"}),
            bad,
            bad,
            fn_row(weight_column="Weight", **{"Weight Unit": "lbs"}),
        ],
        FN_UNIT_COLUMNS,
    )
    parsed = read_fitnotes(text)
    assert lines(parsed) == [2, 4, 5]
    assert all(p.message == "weight unit 'stone' is neither kg nor lb" for p in parsed.problems)
    assert [r.load_kg for r in sets_of(parsed)] == pytest.approx([100.0, 100 * KG_PER_LB], rel=1e-12)


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2020-02-30", "February 2020 has no day 30"),
        ("4/9/2020", "ambiguous"),
        ("someday", "not a date"),
    ],
)
def test_fitnotes_a_bad_date_on_three_rows_is_reported_on_each(date: str, message: str) -> None:
    bad = fn_row(date=date, category="Arms")
    text = fitnotes([fn_row(), bad, fn_row(reps="6"), bad, bad, fn_row(CURL, date="2020-09-14")])
    parsed = read_fitnotes(text)
    assert lines(parsed) == [3, 5, 6]
    assert all(message in p.message for p in parsed.problems), parsed.problems
    assert [(s.start, s.title) for s in parsed.sessions] == [
        (datetime(2020, 9, 13), "Legs"),
        (datetime(2020, 9, 14), "Legs"),
    ]
    assert shape(parsed) == [[("Squat", "", 2)], [(CURL, "", 1)]]


def test_fitnotes_an_empty_exercise_is_reported_on_each_row_and_its_category_still_names_the_session() -> None:
    text = fitnotes(
        [
            fn_row(),
            fn_row("", category="Core"),
            fn_row(" ", category="Core"),
            fn_row(weight="abc", category="Back"),
            fn_row(),
        ]
    )
    parsed = read_fitnotes(text)
    assert [(p.line, p.message) for p in parsed.problems] == [
        (3, "the exercise name is empty"),
        (4, "the exercise name is empty"),
        (5, "weight 'abc' is not a number"),
    ]
    (session,) = parsed.sessions
    assert session.title == "Legs, Core, Back"  # as before the rewrite: a row's category counts once its date reads
    assert shape(parsed) == [[("Squat", "", 2)]]


def test_fitnotes_a_row_with_two_faults_is_reported_once() -> None:
    """A bad unit and no exercise name: one problem on the row (which of the two comes first may differ from the
    code before the rewrite, which read the unit first)."""
    bad = fn_row("", weight_column="Weight", **{"Weight Unit": "stone"})
    parsed = read_fitnotes(fitnotes([bad, bad], FN_UNIT_COLUMNS))
    assert lines(parsed) == [2, 3]
    assert {p.message for p in parsed.problems} <= {
        "the exercise name is empty",
        "weight unit 'stone' is neither kg nor lb",
    }


def test_fitnotes_reading_stops_after_too_many_problems_each_reported_on_its_row() -> None:
    rows = [fn_row()] + [fn_row(reps="x")] * (MAX_PROBLEMS + 20)
    parsed = read_fitnotes(fitnotes(rows))
    fatal = [p for p in parsed.problems if p.line]
    assert [p.line for p in fatal] == list(range(3, MAX_PROBLEMS + 3))
    assert all(p.message == "reps 'x' is not a number" for p in fatal)
    assert parsed.problems[-1].line == 0 and f"after {MAX_PROBLEMS} problems" in parsed.problems[-1].message
    assert parsed.rows == MAX_PROBLEMS + 1


def test_fitnotes_a_set_out_of_range_is_reported_on_each_row() -> None:
    wrong = fn_row(Distance="2000", **{"Distance Unit": "km"})
    parsed = read_fitnotes(fitnotes([fn_row(), wrong, fn_row(), wrong]))
    assert [(p.line, p.message) for p in parsed.problems] == [
        (3, "Distance: 2e+06 m is not between 0 and 1,000 km"),
        (5, "Distance: 2e+06 m is not between 0 and 1,000 km"),
    ]
    assert shape(parsed) == [[("Squat", "", 2)]]


def test_fitnotes_a_refused_out_of_range_set_starts_no_entry() -> None:
    """A set refused by the final set checks (here a negative distance) leaves no entry: the sets around it join."""
    text = fitnotes([fn_row(), fn_row(CURL, Distance="-1"), fn_row()])
    parsed = read_fitnotes(text)
    assert lines(parsed) == [3]
    assert shape(parsed) == [[("Squat", "", 2)]]


# ---- 7. sessions by date, titles, exercise blocks, notes --------------------------------------------------------


def test_fitnotes_rows_of_one_date_make_one_session_titled_by_its_categories_in_order() -> None:
    text = fitnotes(
        [
            fn_row(category="Legs"),
            fn_row(CURL, category="Arms", date="2020-09-14"),
            fn_row(category=" Legs ", date=f" {DAY}"),  # the same date and category written with spaces
            fn_row(CURL, category="Arms", date=f"{DAY} 18:30"),  # a time of day: still that date
            fn_row("Plank", "", "", category="", Time="60"),
            fn_row("Crunch", "", "20", category="Core"),
            fn_row(CURL, category="Arms", date="2020-09-14"),
            fn_row(category="Legs"),
        ]
    )
    parsed = read_fitnotes(text)
    assert not parsed.problems
    assert [(s.start, s.end, s.title, s.source, s.source_key) for s in parsed.sessions] == [
        (datetime(2020, 9, 13), None, "Legs, Arms, Core", "fitnotes", "2020-09-13"),
        (datetime(2020, 9, 14), None, "Arms", "fitnotes", "2020-09-14"),
    ]
    assert shape(parsed) == [
        [("Squat", "", 2), (CURL, "", 1), ("Plank", "", 1), ("Crunch", "", 1), ("Squat", "", 1)],
        [(CURL, "", 2)],
    ]
    assert sets_of(parsed)[3] == SetRecord(duration_s=60.0)


def test_fitnotes_sessions_are_oldest_first_whatever_the_order_of_the_file() -> None:
    text = fitnotes([fn_row(date="2020-09-20"), fn_row(date="2020-09-13"), fn_row(date="2020-09-20", reps="6")])
    parsed = read_fitnotes(text)
    assert [(s.start.date().isoformat(), s.set_count) for s in parsed.sessions] == [
        ("2020-09-13", 1),
        ("2020-09-20", 2),
    ]


def test_fitnotes_a_comment_or_notes_is_the_set_note_and_alike_sets_are_equal() -> None:
    columns = (*FN_COLUMNS, "Notes")
    text = fitnotes(
        [
            fn_row(Comment="slow", Notes="ignored"),
            fn_row(Comment="", Notes=" fast "),
            fn_row(Comment="  ", Notes=""),
            fn_row(Comment="slow", Notes="other"),  # the note is the comment's: the same set as the first
            fn_row(Comment="@8"),
            fn_row(Comment="", Notes="steady"),  # differs from the second row in its Notes only
            fn_row(CURL, date="2020-09-14", Comment="slow"),
        ],
        columns,
    )
    parsed = read_fitnotes(text)
    assert not parsed.problems
    records = sets_of(parsed)
    assert [r.note for r in records] == ["slow", "fast", "", "slow", "@8", "steady", "slow"]
    assert records[0] == records[3] == records[6] == SetRecord(load_kg=100.0, reps=5, note="slow")
    assert records[4] == SetRecord(load_kg=100.0, reps=5, rir=2.0, effort_scale=EffortScale.RPE, note="@8")
    assert parsed.effort_from_notes == 1
    plain = read_fitnotes(text, effort_from_notes=False)
    assert sets_of(plain)[4] == SetRecord(load_kg=100.0, reps=5, note="@8")


def test_fitnotes_sets_alike_in_other_sessions_and_exercises_are_equal_and_differing_ones_are_not() -> None:
    text = fitnotes(
        [
            fn_row(),
            fn_row(CURL),
            fn_row(date="2020-09-14"),
            fn_row(reps="6"),
            fn_row(weight="100"),
            fn_row(Time="1:30"),
            fn_row(Distance="1", **{"Distance Unit": "km"}),
            fn_row(Distance="1", **{"Distance Unit": "mi"}),
            fn_row(Distance="1", **{"Distance Unit": "km"}),
        ]
    )
    parsed = read_fitnotes(text)
    assert not parsed.problems
    alike = SetRecord(load_kg=100.0, reps=5)
    assert sets_of(parsed) == [
        alike,
        alike,
        alike.replace(reps=6),
        alike,
        alike.replace(duration_s=90.0),
        alike.replace(distance_m=1000.0),
        alike.replace(distance_m=1609.344),
        alike.replace(distance_m=1000.0),
        alike,
    ]
    assert shape(parsed) == [[("Squat", "", 1), (CURL, "", 1), ("Squat", "", 6)], [("Squat", "", 1)]]


# ---- 8. units: a Weight Unit column, the header's unit, the lifter's ---------------------------------------------


def test_fitnotes_a_weight_unit_column_mixing_kgs_and_lbs_converts_each_row() -> None:
    def unit_row(weight: str, unit: str) -> dict[str, str]:
        return fn_row(weight=weight, weight_column="Weight", **{"Weight Unit": unit})

    text = fitnotes(
        [
            unit_row("100", "kgs"),
            unit_row("100", "lbs"),
            unit_row("100", "kgs"),
            unit_row("225", " LBS "),
            unit_row("100", "lbs"),
            unit_row("80", ""),
        ],
        FN_UNIT_COLUMNS,
    )
    in_kg = read_fitnotes(text)
    assert not in_kg.problems and in_kg.units_stated
    assert [r.load_kg for r in sets_of(in_kg)] == pytest.approx(
        [100.0, 100 * KG_PER_LB, 100.0, 225 * KG_PER_LB, 100 * KG_PER_LB, 80.0], rel=1e-12
    )
    in_lb = read_fitnotes(text, units="lb")  # a row without a unit is in the lifter's
    assert [r.load_kg for r in sets_of(in_lb)] == pytest.approx(
        [100.0, 100 * KG_PER_LB, 100.0, 225 * KG_PER_LB, 100 * KG_PER_LB, 80 * KG_PER_LB], rel=1e-12
    )


@pytest.mark.parametrize(
    ("weight_column", "units", "factor", "stated"),
    [
        ("Weight (lbs)", None, KG_PER_LB, True),
        ("Weight (kgs)", None, 1.0, True),
        ("Weight (lbs)", "kg", KG_PER_LB, True),  # the header says pounds: the lifter's choice does not apply
        ("Weight", "lb", KG_PER_LB, False),
        ("Weight", "kg", 1.0, False),
    ],
)
def test_fitnotes_without_a_unit_column_the_headers_unit_or_the_lifters_applies_to_every_row(
    weight_column: str, units: str | None, factor: float, stated: bool
) -> None:
    columns = tuple(weight_column if name == "Weight (kgs)" else name for name in FN_COLUMNS)
    rows = [fn_row(weight=w, weight_column=weight_column) for w in ("45", "135", "45", "225")]
    parsed = read_fitnotes(fitnotes(rows, columns), units=units)
    assert not parsed.problems
    assert parsed.units_stated is stated
    assert [r.load_kg for r in sets_of(parsed)] == pytest.approx([w * factor for w in (45, 135, 45, 225)], rel=1e-12)


def test_fitnotes_without_any_unit_the_lifter_must_choose_one() -> None:
    columns = tuple("Weight" if name == "Weight (kgs)" else name for name in FN_COLUMNS)
    with pytest.raises(ImportFailed, match="choose the unit"):
        read_fitnotes(fitnotes([fn_row(weight_column="Weight")], columns))


# ---- 9. rows mended for unquoted commas -----------------------------------------------------------------------

FN_HEADER = "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time\n"


def test_fitnotes_an_unquoted_comma_in_an_exercise_name_is_mended_even_when_its_set_equals_another_rows() -> None:
    text = FN_HEADER + (
        "2020-09-13,Squat, Pause,Legs,100.0,5,,,\n"
        "2020-09-13,Squat,Legs,100.0,5,,,\n"  # the same set fields as the mended rows around it
        "2020-09-13,Squat, Pause,Legs,100.0,5,,,\n"
        "2020-09-13,Squat, Pause,Legs,100.0,5,,,\n"
        "2020-09-13,Press, Seated, Machine,Shoulders,100.0,5,,,\n"
        "2020-09-13,Squat,Legs,100.0,5,,,\n"
    )
    parsed = read_fitnotes(text)
    assert not parsed.fatal
    assert [(p.line, p.message) for p in parsed.problems] == [
        (2, "the exercise held 1 unquoted comma; read as 'Squat, Pause'"),
        (4, "the exercise held 1 unquoted comma; read as 'Squat, Pause'"),
        (5, "the exercise held 1 unquoted comma; read as 'Squat, Pause'"),
        (6, "the exercise held 2 unquoted commas; read as 'Press, Seated, Machine'"),
    ]
    (session,) = parsed.sessions
    assert session.title == "Legs, Shoulders"
    assert shape(parsed) == [
        [
            ("Squat, Pause", "", 1),
            ("Squat", "", 1),
            ("Squat, Pause", "", 2),
            ("Press, Seated, Machine", "", 1),
            ("Squat", "", 1),
        ]
    ]
    assert sets_of(parsed) == [SetRecord(load_kg=100.0, reps=5)] * 6
    assert parsed.rows == 6


def test_fitnotes_a_mended_row_with_a_bad_value_is_warned_and_refused_on_each_line() -> None:
    text = FN_HEADER + (
        "2020-09-13,Squat, Pause,Legs,100.0,5,,,soon\n"
        "2020-09-13,Squat,Legs,100.0,5,,,\n"
        "2020-09-13,Squat, Pause,Legs,100.0,5,,,soon\n"
    )
    parsed = read_fitnotes(text)
    assert [(p.line, p.fatal) for p in parsed.problems] == [(2, False), (2, True), (4, False), (4, True)]
    assert [p.message for p in parsed.fatal] == ["duration 'soon' is not a time like 1h 11m or 1:02:30"] * 2
    assert shape(parsed) == [[("Squat", "", 1)]]


def test_fitnotes_an_unquoted_comma_in_a_comment_is_mended_into_the_note() -> None:
    header = "Date,Exercise,Category,Weight (kgs),Reps,Comment,Distance,Distance Unit,Time\n"
    text = header + (
        "2020-09-13,Squat,Legs,100.0,5,slow, heavy,,,\n"
        "2020-09-13,Squat,Legs,100.0,5,slow,,,\n"
        "2020-09-13,Squat,Legs,100.0,5,slow, heavy,,,\n"
    )
    parsed = read_fitnotes(text)
    assert not parsed.fatal
    assert [(p.line, p.message) for p in parsed.problems] == [
        (2, "the comment held 1 unquoted comma; read as 'slow, heavy'"),
        (4, "the comment held 1 unquoted comma; read as 'slow, heavy'"),
    ]
    assert [r.note for r in sets_of(parsed)] == ["slow, heavy", "slow", "slow, heavy"]


def test_fitnotes_an_unquoted_comma_in_a_last_column_comment_is_mended_into_the_note() -> None:
    text = (
        "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time,Comment\n"
        "2020-09-13,Squat,Legs,100.0,5,,,,slow, heavy\n"
    )
    parsed = read_fitnotes(text)
    assert not parsed.fatal
    assert shape(parsed) == [[("Squat", "", 1)]]
    assert sets_of(parsed) == [SetRecord(load_kg=100.0, reps=5, note="slow, heavy")]


def test_fitnotes_a_row_that_cannot_be_mended_refuses_the_file() -> None:
    text = FN_HEADER + "2020-09-13,Squat,Legs,100.0,5,,,\n2020-09-13,Squat,Legs,heavy,load,5,,,\n"
    with pytest.raises(ImportFailed) as refusal:
        read_fitnotes(text)
    assert refusal.value.problem.line == 3
    assert refusal.value.problem.message == (
        "1 field more than the header, and no way of joining them leaves the weight, reps and distance as numbers"
    )


# ---- 5 and 10. the real exports read exactly as before the rewrite ----------------------------------------------
# The figures below were produced by the code at HEAD before the rewrite (`git show HEAD:journal/io/hevy.py` and
# `...fitnotes.py`), with `canonical` and `digest` as defined above: sessions with start, end, title, notes, source
# and key; entries with names and notes; sets with every field; problems with line, message and fatality.


def _mutated(path_text: str, change: Callable[[int, dict[str, str]], None]) -> str:
    """The fixture's rows with `change(row number, row)` applied, written back with the csv module."""
    reader = csv.DictReader(io.StringIO(path_text, newline=""))
    columns = reader.fieldnames
    assert columns is not None
    rows = list(reader)
    for number, values in enumerate(rows):
        change(number, values)
    return csv_text(rows, columns)


def _spoil_hevy(number: int, values: dict[str, str]) -> None:
    if number % 9 == 4:
        values["weight_kg"] = "abc"
    if number % 13 == 6:
        values["set_type"] = "heavy"
    if number % 17 == 3:
        values["end_time"] = "1 Jan 2026, 00:00"  # before the start: the workout is refused on that row
    if number % 23 == 11:
        values["set_index"] = "x"


def _spoil_fitnotes(number: int, values: dict[str, str]) -> None:
    if number % 11 == 4:
        values["Weight (lbs)"] = "abc"
    if number % 19 == 6:
        values["Reps"] = "x"
    if number % 29 == 7:
        values["Date"] = "2020-02-30"
    if number % 31 == 10:
        values["Time"] = "soon"


PINNED: dict[str, tuple[str, tuple[int, int, int, int, int]]] = {
    # name: (digest, (sessions, entries, sets, problems, rows)); "-spoilt": bad values put into some of its rows
    "hevy": ("32e726f6d7fe040589c6b3ce42c440b5a0afa062ef8db7a59f2fc3e109c6aef9", (6, 38, 135, 0, 135)),
    "fitnotes": ("6e84855ed40be018e18925baed156f71f96dd978b8b231a0f0c677cc0c9c9805", (18, 148, 436, 0, 436)),
    "hevy-spoilt": ("fdd036f228c142b5d46ac52232694791bb7395ef112a5c1d0dfd9a47daf84589", (6, 34, 99, 36, 135)),
    "fitnotes-spoilt": ("59a0c91ff135de3271afd57636f56141612348fe0083455d4ec373d567fab998", (18, 132, 350, 86, 436)),
}


def _parsed(name: str) -> ParsedImport:
    hevy, fitnotes = shared_export(*REAL_HEVY), shared_export(*REAL_FITNOTES)
    if name == "hevy":
        return parse_file(hevy)
    if name == "fitnotes":
        return parse_file(fitnotes)
    if name == "hevy-spoilt":
        return parse_text(_mutated(hevy.read_text(encoding="utf-8"), _spoil_hevy))
    return parse_text(_mutated(fitnotes.read_text(encoding="utf-8"), _spoil_fitnotes))


@pytest.mark.parametrize("name", list(PINNED))
def test_a_real_export_reads_to_what_the_code_before_the_rewrite_read(name: str) -> None:
    expected_digest, expected_figures = PINNED[name]
    parsed = _parsed(name)
    assert parsed.format == ("Hevy" if name.startswith("hevy") else "FitNotes")
    assert figures(parsed) == expected_figures
    assert digest(parsed) == expected_digest


def test_the_hevy_export_reads_its_first_workout_exactly() -> None:
    parsed = parse_file(shared_export(*REAL_HEVY))
    assert (parsed.units, parsed.units_stated, parsed.effort_from_notes) == (Unit.KG, True, 0)
    assert parsed.set_types() == {SetType.WORKING: 106, SetType.WARMUP: 24, SetType.DROP: 5}
    first = parsed.sessions[0]
    assert (first.start, first.end, first.title, first.notes, first.source_key) == (
        datetime(2026, 2, 24, 17, 46),
        datetime(2026, 2, 24, 18, 55),
        "Afternoon workout 💪",
        "",
        "2026-02-24T17:46:00|Afternoon workout 💪",
    )
    assert [(e.exercise.name, e.note, len(e.sets)) for e in first.entries] == [
        ("Bench Press (Barbell)", "", 8),
        ("Snatch", "", 2),
        ("Overhead Squat", "", 2),
        ("EZ Bar Biceps Curl", "", 6),
        ("Chest Dip (Weighted)", "", 4),
        ("Behind the Back Curl (Cable)", "Switched machines", 2),
    ]
    assert [(r.set_type, r.load_kg, r.reps) for r in first.entries[3].sets] == [
        (SetType.WARMUP, 30.0, 8),
        (SetType.WORKING, 40.0, 10),
        (SetType.WORKING, 40.0, 10),
        (SetType.WORKING, 40.0, 9),
        (SetType.WORKING, 40.0, 8),
        (SetType.DROP, 30.0, 8),
    ]
    assert first.entries[4].sets[3] == SetRecord(reps=13)
    third = parsed.sessions[2]
    assert [(e.exercise.name, e.note) for e in third.entries if e.note] == [
        ("Squat (Barbell)", "Weightlifting shoes"),
        ("Straight Leg Deadlift", "Deficit + weightlifting shoe"),
        ("Calf Extension (Machine)", "The code leg press"),
    ]


def test_the_fitnotes_export_reads_its_first_days_exactly() -> None:
    parsed = parse_file(shared_export(*REAL_FITNOTES))
    assert (parsed.units, parsed.units_stated) == (Unit.LB, True)
    first, second = parsed.sessions[:2]
    assert (first.start, first.end, first.title, first.source_key) == (
        datetime(2020, 9, 13),
        None,
        "Legs",
        "2020-09-13",
    )
    assert [(e.exercise.name, len(e.sets)) for e in first.entries] == [
        ("Barbell Squat", 7),
        ("Romanian Deadlift", 5),
        ("Barbell Front Squat", 3),
        ("Lying Leg Curl", 3),
    ]
    assert [r.reps for r in first.entries[0].sets] == [10, 8, 6, 5, 5, 5, 7]
    assert [r.load_kg for r in first.entries[0].sets] == pytest.approx(
        [
            45 * KG_PER_LB,
            75 * KG_PER_LB,
            95 * KG_PER_LB,
            115 * KG_PER_LB,
            135 * KG_PER_LB,
            135 * KG_PER_LB,
            135 * KG_PER_LB,
        ],
        rel=1e-12,
    )
    assert (second.start, second.title) == (datetime(2020, 9, 15), "Chest, Shoulders, Triceps")
    # alternating exercises (a superset) make an entry each time the exercise changes
    assert [e.exercise.name for e in second.entries][3:] == [
        "Rope Push Down",
        "Lateral Dumbbell Raise",
        "Rope Push Down",
        "Lateral Dumbbell Raise",
        "Rope Push Down",
        "Lateral Dumbbell Raise",
        "Dumbbell Overhead Triceps Extension",
        "Lateral Dumbbell Raise",
        "Dumbbell Overhead Triceps Extension",
        "Lateral Dumbbell Raise",
        "Dumbbell Overhead Triceps Extension",
        "Lateral Dumbbell Raise",
    ]


# ---- the sample exports, read as their rows say ---------------------------------------------------------------
# The figures below are the rows of tests/fixtures/hevy/hevy-kg.csv and fitnotes/fitnotes-lbs.csv as written there.


def test_the_hevy_sample_reads_its_workouts_exactly() -> None:
    parsed = parse_file(HEVY_SAMPLE)
    assert (parsed.units, parsed.units_stated, parsed.effort_from_notes) == (Unit.KG, True, 0)
    assert parsed.set_types() == {SetType.WORKING: 21, SetType.WARMUP: 4, SetType.DROP: 3, SetType.FAILURE: 1}
    assert [(s.start, s.title) for s in parsed.sessions] == [
        (datetime(2025, 6, 6, 17, 45), "Pull"),
        (datetime(2025, 6, 8, 6, 30), "Easy run"),
        (datetime(2025, 6, 10, 7, 5), "Push"),
        (datetime(2025, 6, 12, 18, 20), "Leg Day 🦵"),
    ]
    pull, run, push, legs = parsed.sessions
    assert (pull.end, pull.notes, pull.source_key) == (
        datetime(2025, 6, 6, 18, 50),
        "Short rests\nthen a long walk home",
        "2025-06-06T17:45:00|Pull",
    )
    # a superset: Pull Up and Face Pull alternate, each change of exercise an entry of its own
    assert [(e.exercise.name, e.note, len(e.sets)) for e in pull.entries] == [
        ("Deadlift (Barbell)", "", 3),
        ("Pull Up", "", 1),
        ("Face Pull (Cable)", "Rope attachment", 1),
        ("Pull Up", "", 1),
        ("Face Pull (Cable)", "Rope attachment", 1),
        ("Hammer Curl (Dumbbell)", "", 2),
    ]
    assert [(r.set_type, r.load_kg, r.reps, r.rir) for r in pull.entries[0].sets] == [
        (SetType.WARMUP, 60.0, 5, None),
        (SetType.WORKING, 130.0, 5, 2.0),
        (SetType.WORKING, 130.0, 5, None),
    ]
    assert pull.entries[3].sets[0] == SetRecord(reps=7, rir=0.5, effort_scale=EffortScale.RPE)
    assert [(r.set_type, r.load_kg, r.reps) for r in pull.entries[5].sets] == [
        (SetType.WORKING, 16.0, 10),
        (SetType.DROP, 12.0, 8),
    ]
    assert (run.notes, run.entries[0].sets) == (
        "Flat route along the river",
        (SetRecord(distance_m=5250.0, duration_s=1890.0),),
    )
    assert [(e.exercise.name, e.note) for e in push.entries] == [
        ("Bench Press (Barbell)", ""),
        ("Ring Dips", "Rings set low,\nthumbs out"),
        ("Overhead Press (Dumbbell)", ""),
    ]
    assert push.entries[1].sets == (SetRecord(reps=12), SetRecord(reps=10, rir=1.0, effort_scale=EffortScale.RPE))
    assert [r.set_type for r in push.entries[0].sets] == [
        SetType.WARMUP,
        SetType.WORKING,
        SetType.WORKING,
        SetType.DROP,
        SetType.DROP,
    ]
    assert [(e.exercise.name, len(e.sets)) for e in legs.entries] == [
        ("Squat (Barbell)", 5),
        ("Leg Extension (Machine)", 1),
        ("Lying Leg Curl (Machine)", 1),
        ("Leg Extension (Machine)", 1),
        ("Lying Leg Curl (Machine)", 1),
        ("Cycling", 1),
    ]
    assert legs.entries[0].sets[4] == SetRecord(
        set_type=SetType.FAILURE, load_kg=105.0, reps=7, rir=0.0, effort_scale=EffortScale.RPE
    )
    assert (legs.entries[0].note, legs.notes) == ("Heels raised on plates", "Knee felt fine")
    assert legs.entries[5].sets == (SetRecord(distance_m=6400.0, duration_s=900.0),)


def test_the_fitnotes_sample_reads_its_days_exactly() -> None:
    parsed = parse_file(FITNOTES_SAMPLE)
    assert (parsed.units, parsed.units_stated) == (Unit.LB, True)
    assert not parsed.problems
    legs, upper, cardio = parsed.sessions
    assert (legs.start, legs.end, legs.title, legs.source_key) == (datetime(2025, 4, 1), None, "Legs", "2025-04-01")
    assert [(e.exercise.name, len(e.sets)) for e in legs.entries] == [("Barbell Squat", 4), ("Romanian Deadlift", 2)]
    assert [r.reps for r in legs.entries[0].sets] == [10, 5, 5, 5]
    assert [r.load_kg for r in legs.entries[0].sets] == pytest.approx(
        [45 * KG_PER_LB, 135 * KG_PER_LB, 185 * KG_PER_LB, 185 * KG_PER_LB], rel=1e-12
    )
    assert (upper.start, upper.title) == (datetime(2025, 4, 3), "Chest, Triceps, Shoulders")
    # alternating exercises (a superset) make an entry each time the exercise changes
    assert [e.exercise.name for e in upper.entries] == [
        "Flat Barbell Bench Press",
        "Rope Push Down",
        "Lateral Dumbbell Raise",
        "Rope Push Down",
        "Lateral Dumbbell Raise",
        "Dips",
    ]
    assert upper.entries[-1].sets == (SetRecord(reps=12),)  # load 0: bodyweight
    assert (cardio.start, cardio.title) == (datetime(2025, 4, 5), "Cardio, Abs")
    (run,), (plank,) = (e.sets for e in cardio.entries)
    assert run.distance_m == pytest.approx(3.1 * 1609.344) and run.duration_s == 27 * 60 + 40
    assert (plank.duration_s, plank.load_kg, plank.reps) == (90, None, None)


def _record_lines(text: str) -> list[int]:
    """The line each record after the header starts on, by the csv module."""
    reader = csv.reader(io.StringIO(text, newline=""))
    next(reader)
    starts, start = [], reader.line_num + 1
    for _ in reader:
        starts.append(start)
        start = reader.line_num + 1
    return starts


def _spoil_hevy_sample(number: int, values: dict[str, str]) -> None:
    """As _spoil_hevy, with an end before every workout of the sample (they are in 2025)."""
    _spoil_hevy(number, values)
    if number % 17 == 3:
        values["end_time"] = "1 Jan 2001, 00:00"


@pytest.mark.parametrize(
    ("path", "spoil", "fmt"),
    [(HEVY_SAMPLE, _spoil_hevy_sample, "Hevy"), (FITNOTES_SAMPLE, _spoil_fitnotes, "FitNotes")],
    ids=["hevy", "fitnotes"],
)
def test_a_spoilt_sample_is_refused_on_each_spoilt_row_and_reads_the_others(
    path: Path, spoil: Callable[[int, dict[str, str]], None], fmt: str
) -> None:
    original = path.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(original, newline="")))
    spoilt = _mutated(original, spoil)
    changed = [
        number for number, row in enumerate(csv.DictReader(io.StringIO(spoilt, newline=""))) if row != rows[number]
    ]
    assert len(changed) >= 3
    lines = _record_lines(spoilt)
    parsed = parse_text(spoilt)
    assert parsed.format == fmt and parsed.rows == len(rows)
    assert [(p.line, p.fatal) for p in parsed.problems] == [(lines[number], True) for number in changed]
    assert parsed.set_count == len(rows) - len(changed)
