# SPDX-License-Identifier: MIT
"""Estimated RIR inverts the open curve, so it takes its reference e1RM on the curve whatever formula the charts
show: the review and `stats --json` estimate every set alike under Epley and Brzycki too."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from journal.domain.estimate import estimates
from journal.domain.metrics import E1rmFormula
from journal.domain.records import Entry, Session, SetRecord
from journal.review.data import read_all
from journal.review.set_figures import reference as _reference
from journal.settings import Preferences
from journal.storage import repository as repo
from journal.storage.estimates import estimated
from journal.storage.exercises import find_exercise


@pytest.mark.parametrize("formula", list(E1rmFormula))
def test_the_review_estimates_as_stats_does_under_every_formula(journal: Path, formula: E1rmFormula) -> None:
    bench = find_exercise("Bench Press")
    assert bench is not None
    start = datetime(2026, 1, 5, 18)
    for week in range(4):  # a rated heavy set, then unrated volume work
        sets = (SetRecord(load_kg=100 + 2.5 * week, reps=5, rir=1.0), *(SetRecord(load_kg=90, reps=8),) * 3)
        repo.add_session(Session(start=start + timedelta(days=7 * week), entries=(Entry(exercise=bench, sets=sets),)))
    prefs = dataclasses.replace(Preferences(), e1rm_formula=formula)
    snapshot = read_all(prefs)
    in_review = estimates(snapshot.estimates, _reference(snapshot))
    from_stats = estimated(prefs.hard_set_rir).rir
    assert np.isfinite(from_stats).sum() == 12  # every set after the first week has a reference
    np.testing.assert_allclose(in_review, from_stats, equal_nan=True)
