# SPDX-License-Identifier: MIT
"""Estimated reps in reserve for sets logged without a rating (SCIENCE.md M1), kept apart from logged ratings.

The method: the exercise's strength at the time is E, the best session e1RM of that exercise over the 8 weeks before
the set's session (its best set taken as near failure: an unrated set counts as RIR 0 in it). On the e1RM curve
P(n) = 1 / (1 + k (n - 1)) the reps possible at load w are n = P⁻¹(w / E) = 1 + (E / w - 1) / k, and the estimate is
max(0, n - reps), capped at RIR_MAX. A set has no estimate without a load (a bodyweight exercise without the session's
bodyweight) or without a session of the exercise in those 8 weeks. An estimate is never stored and never replaces a
logged value; its quality is measured on the lifter's own rated sets (mean absolute error of estimate against rating).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
from numpy.typing import NDArray

from journal.domain.effort import RIR_MAX
from journal.domain.estimate_use import EstimateUse as EstimateUse
from journal.domain.metrics import CURVE_K

WINDOW_DAYS = 56  # the preceding 8 weeks


DAY_SECONDS = 86400.0

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
RirArray = NDArray[np.float32]  # RIR kept per set: half steps from 0 to 10 are exact in float32


def reps_possible(load_kg: float, e1rm_kg: float, k: float = CURVE_K) -> float:
    """n = P⁻¹(load / e1RM) on the curve P(n) = 1 / (1 + k (n - 1)): the reps to failure at that load."""
    return 1.0 + (e1rm_kg / load_kg - 1.0) / k


def estimated_rir(load_kg: float | None, reps: int | None, e1rm_kg: float | None, k: float = CURVE_K) -> float | None:
    """max(0, n - reps), capped at RIR_MAX; None without a load, reps or a reference e1RM."""
    if load_kg is None or load_kg <= 0 or not reps or e1rm_kg is None or e1rm_kg <= 0:
        return None
    return float(min(RIR_MAX, max(0.0, reps_possible(load_kg, e1rm_kg, k) - reps)))


@dataclass(frozen=True)
class EstimateRows:
    """Working sets in entry and set order, with what an estimate needs. `head` marks the set that starts a series
    (a drop-set series counts once); `rated` the set whose rating is its series' rating; `logged` is the RIR the
    lifter gave (nan: none, or RIR 0 from a failure set type, which is not a call to compare with)."""

    set_id: IntArray
    session: IntArray
    exercise: IntArray
    day: FloatArray  # POSIX seconds of the session start
    week: IntArray  # ordinal of the week's Monday
    load: FloatArray  # kg moved (bodyweight plus added on bodyweight exercises); nan: unknown
    reps: IntArray
    rir: RirArray  # the stored RIR (nan: unrated)
    logged: RirArray
    head: BoolArray
    rated: BoolArray
    hard: BoolArray  # the set that makes its series a hard set, by the logged figures
    entry_position: IntArray  # with day, session and position: the order the sets were done in
    position: IntArray

    @staticmethod
    def empty() -> EstimateRows:
        kinds = {
            "day": np.float64,
            "load": np.float64,
            "rir": np.float32,
            "logged": np.float32,
            "head": np.bool_,
            "rated": np.bool_,
            "hard": np.bool_,
        }
        return EstimateRows(**{f.name: np.zeros(0, kinds.get(f.name, np.int32)) for f in fields(EstimateRows)})


def reference_e1rm(
    exercise: IntArray,
    day: FloatArray,
    best_exercise: IntArray,
    best_day: FloatArray,
    best_e1rm: FloatArray,
    window_days: float = WINDOW_DAYS,
) -> FloatArray:
    """For each (exercise, day): the best session e1RM of that exercise on a day in [day - window, day), nan with
    none. Sessions are few beside sets, so this goes exercise by exercise over the distinct days asked for."""
    out = np.full(exercise.size, np.nan)
    window = window_days * DAY_SECONDS
    for x in np.unique(exercise).tolist():
        mine = np.flatnonzero(best_exercise == x)
        if not mine.size:
            continue
        order = mine[np.argsort(best_day[mine], kind="stable")]
        days, values = best_day[order], best_e1rm[order]
        asked = np.flatnonzero(exercise == x)
        wanted, where = np.unique(day[asked], return_inverse=True)
        low = np.searchsorted(days, wanted - window, side="left")
        high = np.searchsorted(days, wanted, side="left")  # strictly before the session: never its own
        out[asked] = window_max(values, low, high)[where]
    return out


def window_max(values: FloatArray, low: IntArray, high: IntArray) -> FloatArray:
    """max(values[low[i]:high[i]]) for every i, nan where the window is empty; from a table of the maxima of every
    run of 1, 2, 4, … values (two overlapping runs cover any window), so no window is looped over."""
    table = [np.asarray(values, dtype=np.float64)]
    while 2 ** len(table) <= len(values):
        last, step = table[-1], 2 ** (len(table) - 1)
        table.append(np.maximum(last[:-step], last[step:]))
    length = high - low
    out = np.full(length.size, np.nan)
    some = np.flatnonzero(length > 0)
    if some.size:
        level = np.floor(np.log2(length[some])).astype(np.int64)
        starts, ends = low[some], high[some] - (1 << level)
        for k in np.unique(level).tolist():
            at = level == k
            out[some[at]] = np.maximum(table[k][starts[at]], table[k][ends[at]])
    return out


def estimates(rows: EstimateRows, reference: FloatArray, k: float = CURVE_K) -> FloatArray:
    """The estimated RIR of every row (nan where there is none): max(0, P⁻¹(load / E) - reps), capped at RIR_MAX."""
    usable = np.isfinite(rows.load) & (rows.load > 0) & (rows.reps > 0) & np.isfinite(reference) & (reference > 0)
    out = np.full(rows.set_id.size, np.nan)
    n = 1.0 + (reference[usable] / rows.load[usable] - 1.0) / k
    out[usable] = np.clip(n - rows.reps[usable], 0.0, RIR_MAX)
    return out


def unrated_series(rows: EstimateRows) -> BoolArray:
    """The series heads whose series has no rating at all: the sets an estimate stands in for."""
    index = np.arange(rows.set_id.size)
    head_at = np.maximum.accumulate(np.where(rows.head, index, -1)) if index.size else index
    series_rated = np.zeros(index.size, dtype=np.bool_)
    rated = np.flatnonzero(rows.rated & (head_at >= 0))
    series_rated[head_at[rated]] = True
    return rows.head & ~series_rated


@dataclass(frozen=True)
class Accuracy:
    """How the estimate did on the lifter's own rated sets: mean absolute error (reps) over `compared` sets."""

    compared: int
    mae: float | None  # None: no rated set to compare with, accuracy unknown

    @property
    def text(self) -> str:
        if self.mae is None:
            return "accuracy unknown (no rated sets to compare with)"
        return f"off by {self.mae:.1f} reps on average on your {self.compared:,} rated sets"


