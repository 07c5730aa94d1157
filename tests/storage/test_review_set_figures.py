# SPDX-License-Identifier: MIT
"""After writes, the per-set figures an edited snapshot carries over from the one before (the reference e1RM, the
estimated RIR, the heavy sets), worked out again only for the sets an edit can change, equal those worked out
for every set of the new data."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from journal.review import figures
from journal.review.data import Snapshot, read_all, set_figures, updated
from journal.settings import Preferences
from journal.storage import review_kept
from journal.storage.repository import add_session, update_session
from tests.storage.test_review_kept import a_session, random_write


def worked_out(snapshot: Snapshot) -> None:
    """The figures a drawn review works out for every set."""
    figures._heavy(snapshot)
    figures._scope_estimates(snapshot, figures.Scope(), np.unique(snapshot.rows.week).astype(np.int64), 3.0)


def assert_as_whole(snapshot: Snapshot) -> None:
    carried = set_figures(snapshot)
    fresh = Snapshot(**{name: getattr(snapshot, name) for name in Snapshot.__dataclass_fields__ if name != "derived"})
    worked_out(fresh)
    assert set(carried) == {"estimates", "heavy"}  # the reference they were made from let go
    for name in carried:
        np.testing.assert_array_equal(carried[name], fresh.derived[name], err_msg=name)


def test_the_figures_carried_over_an_edit_equal_those_of_the_whole_data(journal: Path) -> None:
    rng = random.Random(5)
    start = datetime(2024, 1, 1, 7)
    for day in range(60):  # sessions every 3 days: an 8-week window holds about 19 of them
        add_session(a_session(rng, start + timedelta(days=3 * day)))
    prefs = Preferences()
    snapshot = read_all(prefs)
    review_kept.keep("test", {}, review_kept.begin())  # nothing marked: the writes below mark their sessions
    merges: list[object] = []
    carried = 0
    worked_out(snapshot)
    for _round in range(30):
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.3:  # a session moved by weeks, back or forth
                session = rng.choice(list(snapshot.weeks))
                update_session(session, start=start + timedelta(days=rng.randint(0, 180), hours=3))
            else:
                random_write(rng, start, merges)
        marked = review_kept.changed()
        snapshot = updated(snapshot, marked, prefs)
        review_kept.keep("test", {}, review_kept.begin())
        carried += "carried" in snapshot.derived
        if rng.random() < 0.7:  # else another edit first: carried over twice when next asked for
            assert_as_whole(snapshot)
    assert carried > 25
    assert_as_whole(snapshot)
