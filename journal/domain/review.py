# SPDX-License-Identifier: MIT
"""Review figures: weekly volume and proximity, muscle sets, e1RM and rep PRs, RIR calibration and insights."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray

from journal.domain.records import MUSCLES, Mechanic, SetType

# ---- weeks ----------------------------------------------------------------------------------------------------------
# A week is the date.toordinal() of its Monday (ordinal 1, 0001-01-01, is a Monday, so (ordinal - 1) % 7 is the
# weekday). Any day's ordinal passed as a week bound is taken as the week it falls in.

RIR_BINS = ("0", "1", "2", "3", "4+")  # [0, 0.5), [0.5, 1.5), [1.5, 2.5), [2.5, 3.5), [3.5, inf)
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
DAY_SECONDS = 86400.0

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]

# The records below hold the whole journal (a million sets) in memory, so their integer columns (ids, weeks,
# counts, reps) are int32, and RIR is float32 where it is kept per set (half steps from 0 to 10 are exact in it).
# journal.storage.review widens a column to int64 when a value does not fit in int32. Figures worked out from
# them are int64 and float64.
COLUMN_INT = np.int32
ColumnInts = NDArray[np.signedinteger[Any]]


def _monday(ordinal: int) -> int:
    return ordinal - (ordinal - 1) % 7


def week_of(day: date) -> int:
    """The ordinal of the Monday of `day`'s ISO week."""
    return day.toordinal() - day.weekday()


