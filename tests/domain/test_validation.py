# SPDX-License-Identifier: MIT
"""Every validator: accepted range edges, refusals, decimal comma, NaN/inf/text, and a field + message on errors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from journal.domain.units import Unit
from journal.domain.validation import (
    ValidationError,
    check_session_times,
    parse_bodyweight,
    parse_distance,
    parse_duration,
    parse_failure_reps,
    parse_load,
    parse_reps,
    parse_rir,
    parse_rpe,
)

LB = 0.45359237
NOT_NUMBERS = ["abc", "nan", "NaN", "inf", "-inf", "Infinity", "1..2", "12kg", "--1"]


def refused(call: Callable[[], object], field: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call()
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.field == field
    assert isinstance(error.message, str) and error.message.strip()
    assert field in str(error)
    return error


# ---- empty fields --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "parser",
    [
        lambda t: parse_load(t, Unit.KG),
        lambda t: parse_load(t, Unit.LB),
        lambda t: parse_bodyweight(t, Unit.KG),
        parse_reps,
        lambda t: parse_failure_reps(t, 5),
        parse_rir,
        parse_rpe,
        parse_duration,
        parse_distance,
    ],
)
@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_empty_is_none(parser: Callable[[str], object], text: str) -> None:
    assert parser(text) is None


# ---- load ------------------------------------------------------------------------------------------------------


def test_load_kg_range_edges() -> None:
    assert parse_load("0", Unit.KG) == 0.0
    assert parse_load("1000", Unit.KG) == 1000.0
    assert parse_load("102.5", Unit.KG) == 102.5
    assert parse_load("  60 ", Unit.KG) == 60.0
    error = refused(lambda: parse_load("1000.1", Unit.KG), "Load")
    assert "1000" in error.message and "kg" in error.message
    refused(lambda: parse_load("-0.5", Unit.KG), "Load")
    refused(lambda: parse_load("-20", Unit.KG), "Load")


def test_load_decimal_comma() -> None:
    assert parse_load("102,5", Unit.KG) == 102.5
    assert parse_load("2,5", Unit.LB) == pytest.approx(2.5 * LB, rel=1e-15)


def test_load_lb_is_returned_in_kg() -> None:
    assert parse_load("225", Unit.LB) == pytest.approx(225 * LB, rel=1e-15)
    assert parse_load("45", Unit.LB) == pytest.approx(20.41165665, rel=1e-12)


def test_load_lb_range_edges() -> None:
    # 1000 kg = 2204.6226... lb
    assert parse_load("2204.62", Unit.LB) == pytest.approx(2204.62 * LB, rel=1e-15)
    assert parse_load("2204.6226", Unit.LB) == pytest.approx(2204.6226 * LB, rel=1e-15)
    error = refused(lambda: parse_load("2204.63", Unit.LB), "Load")
    assert "2204.6" in error.message and "lb" in error.message
    refused(lambda: parse_load("-1", Unit.LB), "Load")


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_load_refuses_non_numbers(text: str) -> None:
    refused(lambda: parse_load(text, Unit.KG), "Load")


def test_load_field_name_can_be_given() -> None:
    refused(lambda: parse_load("x", Unit.KG, field="Added load"), "Added load")


# ---- bodyweight ------------------------------------------------------------------------------------------------


def test_bodyweight_range() -> None:
    assert parse_bodyweight("20", Unit.KG) == 20.0
    assert parse_bodyweight("400", Unit.KG) == 400.0
    assert parse_bodyweight("82,5", Unit.KG) == 82.5
    refused(lambda: parse_bodyweight("19.9", Unit.KG), "Bodyweight")
    refused(lambda: parse_bodyweight("400.1", Unit.KG), "Bodyweight")
    refused(lambda: parse_bodyweight("0", Unit.KG), "Bodyweight")
    refused(lambda: parse_bodyweight("nan", Unit.KG), "Bodyweight")


def test_bodyweight_lb() -> None:
    # 20 kg = 44.09 lb, 400 kg = 881.85 lb
    assert parse_bodyweight("180", Unit.LB) == pytest.approx(180 * LB, rel=1e-15)
    assert parse_bodyweight("44.1", Unit.LB) == pytest.approx(44.1 * LB, rel=1e-15)
    assert parse_bodyweight("881.8", Unit.LB) == pytest.approx(881.8 * LB, rel=1e-15)
    refused(lambda: parse_bodyweight("44", Unit.LB), "Bodyweight")
    refused(lambda: parse_bodyweight("881.9", Unit.LB), "Bodyweight")


# ---- reps -------------------------------------------------------------------------------------------------------


def test_reps_range_edges() -> None:
    assert parse_reps("0") == 0
    assert parse_reps("1000") == 1000
    assert parse_reps(" 12 ") == 12
    assert isinstance(parse_reps("5"), int)
    assert parse_reps("5,0") == 5  # decimal comma, still whole
    refused(lambda: parse_reps("1001"), "Reps")
    refused(lambda: parse_reps("-1"), "Reps")


@pytest.mark.parametrize("text", ["5.5", "0.5", "7,5", "999.9"])
def test_reps_must_be_whole(text: str) -> None:
    refused(lambda: parse_reps(text), "Reps")


@pytest.mark.parametrize("text", NOT_NUMBERS + ["1e400"])
def test_reps_refuses_non_numbers(text: str) -> None:
    refused(lambda: parse_reps(text), "Reps")


def test_failure_reps_at_least_reps() -> None:
    assert parse_failure_reps("7", 5) == 7
    assert parse_failure_reps("5", 5) == 5
    assert parse_failure_reps("4", None) == 4
    assert parse_failure_reps("1000", 5) == 1000
    error = refused(lambda: parse_failure_reps("4", 5), "Failure reps")
    assert "5" in error.message
    refused(lambda: parse_failure_reps("0", 1), "Failure reps")
    refused(lambda: parse_failure_reps("6.5", 5), "Failure reps")
    refused(lambda: parse_failure_reps("1001", 5), "Failure reps")
    refused(lambda: parse_failure_reps("-1", None), "Failure reps")
    refused(lambda: parse_failure_reps("inf", 5), "Failure reps")


# ---- RIR / RPE --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["0", "0.5", "1", "2,5", "9.5", "10", "10.0"])
def test_rir_accepted(text: str) -> None:
    assert parse_rir(text) == float(text.replace(",", "."))


@pytest.mark.parametrize("text", ["-0.5", "-1", "10.5", "11", "2.25", "0.1", "abc", "nan", "inf"])
def test_rir_refused(text: str) -> None:
    refused(lambda: parse_rir(text), "RIR")


@pytest.mark.parametrize(
    ("text", "rir"),
    [
        ("1", 9.0),
        ("5.5", 4.5),
        ("6", 4.0),
        ("7", 3.0),
        ("7,5", 2.5),
        ("8", 2.0),
        ("9.5", 0.5),
        ("10", 0.0),
    ],
)
def test_rpe_accepted_as_rir(text: str, rir: float) -> None:
    assert parse_rpe(text) == rir


@pytest.mark.parametrize("text", ["0", "0.5", "10.5", "11", "7.25", "8.1", "-5", "abc", "nan", "inf"])
def test_rpe_refused(text: str) -> None:
    refused(lambda: parse_rpe(text), "RPE")


# ---- duration ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("90", 90.0),
        ("1:30", 90.0),
        ("0:45", 45.0),
        ("1:02:30", 3750.0),  # 1 h + 2 min + 30 s
        ("10:00", 600.0),
        ("0", 0.0),
        ("0:00", 0.0),
        ("1,5", 1.5),
        ("24:00:00", 86400.0),
        ("86400", 86400.0),
    ],
)
def test_duration_accepted(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    "text",
    [
        "1:2:3:4",
        "1:3a",
        ":30",
        "1:",
        "1::30",
        "a:b",
        "1:-30",
        "-1",
        "24:00:01",
        "86401",
        "abc",
        "nan",
        "inf",
        "1.5:30",
    ],
)
def test_duration_refused(text: str) -> None:
    refused(lambda: parse_duration(text), "Time")


def test_duration_with_unicode_digit_is_a_validation_error() -> None:
    refused(lambda: parse_duration("1:²"), "Time")


@pytest.mark.parametrize("text", ["9" * 400 + ":00", "1:" + "0" * 5000, "9" * 5000, "1:0000000000"])
def test_duration_of_absurdly_many_digits_is_refused_and_quoted_short(text: str) -> None:
    error = refused(lambda: parse_duration(text), "Time")
    assert text[:20] in error.message and len(error.message) < 120


# ---- distance ---------------------------------------------------------------------------------------------------


def test_distance_range() -> None:
    assert parse_distance("0") == 0.0
    assert parse_distance("1000000") == 1_000_000.0
    assert parse_distance("400,5") == 400.5
    refused(lambda: parse_distance("1000000.5"), "Distance")
    refused(lambda: parse_distance("-1"), "Distance")
    refused(lambda: parse_distance("inf"), "Distance")
    refused(lambda: parse_distance("far"), "Distance")
    refused(lambda: parse_distance("x", field="Height"), "Height")


# ---- session times ----------------------------------------------------------------------------------------------


def test_session_times() -> None:
    start = datetime(2024, 5, 1, 18, 0)
    check_session_times(start, None)
    check_session_times(start, start)
    check_session_times(start, datetime(2024, 5, 1, 19, 30))
    check_session_times(datetime(1900, 1, 1), None)
    check_session_times(datetime(2200, 12, 31), None)
    assert (
        "ends before it starts"
        in refused(lambda: check_session_times(start, datetime(2024, 5, 1, 17, 59)), "End").message
    )
    assert refused(lambda: check_session_times(datetime(1899, 12, 31), None), "Date").message == (
        "the date 1899-12-31 is outside 1900–2200"
    )
    assert "0001-01-01" in refused(lambda: check_session_times(datetime(1, 1, 1), None), "Date").message
    refused(lambda: check_session_times(datetime(2201, 1, 1), None), "Date")


def test_validation_error_attributes() -> None:
    error = ValidationError("Reps", "must be whole")
    assert error.field == "Reps"
    assert error.message == "must be whole"
    assert str(error) == "Reps: must be whole"
    assert isinstance(error, ValueError)


def test_thousands_separator_is_refused_not_misread() -> None:
    error = refused(lambda: parse_load("1,000", Unit.KG), "Load")
    assert "thousands separator" in error.message
    assert parse_load("1,5", Unit.KG) == 1.5


def test_minutes_and_seconds_stay_below_sixty() -> None:
    refused(lambda: parse_duration("1:75"), "Time")
    refused(lambda: parse_duration("1:60:00"), "Time")
    assert parse_duration("1:59:59") == 3600 + 59 * 60 + 59


@pytest.mark.parametrize(("text", "value"), [("82.5", 82.5), ("82,5", 82.5), (" 4 ", 4.0), ("", None), (".5", 0.5)])
def test_the_form_and_the_importers_read_a_number_alike(text: str, value: float | None) -> None:
    from journal.domain.validation import parse_decimal
    from journal.io.fields import number

    assert parse_decimal(text) == value
    assert number(text, 7, "load") == value


@pytest.mark.parametrize("text", ["1,000", "1.000,5", "1_0", "1e-320", "inf", "nan", "12kg"])
def test_the_form_and_the_importers_refuse_the_same_texts(text: str) -> None:
    from journal.domain.validation import NumberError, parse_decimal
    from journal.io.base import ImportFailed
    from journal.io.fields import number

    with pytest.raises(NumberError):
        parse_decimal(text)
    with pytest.raises(ImportFailed, match=r"load '"):
        number(text, 7, "load")
