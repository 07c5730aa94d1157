# SPDX-License-Identifier: MIT
"""The format variants the issue describes but the real fixtures do not all show, as small files written here:
Strong's header variants, set-order tags, Note and Rest Timer rows, RPE; Hevy in pounds and miles with multi-line
notes; FitNotes with a per-row unit and unquoted commas in names; effort written in notes."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from journal.domain.effort import EffortScale
from journal.domain.records import SetType
from journal.domain.units import Unit
from journal.io import ImportOptions, ParsedImport, parse_file
from tests.io.support import KG_PER_LB, STRONG_COLUMNS, final_line, run_cli, stored_sessions, stored_stats

START = datetime(2024, 1, 2, 10, 0, 0)

# One workout, as (exercise, set order, weight in the file's unit, reps, RPE, note); Note and Rest Timer rows too.
WORKOUT = [
    ("Bench Press (Barbell)", "Note", "", "", "", "Elbows in"),
    ("Bench Press (Barbell)", "W", "40", "10", "", ""),
    ("Bench Press (Barbell)", "1", "100", "5", "8", ""),
    ("Bench Press (Barbell)", "Rest Timer", "", "", "", ""),
    ("Bench Press (Barbell)", "2", "100", "5", "8.5", ""),
    ("Bench Press (Barbell)", "D", "80", "8", "0", ""),
    ("Bench Press (Barbell)", "F", "80", "6", "10", ""),
    ("Lateral Raise (Dumbbell)", "1", "10", "15", "", ""),
]
SETS = [row for row in WORKOUT if row[1] not in ("Note", "Rest Timer")]
TYPES = {"W": SetType.WARMUP, "D": SetType.DROP, "F": SetType.FAILURE}

# The header variants seen in the wild: (delimiter, columns, quote every field)
VARIANTS = {
    "comma-plain": (
        ",",
        list(STRONG_COLUMNS),
        False,
    ),
    "semicolon-units": (
        ";",
        [
            "Date",
            "Workout Name",
            "Exercise Name",
            "Set Order",
            "Weight",
            "Weight Unit",
            "Reps",
            "RPE",
            "Distance",
            "Distance Unit",
            "Seconds",
            "Notes",
            "Workout Notes",
        ],
        False,
    ),
    "workout-number-kg": (
        ";",
        [
            "Workout #",
            "Date",
            "Workout Name",
            "Duration (sec)",
            "Exercise Name",
            "Set Order",
            "Weight (kg)",
            "Reps",
            "RPE",
            "Distance (meters)",
            "Seconds",
            "Notes",
            "Workout Notes",
        ],
        True,
    ),
    "workout-number-lbs": (
        ",",
        [
            "Workout #",
            "Date",
            "Workout Name",
            "Duration (sec)",
            "Exercise Name",
            "Set Order",
            "Weight (lbs)",
            "Reps",
            "RPE",
            "Distance (meters)",
            "Seconds",
            "Notes",
            "Workout Notes",
        ],
        True,
    ),
    "no-duration-no-rpe": (
        ",",
        [
            "Date",
            "Workout Name",
            "Exercise Name",
            "Set Order",
            "Weight",
            "Reps",
            "Distance",
            "Seconds",
            "Notes",
            "Workout Notes",
        ],
        True,
    ),
}


def _strong_file(path: Path, variant: str, unit: str = "kg") -> None:
    delimiter, columns, quote_all = VARIANTS[variant]
    buffer = io.StringIO()
    writer = csv.writer(
        buffer, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    )
    writer.writerow(columns)
    for exercise, order, weight, reps, rpe, note in WORKOUT:
        values = {
            "Workout #": "1",
            "Date": START.strftime("%Y-%m-%d %H:%M:%S"),
            "Workout Name": "Push",
            "Duration": "1h 11m",
            "Duration (sec)": "4260",
            "Exercise Name": exercise,
            "Set Order": order,
            "Weight": weight,
            "Weight (kg)": weight,
            "Weight (lbs)": weight,
            "Weight Unit": unit if weight else "",
            "Reps": reps,
            "RPE": rpe,
            "Distance": "",
            "Distance (meters)": "",
            "Distance Unit": "",
            "Seconds": "90" if order == "Rest Timer" else "",
            "Notes": note,
            "Workout Notes": "Good day",
        }
        writer.writerow([values[c] for c in columns])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _sets(parsed: ParsedImport) -> list[tuple[str, SetType, float | None, int | None, float | None]]:
    return [
        (e.exercise.name, r.set_type, r.load_kg, r.reps, r.rir)
        for s in parsed.sessions
        for e in s.entries
        for r in e.sets
    ]


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_every_strong_header_variant_reads_the_same_workout(variant: str, tmp_path: Path) -> None:
    path = tmp_path / f"{variant}.csv"
    _strong_file(path, variant)
    factor = KG_PER_LB if variant.endswith("lbs") else 1.0
    parsed = parse_file(path, options=ImportOptions(units=Unit.KG))
    assert parsed.format == "Strong"
    (session,) = parsed.sessions
    assert session.start == START and session.title == "Push" and session.notes == "Good day"
    if "Duration" in VARIANTS[variant][1] or "Duration (sec)" in VARIANTS[variant][1]:
        assert session.end == START + timedelta(hours=1, minutes=11)
    with_rpe = "RPE" in VARIANTS[variant][1]
    # an F set without RPE reached failure: RIR 0 (from the set type)
    expected = [
        (
            exercise,
            TYPES.get(order, SetType.WORKING),
            float(weight) * factor,
            int(reps),
            10 - float(rpe) if with_rpe and rpe and float(rpe) else 0.0 if order == "F" else None,
        )
        for exercise, order, weight, reps, rpe, _ in SETS
    ]
    got = _sets(parsed)
    assert [(n, t, reps, rir) for n, t, _, reps, rir in got] == [(n, t, reps, rir) for n, t, _, reps, rir in expected]
    assert [load for _, _, load, _, _ in got] == pytest.approx([load for _, _, load, _, _ in expected], rel=1e-12)
    bench = session.entries[0]
    assert bench.note == "Elbows in"  # the Note row belongs to its exercise
    assert [e.exercise.name for e in session.entries] == ["Bench Press (Barbell)", "Lateral Raise (Dumbbell)"]
    assert all(r.effort_scale is EffortScale.RPE for r in bench.sets if r.rir is not None and r.rir_origin is None)
    assert all(r.set_type is SetType.FAILURE for r in bench.sets if r.rir_origin is not None)


def test_strong_through_the_command_line_keeps_warm_ups_out_of_the_volume(
    db_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "strong.csv"
    _strong_file(path, "workout-number-kg")
    code, out, err = run_cli(capsys, "import", path, "--db", db_path)
    assert code == 0, err
    assert final_line(out) == f"imported 1 sessions, {len(SETS)} sets (0 duplicates skipped)"
    (session,) = stored_sessions(db_path)
    records = [r for e in session.entries for r in e.sets]
    assert [r.set_type for r in records] == [TYPES.get(row[1], SetType.WORKING) for row in SETS]
    assert [(r.rir, r.effort_scale) for r in records][:3] == [
        (None, None),
        (2.0, EffortScale.RPE),
        (1.5, EffortScale.RPE),
    ]
    figures = stored_stats(db_path)
    working = [row for row in SETS if row[1] != "W"]
    assert figures["working_sets"] == len(working) - 1  # the drop (D) continues the set before it: one series
    assert figures["tonnage_kg"] == pytest.approx(sum(float(w) * int(r) for _, _, w, r, _, _ in working))


def test_strong_distance_in_miles_as_strong_writes_it(tmp_path: Path) -> None:
    path = tmp_path / "run.csv"
    path.write_text(
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;"
        "Seconds;Notes;Workout Notes\n"
        '2019-01-11 12:31:54;"Run";"Running";1;;;;;1.5;mi.;600;"";""\n',
        encoding="utf-8",
    )
    parsed = parse_file(path)
    (record,) = [r for s in parsed.sessions for e in s.entries for r in e.sets]
    assert record.distance_m == pytest.approx(1.5 * 1609.344)
    assert record.duration_s == 600


@pytest.mark.parametrize(
    ("note", "rir", "scale"),
    [
        ("@8", 2.0, EffortScale.RPE),
        ("felt like @ 8.5", 1.5, EffortScale.RPE),
        ("RPE 9", 1.0, EffortScale.RPE),
        ("RIR 2", 2.0, EffortScale.RIR),
        ("rir 0", 0.0, EffortScale.RIR),
        ("easy", None, None),
        ("100kg @ home gym", None, None),
    ],
)
def test_effort_written_in_a_note_is_recognised(
    note: str, rir: float | None, scale: EffortScale | None, tmp_path: Path
) -> None:
    path = tmp_path / "notes.csv"
    path.write_text(
        "Date,Workout Name,Exercise Name,Set Order,Weight (kg),Reps,Notes,RPE\n"
        f'2024-01-02 10:00:00,Push,Bench Press,1,100,5,"{note}",\n',
        encoding="utf-8",
    )
    (record,) = [r for s in parse_file(path).sessions for e in s.entries for r in e.sets]
    assert (record.rir, record.effort_scale, record.note) == (rir, scale, note)
    off = parse_file(path, options=ImportOptions(effort_from_notes=False))
    (plain,) = [r for s in off.sessions for e in s.entries for r in e.sets]
    assert (plain.rir, plain.note) == (None, note)


def test_a_load_after_an_at_sign_is_not_an_rpe(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text(
        "Date,Workout Name,Exercise Name,Set Order,Weight (kg),Reps,Notes,RPE\n"
        '2024-01-02 10:00:00,Arms,Curl (Dumbbell),1,8,12,"3x12 @8kg dumbbells",\n',
        encoding="utf-8",
    )
    (record,) = [r for s in parse_file(path).sessions for e in s.entries for r in e.sets]
    assert record.rir is None


# ---- Hevy ---------------------------------------------------------------------------------------------------------

HEVY_LB = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_lbs,"
    "reps,distance_miles,duration_seconds,rpe\n"
    '"Upper","3 Mar 2026, 18:05","3 Mar 2026, 19:15","second","Bench Press (Barbell)",0,"line one\n'
    'line two, ""quoted""",0,"warmup",45,10,,,\n'
    '"Upper","3 Mar 2026, 18:05","3 Mar 2026, 19:15","second","Bench Press (Barbell)",0,"line one\n'
    'line two, ""quoted""",1,"normal",225,5,,,8.5\n'
    '"Upper","3 Mar 2026, 18:05","3 Mar 2026, 19:15","second","Bent Over Row (Barbell)",0,"",0,"failure",135,12,,,10\n'
    '"Upper","3 Mar 2026, 18:05","3 Mar 2026, 19:15","second","Bench Press (Barbell)",,"",0,"dropset",135,8,,,\n'
    '"Run","2 Mar 2026, 07:00","2 Mar 2026, 07:30","first","Running",,"",0,"normal",,,3.1,1800,\n'
)