def week_label(week: int) -> str:
    """'2026-W09': the ISO year and week number of that Monday."""
    iso = date.fromordinal(week).isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def week_of_seconds(seconds: float) -> int:
    """The week (its Monday's ordinal) of a day given in POSIX seconds."""
    return week_of(date.fromordinal(int(seconds // DAY_SECONDS) + EPOCH_ORDINAL))


def week_start_seconds(week: int) -> float:
    """POSIX seconds of that Monday at 00:00 UTC."""
    return (_monday(week) - EPOCH_ORDINAL) * DAY_SECONDS


def _ints(n: int = 0) -> IntArray:
    return np.zeros(n, dtype=np.int64)


def _floats(n: int = 0) -> FloatArray:
    return np.zeros(n, dtype=np.float64)


def _column_ints(n: int = 0) -> ColumnInts:
    return np.zeros(n, dtype=COLUMN_INT)


def _week_axis(row_weeks: ColumnInts, first_week: int | None, last_week: int | None
               ) -> tuple[IntArray, ColumnInts, BoolArray]:
    """Every week from first to last (defaults: the rows' range), each row's index on it and which rows fall in."""
    first = first_week if first_week is not None else (int(row_weeks.min()) if row_weeks.size else last_week)
    last = last_week if last_week is not None else (int(row_weeks.max()) if row_weeks.size else first_week)
    if first is None or last is None or _monday(first) > _monday(last):
        return _ints(), _ints(row_weeks.size), np.zeros(row_weeks.size, dtype=np.bool_)
    first, last = _monday(first), _monday(last)
    weeks = np.arange(first, last + 1, 7, dtype=np.int64)
    inside = (row_weeks >= first) & (row_weeks <= last)
    return weeks, (row_weeks - first) // 7, inside


# ---- weekly volume and proximity ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class WeekExerciseRows:
    """One row per (week, exercise) with at least one non-warm-up set; all arrays have the same length."""

    week: ColumnInts
    exercise: ColumnInts
    working: ColumnInts  # non-warm-up sets
    hard: ColumnInts  # hard sets (the threshold was applied when the rows were made)
    unrated: ColumnInts  # non-warm-up sets with no RIR
    tonnage: FloatArray  # kg
    rir_sum: FloatArray  # sum of RIR over rated non-warm-up sets
    bins: ColumnInts  # (n, 5): rated non-warm-up sets per RIR bin

    @staticmethod
    def empty() -> WeekExerciseRows:
        return WeekExerciseRows(_column_ints(), _column_ints(), _column_ints(), _column_ints(), _column_ints(),
                                _floats(), _floats(), np.zeros((0, len(RIR_BINS)), dtype=COLUMN_INT))


@dataclass(frozen=True)
class Weekly:
    """Every week from first to last with no gaps; weeks without sets are zeros."""

    week: IntArray
    working: IntArray
    hard: IntArray
    unrated: IntArray
    tonnage: FloatArray
    mean_rir: FloatArray  # nan where a week has no rated sets
    bins: IntArray  # (n, 5)

    @staticmethod
    def empty() -> Weekly:
        return Weekly(_ints(), _ints(), _ints(), _ints(), _floats(), _floats(),
                      np.zeros((0, len(RIR_BINS)), dtype=np.int64))

    def shares(self) -> FloatArray:
        """(n, 6): the RIR bins then the unrated sets, as fractions of the week's working sets; 0 for empty weeks."""
        counts = np.column_stack([self.bins, self.unrated]).astype(np.float64).reshape(-1, len(RIR_BINS) + 1)
        total = self.working.astype(np.float64)[:, None]
        out = np.zeros_like(counts)
        np.divide(counts, total, out=out, where=total > 0)
        return out


def weekly(rows: WeekExerciseRows, exercises: Collection[int] | None = None,
           first_week: int | None = None, last_week: int | None = None) -> Weekly:
    """Weekly sums over the chosen exercises (all when None) from first_week to last_week inclusive, filling empty
    weeks. The default range is that of the chosen exercises' rows."""
    chosen = np.ones(rows.week.size, dtype=np.bool_)
    if exercises is not None:
        chosen = np.isin(rows.exercise, np.fromiter(exercises, dtype=np.int64, count=len(exercises)))
    weeks, index, inside = _week_axis(rows.week[chosen], first_week, last_week)
    n = weeks.size
    if n == 0:
        return Weekly.empty()
    take = np.flatnonzero(chosen)[inside]
    at = index[inside]

    def total(values: ColumnInts) -> IntArray:
        out = _ints(n)
        np.add.at(out, at, values[take])
        return out

    tonnage = np.bincount(at, weights=rows.tonnage[take], minlength=n).astype(np.float64)
    rir_sum = np.bincount(at, weights=rows.rir_sum[take], minlength=n).astype(np.float64)
    bins = np.zeros((n, len(RIR_BINS)), dtype=np.int64)
    np.add.at(bins, at, rows.bins[take])
    rated = bins.sum(axis=1).astype(np.float64)
    mean_rir = np.full(n, np.nan)
    np.divide(rir_sum, rated, out=mean_rir, where=rated > 0)
    return Weekly(week=weeks, working=total(rows.working), hard=total(rows.hard), unrated=total(rows.unrated),
                  tonnage=tonnage, mean_rir=mean_rir, bins=bins)


UNMAPPED = "unmapped"
PRIMARY_WEIGHT = 1.0  # a hard set counts 1 for each primary muscle (Pelland et al. 2024, "fractional" method)
SECONDARY_WEIGHT = 0.5  # and 0.5 for each secondary muscle


def _muscle_order(muscle: str) -> tuple[int, int, str]:
    if muscle == UNMAPPED:
        return (2, 0, muscle)
    if muscle in MUSCLES:
        return (0, MUSCLES.index(muscle), muscle)
    return (1, 0, muscle)


def weekly_muscle_sets(rows: WeekExerciseRows, muscles: Mapping[int, tuple[tuple[str, ...], tuple[str, ...]]],
                       first_week: int | None = None, last_week: int | None = None
                       ) -> tuple[IntArray, dict[str, FloatArray]]:
    """Fractional weekly hard sets per muscle: 1 per primary muscle, 0.5 per secondary (Pelland 2024). Exercises
    missing from `muscles` or with no muscles count under "unmapped". Only muscles of exercises with rows in the
    range appear, in records.MUSCLES order, with "unmapped" last."""
    weeks, index, inside = _week_axis(rows.week, first_week, last_week)
    n = weeks.size
    if n == 0 or not inside.any():
        return weeks, {}
    exercise_ids, which = np.unique(rows.exercise[inside], return_inverse=True)
    at = index[inside]
    hard = rows.hard[inside].astype(np.float64)
    weights: dict[str, FloatArray] = {}  # muscle -> weight per exercise in exercise_ids
    for position, exercise in enumerate(exercise_ids.tolist()):
        primary, secondary = muscles.get(exercise, ((), ()))
        mapping = {muscle: SECONDARY_WEIGHT for muscle in secondary}
        mapping.update({muscle: PRIMARY_WEIGHT for muscle in primary})
        for muscle, weight in (mapping or {UNMAPPED: PRIMARY_WEIGHT}).items():
            weights.setdefault(muscle, _floats(exercise_ids.size))[position] = weight
    return weeks, {muscle: np.bincount(at, weights=hard * weights[muscle][which], minlength=n).astype(np.float64)
                   for muscle in sorted(weights, key=_muscle_order)}


# ---- e1RM and rep PRs -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SessionBests:
    """Per (session, exercise): that session's best e1RM set (computed with the formula setting)."""

    session: ColumnInts
    exercise: ColumnInts
    day: FloatArray  # POSIX seconds
    e1rm: FloatArray
    extrapolated: BoolArray


def e1rm_series(bests: SessionBests, exercise: int
                ) -> tuple[FloatArray, FloatArray, BoolArray, ColumnInts]:
    """(day, e1rm, extrapolated, session) of one exercise, by day."""
    rows = np.flatnonzero(bests.exercise == exercise)
    rows = rows[np.argsort(bests.day[rows], kind="stable")]
    return bests.day[rows], bests.e1rm[rows], bests.extrapolated[rows], bests.session[rows]


@dataclass(frozen=True)
class RepMaxRows:
    """Per (session, exercise, reps): the heaviest load lifted for that many reps that session."""

    session: ColumnInts
    exercise: ColumnInts
    day: FloatArray
    reps: ColumnInts
    load: FloatArray


def rep_prs(rows: RepMaxRows, exercise: int) -> tuple[FloatArray, FloatArray, ColumnInts, ColumnInts]:
    """The actual personal records of one exercise (load x reps as lifted, never an estimate).

    A row is a PR when its load is heavier than every load lifted on an earlier day (a smaller `day` value) for at
    least as many reps; with nothing earlier for that many reps or more, it is a PR. Rows of the same day do not
    beat each other. Returns (day, load, reps, session) of the PR rows, by day then reps.
    """
    keep = np.flatnonzero((rows.exercise == exercise) & np.isfinite(rows.load))
    keep = keep[np.lexsort((rows.reps[keep], rows.day[keep]))]
    day, load, reps = rows.day[keep], rows.load[keep], rows.reps[keep]
    is_pr = np.zeros(keep.size, dtype=np.bool_)
    earlier = np.searchsorted(day, day, side="left")  # rows [0, earlier[i]) are on earlier days than row i
    for count in np.unique(reps).tolist():
        # best[j]: the heaviest load for `count` reps or more among rows 0..j
        best = np.maximum.accumulate(np.where(reps >= count, load, -np.inf))
        mine = np.flatnonzero(reps == count)
        before = np.where(earlier[mine] > 0, best[np.maximum(earlier[mine] - 1, 0)], -np.inf)
        is_pr[mine] = load[mine] > before
    pick = keep[is_pr]
    return rows.day[pick], rows.load[pick], rows.reps[pick], rows.session[pick]


# ---- RIR calibration (DESIGN.md sign: error = reported - actual; negative = more in the tank than called) ------------

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


# Student's t, two-sided 95 % (the 0.975 quantile), by degrees of freedom; 1.96 beyond the table.
_T975 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
         2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042)
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
        (the whole interval within a rep either way, and single calls within a rep on average), 'unsettled' (the
        interval crosses a rep), or None under VERDICT_MIN_SETS sets. Based on the interval, never on the rounded
        mean: a mean of -1.03 with an interval of -1.6 to -0.5 is unsettled, not "off by 1.0"."""
        if self.n < VERDICT_MIN_SETS:
            return None
        if self.mean_high <= -CALIBRATION_BIAS:
            return "under"
        if self.mean_low >= CALIBRATION_BIAS:
            return "over"
        if self.mean_low > -CALIBRATION_BIAS and self.mean_high < CALIBRATION_BIAS and self.mae <= CALIBRATED_MAE:
            return "calibrated"
        return "unsettled"


def _calibration_rows(sets: CalibrationSets, exercise: int | None) -> IntArray:
    """The usable calibration sets of one exercise (all when None), by day."""
    usable = sets.failure_reps <= MAX_CALIBRATION_FAILURE_REPS
    if exercise is not None:
        usable &= sets.exercise == exercise
    rows = np.flatnonzero(usable)
    return rows[np.argsort(sets.day[rows], kind="stable")]


def calibration_stats(sets: CalibrationSets, exercise: int | None = None) -> CalibrationStats | None:
    """Bias, mean absolute error, SD and 95 % limits of agreement of the RIR calls of one exercise (all when
    None); None below MIN_CALIBRATION_SETS usable sets."""
    rows = _calibration_rows(sets, exercise)
    if rows.size < MIN_CALIBRATION_SETS:
        return None
    return _stats(sets.error[rows])


def _stats(error: FloatArray) -> CalibrationStats:
    bias = float(error.mean())
    sd = float(error.std(ddof=1)) if error.size > 1 else 0.0
    half = t975(error.size - 1) * sd / float(np.sqrt(error.size)) if error.size > 1 else float("inf")
    return CalibrationStats(n=int(error.size), bias=bias, mae=float(np.abs(error).mean()), sd=sd,
                            low=bias - LIMITS_Z * sd, high=bias + LIMITS_Z * sd, mean_low=bias - half,
                            mean_high=bias + half)


REP_RANGES = ((1, 5), (6, 10), (11, 15), (16, None))  # set length: the reps reached at failure


def calibration_groups(sets: CalibrationSets, mechanic: Mapping[int, str | None]
                       ) -> list[tuple[str, CalibrationStats | None, int]]:
    """Calibration split by set length (the reps reached at failure: 1-5, 6-10, 11-15, 16+) and by compound or
    isolation: (label, stats or None under MIN_CALIBRATION_SETS, sets). The literature finds larger errors in
    longer sets and at lighter loads (Halperin 2022; Hackett 2017; Zourdos 2021). Groups without sets are left out."""
    rows = _calibration_rows(sets, None)
    reached = sets.failure_reps[rows]
    groups: list[tuple[str, IntArray]] = []
    for low, high in REP_RANGES:
        inside = (reached >= low) & (reached <= high if high is not None else True)
        groups.append((f"{low}–{high} reps" if high is not None else f"{low}+ reps", rows[inside]))
    kinds = np.array([mechanic.get(int(x)) or "" for x in sets.exercise[rows]], dtype=object)
    for kind in ("compound", "isolation"):
        groups.append((kind, rows[kinds == kind]))
    return [(label, _stats(sets.error[chosen]) if chosen.size >= MIN_CALIBRATION_SETS else None, int(chosen.size))
            for label, chosen in groups if chosen.size]


def rolling_calibration(sets: CalibrationSets, exercise: int | None = None, window: int = 10
                        ) -> tuple[FloatArray, FloatArray, FloatArray]:
    """(day, mean error, mean absolute error) over the last `window` usable sets, by day. A point is given from the
    MIN_CALIBRATION_SETS-th set on (the first ones average the sets so far); empty arrays below that."""
    if window < 1:
        raise ValueError("window must be at least 1")
    rows = _calibration_rows(sets, exercise)
    if rows.size < MIN_CALIBRATION_SETS:
        return _floats(), _floats(), _floats()
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


# ---- insights -------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SetPoints:
    """One row per non-warm-up set in the chosen range."""

    set_id: ColumnInts
    session: ColumnInts
    exercise: ColumnInts
    day: FloatArray
    set_type: NDArray[np.int8]  # index into list(SetType)
    rir: NDArray[np.float32]  # nan: not rated
    last: BoolArray  # the last non-warm-up set of its exercise in its session

    @staticmethod
    def empty() -> SetPoints:
        return SetPoints(_column_ints(), _column_ints(), _column_ints(), _floats(), np.zeros(0, dtype=np.int8),
                         np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.bool_))


@dataclass(frozen=True)
class Insight:
    kind: str  # "far_from_failure" | "early_failure" | "isolation_not_near" | "calibration" | "muscle_volume"
    title: str  # one short line a lifter reads
    detail: str  # one or two sentences with the figures
    source: str  # one-line source for a tooltip
    set_ids: tuple[int, ...] = ()  # the sets that triggered it (may be empty for weekly insights)
    session_ids: tuple[int, ...] = ()


# Rule 1: many sets far from failure. Hypertrophy rises as sets end closer to failure (Robinson 2024).
FAR_RIR = 5.0  # a working set rated RIR 5 or more is "far from failure"
FAR_MIN_SETS = 3  # at least 3 such sets ...
FAR_MIN_SHARE = 0.10  # ... making up at least 10 % of the rated working sets
# Rule 2: failure on a compound lift before its last set (coach heuristic, SCIENCE.md 7.1 and M9).
FAILURE_RIR = 0.0  # rated RIR 0 is failure
EARLY_FAILURE_NAMES = 5  # the detail names the 5 exercises with the most such sets, then says how many others
# Rule 3: an isolation lift never taken near failure.
ISOLATION_MIN_RATED = 6  # rated working sets of the exercise needed before saying anything
NEAR_FAILURE_RIR = 1.0  # "near failure" is RIR 1 or closer
# Rule 4: RIR calibration labels (DESIGN.md sign: error = reported - actual).
CALIBRATION_BIAS = 1.0  # |bias| of a rep or more is worth a line; Refalo 2023's equivalence margin is +/- 1 rep
CALIBRATED_MAE = 1.0  # "calibrated" also needs a mean absolute error within a rep
CALIBRATION_SHOWN = 3  # exercises whose calls are off are listed one by one up to this many, largest first
# Rule 5: muscle volume outside the descriptive range (muscle_range, default 10-20 fractional hard sets a week).
MUSCLE_WEEK_SHARE = 0.5  # outside the range in more than half of the weeks with any training
MUSCLE_MIN_WEEKS = 4  # and only after 4 weeks of training: a week or two says nothing about a weekly dose
# The muscles the weekly-volume studies measured (Schoenfeld 2017, Baz-Valle 2022, Pelland 2024): the range is not
# applied to others (hip flexors, obliques, adductors, abductors, forearms, calves, abs, traps, lower back).
STUDIED_MUSCLES = frozenset({"chest", "lats", "upper_back", "quads", "hamstrings", "glutes", "front_delts",
                             "side_delts", "rear_delts", "biceps", "triceps"})

_SRC_ROBINSON = "Robinson et al. 2024, Sports Med (meta-regression)"
_SRC_FAILURE = ("Coach heuristic, evidence-informed: failure slows recovery (Morán-Navarro et al. 2017; "
                "Refalo et al. 2023, Sports Med Open); fatigue data, not hypertrophy data")
_SRC_ISOLATION = "Robinson et al. 2024, Sports Med (graded hypertrophy effect); Refalo et al. 2023, Sports Med"
_SRC_HALPERIN = ("Halperin et al. 2022, Sports Med: lifters under-predict reps to failure by about 0.95 reps "
                 "on average")
_SRC_VOLUME = ("Schoenfeld et al. 2017, J Sports Sci; Baz-Valle et al. 2022, J Hum Kinet "
               "(descriptive ranges, not targets)")
_FAILURE_TYPE = list(SetType).index(SetType.FAILURE)


def _ids(values: ColumnInts) -> tuple[int, ...]:
    return tuple(int(v) for v in values)


def _unique_ids(values: ColumnInts) -> tuple[int, ...]:
    return tuple(int(v) for v in np.unique(values))


def _name(names: Mapping[int, str], exercise: int) -> str:
    return names.get(exercise, f"exercise {exercise}")


def _sets(count: int) -> str:
    return f"{count} set" if count == 1 else f"{count} sets"


def _num(value: float) -> str:
    """1 decimal, without a trailing '.0'."""
    return f"{round(value, 1) + 0.0:.1f}".removesuffix(".0")


def _signed(value: float) -> str:
    """+1.0 / -1.0 / +0.0: 1 decimal with its sign, never '-0.0'."""
    return f"{round(value, 1) + 0.0:+.1f}"


def _interval(stats: CalibrationStats) -> str:
    return f"95 % interval of the mean {_signed(stats.mean_low)} to {_signed(stats.mean_high)}"


def _calibration_insights(calibration: CalibrationSets, names: Mapping[int, str],
                          mechanic: Mapping[int, str | None] | None = None) -> list[Insight]:
    """One insight for each exercise whose calls are off by a rep or more, one for all that are calibrated, one for
    those not settled yet, and one with the split by set length and by compound or isolation. A verdict needs
    VERDICT_MIN_SETS sets and rests on the interval of the mean error, not on the mean."""
    found = []
    calibrated: list[tuple[str, CalibrationStats, IntArray]] = []
    unsettled: list[tuple[str, CalibrationStats, IntArray]] = []
    for exercise in np.unique(calibration.exercise).tolist():
        stats = calibration_stats(calibration, exercise)
        if stats is None or stats.verdict is None:
            continue
        name = _name(names, exercise)
        rows = _calibration_rows(calibration, exercise)
        if stats.verdict == "under":
            title = f"You under-call your reserve by a rep or more on {name}"
            meaning = "you had more reps left than you called."
        elif stats.verdict == "over":
            title = f"You over-call your reserve by a rep or more on {name}"
            meaning = "you had fewer reps left than you called."
        else:
            (calibrated if stats.verdict == "calibrated" else unsettled).append((name, stats, rows))
            continue
        detail = (f"{stats.n} sets taken to failure: mean error {_signed(stats.bias)} reps (reported minus actual "
                  f"RIR), {_interval(stats)}, mean absolute error {stats.mae:.1f}, single calls within "
                  f"{_signed(stats.low)} to {_signed(stats.high)} (95 % limits); {meaning}")
        found.append((abs(stats.bias), name.casefold(), Insight("calibration", title, detail, _SRC_HALPERIN,
                                                                _ids(calibration.set_id[rows]),
                                                                _unique_ids(calibration.session[rows]))))
    ordered = [insight for _, _, insight in sorted(found, key=lambda item: item[1])]
    if len(ordered) > CALIBRATION_SHOWN:  # the largest errors one by one, the rest in one line
        ordered = [insight for _, _, insight in sorted(found, key=lambda item: (-item[0], item[1]))]
        rest = ordered[CALIBRATION_SHOWN:]
        ordered = ordered[:CALIBRATION_SHOWN]
        ordered.append(Insight(
            "calibration", f"Your RIR calls are off by a rep or more on {len(rest)} more exercises",
            "; ".join(insight.title.removeprefix("You ") for insight in rest) + ".", _SRC_HALPERIN,
            tuple(i for insight in rest for i in insight.set_ids),
            tuple(sorted({i for insight in rest for i in insight.session_ids}))))
    for group, verdict in ((calibrated, "calibrated"), (unsettled, "unsettled")):
        if not group:
            continue
        group.sort(key=lambda item: item[0].casefold())
        rows = np.concatenate([item[2] for item in group])
        listed = ", ".join(f"{name} ({stats.n} sets, mean error {_signed(stats.bias)}, "
                           f"{_signed(stats.mean_low)} to {_signed(stats.mean_high)})" for name, stats, _ in group)
        if verdict == "calibrated":
            title = (f"Your RIR calls on {group[0][0]} are calibrated (within a rep)" if len(group) == 1
                     else f"Your RIR calls are calibrated (within a rep) on {len(group)} exercises")
            detail = f"{listed}: the 95 % interval of your mean error lies within a rep either way."
        else:
            title = (f"Your RIR calls on {group[0][0]} are not settled yet" if len(group) == 1
                     else f"Your RIR calls are not settled yet on {len(group)} exercises")
            detail = (f"{listed}: the 95 % interval of the mean error crosses a rep (or single calls miss by more "
                      "than a rep on average), so neither calibrated nor off by a rep can be said; more sets taken "
                      "to failure will tell.")
        ordered.append(Insight("calibration", title, detail, _SRC_HALPERIN, _ids(calibration.set_id[rows]),
                               _unique_ids(calibration.session[rows])))
    split = _calibration_split(calibration, mechanic or {})
    return ordered + ([split] if split is not None else [])


def _calibration_split(calibration: CalibrationSets, mechanic: Mapping[int, str | None]) -> Insight | None:
    """How the calls hold up by set length and by compound or isolation, once there are VERDICT_MIN_SETS sets."""
    rows = _calibration_rows(calibration, None)
    if rows.size < VERDICT_MIN_SETS:
        return None
    words = {"under": "under-called by a rep or more", "over": "over-called by a rep or more",
             "calibrated": "calibrated", "unsettled": "not settled", None: "too few sets for a verdict"}
    parts = []
    for label, stats, count in calibration_groups(calibration, mechanic):
        if stats is None:
            parts.append(f"{label}: {_sets(count)}, too few to say")
        else:
            parts.append(f"{label}: {_sets(count)}, mean error {_signed(stats.bias)} "
                         f"({_signed(stats.mean_low)} to {_signed(stats.mean_high)}), {words[stats.verdict]}")
    return Insight("calibration", "Your RIR calls by set length and by lift type", "; ".join(parts) + ".",
                   "Halperin et al. 2022, Sports Med: errors grow in sets of more than 12 reps; Hackett et al. "
                   "2017, JSCR: about a rep near failure, more than 2 far from it",
                   _ids(calibration.set_id[rows]), _unique_ids(calibration.session[rows]))


def _early_failure(points: SetPoints, names: Mapping[int, str], mechanic: Mapping[int, str | None],
                   calibration: CalibrationSets) -> list[Insight]:
    compound = np.isin(points.exercise, [x for x, kind in mechanic.items() if kind == Mechanic.COMPOUND])
    # M9: AMRAP/test and calibration sets are left out (the calibration check only runs on the candidates)
    early = compound & (points.rir <= FAILURE_RIR) & ~points.last & (points.set_type != _FAILURE_TYPE)
    early[early] = ~np.isin(points.set_id[early], calibration.set_id)
    if not early.any():
        return []
    exercises, counts = np.unique(points.exercise[early], return_counts=True)
    listed = sorted(((-int(c), _name(names, int(x))) for x, c in zip(exercises, counts, strict=True)))
    which = ", ".join(f"{name} ({-count})" for count, name in listed[:EARLY_FAILURE_NAMES])
    if len(listed) > EARLY_FAILURE_NAMES:
        others = len(listed) - EARLY_FAILURE_NAMES
        which += f" and {others} other exercise{'s' if others > 1 else ''}"
    total = int(early.sum())
    return [Insight(
        "early_failure", "Failure before the last set on compound lifts",
        f"{_sets(total)} rated RIR 0 before the last set of the exercise: {which}. Coach heuristic: on compound "
        "lifts keep failure for the last set, or skip it; failure costs recovery (fatigue data, not growth data).",
        _SRC_FAILURE, _ids(points.set_id[early]), _unique_ids(points.session[early]))]


def _far_from_failure(points: SetPoints) -> list[Insight]:
    rated = ~np.isnan(points.rir)
    far = rated & (points.rir >= FAR_RIR)
    count, total = int(far.sum()), int(rated.sum())
    if count < FAR_MIN_SETS or count / total < FAR_MIN_SHARE:
        return []
    return [Insight(
        "far_from_failure", f"{_sets(count)} ended {_num(FAR_RIR)} or more reps from failure",
        f"{count} of {total} rated working sets ({count / total:.0%}) were rated RIR {_num(FAR_RIR)} or more; sets "
        "this far from failure count less for growth (a graded slope with a modest fit, Robinson 2024).",
        _SRC_ROBINSON, _ids(points.set_id[far]), _unique_ids(points.session[far]))]


def _isolation_not_near(points: SetPoints, names: Mapping[int, str],
                        mechanic: Mapping[int, str | None]) -> list[Insight]:
    rated = ~np.isnan(points.rir)
    found = []
    for exercise in np.unique(points.exercise[rated]).tolist():
        if mechanic.get(exercise) != Mechanic.ISOLATION:
            continue
        mine = rated & (points.exercise == exercise)
        count = int(mine.sum())
        closest = float(points.rir[mine].min())
        if count < ISOLATION_MIN_RATED or closest <= NEAR_FAILURE_RIR:
            continue
        name = _name(names, exercise)
        found.append((name.casefold(), Insight(
            "isolation_not_near", f"{name}: no set within {_num(NEAR_FAILURE_RIR)} rep of failure",
            f"None of your {count} rated sets of {name} ended at RIR {_num(NEAR_FAILURE_RIR)} or closer (closest: "
            f"RIR {_num(closest)}). Growth rises as sets end closer to failure, and isolation lifts are the usual "
            "place to go near it.",
            _SRC_ISOLATION, _ids(points.set_id[mine]), _unique_ids(points.session[mine]))))
    return [insight for _, insight in sorted(found, key=lambda pair: pair[0])]


def _muscle_label(muscle: str) -> str:
    return muscle.replace("_", " ").capitalize()


def _muscle_volume(muscle_weeks: tuple[IntArray, dict[str, FloatArray]],
                   muscle_range: tuple[float, float]) -> list[Insight]:
    _, values = muscle_weeks
    if not values:
        return []
    trained = np.sum(list(values.values()), axis=0) > 0  # weeks with no hard set for any muscle are ignored
    weeks = int(trained.sum())
    if weeks < MUSCLE_MIN_WEEKS:
        return []
    low, high = muscle_range
    found = []
    for muscle, sets in values.items():
        if muscle not in STUDIED_MUSCLES:
            continue
        sets = sets[trained]
        below, above = int((sets < low).sum()), int((sets > high).sum())
        if below > MUSCLE_WEEK_SHARE * weeks:
            side, count, bound = "below", below, low
        elif above > MUSCLE_WEEK_SHARE * weeks:
            side, count, bound = "above", above, high
        else:
            continue
        found.append(Insight(
            "muscle_volume", f"{_muscle_label(muscle)}: {side} {_num(bound)} hard sets in {count} of {weeks} weeks",
            f"Median {_num(float(np.median(sets)))} fractional hard sets a week (1 per primary muscle, 0.5 per "
            f"secondary) over {weeks} weeks with training. Studies group weekly volume as under 5, 5-9 and 10+ sets "
            "(Schoenfeld 2017) or 12-20 as moderate (Baz-Valle 2022): descriptive ranges, not targets.",
            _SRC_VOLUME))
    return found


def insights(points: SetPoints, names: Mapping[int, str], mechanic: Mapping[int, str | None],
             calibration: CalibrationSets, muscle_weeks: tuple[IntArray, dict[str, FloatArray]],
             muscle_range: tuple[float, float] = (10.0, 20.0)) -> list[Insight]:
    """What the insights panel shows: calibration, then early failure on compounds, sets far from failure,
    isolation lifts never near failure, and muscles outside `muscle_range` most weeks."""
    return (_calibration_insights(calibration, names, mechanic) + _early_failure(points, names, mechanic, calibration)
            + _far_from_failure(points) + _isolation_not_near(points, names, mechanic)
            + _muscle_volume(muscle_weeks, muscle_range))


@dataclass(frozen=True)
class ExerciseSummary:
    exercise: int
    working: int
    hard: int
    tonnage: float
    best_e1rm: float | None
    mean_rir: float | None


def exercise_summaries(totals: Sequence[tuple[int, int, int, float, float, int]], bests: SessionBests,
                       start_day: float, end_day: float) -> list[ExerciseSummary]:
    """Per exercise over a period, from totals per exercise (exercise, working sets, hard sets, tonnage, sum of
    RIR, rated sets) and the sessions' best e1RMs between two days: most working sets first."""
    summaries = []
    for exercise, working, hard, tonnage, rir_sum, rated in totals:
        best = bests.e1rm[(bests.exercise == exercise) & (bests.day >= start_day) & (bests.day < end_day)]
        summaries.append(ExerciseSummary(int(exercise), int(working), int(hard), float(tonnage),
                                         float(best.max()) if best.size else None,
                                         float(rir_sum) / rated if rated else None))
    return sorted(summaries, key=lambda s: (-s.working, s.exercise))
