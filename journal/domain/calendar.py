# SPDX-License-Identifier: MIT
"""The training calendar's figures: training days, weeks trained and streaks of weeks in a row."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Streaks:
    """Weeks (Monday to Sunday) with at least one training day: how many in the span asked, the longest run of them
    in a row, and the run that reaches the week of `today` (or the week before, when this week has no training yet)."""

    days: int
    weeks: int
    longest: int
    current: int


def streaks(days: Iterable[date], today: date, since: date | None = None) -> Streaks:
    """Streaks of training weeks; `days` and `weeks` count only the days from `since` (all when None) to `today`,
    the streaks always look at the whole history."""
    every = sorted(set(days))
    weeks = sorted({monday(day) for day in every})
    longest = run = 0
    previous: date | None = None
    for week in weeks:
        run = run + 1 if previous is not None and week - previous == timedelta(days=7) else 1
        longest = max(longest, run)
        previous = week
    current = 0
    held = set(weeks)
    week = monday(today)
    if week not in held:
        week -= timedelta(days=7)
    while week in held:
        current += 1
        week -= timedelta(days=7)
    shown = [day for day in every if (since is None or day >= since) and day <= today]
    return Streaks(days=len(shown), weeks=len({monday(day) for day in shown}), longest=longest, current=current)
