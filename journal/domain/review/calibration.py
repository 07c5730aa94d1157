# SPDX-License-Identifier: MIT
"""RIR calibration (DESIGN.md sign: error = reported - actual; negative: more in the tank than called)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from journal.domain.review.columns import ColumnInts, FloatArray, IntArray, floats


@dataclass(frozen=True)
class CalibrationSets:
    """Sets with both a reported RIR and failure reps (taken on to failure)."""

    set_id: ColumnInts
    session: ColumnInts
    exercise: ColumnInts
    day: FloatArray
    reported: FloatArray
    reps: ColumnInts
    failure_reps: ColumnInts

    @property
    def actual(self) -> FloatArray:
        """The reps that really were in reserve: failure reps - reps."""
        return (self.failure_reps - self.reps).astype(np.float64)

    @property
    def error(self) -> FloatArray:
        """Reported - actual RIR: negative when the lifter had more in the tank than they called."""
        return (self.reported - self.actual).astype(np.float64)


MIN_CALIBRATION_SETS = 3  # nothing is shown for an exercise before 3 calibration sets (SCIENCE.md M8)
VERDICT_MIN_SETS = 5  # and no verdict (calibrated, or off by a rep or more) before 5
MAX_CALIBRATION_FAILURE_REPS = 20  # sets reaching more than 20 reps are left out: endurance dominates (M8)
LIMITS_Z = 1.96  # Bland-Altman 95 % limits of agreement: bias +/- 1.96 SD
# The verdicts (DESIGN.md sign: error = reported - actual).
CALIBRATION_BIAS = 1.0  # |bias| of a rep or more is worth a line; Refalo 2023's equivalence margin is +/- 1 rep
CALIBRATED_MAE = 1.0  # "calibrated" also needs a mean absolute error within a rep


# Student's t, two-sided 95 % (the 0.975 quantile), by degrees of freedom; 1.96 beyond the table.
_T975 = (
    12.706,
    4.303,
    3.182,
    2.776,
    2.571,
    2.447,
    2.365,
    2.306,
    2.262,
    2.228,
    2.201,
    2.179,
    2.160,
    2.145,
    2.131,
    2.120,
    2.110,
    2.101,
    2.093,
    2.086,
    2.080,
    2.074,
    2.069,
    2.064,
    2.060,
    2.056,
    2.052,
    2.048,
    2.045,
    2.042,
)
_T975_MORE = ((40, 2.021), (60, 2.000), (120, 1.980))


def t975(df: int) -> float:
    """The 0.975 quantile of Student's t with `df` degrees of freedom (a table; df above 30 takes the next
    tabulated df at or below it, so the interval errs wide)."""
    if df < 1:
        raise ValueError("at least one degree of freedom")
    if df <= len(_T975):
        return _T975[df - 1]
    below = [value for limit, value in _T975_MORE if limit <= df]
    return below[-1] if below else _T975[-1]


@dataclass(frozen=True)
class CalibrationStats:
    n: int
    bias: float  # mean error, reps
    mae: float  # mean absolute error, reps
    sd: float  # SD of the error (ddof = 1; 0 when n == 1)
    low: float  # bias - 1.96 sd: 95 % limits of agreement, where single calls fall
    high: float  # bias + 1.96 sd
    mean_low: float  # the 95 % confidence interval of the mean error: bias -/+ t(n - 1) sd / sqrt(n)
    mean_high: float

    @property
    def verdict(self) -> str | None:
        """'under' or 'over' (off by a rep or more: the whole interval of the mean error beyond a rep), 'calibrated'
        (the whole interval within a rep either way, and single calls within a rep on average), 'scattered' (right on
        average, the interval within a rep, but single calls miss by more than a rep on average: more sets will not
        change that), 'unsettled' (the interval crosses a rep), or None under VERDICT_MIN_SETS sets. Based on the
        interval, never on the rounded mean: a mean of -1.03 with an interval of -1.6 to -0.5 is unsettled, not "off
        by 1.0"."""
        if self.n < VERDICT_MIN_SETS:
            return None
        if self.mean_high <= -CALIBRATION_BIAS:
            return "under"
        if self.mean_low >= CALIBRATION_BIAS:
            return "over"
        if self.mean_low > -CALIBRATION_BIAS and self.mean_high < CALIBRATION_BIAS:
            return "calibrated" if self.mae <= CALIBRATED_MAE else "scattered"
        return "unsettled"


def calibration_rows(sets: CalibrationSets, exercise: int | None) -> IntArray:
    """The usable calibration sets of one exercise (all when None), by day."""
    usable = sets.failure_reps <= MAX_CALIBRATION_FAILURE_REPS
    if exercise is not None:
        usable &= sets.exercise == exercise
    rows = np.flatnonzero(usable)
    return rows[np.argsort(sets.day[rows], kind="stable")]


def calibration_stats(sets: CalibrationSets, exercise: int | None = None) -> CalibrationStats | None:
    """Bias, mean absolute error, SD and 95 % limits of agreement of the RIR calls of one exercise (all when
    None); None below MIN_CALIBRATION_SETS usable sets."""
    rows = calibration_rows(sets, exercise)
    if rows.size < MIN_CALIBRATION_SETS:
        return None
    return _stats(sets.error[rows])


def _stats(error: FloatArray) -> CalibrationStats:
    bias = float(error.mean())
    sd = float(error.std(ddof=1)) if error.size > 1 else 0.0
    half = t975(error.size - 1) * sd / float(np.sqrt(error.size)) if error.size > 1 else float("inf")
    return CalibrationStats(
        n=int(error.size),
        bias=bias,
        mae=float(np.abs(error).mean()),
        sd=sd,
        low=bias - LIMITS_Z * sd,
        high=bias + LIMITS_Z * sd,
        mean_low=bias - half,
        mean_high=bias + half,
    )


