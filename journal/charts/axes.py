# SPDX-License-Identifier: MIT
"""A date axis in whole days: ticks on midnights, Mondays, first days of months or years, never on hours or
fractions of a second, so day ticks line up with the weekly bars (which start on Mondays)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pyqtgraph as pg

DAY = 86400.0
LABEL_PX = 52  # room a tick label needs, so that they do not run into each other
# (step name, length in days): the first one whose ticks are at least LABEL_PX apart is used
STEPS = (("day", 1), ("week", 7), ("month", 30.4), ("quarter", 91.3), ("half", 182.6), ("year", 365.25))
# over decades, years that are multiples of these (a label for each of 183 years runs into one another, and
# Qt spends milliseconds drawing each at every paint)
YEARS = (2, 5, 10, 20, 50, 100, 200, 500)


def _day(seconds: float) -> date:
    return datetime.fromtimestamp(seconds, UTC).date()


def _seconds(day: date) -> float:
    return (day - date(1970, 1, 1)).days * DAY


def step_for(span_seconds: float, pixels: float) -> str:
    """The tick step for `span_seconds` shown over `pixels`."""
    per_day = pixels / max(span_seconds / DAY, 1e-9)
    for name, days in STEPS:
        if days * per_day >= LABEL_PX:
            return name
    for years in YEARS:
        if years * 365.25 * per_day >= LABEL_PX:
            return f"{years} years"
    return f"{YEARS[-1]} years"


def tick_days(first: float, last: float, step: str) -> list[date]:
    """The days of the ticks of `step` between POSIX seconds `first` and `last`."""
    start, end = _day(max(first, -62135596800.0 + DAY)), _day(min(last, 253402214400.0 - DAY))
    if step == "day":
        days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    elif step == "week":
        monday = start - timedelta(days=start.weekday())
        days = [monday + timedelta(weeks=n) for n in range((end - monday).days // 7 + 1)]
    else:
        months = {"month": 1, "quarter": 3, "half": 6, "year": 12}.get(step) or 12 * int(step.split()[0])
        month = (start.year * 12 + start.month - 1) // months * months
        days = []
        while True:
            day = date(month // 12, month % 12 + 1, 1)
            if day > end:
                break
            days.append(day)
            month += months
    return [d for d in days if first <= _seconds(d) <= last]


def tick_text(day: date, step: str, first: bool = False) -> str:
    """'20 Jul' for days and weeks (with the year on a tick in the first week of a year), 'Jul 2026' for months
    (the year on January and the first tick), '2026' for years and steps of years."""
    if step in ("day", "week"):  # ticks close together: the year only where one begins
        return f"{day.day} {day:%b}" + (f" {day.year}" if day.month == 1 and day.day <= 7 else "")
    if step == "year" or step.endswith("years"):
        return str(day.year)
    return f"{day:%b}" + (f" {day.year}" if first or day.month == 1 else "")


class DayAxis(pg.AxisItem):
    """A bottom axis over POSIX seconds with ticks on whole days (see the module)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(orientation="bottom", **kwargs)
        self.step = "week"

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        if not (maxVal - minVal) >= DAY / 2 or size <= 0:
            return []  # no day in sight: no ticks rather than hours and seconds
        self.step = step_for(maxVal - minVal, size)
        values = [_seconds(d) for d in tick_days(minVal, maxVal, self.step)]
        return [(DAY, values)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [tick_text(_day(v), self.step, first=index == 0) for index, v in enumerate(values)]