def accuracy(rows: EstimateRows, estimated: FloatArray) -> Accuracy:
    """Mean absolute error of the estimate against the logged rating, over the sets an estimate stands in for: the
    set that rates its series (not the drops after it, which no estimate is made for), with a precise rating (RPE
    below 6, "4 or more in reserve", is no figure to compare with)."""
    both = np.isfinite(rows.logged) & np.isfinite(estimated) & rows.rated & (rows.logged <= 4.0)
    if not both.any():
        return Accuracy(0, None)
    return Accuracy(int(both.sum()), float(np.abs(estimated[both] - rows.logged[both]).mean()))


@dataclass(frozen=True)
class WeeklyEstimates:
    """Per week: hard sets and mean RIR counting logged ratings and, for unrated series, the estimates; and how many
    sets were estimated."""

    week: IntArray
    hard: FloatArray  # logged hard sets plus unrated series estimated at RIR <= threshold
    rir_sum: FloatArray  # logged series RIRs plus estimates
    rated: FloatArray  # series with a logged RIR or an estimate
    estimated: FloatArray  # series counted by an estimate

    @property
    def mean_rir(self) -> FloatArray:
        out = np.full(self.week.size, np.nan)
        np.divide(self.rir_sum, self.rated, out=out, where=self.rated > 0)
        return out


def weekly_estimates(
    rows: EstimateRows, estimated: FloatArray, threshold: float, unrated: BoolArray | None = None
) -> WeeklyEstimates:
    """Weekly hard sets and mean RIR with the estimates standing in for unrated series (logged figures as they are);
    `unrated`: unrated_series(rows), when the caller has it."""
    weeks, at = _weeks_of(rows.week)
    n = weeks.size
    stand_in = (unrated_series(rows) if unrated is None else unrated) & np.isfinite(estimated)
    series_rir = np.where(rows.rated, rows.rir, np.where(stand_in, estimated, 0.0))
    counted = rows.rated | stand_in
    hard = rows.hard | (stand_in & (estimated <= threshold))

    def per_week(values: NDArray[np.float64] | BoolArray) -> FloatArray:
        return np.bincount(at, weights=np.asarray(values, dtype=np.float64), minlength=n).astype(np.float64)

    return WeeklyEstimates(
        week=weeks.astype(np.int64),
        hard=per_week(hard),
        rir_sum=per_week(np.where(counted, series_rir, 0.0)),
        rated=per_week(counted),
        estimated=per_week(stand_in),
    )


def _weeks_of(week: IntArray) -> tuple[IntArray, IntArray]:
    """np.unique(week, return_inverse=True), without sorting when the weeks come in order (the sets are, by day)."""
    if week.size and bool(np.all(week[1:] >= week[:-1])):
        starts = np.empty(week.size, dtype=np.bool_)
        starts[0] = True
        np.not_equal(week[1:], week[:-1], out=starts[1:])
        return week[starts], np.cumsum(starts) - 1
    weeks, at = np.unique(week, return_inverse=True)
    return weeks, at
