# SPDX-License-Identifier: MIT
"""Every form validator in journal.domain.validation, fed random text (and random records and dates): each returns a
value inside its limits, or raises ValidationError naming its field; never another exception."""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from journal.domain import validation as v
from journal.domain.effort import EffortScale, is_half_step
from journal.domain.records import SetRecord, SetType
from journal.domain.units import Unit
from tests.reliability.support import FIGURES

FUZZ = settings(
    max_examples=int(os.environ.get("RELIABILITY_FUZZ_EXAMPLES", "300")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SPECIAL = [
    "",
    " ",
    "\t",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "Infinity",
    "1e309",
    "-1e309",
    "1e-320",
    "1,000",
    "12,345,678",
    "1,5",
    "1.5",
    "0.5",
    "2.25",
    "10",
    "10.5",
    "-0",
    "-0.0",
    "+5",
    "١٢",
    "１２",
    "½",
    "1_000",
    "0x10",
    "5 kg",
    "9" * 5000,
    "9" * 400,
    "9" * 400 + ":00",
    "1:" + "0" * 5000,
    ":",
    "::",
    "1:60",
    "1:59:59",
    "24:00:01",
    "1:2:3:4",
    " 1 : 30 ",
    "1:-3",
    "\x00",
    "5\x00",
    "\u00a0 5",
    "5\u200e",
    "٫5",
    "1.7976931348623157e308",
]
NUMBERISH = st.from_regex(r"\A[ \t]?[-+]?[0-9]{0,7}([.,][0-9]{0,5})?([eE][-+]?[0-9]{1,3})?[ \t]?\Z")
TIMEISH = st.from_regex(r"\A[0-9]{0,4}(:[0-9]{0,3}){0,3}\Z")
TEXT = st.one_of(
    st.text(),
    NUMBERISH,
    TIMEISH,
    st.sampled_from(SPECIAL),
    st.builds(lambda a, b: a + b, st.sampled_from(SPECIAL), st.text(max_size=3)),
)
UNITS = st.sampled_from(list(Unit))


def outcome(name: str, field: str, call: Callable[[], Any]) -> Any:
    """The value, or None for a refusal that names `field`; any other exception fails the test."""
    FIGURES["validators"][name] += 1
    try:
        return call()
    except v.ValidationError as error:
        assert error.field == field, (error.field, field)
        assert error.message and str(error) == f"{field}: {error.message}"
        return None


def _in(value: float | None, low: float, high: float) -> bool:
    return value is None or (math.isfinite(value) and low - 1e-9 <= value <= high + 1e-9)


@FUZZ
@given(text=TEXT, unit=UNITS, field=st.sampled_from(["Load", "Bar", "Plate load"]))
@example(text="1,000", unit=Unit.KG, field="Load")
def test_parse_load(text: str, unit: Unit, field: str) -> None:
    value = outcome("parse_load", field, lambda: v.parse_load(text, unit, field))
    assert _in(value, 0, v.LOAD_MAX_KG)


@FUZZ
@given(text=TEXT, unit=UNITS)
def test_parse_bodyweight(text: str, unit: Unit) -> None:
    value = outcome("parse_bodyweight", "Bodyweight", lambda: v.parse_bodyweight(text, unit))
    assert value is None or _in(value, v.BODYWEIGHT_MIN_KG, v.BODYWEIGHT_MAX_KG)


@FUZZ
@given(text=TEXT, field=st.sampled_from(["Reps", "Reps to failure"]))
def test_parse_reps(text: str, field: str) -> None:
    value = outcome("parse_reps", field, lambda: v.parse_reps(text, field))
    assert value is None or (isinstance(value, int) and 0 <= value <= v.REPS_MAX)


@FUZZ
@given(text=TEXT, reps=st.none() | st.integers(0, v.REPS_MAX))
def test_parse_failure_reps(text: str, reps: int | None) -> None:
    value = outcome("parse_failure_reps", "Failure reps", lambda: v.parse_failure_reps(text, reps))
    assert value is None or (isinstance(value, int) and (reps or 0) <= value <= v.REPS_MAX)


@FUZZ
@given(text=TEXT)
def test_parse_rir(text: str) -> None:
    value = outcome("parse_rir", "RIR", lambda: v.parse_rir(text))
    assert value is None or (_in(value, 0, 10) and is_half_step(value))


@FUZZ
@given(text=TEXT)
def test_parse_rpe(text: str) -> None:
    value = outcome("parse_rpe", "RPE", lambda: v.parse_rpe(text))
    assert value is None or (_in(value, 0, 9) and is_half_step(value))


@FUZZ
@given(text=TEXT)
def test_parse_duration(text: str) -> None:
    value = outcome("parse_duration", "Time", lambda: v.parse_duration(text))
    assert _in(value, 0, v.DURATION_MAX_S)


@FUZZ
@given(text=TEXT, field=st.sampled_from(["Distance", "Distance (m)"]))
def test_parse_distance(text: str, field: str) -> None:
    value = outcome("parse_distance", field, lambda: v.parse_distance(text, field))
    assert _in(value, 0, v.DISTANCE_MAX_M)


ANY_FLOAT = st.none() | st.floats(allow_nan=True, allow_infinity=True) | st.floats(-10, 2000)
ANY_INT = st.none() | st.integers(-(10**30), 10**30) | st.integers(-5, 1200)


@FUZZ
@given(
    record=st.builds(
        SetRecord,
        set_type=st.sampled_from(list(SetType)),
        load_kg=ANY_FLOAT,
        reps=ANY_INT,
        rir=ANY_FLOAT,
        effort_scale=st.none() | st.sampled_from(list(EffortScale)),
        failure_reps=ANY_INT,
        duration_s=ANY_FLOAT,
        distance_m=ANY_FLOAT,
        note=st.text(max_size=20),
    )
)
def test_check_set(record: SetRecord) -> None:
    FIGURES["validators"]["check_set"] += 1
    try:
        v.check_set(record)
    except v.ValidationError as error:
        assert error.field in {"Load", "Reps", "Failure reps", "RIR", "Time", "Distance"} and error.message
        return
    assert _in(record.load_kg, -v.ASSISTANCE_MAX_KG, v.LOAD_MAX_KG)  # below 0: assistance
    assert _in(record.duration_s, 0, v.DURATION_MAX_S)
    assert _in(record.distance_m, 0, v.DISTANCE_MAX_M)
    assert record.rir is None or (_in(record.rir, 0, 10) and is_half_step(record.rir))
    for reps in (record.reps, record.failure_reps):
        assert reps is None or 0 <= reps <= v.REPS_MAX


@FUZZ
@given(start=st.datetimes(), end=st.none() | st.datetimes())
def test_check_session_times(start: datetime, end: datetime | None) -> None:
    FIGURES["validators"]["check_session_times"] += 1
    try:
        v.check_session_times(start, end)
    except v.ValidationError as error:
        assert error.field in {"Date", "End"} and error.message
        return
    assert v.YEAR_MIN <= start.year <= v.YEAR_MAX and (end is None or end >= start)


@pytest.mark.parametrize(
    "text", ["9" * 400 + ":00", "1:" + "0" * 5000, "9" * 5000 + ":00", "9" * 5000, "1:00:" + "5" * 400]
)
def test_parse_duration_of_hundreds_of_digits(text: str) -> None:
    """Once an OverflowError or ValueError from int(): now the Time field's refusal, quoting the text cut short."""
    with pytest.raises(v.ValidationError) as refused:
        v.parse_duration(text)
    assert refused.value.field == "Time" and text[:20] in refused.value.message
    assert len(refused.value.message) < 120, refused.value.message
