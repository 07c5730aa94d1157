# SPDX-License-Identifier: MIT
"""Units: kg is stored, 1 lb = 0.45359237 kg exactly (DESIGN.md "Data rules")."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain.units import (
    KG_PER_LB,
    Unit,
    format_load,
    format_mass,
    format_number,
    format_set_load,
    from_kg,
    to_kg,
)


def test_pound_is_exactly_the_international_pound() -> None:
    assert KG_PER_LB == 0.45359237
    assert to_kg(1, Unit.LB) == 0.45359237
    assert from_kg(0.45359237, Unit.LB) == pytest.approx(1.0, rel=1e-15)


@pytest.mark.parametrize(
    ("lb", "kg"),
    [
        (0, 0.0),
        (45, 45 * 0.45359237),  # 20.41165665
        (225, 225 * 0.45359237),  # 102.05828325
        (315, 315 * 0.45359237),
        (2.5, 2.5 * 0.45359237),
    ],
)
def test_pounds_to_kilograms(lb: float, kg: float) -> None:
    assert to_kg(lb, Unit.LB) == pytest.approx(kg, rel=1e-15, abs=0)


def test_known_conversions_by_hand() -> None:
    assert to_kg(225, Unit.LB) == pytest.approx(102.05828325, rel=1e-12)
    assert from_kg(100, Unit.LB) == pytest.approx(100 / 0.45359237, rel=1e-15)
    assert from_kg(100, Unit.LB) == pytest.approx(220.46226218487757, rel=1e-12)


def test_kilograms_are_unchanged() -> None:
    assert to_kg(102.5, Unit.KG) == 102.5
    assert from_kg(102.5, Unit.KG) == 102.5


@given(st.floats(min_value=0, max_value=5000, allow_nan=False, allow_infinity=False))
def test_round_trip_lb(value: float) -> None:
    assert from_kg(to_kg(value, Unit.LB), Unit.LB) == pytest.approx(value, rel=1e-12, abs=1e-12)
    assert to_kg(from_kg(value, Unit.LB), Unit.LB) == pytest.approx(value, rel=1e-12, abs=1e-12)


@given(st.floats(min_value=0, max_value=5000, allow_nan=False, allow_infinity=False))
def test_round_trip_kg(value: float) -> None:
    assert from_kg(to_kg(value, Unit.KG), Unit.KG) == value


def test_round_trip_of_typical_plate_loads_formats_back_to_what_was_typed() -> None:
    for typed in ("45", "135", "225", "315", "2.5", "102.5", "1000"):
        kg = to_kg(float(typed), Unit.LB)
        assert format_load(kg, Unit.LB) == typed


def test_format_number() -> None:
    assert format_number(100) == "100"
    assert format_number(102.5) == "102.5"
    assert format_number(45.3592) == "45.36"
    assert format_number(0.0) == "0"
    assert format_number(-0.001) == "0"
    assert format_number(1.25, 1) in ("1.2", "1.3")  # float rounding of .x5 either way is fine
    assert format_number(99.999) == "100"


def test_format_load() -> None:
    assert format_load(None, Unit.KG) == ""
    assert format_load(None, Unit.LB) == ""
    assert format_load(100.0, Unit.KG) == "100"
    assert format_load(102.5, Unit.KG) == "102.5"
    assert format_load(0.0, Unit.KG) == "0"
    # 100 kg = 220.4622... lb -> two decimals without trailing zeros
    assert format_load(100.0, Unit.LB) == "220.46"
    assert format_load(20.0, Unit.LB) == "44.09"  # 20 / 0.45359237 = 44.0924...
    assert format_load(45 * 0.45359237, Unit.LB) == "45"
    assert format_load(100.0, Unit.LB, decimals=1) == "220.5"


def test_format_mass() -> None:
    assert format_mass(12345.0, Unit.KG) == "12,345 kg"
    assert format_mass(1000.0, Unit.KG) == "1,000 kg"
    assert format_mass(112.5, Unit.KG) == "112.5 kg"
    assert format_mass(0.0, Unit.KG) == "0 kg"
    assert format_mass(123.52, Unit.KG) == "123.5 kg"
    # 100 kg = 220.46 lb -> one decimal
    assert format_mass(100.0, Unit.LB) == "220.5 lb"
    # 1000 kg = 2204.62 lb -> whole with separator
    assert format_mass(1000.0, Unit.LB) == "2,205 lb"
    assert format_mass(50000.0, Unit.LB) == f"{50000 / 0.45359237:,.0f} lb" == "110,231 lb"


def test_format_mass_just_below_a_thousand_has_a_separator_once_rounded() -> None:
    assert format_mass(999.96, Unit.KG) == "1,000 kg"


def test_units_are_strings_for_display() -> None:
    assert str(Unit.KG) == "kg"
    assert str(Unit.LB) == "lb"
    assert Unit("lb") is Unit.LB
    assert not math.isnan(to_kg(0, Unit.LB))


def test_from_kg_converts_a_series_element_by_element() -> None:
    kg = np.array([0.0, 100.0, KG_PER_LB])
    pounds = from_kg(kg, Unit.LB)
    assert isinstance(pounds, np.ndarray)
    assert pounds.tolist() == pytest.approx([0.0, 100 / KG_PER_LB, 1.0], rel=1e-15)
    assert from_kg(kg, Unit.KG) is kg


@pytest.mark.parametrize(
    ("kg", "unit", "bodyweight", "shown"),
    [
        (9.0, Unit.KG, True, "BW + 9 kg"),
        (None, Unit.KG, True, "BW"),
        (0.0, Unit.KG, True, "BW"),  # never "0 kg"
        (20 * KG_PER_LB, Unit.LB, True, "BW + 20 lb"),
        (100.0, Unit.KG, False, "100 kg"),
        (None, Unit.KG, False, ""),
    ],
)
def test_a_set_load_as_printed(kg: float | None, unit: Unit, bodyweight: bool, shown: str) -> None:
    assert format_set_load(kg, unit, bodyweight) == shown
