# SPDX-License-Identifier: MIT
"""Property tests of the generic CSV path: any small table written the way spreadsheets write CSV (',' or ';'
between fields, '.' or ',' as the decimal mark, quoted where needed) reads back to the same sets in the same order;
and no input at all makes parse_file raise anything but ImportFailed."""

from __future__ import annotations

import contextlib
import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from journal.domain.effort import EffortScale
from journal.domain.units import Unit
from journal.io import ImportFailed, ImportOptions, parse_file
from journal.io.generic import GenericCsv
from journal.io.journal_csv import HEADER

NAMES = [
    "Bench Press",
    "Curl, EZ Bar",
    'Box Jump 24"',
    "Squat; low bar",
    "Überkopfdrücken",
    "Pull-up",
    "Row (Cable)",
    "Press 'n' Hold",
    "Hip Thrust 🍑",
]
FIRST_DAY = date(2024, 3, 1)


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("generic")


# A row: (day offset, exercise, load in hundredths, decimals written, reps, RPE in half steps or None)
rows_strategy = st.lists(
    st.tuples(
        st.integers(0, 6),
        st.sampled_from(NAMES),
        st.integers(0, 40_000),
        st.integers(0, 2),
        st.integers(1, 30),
        st.none() | st.integers(2, 20).map(lambda half: half / 2),
    ),
    min_size=1,
    max_size=25,
).map(lambda rows: sorted(rows, key=lambda r: r[0]))  # sessions in date order, so file order is set order


def _decimal(value: float, decimals: int, comma: bool) -> str:
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if comma else text


@_settings(400)
@given(
    rows=rows_strategy,
    delimiter=st.sampled_from([",", ";"]),
    comma=st.booleans(),
    quote_all=st.booleans(),
    crlf=st.booleans(),
)
def test_a_generic_table_reads_back_to_the_same_sets(
    scratch: Path,
    rows: list[tuple[int, str, int, int, int, float | None]],
    delimiter: str,
    comma: bool,
    quote_all: bool,
    crlf: bool,
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        delimiter=delimiter,
        lineterminator="\r\n" if crlf else "\n",
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
    )
    writer.writerow(["Date", "Exercise", "Weight", "Reps", "RPE"])
    expected = []
    for day, name, hundredths, decimals, reps, rpe in rows:
        load = round(hundredths / 100, decimals)
        load_text = _decimal(load, decimals, comma)
        rpe_text = "" if rpe is None else _decimal(rpe, 1 if rpe % 1 else 0, comma)
        writer.writerow([(FIRST_DAY + timedelta(days=day)).isoformat(), name, load_text, reps, rpe_text])
        written = float(load_text.replace(",", "."))
        expected.append(
            (
                FIRST_DAY + timedelta(days=day),
                name,
                written or None,
                reps,
                None if rpe is None else 10 - rpe,
                None if rpe is None else EffortScale.RPE,
            )
        )
    path = scratch / "table.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")

    parsed = parse_file(path, options=ImportOptions(units=Unit.KG))

    assert parsed.format == GenericCsv.label
    assert not parsed.fatal
    got = [
        (s.start.date(), e.exercise.name, r.load_kg, r.reps, r.rir, r.effort_scale)
        for s in parsed.sessions
        for e in s.entries
        for r in e.sets
    ]
    assert got == expected
    assert len(parsed.sessions) == len({r[0] for r in rows})
    runs = sum(1 for i, r in enumerate(rows) if i == 0 or (r[0], r[1]) != (rows[i - 1][0], rows[i - 1][1]))
    assert sum(len(s.entries) for s in parsed.sessions) == runs


