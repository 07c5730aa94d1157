# SPDX-License-Identifier: MIT
"""The Review says when exercises count in no muscle's volume (no muscle named, as an import leaves a new name)."""

from __future__ import annotations

from journal.domain.records import SetType
from journal.domain.review.insights import InsightKind, insights
from tests.domain.test_review import MECHANIC, NAMES, NO_CALIBRATION, NO_MUSCLES, points, working_sets


def test_an_exercise_without_muscles_is_named_with_its_working_sets() -> None:
    sets = points(*working_sets(1, 4, [2.0] * 3), *working_sets(10, 2, [2.0] * 2), (20, 2, 4, SetType.DROP, 1, True))
    found = insights(sets, NAMES, MECHANIC, NO_CALIBRATION, NO_MUSCLES, without_muscles=frozenset({4, 9}))
    mine = [i for i in found if i.kind is InsightKind.NO_MUSCLES]
    assert [(i.title, i.detail) for i in mine] == [
        (
            "1 exercise counts in no muscle's volume",
            "4 working sets of Plank are in no muscle's weekly hard sets: name their muscles in the Exercises tab.",
        )
    ]
    assert mine[0].set_ids == (1, 2, 3, 20)
    assert not [
        i for i in insights(sets, NAMES, MECHANIC, NO_CALIBRATION, NO_MUSCLES) if i.kind is InsightKind.NO_MUSCLES
    ]
