# SPDX-License-Identifier: MIT
"""Weeks: a week is the date.toordinal() of its Monday (ordinal 1, 0001-01-01, is a Monday, so (ordinal - 1) % 7 is
the weekday). Any day's ordinal passed as a week bound is taken as the week it falls in."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from datetime import date

import numpy as np
from numpy.typing import NDArray

from journal.domain.review.columns import BoolArray, ColumnInts, IntArray, ints

RIR_BINS = ("0", "1", "2", "3", "4+")  # [0, 0.5), [0.5, 1.5), [1.5, 2.5), [2.5, 3.5), [3.5, inf)
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
DAY_SECONDS = 86400.0


def _monday(ordinal: int) -> int:
    return ordinal - (ordinal - 1) % 7


def week_of(day: date) -> int:
    """The ordinal of the Monday of `day`'s ISO week."""
    return day.toordinal() - day.weekday()


def week_label(week: int) -> str:
    """'2026-W09': the ISO year and week number of that Monday."""
    iso = date.fromordinal(week).isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def week_caption(week: int) -> str:
    """'week of 20 Jul 2026': the week as a lifter places it, by its Monday (ISO labels stay in files and JSON)."""
    monday = date.fromordinal(_monday(week))
    return f"week of {monday.day} {monday:%b %Y}"


def week_of_seconds(seconds: float) -> int:
    """The week (its Monday's ordinal) of a day given in POSIX seconds."""
    return week_of(date.fromordinal(int(seconds // DAY_SECONDS) + EPOCH_ORDINAL))


def week_start_seconds(week: int) -> float:
    """POSIX seconds of that Monday at 00:00 UTC."""
    return (_monday(week) - EPOCH_ORDINAL) * DAY_SECONDS


def week_axis(
    row_weeks: ColumnInts, first_week: int | None, last_week: int | None
) -> tuple[IntArray, ColumnInts, BoolArray]:
    """Every week from first to last (defaults: the rows' range), each row's index on it and which rows fall in."""
    first = first_week if first_week is not None else (int(row_weeks.min()) if row_weeks.size else last_week)
    last = last_week if last_week is not None else (int(row_weeks.max()) if row_weeks.size else first_week)
    if first is None or last is None or _monday(first) > _monday(last):
        return ints(), ints(row_weeks.size), np.zeros(row_weeks.size, dtype=np.bool_)
    first, last = _monday(first), _monday(last)
    weeks = np.arange(first, last + 1, 7, dtype=np.int64)
    inside = (row_weeks >= first) & (row_weeks <= last)
    return weeks, (row_weeks - first) // 7, inside


class SessionWeeks(Mapping[int, int]):
    """Each session's week, as a mapping kept in two columns sorted by session (170,000 sessions of a million sets
    take 3 MB so, not the 20 MB of a dict of Python ints); equal to any mapping with the same pairs."""

    __slots__ = ("session", "week")

    def __init__(self, session: NDArray[np.int64], week: NDArray[np.int64]) -> None:
        order = np.argsort(session, kind="stable")
        self.session: NDArray[np.int64] = np.asarray(session, np.int64)[order]
        self.week: NDArray[np.int64] = np.asarray(week, np.int64)[order]

    @staticmethod
    def of(pairs: Mapping[int, int]) -> SessionWeeks:
        return SessionWeeks(
            np.fromiter(pairs.keys(), np.int64, len(pairs)), np.fromiter(pairs.values(), np.int64, len(pairs))
        )

    def __getitem__(self, session: int) -> int:
        at = int(np.searchsorted(self.session, session))
        if at < self.session.size and self.session[at] == session:
            return int(self.week[at])
        raise KeyError(session)

    def __iter__(self) -> Iterator[int]:
        return iter(self.session.tolist())

    def __len__(self) -> int:
        return int(self.session.size)

    def replaced(self, sessions: Collection[int], now: Mapping[int, int]) -> SessionWeeks:
        """These pairs without `sessions`, with the pairs of `now` (those of them that still exist) instead."""
        keep = ~np.isin(self.session, np.fromiter(sessions, np.int64, len(sessions)))
        fresh = SessionWeeks.of(now)
        return SessionWeeks(
            np.concatenate([self.session[keep], fresh.session]), np.concatenate([self.week[keep], fresh.week])
        )