@_settings(400)
@given(rows=rows_strategy, delimiter=st.sampled_from([",", ";"]), comma=st.booleans())
def test_a_generic_table_in_pounds_is_converted(
    scratch: Path, rows: list[tuple[int, str, int, int, int, float | None]], delimiter: str, comma: bool
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["Date", "Exercise", "Weight", "Reps"])
    loads = []
    for day, name, hundredths, decimals, reps, _ in rows:
        text = _decimal(round(hundredths / 100, decimals), decimals, comma)
        writer.writerow([(FIRST_DAY + timedelta(days=day)).isoformat(), name, text, reps])
        loads.append(float(text.replace(",", ".")))
    path = scratch / "pounds.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    parsed = parse_file(path, options=ImportOptions(units=Unit.LB))
    got = [r.load_kg for s in parsed.sessions for e in s.entries for r in e.sets]
    assert got == [x * 0.45359237 or None for x in loads]


HEADERS = [
    "",
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n",
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes\n",
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,"
    "reps,distance_km,duration_seconds,rpe\n",
    "Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time\n",
    "Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier\n",
    "Date,Exercise,Weight,Reps,RPE\n",
    ",".join(HEADER) + "\n",
]


def _parse_only_import_failed(path: Path, units: Unit | None) -> None:
    with contextlib.suppress(ImportFailed):
        parse_file(path, options=ImportOptions(units=units))


@_settings(500)
@given(data=st.binary(max_size=600))
@example(data=b"\r\x01")
def test_random_bytes_raise_nothing_but_import_failed(scratch: Path, data: bytes) -> None:
    path = scratch / "bytes.csv"
    path.write_bytes(data)
    _parse_only_import_failed(path, None)


@_settings(500)
@given(data=st.binary(max_size=600).filter(lambda b: b"\r" not in b))
def test_random_bytes_without_carriage_returns_raise_nothing_but_import_failed(scratch: Path, data: bytes) -> None:
    path = scratch / "bytes.csv"
    path.write_bytes(data)
    _parse_only_import_failed(path, None)


@_settings(500)
@given(header=st.sampled_from(HEADERS), body=st.text(max_size=300), units=st.sampled_from([None, Unit.KG, Unit.LB]))
@example(header="", body="\r0", units=None)
def test_random_text_raises_nothing_but_import_failed(
    scratch: Path, header: str, body: str, units: Unit | None
) -> None:
    path = scratch / "text.csv"
    path.write_text(header + body, encoding="utf-8", newline="")
    _parse_only_import_failed(path, units)


@_settings(500)
@given(
    header=st.sampled_from(HEADERS),
    body=st.text(max_size=300).map(lambda t: t.replace("\r", "")),
    units=st.sampled_from([None, Unit.KG, Unit.LB]),
)
def test_random_text_without_carriage_returns_raises_nothing_but_import_failed(
    scratch: Path, header: str, body: str, units: Unit | None
) -> None:
    path = scratch / "text.csv"
    path.write_text(header + body, encoding="utf-8", newline="")
    _parse_only_import_failed(path, units)


CELLS = st.sampled_from(
    [
        "",
        "0",
        "-1",
        "1e308",
        "-1e20",
        "nan",
        "inf",
        "2023-10-08 15:57:35",
        "2 Mar 2026, 19:59",
        "2021-01-17 22:14:35 +0000",
        "1h 11m",
        "179h 26m",
        "W",
        "D",
        "Note",
        "Rest Timer",
        "kg",
        "lbs",
        "true",
        "warmup",
        "dropset",
        "1",
        "8.5",
        "1,5",
        "journal/1",
        "working",
        "rpe",
        '"',
        " 4",
        "99999999999",
        "1:02:30",
    ]
) | st.text(max_size=6)


@_settings(300)
@given(
    header=st.sampled_from(HEADERS[1:]),
    rows=st.lists(st.lists(CELLS, min_size=4, max_size=22), max_size=4),
    units=st.sampled_from([None, Unit.KG, Unit.LB]),
)
def test_random_rows_under_a_known_header_raise_nothing_but_import_failed(
    scratch: Path, header: str, rows: list[list[str]], units: Unit | None
) -> None:
    delimiter = ";" if ";" in header else ","
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path = scratch / "rows.csv"
    path.write_text(header + buffer.getvalue(), encoding="utf-8", newline="")
    _parse_only_import_failed(path, units)
