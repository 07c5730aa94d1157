# SPDX-License-Identifier: MIT
"""The bodyweight log: one weight a day and its 7-day trend."""

from __future__ import annotations

from datetime import date

import pytest

from journal.domain.bodyweight import Weighing, daily, trend, weight_on


def test_a_days_own_entry_comes_before_its_sessions_and_the_trend_spans_seven_days() -> None:
    days = daily(
        [
            Weighing(date(2026, 3, 1), 80.0, session=1),
            Weighing(date(2026, 3, 1), 81.0, entry=1),
            Weighing(date(2026, 3, 4), 82.0, session=2),
            Weighing(date(2026, 3, 4), 84.0, session=3),
            Weighing(date(2026, 3, 9), 79.0, entry=2),
        ]
    )
    assert days == [(date(2026, 3, 1), 81.0), (date(2026, 3, 4), 83.0), (date(2026, 3, 9), 79.0)]
    assert [kg for _, kg in trend(days)] == [81.0, 82.0, pytest.approx(81.0)]  # the 9th: the 4th and the 9th
    assert weight_on(days, date(2026, 3, 5)) == 83.0
    assert weight_on(days, date(2026, 2, 1)) is None
    assert weight_on(days, date(2026, 6, 1)) is None  # the last weighing is too old to stand for that day