def test_hevy_in_pounds_and_miles_with_multi_line_notes(tmp_path: Path) -> None:
    path = tmp_path / "hevy.csv"
    path.write_text(HEVY_LB, encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.format == "Hevy" and parsed.rows == 5
    first, second = parsed.sessions  # newest first in the file, oldest first here
    assert (first.title, first.start, first.end) == ("Run", datetime(2026, 3, 2, 7), datetime(2026, 3, 2, 7, 30))
    (run,) = first.entries[0].sets
    assert run.distance_m == pytest.approx(3.1 * 1609.344) and run.duration_s == 1800
    assert run.load_kg is None and run.reps is None
    assert [e.exercise.name for e in second.entries] == [
        "Bench Press (Barbell)",
        "Bent Over Row (Barbell)",
        "Bench Press (Barbell)",
    ]
    assert second.entries[0].note == 'line one\nline two, "quoted"'
    records = [r for e in second.entries for r in e.sets]
    assert [r.set_type for r in records] == [SetType.WARMUP, SetType.WORKING, SetType.FAILURE, SetType.DROP]
    assert [r.load_kg for r in records] == pytest.approx(
        [45 * KG_PER_LB, 225 * KG_PER_LB, 135 * KG_PER_LB, 135 * KG_PER_LB]
    )
    assert [(r.rir, r.effort_scale) for r in records] == [
        (None, None),
        (1.5, EffortScale.RPE),
        (0.0, EffortScale.RPE),
        (None, None),
    ]


# ---- FitNotes -----------------------------------------------------------------------------------------------------

FITNOTES_MENDED = (
    "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n"
    "2020-09-13,Curl, EZ Bar,Arms,20.0,kgs,10,,,\n"
    "2020-09-13,Curl, EZ Bar,Arms,45.0,lbs,10,,,\n"
    "2020-09-13,Running,Cardio,,,,5.0,km,0:30:00\n"
    "2020-09-14,Press, Seated, Machine,Shoulders,20.0,kgs,10,,,\n"
)


def test_fitnotes_recovers_unquoted_commas_and_reports_them(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fitnotes.csv"
    path.write_text(FITNOTES_MENDED, encoding="utf-8")
    parsed = parse_file(path)
    assert [s.start for s in parsed.sessions] == [datetime(2020, 9, 13), datetime(2020, 9, 14)]
    assert [e.exercise.name for s in parsed.sessions for e in s.entries] == [
        "Curl, EZ Bar",
        "Running",
        "Press, Seated, Machine",
    ]
    loads = [r.load_kg for s in parsed.sessions for e in s.entries for r in e.sets]
    assert loads[2] is None
    assert [loads[0], loads[1], loads[3]] == pytest.approx([20.0, 45 * KG_PER_LB, 20.0])
    run = parsed.sessions[0].entries[1].sets[0]
    assert run.distance_m == 5000 and run.duration_s == 1800
    assert {p.line for p in parsed.problems if not p.fatal} == {2, 3, 5}
    assert not parsed.fatal

    code, out, err = run_cli(capsys, "import", path, "--db", db_path)
    assert code == 0, err
    assert final_line(out) == "imported 2 sessions, 4 sets (0 duplicates skipped)"
    for line in (2, 3, 5):
        assert f"{path}:{line}: warning:" in err
    assert "Curl, EZ Bar" in err and "Press, Seated, Machine" in err
    assert len(stored_sessions(db_path)) == 2


# ---- Fitbod -------------------------------------------------------------------------------------------------------


def test_fitbod_rows_newest_first_with_leading_spaces(tmp_path: Path) -> None:
    path = tmp_path / "fitbod.csv"
    path.write_text(
        "Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier\n"
        "2021-01-17 22:14:35 +0000,Back Squat, 5,61.23496995,0.0,0.0,0.0,0.0,false,, 1.0\n"
        "2021-01-17 22:14:35 +0000,Back Squat, 8,20.41168092460379,0.0,0.0,0.0,0.0,true,, 1.0\n"
        "2021-01-15 07:00:00 +0000,Dumbbell Bicep Curl, 10,11.339822735890994,0.0,0.0,0.0,0.0,false,top set, 2.0\n",
        encoding="utf-8",
    )
    in_lb = parse_file(path, options=ImportOptions(units=Unit.LB))
    first, second = in_lb.sessions
    assert first.start == datetime(2021, 1, 15, 7) and second.start == datetime(2021, 1, 17, 22, 14, 35)
    curl = first.entries[0].sets[0]
    assert curl.load_kg / KG_PER_LB == pytest.approx(25, abs=1e-9) and curl.reps == 10 and curl.note == "top set"
    squat = second.entries[0].sets
    assert [r.set_type for r in squat] == [SetType.WORKING, SetType.WARMUP]
    assert [r.load_kg / KG_PER_LB for r in squat] == pytest.approx([135, 45], abs=1e-9)
    assert [r.reps for r in squat] == [5, 8]


_RU_SESSION = '"Тренировка","2 мар. 2026 г., 19:59","2 мар. 2026 г., 20:43",""'
HEVY_RUSSIAN = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,"
    "reps,distance_km,duration_seconds,rpe\n"
    f'{_RU_SESSION},"Жим лежа",,"",0,"normal",100,5,,,\n'
    f'{_RU_SESSION},"Приседания со штангой",,"",0,"normal",140,5,,,\n'
    f'{_RU_SESSION},"Становая тяга",,"",0,"normal",180,3,,,\n'
)


def test_hevy_from_a_phone_in_russian_reads_dates_and_names(tmp_path: Path) -> None:
    path = tmp_path / "hevy-ru.csv"
    path.write_text(HEVY_RUSSIAN, encoding="utf-8")
    (session,) = parse_file(path).sessions
    assert session.start == datetime(2026, 3, 2, 19, 59) and session.end == datetime(2026, 3, 2, 20, 43)
    assert [e.exercise.name for e in session.entries] == ["Жим лежа", "Приседания со штангой", "Становая тяга"]


def test_imported_exercises_with_non_latin_names_stay_distinct(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hevy-ru.csv"
    path.write_text(HEVY_RUSSIAN, encoding="utf-8")
    code, out, err = run_cli(capsys, "import", path, "--db", db_path)
    assert code == 0, err
    (session,) = stored_sessions(db_path)
    assert [e.exercise.name for e in session.entries] == ["Жим лежа", "Приседания со штангой", "Становая тяга"]


def test_fitnotes_name_with_an_unquoted_inch_mark(tmp_path: Path) -> None:
    path = tmp_path / "inch.csv"
    path.write_text(
        "Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time\n"
        '2020-09-13,Box Jump 24",Legs,,10,,,\n'
        "2020-09-13,Squat,Legs,135.0,5,,,\n",
        encoding="utf-8",
    )
    parsed = parse_file(path)
    assert [e.exercise.name for s in parsed.sessions for e in s.entries] == ['Box Jump 24"', "Squat"]


def test_fitbod_loads_in_kg_are_kept_as_read(tmp_path: Path) -> None:
    path = tmp_path / "fitbod.csv"
    path.write_text(
        "Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier\n"
        "2021-01-17 22:14:35 +0000,Back Squat, 8,20.41168092460379,0.0,0.0,0.0,0.0,false,, 1.0\n"
        "2021-01-17 22:14:35 +0000,Back Squat, 5,102.5,0.0,0.0,0.0,0.0,false,, 1.0\n",
        encoding="utf-8",
    )
    (session,) = parse_file(path, options=ImportOptions(units=Unit.KG)).sessions
    # 45 lb as Fitbod writes it stays 20.41168092460379 kg (not 20.412): shown in lb it reads 45.00 again
    assert [r.load_kg for r in session.entries[0].sets] == [20.41168092460379, 102.5]
    assert session.entries[0].sets[0].load_kg / KG_PER_LB == pytest.approx(45.0, abs=1e-4)
