# SPDX-License-Identifier: MIT
"""The bodyweight near a day, for relative strength: the log's entry before the sessions' weights of that day."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from journal.domain.records import Session
from journal.storage.bodyweight import add_weighing, weight_near
from journal.storage.repository import add_session


def test_the_latest_weight_within_sixty_days_and_the_logs_entry_first(database: Path) -> None:
    add_session(Session(start=datetime(2026, 3, 2, 18), bodyweight_kg=80.0))
    add_session(Session(start=datetime(2026, 3, 2, 7), bodyweight_kg=79.0))
    assert weight_near(date(2026, 3, 10)) == (date(2026, 3, 2), 79.5)  # the day's sessions, averaged
    add_weighing(date(2026, 3, 2), 78.8)
    assert weight_near(date(2026, 3, 2)) == (date(2026, 3, 2), 78.8)
    assert weight_near(date(2026, 3, 1)) is None
    assert weight_near(date(2026, 5, 2)) is None  # over sixty days before
