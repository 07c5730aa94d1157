# SPDX-License-Identifier: MIT
"""Ranking exercise names for the picker."""

from __future__ import annotations

from journal.domain.names import search_names

NAMES = [
    "Bench Press",
    "Bench Press (Barbell)",
    "Incline Bench Press",
    "Dumbbell Bench Press",
    "Bench",
    "Lat Pulldown",
    "Lateral Raise",
    "Lateral Lunge",
    "Pull-up",
    "Face Pull",
]


def test_every_word_must_appear() -> None:
    assert search_names("lat raise", NAMES) == ["Lateral Raise"]
    assert search_names("squat", NAMES) == []
    assert search_names("   ", NAMES) == []


def test_exact_then_prefix_then_word_start_then_anywhere() -> None:
    assert search_names("bench", NAMES) == [
        "Bench",
        "Bench Press",
        "Bench Press (Barbell)",
        "Incline Bench Press",
        "Dumbbell Bench Press",
    ]
    assert search_names("pull", NAMES) == ["Pull-up", "Face Pull", "Lat Pulldown"]


def test_preferred_names_come_before_aliases_of_the_same_rank() -> None:
    names = ["OHP", "Overhead Press", "Overhead Press (Barbell)"]
    assert search_names("overhead", names, preferred=frozenset({"Overhead Press"}))[0] == "Overhead Press"
    assert search_names("overhead press", names, preferred=frozenset())[0] == "Overhead Press"


def test_limit() -> None:
    assert len(search_names("e", NAMES, limit=3)) == 3
