# SPDX-License-Identifier: MIT
"""The bodyweight log: a weight a day, from a session or an entry of its own, and its 7-day trend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

TREND_DAYS = 7


@dataclass(frozen=True)
class Weighing:
    """A bodyweight on a day: from the log (`entry` its id) or from a session (`session` its id)."""

    day: date
    kg: float
    source: str = "manual"  # manual, a session, or the importer it came from
    entry: int | None = None
    session: int | None = None
    note: str = ""


def daily(weighings: Sequence[Weighing]) -> list[tuple[date, float]]:
    """One weight a day, oldest first: a day's entries of the log before its sessions', the mean where a day has
    several of the same kind."""
    logged: dict[date, list[float]] = {}
    sessions: dict[date, list[float]] = {}
    for w in weighings:
        (sessions if w.session is not None else logged).setdefault(w.day, []).append(w.kg)
    days = sorted(set(logged) | set(sessions))
    return [(day, _mean(logged.get(day) or sessions[day])) for day in days]


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def trend(days: Sequence[tuple[date, float]], window: int = TREND_DAYS) -> list[tuple[date, float]]:
    """Each day's mean of the weights of the `window` days up to it (those weighed), a smoother line than the
    day-to-day swings of water and food."""
    out = []
    for i, (day, _) in enumerate(days):
        start = day - timedelta(days=window - 1)
        values = [kg for d, kg in days[: i + 1] if d >= start]
        out.append((day, _mean(values)))
    return out


def weight_on(days: Sequence[tuple[date, float]], day: date) -> float | None:
    """The latest weight on or before `day` (within 60 days), else None."""
    found = None
    for d, kg in days:
        if d > day:
            break
        found = (d, kg)
    if found is None or (day - found[0]).days > 60:
        return None
    return found[1]
