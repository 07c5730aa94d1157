# SPDX-License-Identifier: MIT
"""Supersets: labels by group, the next exercise of a round, joining and leaving the group above."""

from __future__ import annotations

from journal.domain.supersets import ends_round, join_above, labels, next_in_group


def test_labels_letter_groups_in_order_and_skip_a_group_of_one() -> None:
    assert labels([7, 7, None, 3, 3, 3, 9]) == ["A1", "A2", None, "B1", "B2", "B3", None]


def test_the_round_goes_to_the_next_member_then_back_to_the_first() -> None:
    groups = [None, 4, 4, 4]
    assert [next_in_group(groups, i) for i in range(4)] == [None, 2, 3, 1]
    assert [ends_round(groups, i) for i in range(4)] == [True, False, False, True]


def test_join_above_starts_a_group_extends_it_and_leaves_it() -> None:
    assert join_above([None, None, None], 1) == [1, 1, None]
    assert join_above([1, 1, None], 2) == [1, 1, 1]
    assert join_above([1, 1, 1], 2) == [1, 1, None]
    assert join_above([1, 1, None], 1) == [None, None, None]  # a group of one is none
    assert join_above([None, 2, 2], 0) == [None, 2, 2]


def test_a_group_prints_together_under_its_heading() -> None:
    from journal.domain.supersets import heading, together

    groups = [1, None, 1, 2, 2, 2]
    names = ["Bench", "Curl", "Row", "Squat", "Lunge", "Calf"]
    assert together(groups) == [0, 2, 1, 3, 4, 5]
    assert heading(groups, 0, names) == "Superset A, in turn: Bench, Row"
    assert heading(groups, 3, names) == "Circuit B, in turn: Squat, Lunge, Calf"
    assert heading(groups, 2, names) is None and heading(groups, 1, names) is None
