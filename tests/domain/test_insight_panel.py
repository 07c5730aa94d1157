# SPDX-License-Identifier: MIT
"""The insights as the panel lists them: headlines with their figure, related items grouped into a table, the most
important first, and what each rule needs."""

from __future__ import annotations

import numpy as np

from journal.domain.review import InsightKind
from journal.domain.review.insights import Insight, _muscle_volume
from journal.domain.review.panel import NEEDS, needs, panel_items


def calibration(name: str, bias: float, n: int, side: str) -> Insight:
    return Insight(
        InsightKind.CALIBRATION,
        f"title {name}",
        "detail",
        "Halperin",
        (1, 2),
        (3,),
        subject=name,
        value=bias,
        count=n,
        side=side,
        header=("Exercise",),
        rows=((name,),),
    )


def test_muscles_on_one_side_are_one_item_that_opens_into_a_table() -> None:
    weeks = np.arange(4, dtype=np.int64)
    values = {m: np.array([4.0, 5.0, 6.0, 3.0]) for m in ("chest", "lats", "quads", "biceps")}
    values["glutes"] = np.array([25.0, 22.0, 30.0, 21.0])
    found = _muscle_volume((weeks, values), (10.0, 20.0))
    assert len(found) == 5  # one insight a muscle, as the rule makes them
    items = panel_items(found)
    assert [item.headline for item in items] == [
        "4 muscles under 10 hard sets a week",
        "Glutes: over 20 hard sets in 4 of 4 weeks",
    ]
    grouped = items[0]
    assert grouped.header == ("Muscle", "Weeks", "Median")
    assert grouped.rows == (
        ("Chest", "4 of 4", "4.5"),
        ("Lats", "4 of 4", "4.5"),
        ("Quads", "4 of 4", "4.5"),
        ("Biceps", "4 of 4", "4.5"),
    )
    assert grouped.detail.count("Schoenfeld") == 1  # the shared explanation once, not once a muscle
    assert items[1].rows == ()  # a single muscle needs no table


def test_items_come_most_important_first_with_their_figure() -> None:
    found = [
        calibration("Squat", 0.2, 9, "calibrated"),
        calibration("Face Pull", -2.0, 10, "under"),
        calibration("Bench", 1.4, 6, "over"),
        Insight(
            InsightKind.EARLY_FAILURE,
            "t",
            "d",
            "s",
            (5,),
            (6,),
            value=2.0,
            count=3,
            header=("Exercise", "Sets"),
            rows=(("Squat", "2"), ("Bench", "1")),
        ),
        Insight(InsightKind.FAR_FROM_FAILURE, "t", "d", "s", (7,), (8,), value=0.25, count=12),
    ]
    assert [item.headline for item in panel_items(found)] == [
        "Failure before the last set: 3 sets on 2 compound lifts",
        "Face Pull: you under-call by 2.0 reps, 10 sets",
        "Bench: you over-call by 1.4 reps, 6 sets",
        "12 sets ended 5+ reps from failure, 25% of rated sets",
        "Squat: your calls are within a rep, 9 sets",
    ]
    first = panel_items(found)[0]
    assert first.rows == (("Squat", "2"), ("Bench", "1")) and first.set_ids == (5,)


def test_every_rule_says_what_it_needs() -> None:
    assert set(NEEDS) == set(InsightKind)
    assert any("“To failure” reps on 3 or more sets" in line for line in needs())


def test_an_item_names_its_exercise_only_when_it_is_about_one() -> None:
    weeks = np.arange(4, dtype=np.int64)
    muscle = _muscle_volume((weeks, {"glutes": np.array([25.0, 22.0, 30.0, 21.0])}), (10.0, 20.0))
    items = panel_items([calibration("Face Pull", -2.0, 8, "under"), *muscle])
    by_headline = {item.headline: item.exercise for item in items}
    assert by_headline["Face Pull: you under-call by 2.0 reps, 8 sets"] == "Face Pull"
    assert by_headline["Glutes: over 20 hard sets in 4 of 4 weeks"] == ""  # a muscle, not an exercise
    several = Insight(
        InsightKind.STRENGTH_STALL, "t", "d", "s", subject="Curl", header=("Exercise",), rows=(("Curl",),)
    )
    other = Insight(InsightKind.STRENGTH_STALL, "t", "d", "s", subject="Dip", header=("Exercise",), rows=(("Dip",),))
    (grouped,) = panel_items([several, other])
    assert grouped.exercise == "" and grouped.rows == (("Curl",), ("Dip",))  # each row of its table opens one
