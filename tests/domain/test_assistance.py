# SPDX-License-Identifier: MIT
"""Assistance on a bodyweight exercise: a negative load, typed as -20 or BW-20, shown as BW − 20 kg, and counted in
e1RM and tonnage only when the bodyweight is known (bodyweight less the assistance)."""

from __future__ import annotations

import pytest

from journal.domain.metrics import effective_load, set_tonnage, summarize
from journal.domain.records import SetRecord
from journal.domain.units import Unit, format_set_load
from journal.domain.validation import ValidationError, check_set, parse_load


@pytest.mark.parametrize(
    ("text", "kg"),
    [("-20", -20.0), ("BW-20", -20.0), ("bw − 20", -20.0), ("BW+10", 10.0), ("BW", None), ("\u221220", -20.0)],
)
def test_a_bodyweight_load_is_typed_as_added_or_assistance(text: str, kg: float | None) -> None:
    assert parse_load(text, Unit.KG, bodyweight=True) == kg


def test_assistance_in_pounds_is_stored_in_kilograms() -> None:
    assert parse_load("BW-45", Unit.LB, bodyweight=True) == pytest.approx(-45 * 0.45359237)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-20", "a negative load is assistance, for bodyweight exercises only (Assisted Pull-up: -20 or BW-20)"),
        ("BW-20", "BW is for bodyweight exercises only: type the load"),
    ],
)
def test_assistance_on_a_loaded_exercise_is_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        parse_load(text, Unit.KG)
    assert (error.value.field, error.value.message) == ("Load", message)


def test_more_assistance_than_anyone_weighs_is_refused() -> None:
    with pytest.raises(ValidationError, match="assistance must be at most 400 kg"):
        parse_load("-401", Unit.KG, bodyweight=True)
    check_set(SetRecord(load_kg=-20.0, reps=8))
    with pytest.raises(ValidationError):
        check_set(SetRecord(load_kg=-401.0, reps=8))


def test_assistance_prints_as_bodyweight_less_the_help() -> None:
    assert format_set_load(-20.0, Unit.KG, bodyweight=True) == "BW \u2212 20 kg"
    assert format_set_load(9.0, Unit.KG, bodyweight=True) == "BW + 9 kg"
    assert format_set_load(-20 * 0.45359237, Unit.LB, bodyweight=True) == "BW \u2212 20 lb"


def test_assisted_sets_count_only_with_a_known_bodyweight() -> None:
    assisted = SetRecord(load_kg=-20.0, reps=8)
    assert effective_load(-20.0, True, None) is None
    assert effective_load(-20.0, True, 80.0) == 60.0
    assert effective_load(-100.0, True, 80.0) == 0.0  # more help than weight moves nothing, never a negative load
    assert set_tonnage(assisted, True, None) == 0.0
    assert set_tonnage(assisted, True, 80.0) == 480.0
    assert summarize([assisted], bodyweight_exercise=True, bodyweight_kg=None).best_e1rm is None
    best = summarize([assisted], bodyweight_exercise=True, bodyweight_kg=80.0).best_e1rm
    assert best is not None and best.kg > 60.0
