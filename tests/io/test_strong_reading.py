# SPDX-License-Identifier: MIT
"""How StrongCsv.read reads a file since it remembers what each row's fields were read as: refusals reported on
every row, alike sets equal, workout notes and durations across a workout's rows, Note and Rest Timer rows, a
per-row weight unit, header variants; and the date and duration readers it relies on."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta

import pytest

from journal.domain.effort import EffortScale
from journal.domain.records import SetRecord, SetType
from journal.domain.units import Unit
from journal.domain.validation import YEAR_MAX, YEAR_MIN
from journal.io import ImportFailed, ImportOptions, ParsedImport, parse_text
from journal.io.dates import DateError, parse_export_date, parse_export_datetime
from journal.io.fields import duration_text
from journal.io.strong import MAX_PLAUSIBLE_HOURS, StrongCsv
from tests.io.support import KG_PER_LB, STRONG_COLUMNS, csv_text, lines, sets_of, shape

COLUMNS = STRONG_COLUMNS
START = datetime(2024, 3, 5, 7, 30)
DATE = "2024-03-05 07:30:00"
LATER = "2024-03-07 18:00:00"
BENCH, FLY, ROW = "Bench Press (Barbell)", "Chest Fly (Dumbbell)", "Bent Over Row (Barbell)"


def row(
    exercise: str = BENCH,
    order: str = "1",
    weight: str = "100",
    reps: str = "5",
    *,
    date: str = DATE,
    workout: str = "Push",
    duration: str = "1h",
    rpe: str = "",
    notes: str = "",
    workout_notes: str = "",
    **more: str,
) -> dict[str, str]:
    """One row of a Strong export, by column name (`more` for the columns without a parameter)."""
    return {
        "Date": date,
        "Workout Name": workout,
        "Duration": duration,
        "Exercise Name": exercise,
        "Set Order": order,
        "Weight": weight,
        "Reps": reps,
        "Notes": notes,
        "Workout Notes": workout_notes,
        "RPE": rpe,
        **more,
    }


def strong(rows: Sequence[Mapping[str, str]], columns: Sequence[str] = COLUMNS) -> str:
    """The text of a Strong export with these columns (see csv_text)."""
    return csv_text(rows, columns)


def read(text: str, units: str = "kg") -> ParsedImport:
    return StrongCsv().read(text, ImportOptions(units=units))


# a bad value of each kind of field, and the message that names it
BAD_FIELDS = [
    ({"weight": "abc"}, "weight 'abc' is not a number"),
    ({"rpe": "11"}, "RPE 11 is not on the 1-10 scale in half steps"),
    ({"reps": "2.5"}, "reps '2.5' is not a whole number"),
    ({"order": "X"}, "set order 'X' is neither a number nor W, D or F"),
]


# ---- 1. a refusal is reported on every row that has it --------------------------------------------------------


@pytest.mark.parametrize(("bad", "message"), BAD_FIELDS)
def test_a_bad_value_on_three_rows_is_reported_on_each_and_the_rows_around_it_still_read(
    bad: dict[str, str], message: str
) -> None:
    good = row(order="1", rpe="8")
    wrong = row(**{"order": "2", "rpe": "8", **bad})  # the very same fields on each bad row
    text = strong([good, wrong, good, wrong, wrong, row(order="3", weight="110", rpe="9")])
    for parsed in (read(text), parse_text(text, options=ImportOptions(units=Unit.KG))):
        assert parsed.format == "Strong"
        assert lines(parsed) == [3, 5, 6]
        assert all(message in problem.message for problem in parsed.problems)
        assert shape(parsed) == [[(BENCH, "", 3)]]
        assert [(r.load_kg, r.reps, r.rir) for r in sets_of(parsed)] == [
            (100.0, 5, 2.0),
            (100.0, 5, 2.0),
            (110.0, 5, 1.0),
        ]
        assert parsed.rows == 6


@pytest.mark.parametrize(("bad", "message"), BAD_FIELDS)
def test_a_bad_field_in_sets_that_differ_otherwise_is_reported_on_each_and_good_fields_still_read(
    bad: dict[str, str], message: str
) -> None:
    """Each field is read once per text: the bad one is refused on every row, in any combination with others."""
    varied = [{"order": "1", "weight": "90", "reps": "3", "rpe": "7"}, {"order": "2", "weight": "95", "reps": "4"}]
    wrong = [row(**{**fields, **bad}) for fields in (*varied, {"notes": "again"})]
    good = [row(**fields) for fields in varied]
    parsed = read(strong([good[0], wrong[0], wrong[1], good[1], wrong[2]]))
    assert lines(parsed) == [3, 4, 6]
    assert all(message in problem.message for problem in parsed.problems)
    assert [(r.load_kg, r.reps, r.rir) for r in sets_of(parsed)] == [(90.0, 3, 3.0), (95.0, 4, None)]


def test_a_bad_date_on_three_rows_is_reported_on_each() -> None:
    bad = "2024-02-30 10:00:00"
    text = strong([row(date=bad), row(date=DATE), row(date=bad), row(date=bad, order="2"), row(date=DATE, order="2")])
    parsed = read(text)
    assert lines(parsed) == [2, 4, 5]
    assert all("February 2024 has no day 30" in problem.message for problem in parsed.problems)
    assert [session.start for session in parsed.sessions] == [START]
    assert shape(parsed) == [[(BENCH, "", 2)]]


def test_a_bad_weight_unit_on_three_rows_is_reported_on_each() -> None:
    columns = ("Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Weight Unit", "Reps")
    bad = row(**{"Weight Unit": "stone"})
    text = strong([bad, row(**{"Weight Unit": "kg"}), bad, bad], columns)
    parsed = read(text)
    assert lines(parsed) == [2, 4, 5]
    assert all("weight unit 'stone' is neither kg nor lb" in problem.message for problem in parsed.problems)
    assert [r.load_kg for r in sets_of(parsed)] == [100.0]


# ---- 2. alike sets are equal records, sets that differ are not ------------------------------------------------


def test_alike_sets_in_other_workouts_and_exercises_are_equal_and_differing_ones_are_not() -> None:
    text = strong(
        [
            row(BENCH, "1", rpe="8"),
            row(FLY, "1", rpe="8"),
            row(ROW, "1", rpe="8", date=LATER, workout="Pull"),
            row(ROW, "2", rpe="9", date=LATER, workout="Pull"),  # another RPE
            row(ROW, "3", rpe="8", notes="slow", date=LATER, workout="Pull"),  # a note
            row(ROW, "W", rpe="8", date=LATER, workout="Pull"),  # a warm-up
            row(ROW, "4", rpe="", date=LATER, workout="Pull"),  # no RPE
        ]
    )
    parsed = read(text)
    assert not parsed.problems
    assert shape(parsed) == [[(BENCH, "", 1), (FLY, "", 1)], [(ROW, "", 5)]]
    records = sets_of(parsed)
    alike = SetRecord(load_kg=100.0, reps=5, rir=2.0, effort_scale=EffortScale.RPE)
    assert records[:3] == [alike, alike, alike]
    assert records[3:] == [
        SetRecord(load_kg=100.0, reps=5, rir=1.0, effort_scale=EffortScale.RPE),
        SetRecord(load_kg=100.0, reps=5, rir=2.0, effort_scale=EffortScale.RPE, note="slow"),
        SetRecord(set_type=SetType.WARMUP, load_kg=100.0, reps=5, rir=2.0, effort_scale=EffortScale.RPE),
        SetRecord(load_kg=100.0, reps=5),
    ]


def test_effort_from_a_note_changes_only_the_set_with_that_note() -> None:
    text = strong(
        [
            row(BENCH, "1"),
            row(BENCH, "2", notes="@9"),
            row(FLY, "1"),
            row(FLY, "1", date=LATER, workout="Push B"),
            row(FLY, "2", notes="@9", date=LATER, workout="Push B"),
        ]
    )
    parsed = read(text)
    assert not parsed.problems
    assert [(r.rir, r.effort_scale, r.note) for r in sets_of(parsed)] == [
        (None, None, ""),
        (1.0, EffortScale.RPE, "@9"),
        (None, None, ""),
        (None, None, ""),
        (1.0, EffortScale.RPE, "@9"),
    ]
    assert parsed.effort_from_notes == 2


# ---- 3. workout notes ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "notes"),
    [
        (["A", "B", "A"], "A"),
        (["A", "B"], "B"),
        (["A", "", "   "], "A"),
        (["", "  A  ", "\t"], "A"),
        (["A", "B", "A", "B", " "], "B"),
        (["  ", "", " "], ""),
        (["", "", ""], ""),
    ],
)
def test_the_last_non_empty_workout_notes_of_a_workout_win(written: list[str], notes: str) -> None:
    text = strong([row(order=str(index), workout_notes=value) for index, value in enumerate(written, 1)])
    (session,) = read(text).sessions
    assert session.notes == notes
    assert len(session.entries[0].sets) == len(written)


def test_workout_notes_belong_to_their_own_workout_when_workouts_interleave() -> None:
    pull = {"date": LATER, "workout": "Pull"}
    text = strong(
        [
            row(BENCH, "1", workout_notes="A"),
            row(BENCH, "2", workout_notes="B"),
            row(ROW, "1", workout_notes="A", **pull),
            row(BENCH, "3", workout_notes="A"),
            row(ROW, "2", workout_notes=" ", **pull),
            row(ROW, "3", workout_notes="", date="2024-03-09 09:00:00", workout="Legs"),
        ]
    )
    parsed = read(text)
    assert [(s.title, s.notes) for s in parsed.sessions] == [("Push", "A"), ("Pull", "A"), ("Legs", "")]


# ---- 4. duration -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("durations", "end"),
    [
        (["1h 5m", "2h", "30m"], START + timedelta(hours=1, minutes=5)),
        (["45m", "45m", "1h"], START + timedelta(minutes=45)),
        (["", "45m", "1h"], START + timedelta(minutes=45)),  # the first duration written
        (["", "", ""], None),
        ([f"{MAX_PLAUSIBLE_HOURS}h", "7h"], START + timedelta(hours=MAX_PLAUSIBLE_HOURS)),
        ([f"{MAX_PLAUSIBLE_HOURS + 1}h", "1h"], None),  # an implausible first duration leaves the end empty
    ],
)
def test_the_first_duration_of_a_workout_sets_its_end(durations: list[str], end: datetime | None) -> None:
    text = strong([row(order=str(index), duration=value) for index, value in enumerate(durations, 1)])
    parsed = read(text)
    (session,) = parsed.sessions
    assert session.end == end
    assert not parsed.fatal
    assert len(sets_of(parsed)) == len(durations)


def test_the_first_duration_in_seconds_sets_the_end() -> None:
    columns = ("Date", "Workout Name", "Duration (sec)", "Exercise Name", "Set Order", "Weight (kg)", "Reps")
    text = strong(
        [
            {**row(order=str(i), **{"Weight (kg)": "100"}), "Duration (sec)": seconds}
            for i, seconds in enumerate(["3900", "7200", "3900"], 1)
        ],
        columns,
    )
    parsed = read(text)
    assert not parsed.problems
    assert [session.end for session in parsed.sessions] == [START + timedelta(seconds=3900)]


def test_an_implausible_duration_gives_one_warning_per_workout() -> None:
    pull = {"date": LATER, "workout": "Pull"}
    text = strong(
        [
            row(BENCH, "1", duration="7h"),
            row(BENCH, "2", duration="7h"),
            row(FLY, "1", duration="7h"),
            row(ROW, "1", duration="9h", **pull),
            row(ROW, "2", duration="8h", **pull),
            row(BENCH, "3", duration="7h"),
            row(ROW, "3", duration="1h", **pull),
            row(ROW, "1", duration="2h", date="2024-03-09 09:00:00", workout="Short"),
        ]
    )
    parsed = read(text)
    warnings = [problem for problem in parsed.problems if not problem.fatal]
    assert not parsed.fatal
    assert [problem.line for problem in warnings] == [2, 5]
    assert "7h is implausible" in warnings[0].message and "9h is implausible" in warnings[1].message
    assert [session.end for session in parsed.sessions] == [None, None, datetime(2024, 3, 9, 11, 0)]
    assert shape(parsed) == [[(BENCH, "", 2), (FLY, "", 1), (BENCH, "", 1)], [(ROW, "", 3)], [(ROW, "", 1)]]


# ---- 5. Note and Rest Timer rows -------------------------------------------------------------------------------


def test_a_note_row_belongs_to_its_exercise_and_a_rest_timer_is_skipped() -> None:
    text = strong(
        [
            row(BENCH, "Note", "", "", notes="Elbows in"),
            row(BENCH, "1"),
            row(BENCH, "Rest Timer", "", "", Seconds="90"),
            row(BENCH, "2", "102.5"),
            row(BENCH, "Note", "", "", notes="Second note"),  # the exercise has its note already
            row(BENCH, "3", "105"),
            row(FLY, "1", "20", "12"),
        ]
    )
    parsed = read(text)
    assert not parsed.problems
    assert shape(parsed) == [[(BENCH, "Elbows in", 3), (FLY, "", 1)]]
    assert [(r.load_kg, r.reps, r.duration_s, r.note) for r in sets_of(parsed)] == [
        (100.0, 5, None, ""),
        (102.5, 5, None, ""),
        (105.0, 5, None, ""),
        (20.0, 12, None, ""),
    ]
    assert parsed.rows == 7


def test_a_set_after_a_note_row_of_another_exercise_starts_a_new_entry() -> None:
    text = strong(
        [
            row(BENCH, "1"),
            row(FLY, "Note", "", "", notes="Squeeze"),
            row(BENCH, "2"),
            row(FLY, "1", "20", "12"),
            row(FLY, "2", "20", "12"),
            row(BENCH, "Note", "", "", notes="Back again"),
            row(BENCH, "3"),
        ]
    )
    parsed = read(text)
    assert not parsed.problems
    assert shape(parsed) == [
        [(BENCH, "", 1), (FLY, "Squeeze", 0), (BENCH, "", 1), (FLY, "", 2), (BENCH, "Back again", 1)]
    ]


@pytest.mark.parametrize(
    "between",
    [
        pytest.param(row(FLY, "Note", "", "", notes=""), id="empty-note-of-another-exercise"),
        pytest.param(row(FLY, "Rest Timer", "", "", Seconds="60"), id="rest-timer-of-another-exercise"),
        pytest.param(row(FLY, "1", "abc"), id="refused-set-of-another-exercise"),
        pytest.param(row(BENCH, "Note", "", "", notes="Same exercise"), id="note-of-the-same-exercise"),
    ],
)
def test_a_row_that_adds_no_entry_keeps_the_sets_in_one_entry(between: dict[str, str]) -> None:
    parsed = read(strong([row(BENCH, "1"), between, row(BENCH, "2"), row(BENCH, "3")]))
    (entries,) = shape(parsed)
    assert [(name, count) for name, _, count in entries] == [(BENCH, 3)]


def test_sets_of_interleaved_workouts_go_to_their_own_entries() -> None:
    pull = {"date": LATER, "workout": "Pull"}
    text = strong(
        [
            row(BENCH, "1"),
            row(BENCH, "1", **pull),
            row(BENCH, "2"),
            row(ROW, "1", **pull),
            row(BENCH, "2", **pull),
            row(BENCH, "3"),
        ]
    )
    parsed = read(text)
    assert shape(parsed) == [[(BENCH, "", 3)], [(BENCH, "", 1), (ROW, "", 1), (BENCH, "", 1)]]


# ---- 6. a Weight Unit column -----------------------------------------------------------------------------------

UNIT_COLUMNS = (
    "Date",
    "Workout Name",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Weight Unit",
    "Reps",
    "Distance",
    "Distance Unit",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
)


def test_loads_convert_per_row_and_the_units_are_the_most_common_across_set_rows() -> None:
    text = strong(
        [
            row(BENCH, "Note", "", "", notes="kg rows below", **{"Weight Unit": "kg"}),
            row(BENCH, "1", "100", **{"Weight Unit": "kg"}),
            row(BENCH, "2", "100", **{"Weight Unit": "lbs"}),  # the same weight written, in another unit
            row(BENCH, "3", "225", **{"Weight Unit": "lbs"}),
            row(BENCH, "4", "100", **{"Weight Unit": "kg"}),
            row(BENCH, "5", "100", **{"Weight Unit": "lbs"}),
            row(BENCH, "Rest Timer", "", "", **{"Weight Unit": "kg"}),
            row(BENCH, "Rest Timer", "", "", **{"Weight Unit": "kg"}),
            row(BENCH, "6", "80", **{"Weight Unit": ""}),  # the unit the lifter chose
            row(BENCH, "7", "135", **{"Weight Unit": "lb"}),
        ],
        UNIT_COLUMNS,
    )
    parsed = read(text)
    assert not parsed.problems
    assert [r.load_kg for r in sets_of(parsed)] == pytest.approx(
        [100.0, 100 * KG_PER_LB, 225 * KG_PER_LB, 100.0, 100 * KG_PER_LB, 80.0, 135 * KG_PER_LB], rel=1e-12
    )
    # four set rows in lb, three in kg (the note and rest timer rows in kg are no sets and do not count)
    assert parsed.units is Unit.LB
    assert parsed.units_stated


def test_units_follow_the_set_rows_not_the_other_rows() -> None:
    text = strong(
        [
            row(BENCH, "Note", "", "", notes="a note", **{"Weight Unit": "lbs"}),
            row(BENCH, "Rest Timer", "", "", **{"Weight Unit": "lbs"}),
            row(BENCH, "Rest Timer", "", "", **{"Weight Unit": "lbs"}),
            row(BENCH, "1", "225", **{"Weight Unit": "lbs"}),
            row(BENCH, "2", "100", **{"Weight Unit": "kg"}),
            row(BENCH, "3", "100", **{"Weight Unit": "kgs"}),
        ],
        UNIT_COLUMNS,
    )
    parsed = read(text, units="lb")
    assert parsed.units is Unit.KG
    assert [r.load_kg for r in sets_of(parsed)] == pytest.approx([225 * KG_PER_LB, 100.0, 100.0], rel=1e-12)


def test_a_distance_without_its_unit_follows_each_rows_weight_unit() -> None:
    text = strong(
        [
            row("Running", "1", "", "", Distance="2", **{"Weight Unit": "kg"}),
            row("Running", "2", "", "", Distance="2", **{"Weight Unit": "lbs"}),
            row("Running", "3", "", "", Distance="2", **{"Weight Unit": "lbs", "Distance Unit": "km"}),
        ],
        UNIT_COLUMNS,
    )
    parsed = read(text)
    assert not parsed.problems
    assert [r.distance_m for r in sets_of(parsed)] == pytest.approx([2000.0, 2 * 1609.344, 2000.0])


# ---- 7. header variants ----------------------------------------------------------------------------------------

FULL = (
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight (kg)",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
)


@pytest.mark.parametrize(
    "missing",
    [
        (),
        ("Distance",),
        ("Seconds",),
        ("RPE",),
        ("Notes",),
        ("Workout Notes",),
        ("Duration",),
        ("Distance", "Seconds", "RPE", "Notes"),
        ("Duration", "Distance", "Seconds", "RPE", "Notes", "Workout Notes"),
    ],
)
def test_a_header_without_optional_columns_still_reads(missing: tuple[str, ...]) -> None:
    columns = [name for name in FULL if name not in missing]
    values = {"Weight (kg)": "100", "Distance": "1", "Seconds": "30", "RPE": "8"}
    text = strong(
        [
            row(notes="slow", workout_notes="good", **values),
            row(order="Note", weight="", reps="", notes="an exercise note"),
            row(order="2", notes="slow", workout_notes="good", **values),
        ],
        columns,
    )
    parsed = read(text)
    assert not parsed.problems
    (session,) = parsed.sessions
    assert session.start == START
    assert session.end == (None if "Duration" in missing else START + timedelta(hours=1))
    assert session.notes == ("" if "Workout Notes" in missing else "good")
    assert [entry.note for entry in session.entries] == ["" if "Notes" in missing else "an exercise note"]
    expected = SetRecord(
        load_kg=100.0,
        reps=5,
        rir=None if "RPE" in missing else 2.0,
        effort_scale=None if "RPE" in missing else EffortScale.RPE,
        duration_s=None if "Seconds" in missing else 30.0,
        distance_m=None if "Distance" in missing else 1000.0,
        note="" if "Notes" in missing else "slow",
    )
    assert sets_of(parsed) == [expected, expected]


def test_a_repeated_column_name_is_refused() -> None:
    columns = ("Date", "Workout Name", "Exercise Name", "Set Order", "Weight (kg)", "Reps", "Notes", "Reps", "Notes")
    text = "\n".join([",".join(columns), "2024-03-05 07:30:00,Push,Bench Press,1,100,4,first,5,second"]) + "\n"
    with pytest.raises(ImportFailed, match="the header has the column 'Reps' twice"):
        read(text)


def test_a_row_with_more_fields_than_the_header_reads_its_columns() -> None:
    columns = ("Date", "Workout Name", "Exercise Name", "Set Order", "Weight (kg)", "Reps")
    text = ",".join(columns) + "\n2024-03-05 07:30:00,Push,Bench Press,1,100,5,extra,fields\n"
    parsed = read(text)
    assert not parsed.problems
    assert sets_of(parsed) == [SetRecord(load_kg=100.0, reps=5)]


# ---- 8. dates --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05 07:30:00", datetime(2024, 3, 5, 7, 30)),
        ("2024-03-05T07:30:00", datetime(2024, 3, 5, 7, 30)),
        ("2024-03-05 07:30", datetime(2024, 3, 5, 7, 30)),
        ("2024-03-05", datetime(2024, 3, 5)),
        ("2024-03-05 07:30:59", datetime(2024, 3, 5, 7, 30, 59)),
        (f"{YEAR_MIN}-01-01 00:00:00", datetime(YEAR_MIN, 1, 1)),
        (f"{YEAR_MAX}-12-31 23:59", datetime(YEAR_MAX, 12, 31, 23, 59)),
        ("2024-02-29 10:00:00", datetime(2024, 2, 29, 10)),
    ],
)
def test_plain_iso_dates_read_to_the_right_datetime(text: str, expected: datetime) -> None:
    assert parse_export_datetime(text) == expected
    assert parse_export_datetime(f"  {text} ") == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2024-02-30 10:00:00", "February 2024 has no day 30"),
        ("2023-02-29 10:00", "February 2023 has no day 29"),
        ("2024-04-31", "April 2024 has no day 31"),
        ("1850-01-01 10:00:00", f"year 1850 is outside {YEAR_MIN}-{YEAR_MAX}"),
        (f"{YEAR_MIN - 1}-12-31 23:59:59", f"year {YEAR_MIN - 1} is outside {YEAR_MIN}-{YEAR_MAX}"),
        (f"{YEAR_MAX + 1}-01-01 00:00", f"year {YEAR_MAX + 1} is outside {YEAR_MIN}-{YEAR_MAX}"),
        ("2024-13-05 10:00:00", "there is no month 13"),
        ("2024-03-05 24:00", "hour 24 is past 23"),
        ("2024-03-05T07:60:00", "minute 60 is past 59"),
    ],
)
def test_impossible_plain_iso_dates_are_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(DateError) as refusal:
        parse_export_datetime(text)
    assert str(refusal.value) == f"{text!r} is not a date like '2026-03-02 19:59': {reason}"
    with pytest.raises(DateError) as again:  # a refusal is not remembered as a date
        parse_export_datetime(text)
    assert str(again.value) == str(refusal.value)


def test_a_plain_iso_date_alone_reads_and_one_with_a_time_is_no_date_alone() -> None:
    assert parse_export_date("2024-03-05") == date(2024, 3, 5)
    for text in ("2024-03-05 07:30", "2024-03-05T07:30:00"):
        with pytest.raises(DateError, match="it has a time of day"):
            parse_export_date(text)
    with pytest.raises(DateError, match="February 2024 has no day 30"):
        parse_export_date("2024-02-30")


def test_dates_in_a_strong_file_read_or_are_refused_on_their_line() -> None:
    forms = [
        "2024-03-05 07:30:00",
        "2024-03-06T07:30:00",
        "2024-03-07 07:30",
        "2024-03-08",
        "2024-02-30 10:00:00",
        "1850-01-01 10:00:00",
    ]
    parsed = read(strong([row(date=form, workout=f"W{i}") for i, form in enumerate(forms)]))
    assert [session.start for session in parsed.sessions] == [
        datetime(2024, 3, 5, 7, 30),
        datetime(2024, 3, 6, 7, 30),
        datetime(2024, 3, 7, 7, 30),
        datetime(2024, 3, 8),
    ]
    assert [(p.line, p.message) for p in parsed.problems] == [
        (6, "'2024-02-30 10:00:00' is not a date like '2026-03-02 19:59': February 2024 has no day 30"),
        (7, f"'1850-01-01 10:00:00' is not a date like '2026-03-02 19:59': year 1850 is outside {YEAR_MIN}-{YEAR_MAX}"),
    ]


# ---- 9. duration_text ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1h 5m", 3900.0),
        ("45m", 2700.0),
        ("1:02:30", 3750.0),
        ("90", 90.0),
        ("", None),
        ("   ", None),
        (" 1H 5M ", 3900.0),
        ("1h", 3600.0),
        ("45min", 2700.0),
        ("30s", 30.0),
    ],
)
def test_duration_text_reads_the_forms_strong_writes(text: str, seconds: float | None) -> None:
    assert duration_text(text, 4) == seconds
    assert duration_text(text, 5) == seconds


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "duration 'abc' is not a time like 1h 11m or 1:02:30"),
        ("ABC", "duration 'ABC' is not a time like 1h 11m or 1:02:30"),
        (" Abc ", "duration 'Abc' is not a time like 1h 11m or 1:02:30"),
        ("1 hour", "duration '1 hour' is not a time like 1h 11m or 1:02:30"),
        ("9" * 5000, "duration '" + "9" * 60 + "…' is not a time like 1h 11m or 1:02:30"),
        ("9" * 5000 + "h", "duration '" + "9" * 60 + "…' has too many digits for a time"),
        ("9" * 10 + "M", "duration '" + "9" * 10 + "M' has too many digits for a time"),
    ],
)
def test_duration_text_refuses_with_the_line_and_the_text_as_written(text: str, message: str) -> None:
    for line in (3, 17, 3):  # the line is each call's own
        with pytest.raises(ImportFailed) as refusal:
            duration_text(text, line)
        assert refusal.value.problem.line == line
        assert refusal.value.problem.message == message
        assert str(refusal.value) == message


def test_a_bad_duration_in_a_strong_file_names_its_line_and_text() -> None:
    text = strong(
        [
            row(duration="1h"),
            row(duration="Soon", date=LATER, workout="Pull"),
            row(duration="1h", date="2024-03-09 09:00:00", workout="Legs"),
            row(duration="SOON", date="2024-03-10 09:00:00", workout="Arms"),
        ]
    )
    parsed = read(text)
    assert [(p.line, p.message) for p in parsed.problems] == [
        (3, "duration 'Soon' is not a time like 1h 11m or 1:02:30"),
        (5, "duration 'SOON' is not a time like 1h 11m or 1:02:30"),
    ]


def test_a_row_with_a_bad_set_order_and_a_bad_unit_names_the_set_order() -> None:
    text = strong([row(order="X", **{"Weight Unit": "stone"})], (*COLUMNS, "Weight Unit"))
    parsed = read(text)
    assert [p.message for p in parsed.fatal] == ["set order 'X' is neither a number nor W, D or F"]
