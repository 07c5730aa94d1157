# SPDX-License-Identifier: MIT
"""The per-set figures the estimates and the heavy sets are drawn from (each set's reference e1RM, estimated RIR,
heavy or not, unrated series), worked out once a snapshot; no chart code, so the worker thread that reads the
review data works them out without importing pyqtgraph."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

from journal.domain.estimate import EstimateRows, estimates, reference_e1rm, unrated_series
from journal.domain.heavy import heavy_sets
from journal.review.data import Snapshot, set_figures


def reference(snapshot: Snapshot) -> NDArray[np.float64]:
    """Each working set's reference e1RM: the best session e1RM of its exercise over the 8 weeks before; worked out
    once a snapshot (a range or chart switched draws again from the same data)."""
    found: NDArray[np.float64] | None = set_figures(snapshot).get("reference")
    if found is None:
        rows, bests = snapshot.estimates, snapshot.estimate_bests
        found = reference_e1rm(rows.exercise, rows.day, bests.exercise.astype(np.int64), bests.day, bests.e1rm)
        snapshot.derived["reference"] = found
    return found


def _settled(snapshot: Snapshot) -> None:
    """Once the estimates and the heavy sets are worked out, the reference e1RM they came from is let go (a number a
    set, 6.5 MB on a million sets): nothing else reads it, and an edit carries those two over without it."""
    if "estimates" in snapshot.derived and "heavy" in snapshot.derived:
        snapshot.derived.pop("reference", None)


def _from_reference(
    snapshot: Snapshot, name: str, make: Callable[[EstimateRows, NDArray[np.float64]], NDArray[Any]]
) -> NDArray[Any]:
    """The per-set figure `name`, made from the sets and their reference e1RM once a snapshot."""
    found: NDArray[Any] | None = set_figures(snapshot).get(name)
    if found is None:
        found = snapshot.derived[name] = make(snapshot.estimates, reference(snapshot))
        _settled(snapshot)
    return found


def heavy(snapshot: Snapshot) -> NDArray[np.bool_]:
    """Each working set heavy or not (journal.domain.heavy), worked out once a snapshot."""
    return _from_reference(snapshot, "heavy", heavy_sets)


def every_estimate(snapshot: Snapshot) -> NDArray[np.float64]:
    """Every set's estimated RIR (nan where there is none), worked out once a snapshot."""
    return _from_reference(snapshot, "estimates", estimates)


def work_out_set_figures(snapshot: Snapshot) -> None:
    """The per-set figures the estimates and the heavy sets are drawn from, worked out now: the window does it on
    the worker thread that read the data (about 0.1 s on a million sets), so that no chart drawn waits for them."""
    heavy(snapshot)
    every_estimate(snapshot)
    unrated(snapshot)


def unrated(snapshot: Snapshot) -> NDArray[np.bool_]:
    """unrated_series of every set, worked out once a snapshot."""
    found: NDArray[np.bool_] | None = snapshot.derived.get("unrated")
    if found is None:
        found = snapshot.derived["unrated"] = unrated_series(snapshot.estimates)
    return found
