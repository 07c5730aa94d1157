# SPDX-License-Identifier: MIT
"""A stalled e1RM, chosen in the insights, marks the sessions of its stalled weeks on the Strength chart, not the
exercise's whole history."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

from journal.charts.strength import StrengthChart
from journal.domain.records import Entry, Session, SetRecord
from journal.domain.review import InsightKind
from journal.review import figures
from journal.review.data import read_all
from journal.settings import Preferences
from journal.storage import exercises
from journal.storage import repository as repo


def test_a_stall_marks_only_its_weeks(qapp: object, database: Path) -> None:
    curl = exercises.find_exercise("Barbell Curl")
    assert curl is not None
    first = date.today() - timedelta(weeks=10)
    ids = []
    for week in range(10):  # a flat 40 kg × 12 every week: never heavy (about 70 % of its e1RM), never higher
        day = datetime.combine(first + timedelta(weeks=week), datetime.min.time()).replace(hour=10)
        sets = (SetRecord(load_kg=40, reps=12), SetRecord(load_kg=40, reps=12))
        ids.append(repo.add_session(Session(start=day, entries=(Entry(exercise=curl, sets=sets),)))[0].id)
    snapshot = read_all(Preferences.load())
    scope = figures.Scope()
    (stall,) = [i for i in figures.review_insights(snapshot, scope, (10, 20)) if i.kind is InsightKind.STRENGTH_STALL]
    # the last session and the six weeks before it: the sessions after the window's start, weeks 4 to 9
    assert sorted(stall.session_ids) == ids[4:]
    assert stall.count == 6
    stored = {s.id: [r.id for e in s.entries for r in e.sets] for s in (repo.get_session(i) for i in ids)}
    assert sorted(stall.set_ids) == sorted(x for i in ids[4:] for x in stored[i])
    chart = StrengthChart()
    figures.draw_strength(chart, snapshot, scope, [curl.id], Preferences.load().units)
    chart.highlight(np.array(stall.set_ids), np.array(stall.session_ids), np.empty(0))
    x, _ = chart._marks[id(chart.plot)].getData()
    assert len(x) == 6  # one point a session of the stalled weeks
