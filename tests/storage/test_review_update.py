# SPDX-License-Identifier: MIT
"""An edit that changes nothing the review holds (a session's title) leaves the review's data as it is: the very
snapshot, so nothing is worked out or drawn again; an edit of a set makes a new one."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

from journal.review.data import read_all, updated
from journal.settings import Preferences
from journal.storage.models import SessionRow, SetRow
from journal.storage.repository import add_session, update_session, update_set
from tests.storage.test_review_kept import a_session
from tests.storage.test_review_scan import random_set


def test_a_title_edit_keeps_the_snapshot_and_a_set_edit_makes_a_new_one(journal: Path) -> None:
    rng = random.Random(11)
    start = datetime(2024, 1, 1, 7)
    for day in range(30):
        add_session(a_session(rng, start + timedelta(days=2 * day)))
    prefs = Preferences()
    snapshot = read_all(prefs)  # the whole read: its rows in its own order
    for session in [row.id for row in SessionRow.select(SessionRow.id)]:
        update_session(session, title=f"Day {session}")
        assert updated(snapshot, [session], prefs) is snapshot, session
    row = SetRow.select().first()
    update_set(row.id, random_set(rng))
    assert updated(snapshot, [row.entry.session_id], prefs) is not snapshot
