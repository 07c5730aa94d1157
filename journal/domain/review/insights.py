# SPDX-License-Identifier: MIT
"""Insights: small named rules over the review's data, each with its figures and its source."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from journal.domain.records import Mechanic, SetType
from journal.domain.review.calibration import (
    VERDICT_MIN_SETS,
    CalibrationSets,
    CalibrationStats,
    calibration_groups,
    calibration_rows,
    calibration_stats,
)
from journal.domain.review.columns import BoolArray, ColumnInts, FloatArray, IntArray, column_ints, floats


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
        return SetPoints(
            column_ints(),
            column_ints(),
            column_ints(),
            floats(),
            np.zeros(0, dtype=np.int8),
            np.zeros(0, dtype=np.float32),
            np.zeros(0, dtype=np.bool_),
        )


class InsightKind(StrEnum):
    """What an insight is about; a rule of the registry below makes each kind (strength stalls are made with the
    e1RM series, in journal.review.figures)."""

    CALIBRATION = "calibration"
    EARLY_FAILURE = "early_failure"
    FAR_FROM_FAILURE = "far_from_failure"
    ISOLATION_NOT_NEAR = "isolation_not_near"
    MUSCLE_VOLUME = "muscle_volume"
    NO_MUSCLES = "no_muscles"
    STRENGTH_STALL = "strength_stall"


@dataclass(frozen=True)
class Insight:
    kind: InsightKind
    title: str  # one short line a lifter reads
    detail: str  # one or two sentences with the figures
    source: str  # one-line source for a tooltip
    set_ids: tuple[int, ...] = ()  # the sets that triggered it (may be empty for weekly insights)
    session_ids: tuple[int, ...] = ()
    # what the panel's headline and table are made of (journal.domain.review.panel)
    subject: str = ""  # the exercise or muscle it is about ("" for several)
    value: float | None = None  # the figure that matters: a mean error in reps, a share, a median of sets
    count: int = 0  # sets (or weeks) behind it
    side: str = ""  # "under" / "over", "below" / "above", or a verdict
    header: tuple[str, ...] = ()  # a table the item opens into
    rows: tuple[tuple[str, ...], ...] = ()


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
CALIBRATION_SHOWN = 3  # exercises whose calls are off are listed one by one up to this many, largest first
NO_MUSCLES_SHOWN = 5  # exercises without muscles named one by one, most sets first
# Rule 5: muscle volume outside the descriptive range (muscle_range, default 10-20 fractional hard sets a week).
MUSCLE_WEEK_SHARE = 0.5  # outside the range in more than half of the weeks with any training
MUSCLE_MIN_WEEKS = 4  # and only after 4 weeks of training: a week or two says nothing about a weekly dose
# The muscles the weekly-volume studies measured (Schoenfeld 2017, Baz-Valle 2022, Pelland 2024): the range is not
# applied to others (hip flexors, obliques, adductors, abductors, forearms, calves, abs, traps, lower back).
STUDIED_MUSCLES = frozenset(
    {
        "chest",
        "lats",
        "upper_back",
        "quads",
        "hamstrings",
        "glutes",
        "front_delts",
        "side_delts",
        "rear_delts",
        "biceps",
        "triceps",
    }
)

_SRC_ROBINSON = "Robinson et al. 2024, Sports Med (meta-regression)"
_SRC_FAILURE = (
    "Coach heuristic, evidence-informed: failure slows recovery (Morán-Navarro et al. 2017; "
    "Refalo et al. 2023, Sports Med Open); fatigue data, not hypertrophy data"
)
_SRC_ISOLATION = "Robinson et al. 2024, Sports Med (graded hypertrophy effect); Refalo et al. 2023, Sports Med"
_SRC_HALPERIN = "Halperin et al. 2022, Sports Med: lifters under-predict reps to failure by about 0.95 reps on average"
_SRC_VOLUME = (
    "Schoenfeld et al. 2017, J Sports Sci; Baz-Valle et al. 2022, J Hum Kinet (descriptive ranges, not targets)"
)
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


CALIBRATION_HEADER = ("Exercise", "Sets", "Error", "95 % interval")


def _calibration_row(name: str, stats: CalibrationStats) -> tuple[str, ...]:
    return (name, str(stats.n), _signed(stats.bias), f"{_signed(stats.mean_low)} to {_signed(stats.mean_high)}")


def _interval(stats: CalibrationStats) -> str:
    return f"95 % interval of the mean {_signed(stats.mean_low)} to {_signed(stats.mean_high)}"


def _calibration_insights(
    calibration: CalibrationSets, names: Mapping[int, str], mechanic: Mapping[int, str | None] | None = None
) -> list[Insight]:
    """One insight for each exercise whose calls are off by a rep or more, one for all that are calibrated, one for
    those not settled yet, and one with the split by set length and by compound or isolation. A verdict needs
    VERDICT_MIN_SETS sets and rests on the interval of the mean error, not on the mean."""
    found = []
    calibrated: list[tuple[str, CalibrationStats, IntArray]] = []
    unsettled: list[tuple[str, CalibrationStats, IntArray]] = []
    scattered: list[tuple[str, CalibrationStats, IntArray]] = []
    for exercise in np.unique(calibration.exercise).tolist():
        stats = calibration_stats(calibration, exercise)
        if stats is None or stats.verdict is None:
            continue
        name = _name(names, exercise)
        rows = calibration_rows(calibration, exercise)
        if stats.verdict == "under":
            title = f"You under-call your reserve by a rep or more on {name}"
            meaning = "you had more reps left than you called."
        elif stats.verdict == "over":
            title = f"You over-call your reserve by a rep or more on {name}"
            meaning = "you had fewer reps left than you called."
        else:
            groups = {"calibrated": calibrated, "scattered": scattered}
            groups.get(stats.verdict, unsettled).append((name, stats, rows))
            continue
        detail = (
            f"{stats.n} sets taken to failure: mean error {_signed(stats.bias)} reps (reported minus actual "
            f"RIR), {_interval(stats)}, mean absolute error {stats.mae:.1f}, single calls within "
            f"{_signed(stats.low)} to {_signed(stats.high)} (95 % limits); {meaning}"
        )
        found.append(
            (
                abs(stats.bias),
                name.casefold(),
                Insight(
                    InsightKind.CALIBRATION,
                    title,
                    detail,
                    _SRC_HALPERIN,
                    _ids(calibration.set_id[rows]),
                    _unique_ids(calibration.session[rows]),
                    subject=name,
                    value=stats.bias,
                    count=stats.n,
                    side=stats.verdict,
                    header=CALIBRATION_HEADER,
                    rows=(_calibration_row(name, stats),),
                ),
            )
        )
    ordered = [insight for _, _, insight in sorted(found, key=lambda item: item[1])]
    if len(ordered) > CALIBRATION_SHOWN:  # the largest errors one by one, the rest in one line
        ordered = [insight for _, _, insight in sorted(found, key=lambda item: (-item[0], item[1]))]
        rest = ordered[CALIBRATION_SHOWN:]
        ordered = ordered[:CALIBRATION_SHOWN]
        ordered.append(
            Insight(
                InsightKind.CALIBRATION,
                f"Your RIR calls are off by a rep or more on {len(rest)} more exercises",
                "; ".join(insight.title.removeprefix("You ") for insight in rest) + ".",
                _SRC_HALPERIN,
                tuple(i for insight in rest for i in insight.set_ids),
                tuple(sorted({i for insight in rest for i in insight.session_ids})),
                value=max(abs(insight.value or 0.0) for insight in rest),
                count=sum(insight.count for insight in rest),
                side="off",
                header=CALIBRATION_HEADER,
                rows=tuple(row for insight in rest for row in insight.rows),
            )
        )
    for group, verdict in ((calibrated, "calibrated"), (scattered, "scattered"), (unsettled, "unsettled")):
        if not group:
            continue
        group.sort(key=lambda item: item[0].casefold())
        rows = np.concatenate([item[2] for item in group])
        listed = ", ".join(
            f"{name} ({stats.n} sets, mean error {_signed(stats.bias)}, "
            f"{_signed(stats.mean_low)} to {_signed(stats.mean_high)})"
            for name, stats, _ in group
        )
        if verdict == "calibrated":
            title = (
                f"Your RIR calls on {group[0][0]} are calibrated (within a rep)"
                if len(group) == 1
                else f"Your RIR calls are calibrated (within a rep) on {len(group)} exercises"
            )
            detail = f"{listed}: the 95 % interval of your mean error lies within a rep either way."
        elif verdict == "scattered":
            title = (
                f"Your RIR calls on {group[0][0]} are right on average but scattered"
                if len(group) == 1
                else f"Your RIR calls are right on average but scattered on {len(group)} exercises"
            )
            detail = (
                f"{listed}: the 95 % interval of your mean error lies within a rep, but single calls miss by more "
                "than a rep on average (mean absolute error over 1)."
            )
        else:
            title = (
                f"Your RIR calls on {group[0][0]} are not settled yet"
                if len(group) == 1
                else f"Your RIR calls are not settled yet on {len(group)} exercises"
            )
            detail = (
                f"{listed}: the 95 % interval of the mean error crosses a rep, so neither calibrated nor off by "
                "a rep can be said; more sets taken to failure will tell."
            )
        ordered.append(
            Insight(
                InsightKind.CALIBRATION,
                title,
                detail,
                _SRC_HALPERIN,
                _ids(calibration.set_id[rows]),
                _unique_ids(calibration.session[rows]),
                subject=group[0][0] if len(group) == 1 else "",
                value=float(len(group)),
                count=sum(stats.n for _, stats, _ in group),
                side=verdict,
                header=CALIBRATION_HEADER,
                rows=tuple(_calibration_row(name, stats) for name, stats, _ in group),
            )
        )
    split = _calibration_split(calibration, mechanic or {})
    return ordered + ([split] if split is not None else [])


def _calibration_split(calibration: CalibrationSets, mechanic: Mapping[int, str | None]) -> Insight | None:
    """How the calls hold up by set length and by compound or isolation, once there are VERDICT_MIN_SETS sets."""
    rows = calibration_rows(calibration, None)
    if rows.size < VERDICT_MIN_SETS:
        return None
    words = {
        "under": "under-called by a rep or more",
        "over": "over-called by a rep or more",
        "calibrated": "calibrated",
        "scattered": "right on average, scattered",
        "unsettled": "not settled",
        None: "too few sets for a verdict",
    }
    parts = []
    table: list[tuple[str, ...]] = []
    for label, stats, count in calibration_groups(calibration, mechanic):
        if stats is None:
            parts.append(f"{label}: {_sets(count)}, too few to say")
            table.append((label, str(count), "", "", "too few to say"))
        else:
            parts.append(
                f"{label}: {_sets(count)}, mean error {_signed(stats.bias)} "
                f"({_signed(stats.mean_low)} to {_signed(stats.mean_high)}), {words[stats.verdict]}"
            )
            table.append((*_calibration_row(label, stats)[:4], words[stats.verdict]))
    return Insight(
        InsightKind.CALIBRATION,
        "Your RIR calls by set length and by lift type",
        "; ".join(parts) + ".",
        "Halperin et al. 2022, Sports Med: errors grow in sets of more than 12 reps; Hackett et al. "
        "2017, JSCR: about a rep near failure, more than 2 far from it",
        _ids(calibration.set_id[rows]),
        _unique_ids(calibration.session[rows]),
        count=int(rows.size),
        side="split",
        header=("Group", "Sets", "Error", "95 % interval", "Verdict"),
        rows=tuple(table),
    )


def _early_failure(
    points: SetPoints, names: Mapping[int, str], mechanic: Mapping[int, str | None], calibration: CalibrationSets
) -> list[Insight]:
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
    return [
        Insight(
            InsightKind.EARLY_FAILURE,
            "Failure before the last set on compound lifts",
            f"{_sets(total)} rated RIR 0 before the last set of the exercise: {which}. Coach heuristic: on compound "
            "lifts keep failure for the last set, or skip it; failure costs recovery (fatigue data, not growth data).",
            _SRC_FAILURE,
            _ids(points.set_id[early]),
            _unique_ids(points.session[early]),
            value=float(len(listed)),
            count=total,
            header=("Exercise", "Sets"),
            rows=tuple((name, str(-count)) for count, name in listed),
        )
    ]


def _far_from_failure(points: SetPoints) -> list[Insight]:
    rated = ~np.isnan(points.rir)
    far = rated & (points.rir >= FAR_RIR)
    count, total = int(far.sum()), int(rated.sum())
    if count < FAR_MIN_SETS or count / total < FAR_MIN_SHARE:
        return []
    return [
        Insight(
            InsightKind.FAR_FROM_FAILURE,
            f"{_sets(count)} ended {_num(FAR_RIR)} or more reps from failure",
            f"{count} of {total} rated working sets ({count / total:.0%}) were rated RIR {_num(FAR_RIR)} or more; sets "
            "this far from failure count less for growth (a graded slope with a modest fit, Robinson 2024).",
            _SRC_ROBINSON,
            _ids(points.set_id[far]),
            _unique_ids(points.session[far]),
            value=count / total,
            count=count,
        )
    ]


def _isolation_not_near(
    points: SetPoints, names: Mapping[int, str], mechanic: Mapping[int, str | None]
) -> list[Insight]:
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
        found.append(
            (
                name.casefold(),
                Insight(
                    InsightKind.ISOLATION_NOT_NEAR,
                    f"{name}: no set within {_num(NEAR_FAILURE_RIR)} rep of failure",
                    f"None of your {count} rated sets of {name} ended at RIR {_num(NEAR_FAILURE_RIR)} or closer "
                    f"(closest: RIR {_num(closest)}). Growth rises as sets end closer to failure, and isolation lifts "
                    "are the usual place to go near it.",
                    _SRC_ISOLATION,
                    _ids(points.set_id[mine]),
                    _unique_ids(points.session[mine]),
                    subject=name,
                    value=closest,
                    count=count,
                    header=("Exercise", "Rated", "Closest"),
                    rows=((name, str(count), _num(closest)),),
                ),
            )
        )
    return [insight for _, insight in sorted(found, key=lambda pair: pair[0])]


def _muscle_label(muscle: str) -> str:
    return muscle.replace("_", " ").capitalize()


def _muscle_volume(
    muscle_weeks: tuple[IntArray, dict[str, FloatArray]], muscle_range: tuple[float, float]
) -> list[Insight]:
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
        found.append(
            Insight(
                InsightKind.MUSCLE_VOLUME,
                f"{_muscle_label(muscle)}: {side} {_num(bound)} hard sets in {count} of {weeks} weeks",
                f"Median {_num(float(np.median(sets)))} fractional hard sets a week (1 per primary muscle, 0.5 per "
                f"secondary) over {weeks} weeks with training. Studies group weekly volume as under 5, 5-9 and 10+ "
                "sets (Schoenfeld 2017) or 12-20 as moderate (Baz-Valle 2022): descriptive ranges, not targets.",
                _SRC_VOLUME,
                subject=_muscle_label(muscle),
                value=float(np.median(sets)),
                count=count,
                side=side,
                header=("Muscle", "Weeks", "Median"),
                rows=((_muscle_label(muscle), f"{count} of {weeks}", _num(float(np.median(sets)))),),
            )
        )
    return found


@dataclass(frozen=True)
class ReviewFacts:
    """What the rules read: the rated sets in scope, exercise names and mechanics, the calibration sets, the weekly
    hard sets per muscle and the range they are checked against."""

    points: SetPoints
    names: Mapping[int, str]
    mechanic: Mapping[int, str | None]
    calibration: CalibrationSets
    muscle_weeks: tuple[IntArray, dict[str, FloatArray]]
    muscle_range: tuple[float, float]
    without_muscles: frozenset[int] = frozenset()  # exercises with no muscle named (an import's new names)


Rule = Callable[[ReviewFacts], list[Insight]]
RULES: dict[InsightKind, Rule] = {}  # in the order the panel lists them


def rule(kind: InsightKind) -> Callable[[Rule], Rule]:
    """Register a rule: a function from the facts to the insights of its kind (none when nothing stands out)."""

    def register(function: Rule) -> Rule:
        RULES[kind] = function
        return function

    return register


@rule(InsightKind.CALIBRATION)
def _calibration_rule(facts: ReviewFacts) -> list[Insight]:
    return _calibration_insights(facts.calibration, facts.names, facts.mechanic)


@rule(InsightKind.EARLY_FAILURE)
def _early_failure_rule(facts: ReviewFacts) -> list[Insight]:
    return _early_failure(facts.points, facts.names, facts.mechanic, facts.calibration)


@rule(InsightKind.FAR_FROM_FAILURE)
def _far_rule(facts: ReviewFacts) -> list[Insight]:
    return _far_from_failure(facts.points)


@rule(InsightKind.ISOLATION_NOT_NEAR)
def _isolation_rule(facts: ReviewFacts) -> list[Insight]:
    return _isolation_not_near(facts.points, facts.names, facts.mechanic)


@rule(InsightKind.MUSCLE_VOLUME)
def _muscle_rule(facts: ReviewFacts) -> list[Insight]:
    """Weekly hard sets count rated sets: on a history where most sets are not rated (an import without RPE), a
    muscle "below the range" would only say the sets were not rated, so the rule says nothing there."""
    rated = int(np.count_nonzero(~np.isnan(facts.points.rir)))
    if rated * 2 < facts.points.rir.size:
        return []
    return _muscle_volume(facts.muscle_weeks, facts.muscle_range)


@rule(InsightKind.NO_MUSCLES)
def _no_muscles_rule(facts: ReviewFacts) -> list[Insight]:
    """Sets of exercises with no muscle named count in no muscle's weekly volume: say so, and which."""
    if not facts.without_muscles:
        return []
    mine = np.isin(facts.points.exercise, list(facts.without_muscles))  # the points are the working sets
    if not mine.any():
        return []
    exercises, counts = np.unique(facts.points.exercise[mine], return_counts=True)
    order = np.argsort(-counts, kind="stable")
    named = [facts.names.get(int(exercises[i]), "?") for i in order]
    shown = ", ".join(named[:NO_MUSCLES_SHOWN]) + (
        f" and {len(named) - NO_MUSCLES_SHOWN} more" if len(named) > NO_MUSCLES_SHOWN else ""
    )
    count = int(mine.sum())
    return [
        Insight(
            InsightKind.NO_MUSCLES,
            f"{len(named)} exercise{'s count' if len(named) != 1 else ' counts'} in no muscle's volume",
            f"{count} working set{'s' if count != 1 else ''} of {shown} are in no muscle's weekly hard sets: "
            "name their muscles in the Exercises tab.",
            "Journal: fractional sets per muscle need the exercise's primary and secondary muscles",
            tuple(int(i) for i in facts.points.set_id[mine][:200]),
        )
    ]


def insights(
    points: SetPoints,
    names: Mapping[int, str],
    mechanic: Mapping[int, str | None],
    calibration: CalibrationSets,
    muscle_weeks: tuple[IntArray, dict[str, FloatArray]],
    muscle_range: tuple[float, float] = (10.0, 20.0),
    without_muscles: frozenset[int] = frozenset(),
) -> list[Insight]:
    """What the insights panel shows: every registered rule in turn (calibration, early failure on compounds,
    sets far from failure, isolation lifts never near failure, muscles outside `muscle_range` most weeks, exercises
    `without_muscles` that count in no muscle's volume)."""
    facts = ReviewFacts(points, names, mechanic, calibration, muscle_weeks, muscle_range, without_muscles)
    return [insight for run in RULES.values() for insight in run(facts)]