# set length: the reps reached at failure; sets past MAX_CALIBRATION_FAILURE_REPS are left out of calibration
REP_RANGES = ((1, 5), (6, 10), (11, 15), (16, MAX_CALIBRATION_FAILURE_REPS))


def calibration_groups(
    sets: CalibrationSets, mechanic: Mapping[int, str | None]
) -> list[tuple[str, CalibrationStats | None, int]]:
    """Calibration split by set length (the reps reached at failure: 1-5, 6-10, 11-15, 16-20) and by compound or
    isolation: (label, stats or None under MIN_CALIBRATION_SETS, sets). The literature finds larger errors in
    longer sets and at lighter loads (Halperin 2022; Hackett 2017; Zourdos 2021). Groups without sets are left out."""
    rows = calibration_rows(sets, None)
    reached = sets.failure_reps[rows]
    groups: list[tuple[str, IntArray]] = []
    for low, high in REP_RANGES:
        inside = (reached >= low) & (reached <= high if high is not None else True)
        groups.append((f"{low}–{high} reps" if high is not None else f"{low}+ reps", rows[inside]))
    kinds = np.array([mechanic.get(int(x)) or "" for x in sets.exercise[rows]], dtype=object)
    for kind in ("compound", "isolation"):
        groups.append((kind, rows[kinds == kind]))
    return [
        (label, _stats(sets.error[chosen]) if chosen.size >= MIN_CALIBRATION_SETS else None, int(chosen.size))
        for label, chosen in groups
        if chosen.size
    ]


def rolling_calibration(
    sets: CalibrationSets, exercise: int | None = None, window: int = 10
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """(day, mean error, mean absolute error) over the last `window` usable sets, by day. A point is given from the
    MIN_CALIBRATION_SETS-th set on (the first ones average the sets so far); empty arrays below that."""
    if window < 1:
        raise ValueError("window must be at least 1")
    rows = calibration_rows(sets, exercise)
    if rows.size < MIN_CALIBRATION_SETS:
        return floats(), floats(), floats()
    error = sets.error[rows]
    ends = np.arange(1, error.size + 1)
    starts = np.maximum(ends - window, 0)
    size = (ends - starts).astype(np.float64)
    signed = np.concatenate([[0.0], np.cumsum(error)])
    absolute = np.concatenate([[0.0], np.cumsum(np.abs(error))])
    mean = (signed[ends] - signed[starts]) / size
    mae = (absolute[ends] - absolute[starts]) / size
    shown = slice(MIN_CALIBRATION_SETS - 1, None)
    return sets.day[rows][shown], mean[shown].astype(np.float64), mae[shown].astype(np.float64)


def _group_name(kind: str | None, reps: tuple[int, int] | None) -> str:
    """'isolation sets of 11–15 reps', 'compound sets', 'sets of 6–10 reps', 'all your sets'."""
    if kind is None and reps is None:
        return "all your sets"
    words = f"{kind} sets" if kind else "sets"
    return words + (f" of {reps[0]}–{reps[1]} reps" if reps else "")


def calibration_verdict(sets: CalibrationSets, mechanic: Mapping[int, str | None]) -> str:
    """One line in plain words on how the lifter's calls hold up: the group (all sets, by compound or isolation,
    by set length, or both) where the calls are off by a rep or more with the largest mean error ("On isolation sets
    of 11–15 reps you call 1.2 reps fewer than you have"), else the verdict on all sets; empty below
    MIN_CALIBRATION_SETS sets. The same verdicts as the insights: off by a rep needs the whole interval beyond it."""
    rows = calibration_rows(sets, None)
    if rows.size < MIN_CALIBRATION_SETS:
        return ""
    overall = _stats(sets.error[rows])
    kinds = np.array([mechanic.get(int(x)) or "" for x in sets.exercise[rows]], dtype=object)
    reached = sets.failure_reps[rows]
    off: list[tuple[float, int, str, CalibrationStats]] = []
    for kind in (None, "compound", "isolation"):
        for reps in (None, *REP_RANGES):
            chosen = np.ones(rows.size, dtype=np.bool_) if kind is None else kinds == kind
            if reps is not None:
                chosen &= (reached >= reps[0]) & (reached <= reps[1])
            if chosen.sum() < VERDICT_MIN_SETS:
                continue
            stats = overall if kind is None and reps is None else _stats(sets.error[rows[chosen]])
            if stats.verdict in ("under", "over"):
                specific = (kind is not None) + (reps is not None)
                off.append((abs(stats.bias), specific, _group_name(kind, reps), stats))
    if off:
        _, _, name, stats = max(off, key=lambda item: (round(item[0], 1), item[1]))
        more_or_fewer = "fewer" if stats.verdict == "under" else "more"
        return (
            f"On {name} you call {abs(stats.bias):.1f} reps {more_or_fewer} than you have "
            f"({stats.n} sets taken to failure)"
        )
    mean = f"{overall.bias + 0.0:+.1f}"
    verdict = overall.verdict
    if verdict == "calibrated":
        return f"Your calls are within a rep of what you have: mean error {mean} reps over {overall.n} sets"
    if verdict == "scattered":
        return (
            f"Right on average (mean error {mean} reps) but single calls miss by {overall.mae:.1f} reps "
            f"({overall.n} sets)"
        )
    if verdict == "unsettled":
        return f"Not settled yet: mean error {mean} reps over {overall.n} sets; more sets taken to failure will tell"
    return f"{overall.n} sets taken to failure, mean error {mean} reps: {VERDICT_MIN_SETS} are needed for a verdict"
