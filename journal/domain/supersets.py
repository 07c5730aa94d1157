# SPDX-License-Identifier: MIT
"""Supersets and circuits: exercises of a session or routine with the same group number, done in turn."""

from __future__ import annotations

import string
from collections.abc import Sequence

Groups = Sequence[int | None]  # each exercise's group number, in order (None: on its own)


def _members(groups: Groups) -> dict[int, list[int]]:
    """Each group of two exercises or more: its members' indexes, in order."""
    found: dict[int, list[int]] = {}
    for index, group in enumerate(groups):
        if group is not None:
            found.setdefault(group, []).append(index)
    return {group: members for group, members in found.items() if len(members) > 1}


def labels(groups: Groups) -> list[str | None]:
    """'A1', 'A2', 'B1'…: a letter a group in the order groups first appear, then the place in it; None for an
    exercise on its own (a group of one is no superset)."""
    members = _members(groups)
    letters = {group: string.ascii_uppercase[n % 26] for n, group in enumerate(members)}
    shown: list[str | None] = [None] * len(groups)
    for group, indexes in members.items():
        for place, index in enumerate(indexes, 1):
            shown[index] = f"{letters[group]}{place}"
    return shown


def together(groups: Groups) -> list[int]:
    """The order to print exercises in: as given, but each group's members right after its first one."""
    members = _members(groups)
    order: list[int] = []
    for index, group in enumerate(groups):
        if index in order:
            continue
        order.extend(members.get(group, [index]) if group is not None else [index])
    return order


def heading(groups: Groups, index: int, names: Sequence[str]) -> str | None:
    """'Superset A, in turn: Bench Press, Barbell Row' before the first exercise of a group; None elsewhere."""
    group = groups[index]
    members = _members(groups).get(group) if group is not None else None
    if not members or members[0] != index:
        return None
    letter = (labels(groups)[index] or "?")[0]
    kind = "Superset" if len(members) == 2 else "Circuit"
    return f"{kind} {letter}, in turn: {', '.join(names[i] for i in members)}"


def next_in_group(groups: Groups, index: int) -> int | None:
    """The exercise done after `index` in its superset: the next member, after the last the first again (a round
    is done); None when it is on its own."""
    group = groups[index]
    members = _members(groups).get(group) if group is not None else None
    if not members:
        return None
    return members[(members.index(index) + 1) % len(members)]


def ends_round(groups: Groups, index: int) -> bool:
    """Whether `index` is the last exercise of its superset's round (or on its own): the rest comes after it."""
    following = next_in_group(groups, index)
    return following is None or following < index


def join_above(groups: Groups, index: int) -> list[int | None]:
    """The groups after toggling `index` into the superset of the exercise above it: joined (the one above starts a
    new group if it had none), or, when already in it, taken out (a group left with one exercise is no group)."""
    new = list(groups)
    if index <= 0:
        return new
    above = new[index - 1]
    if above is not None and new[index] == above:
        new[index] = None
    else:
        if above is None:
            above = max((g for g in new if g is not None), default=0) + 1
            new[index - 1] = above
        new[index] = above
    members = _members(new)
    return [g if g in members else None for g in new]
