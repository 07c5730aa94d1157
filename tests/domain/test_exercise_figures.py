# SPDX-License-Identifier: MIT
"""One exercise's rep maxes, records and streaks of training weeks."""

from __future__ import annotations

from datetime import date, datetime

from journal.domain.calendar import streaks
from journal.domain.exercise_figures import LiftedSet, records, relative_strength, rep_maxes
from journal.domain.metrics import e1rm


def lifted(day: int, load: float, reps: int, rir: float | None = None) -> LiftedSet:
    return LiftedSet(session=day, start=datetime(2026, 3, day, 18), load_kg=load, reps=reps, rir=rir)


def test_a_heavier_set_of_more_reps_is_the_rep_max_of_fewer() -> None:
    sets = [lifted(2, 90, 5, 2), lifted(5, 100, 6, 1), lifted(9, 100, 5, 0), lifted(9, 110, 1)]
    table = rep_maxes(sets)
    assert [(m.reps, m.load_kg, m.day) for m in table[:7]] == [
        (1, 110, date(2026, 3, 9)),
        (2, 100, date(2026, 3, 5)),  # first lifted on the 5th, again on the 9th
        (3, 100, date(2026, 3, 5)),
        (4, 100, date(2026, 3, 5)),
        (5, 100, date(2026, 3, 5)),
        (6, 100, date(2026, 3, 5)),
        (7, None, None),
    ]
    assert table[4].e1rm_kg == e1rm(100, 6, 1).kg  # type: ignore[union-attr]
    assert len(table) == 12 and table[11].load_kg is None


def test_records_follow_the_strength_charts_rule() -> None:
    sets = [lifted(2, 100, 5), lifted(2, 90, 8), lifted(5, 100, 6), lifted(5, 95, 5), lifted(9, 105, 3)]
    assert [(r.day.day, r.load_kg, r.reps) for r in records(sets)] == [
        (2, 100, 5),
        (2, 90, 8),
        (5, 100, 6),  # 100 x 5 was lifted before, never for 6
        (9, 105, 3),
    ]


def test_relative_strength_needs_both_figures() -> None:
    assert relative_strength(150, 75) == 2
    assert relative_strength(None, 75) is None and relative_strength(150, None) is None


def test_streaks_count_weeks_in_a_row() -> None:
    days = [date(2026, 1, 5), date(2026, 1, 7), date(2026, 1, 14), date(2026, 1, 21), date(2026, 2, 9)]
    found = streaks(days, today=date(2026, 2, 11))
    assert (found.days, found.weeks, found.longest, found.current) == (5, 4, 3, 1)
    later = streaks(days, today=date(2026, 2, 16))  # a new week with no training yet keeps last week's run
    assert later.current == 1
    assert streaks(days, today=date(2026, 2, 24)).current == 0
    assert streaks(days, today=date(2026, 2, 11), since=date(2026, 1, 10)).days == 3
