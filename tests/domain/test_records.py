# SPDX-License-Identifier: MIT
"""Set types from text and repeating a set."""

from __future__ import annotations

import pytest

from journal.domain.effort import EffortScale
from journal.domain.records import RirOrigin, SetRecord, SetType, rated_by_set_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("warmup", SetType.WARMUP),
        ("Warm-up", SetType.WARMUP),
        ("W", SetType.WARMUP),
        (" w ", SetType.WARMUP),
        ("warm up", SetType.WARMUP),
        ("working", SetType.WORKING),
        ("Working", SetType.WORKING),
        ("normal", SetType.WORKING),
        ("n", SetType.WORKING),
        ("drop", SetType.DROP),
        ("D", SetType.DROP),
        ("Drop Set", SetType.DROP),
        ("dropset", SetType.DROP),
        ("failure", SetType.FAILURE),
        ("Failure/AMRAP", SetType.FAILURE),
        ("a", SetType.FAILURE),
        ("AMRAP", SetType.FAILURE),
        ("f", SetType.FAILURE),
        ("backoff", SetType.BACKOFF),
        ("Back-off", SetType.BACKOFF),
        ("back off", SetType.BACKOFF),
        ("b", SetType.BACKOFF),
    ],
)
def test_set_type_from_text(text: str, expected: SetType) -> None:
    assert SetType.from_text(text) is expected


@pytest.mark.parametrize("text", ["", "x", "warmups", "heavy", "1"])
def test_set_type_unknown_text(text: str) -> None:
    with pytest.raises(ValueError):
        SetType.from_text(text)


def test_every_set_type_round_trips_through_value_and_label() -> None:
    for member in SetType:
        assert SetType.from_text(member.value) is member
        assert SetType.from_text(member.label) is member
        assert SetType.from_text(member.label.upper()) is member


def test_repeated_keeps_plan_and_drops_id_failure_reps_note() -> None:
    original = SetRecord(
        set_type=SetType.BACKOFF,
        load_kg=90.0,
        reps=6,
        rir=1.5,
        effort_scale=EffortScale.RPE,
        failure_reps=8,
        duration_s=40.0,
        distance_m=25.0,
        note="felt slow",
        id=42,
    )
    again = original.repeated()
    assert again == SetRecord(
        set_type=SetType.BACKOFF,
        load_kg=90.0,
        reps=6,
        rir=1.5,
        effort_scale=EffortScale.RPE,
        duration_s=40.0,
        distance_m=25.0,
    )
    assert again.id is None
    assert again.failure_reps is None
    assert again.note == ""
    assert original.id == 42  # the original is untouched (frozen)


def test_is_warmup() -> None:
    assert SetRecord(set_type=SetType.WARMUP).is_warmup
    for set_type in (SetType.WORKING, SetType.DROP, SetType.FAILURE, SetType.BACKOFF):
        assert not SetRecord(set_type=set_type).is_warmup


def test_a_failure_set_without_a_rating_is_rir_0_from_the_set_type() -> None:
    marked = rated_by_set_type(SetRecord(set_type=SetType.FAILURE, load_kg=80.0, reps=6))
    assert (marked.rir, marked.effort_scale, marked.rir_origin) == (0.0, EffortScale.RIR, RirOrigin.SET_TYPE)
    assert (marked.set_type, marked.load_kg, marked.reps) == (SetType.FAILURE, 80.0, 6)
    assert RirOrigin.SET_TYPE.label == "from set type"


@pytest.mark.parametrize(
    "record",
    [
        SetRecord(set_type=SetType.FAILURE, load_kg=80.0, reps=6, rir=1.0, effort_scale=EffortScale.RPE),  # rated
        SetRecord(set_type=SetType.WORKING, load_kg=80.0, reps=6),  # unrated, not marked as failure
        SetRecord(set_type=SetType.DROP, load_kg=60.0, reps=8),
    ],
)
def test_other_sets_are_left_as_they_are(record: SetRecord) -> None:
    assert rated_by_set_type(record) == record
