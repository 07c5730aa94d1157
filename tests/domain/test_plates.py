# SPDX-License-Identifier: MIT
"""The plate calculator: plates per side, the nearest loads that can be made, the plates a lifter types."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.domain.plates import PlateKit, load_plates, load_plates_kg, nearest_loadable_kg, parse_plates
from journal.domain.units import KG_PER_LB, Unit
from journal.domain.validation import ValidationError

KG = PlateKit(Unit.KG, 20.0, (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25))
LB = PlateKit(Unit.LB, 45.0, (45.0, 35.0, 25.0, 10.0, 5.0, 2.5))


@pytest.mark.parametrize(
    ("load", "plates"),
    [
        (20, ()),
        (60, (20.0,)),
        (102.5, (25.0, 15.0, 1.25)),
        (140, (25.0, 25.0, 10.0)),
        (22.5, (1.25,)),
    ],
)
def test_plates_per_side_fewest_heaviest_first(load: float, plates: tuple[float, ...]) -> None:
    assert load_plates(load, KG).plates == plates


def test_the_text_names_plates_per_side_or_the_bar() -> None:
    assert load_plates(102.5, KG).text() == "Per side: 25 + 15 + 1.25 kg"
    assert load_plates(20, KG).text() == "The bar alone"


def test_a_load_that_cannot_be_made_names_the_nearest_below_and_above() -> None:
    loading = load_plates(101, KG)
    assert not loading.possible
    assert (loading.below, loading.above) == (100.0, 102.5)
    assert loading.text() == "101 kg cannot be made with these plates: 100 or 102.5 kg"
    odd = load_plates(232, LB)
    assert (odd.below, odd.above) == (230.0, 235.0)


def test_gaps_in_the_plates_are_found_both_ways() -> None:
    kit = PlateKit(Unit.KG, 20.0, (15.0,))
    loading = load_plates(40, kit)
    assert (loading.below, loading.above) == (20.0, 50.0)
    assert load_plates(40, PlateKit(Unit.KG, 20.0, (15.0, 10.0))).plates == (10.0,)
    assert load_plates(50, PlateKit(Unit.KG, 20.0, (15.0, 10.0))).plates == (15.0,)


def test_under_the_bar_names_the_bar_with_its_collars() -> None:
    kit = PlateKit(Unit.KG, 20.0, (25.0, 10.0, 2.5), collars=5.0)
    loading = load_plates(22, kit)
    assert (loading.below, loading.above) == (None, 25.0)
    assert loading.text() == "22 kg is lighter than the bar: 25 kg at least"
    assert load_plates(30, kit).plates == (2.5,)


def test_a_pound_load_stored_in_kilograms_is_found_exactly() -> None:
    assert load_plates_kg(225 * KG_PER_LB, LB).plates == (45.0, 45.0)


def test_nearest_loadable_takes_the_lighter_of_two_as_near_and_at_least_the_bar() -> None:
    assert nearest_loadable_kg(101.25, KG) == 100.0
    assert nearest_loadable_kg(101.3, KG) == 102.5
    assert nearest_loadable_kg(8.0, KG) == 20.0
    assert nearest_loadable_kg(60.0, KG) == 60.0


@given(st.integers(min_value=0, max_value=400).map(lambda n: 20 + n * 2.5))
def test_every_load_on_two_and_a_half_kilogram_steps_adds_up(load: float) -> None:
    loading = load_plates(load, KG)
    assert loading.plates is not None
    assert 20 + 2 * sum(loading.plates) == pytest.approx(load)


def test_plates_are_read_as_typed() -> None:
    assert parse_plates("2.5, 25 20 10 20", Unit.KG) == (25.0, 20.0, 10.0, 2.5)
    for text, message in [
        ("", "at least one"),
        ("25 heavy", "'heavy' is not a weight"),
        ("0 25", "more than 0"),
        ("1.255", "hundredths"),
    ]:
        with pytest.raises(ValidationError, match=message):
            parse_plates(text, Unit.KG)
