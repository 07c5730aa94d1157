# SPDX-License-Identifier: MIT
"""The insights as the panel lists them: one headline each with the figure that matters, related insights grouped
into one item that opens into a table, the most important first, and what each rule needs when none has anything
to say."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from journal.domain.heavy import STALL_WEEKS
from journal.domain.review.calibration import MIN_CALIBRATION_SETS, VERDICT_MIN_SETS
from journal.domain.review.insights import (
    FAR_MIN_SETS,
    FAR_RIR,
    ISOLATION_MIN_RATED,
    MUSCLE_MIN_WEEKS,
    Insight,
    InsightKind,
)


@dataclass(frozen=True)
class PanelItem:
    kind: InsightKind
    headline: str  # one line, with the figure that matters
    detail: str  # the sentences behind it
    source: str
    header: tuple[str, ...] = ()  # the table it opens into (none when empty)
    rows: tuple[tuple[str, ...], ...] = ()
    set_ids: tuple[int, ...] = ()
    session_ids: tuple[int, ...] = ()
    importance: float = 0.0  # higher first
    exercise: str = ""  # the one exercise it is about, whose page it offers ("" for a muscle or several)


# What each rule needs before it can say anything (the panel lists these when nothing stands out).
NEEDS = {
    InsightKind.EARLY_FAILURE: "Failure before the last set: compound lifts with RIR or RPE on their sets",
    InsightKind.CALIBRATION: (
        f"How well you call your reserve: “To failure” reps on {MIN_CALIBRATION_SETS} or more sets of an exercise "
        f"({VERDICT_MIN_SETS} for a verdict)"
    ),
    InsightKind.STRENGTH_STALL: (
        f"A stalled e1RM: {STALL_WEEKS} weeks or more of an exercise with loads, and sessions before them"
    ),
    InsightKind.MUSCLE_VOLUME: (
        f"Weekly hard sets per muscle: {MUSCLE_MIN_WEEKS} weeks or more of training, most sets rated"
    ),
    InsightKind.FAR_FROM_FAILURE: (
        f"Sets far from failure: {FAR_MIN_SETS} or more rated sets at RIR {FAR_RIR:g} or more, a tenth of the rated"
    ),
    InsightKind.ISOLATION_NOT_NEAR: (
        f"Isolation lifts never near failure: {ISOLATION_MIN_RATED} or more rated sets of an isolation lift"
    ),
    InsightKind.NO_MUSCLES: "Exercises in no muscle's volume: sets of an exercise whose muscles are not named",
}


def _reps(value: float) -> str:
    return f"{abs(value):.1f} reps"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# kinds whose subject is an exercise (a muscle's volume is about a muscle)
ABOUT_AN_EXERCISE = (InsightKind.CALIBRATION, InsightKind.ISOLATION_NOT_NEAR, InsightKind.STRENGTH_STALL)


def _one(insight: Insight) -> PanelItem:
    """A single insight as an item."""
    kind, subject, value, count = insight.kind, insight.subject, insight.value or 0.0, insight.count
    headline, importance = insight.title, 10.0
    if kind is InsightKind.CALIBRATION:
        several = len(insight.rows)
        if insight.side in ("under", "over"):
            call = "under-call" if insight.side == "under" else "over-call"
            headline, importance = f"{subject}: you {call} by {_reps(value)}, {_plural(count, 'set')}", 70 + abs(value)
        elif insight.side == "off":
            headline, importance = f"Calls off by a rep or more on {several} more exercises", 69.0
        elif insight.side == "calibrated":
            headline = (
                f"{subject}: your calls are within a rep, {_plural(count, 'set')}"
                if subject
                else f"Your calls are within a rep on {several} exercises"
            )
            importance = 20.0
        elif insight.side == "scattered":
            headline = (
                f"{subject}: right on average, single calls scattered, {_plural(count, 'set')}"
                if subject
                else f"Right on average but scattered on {several} exercises"
            )
            importance = 25.0
        elif insight.side == "unsettled":
            headline = (
                f"{subject}: calls not settled yet, {_plural(count, 'set')}"
                if subject
                else f"Calls not settled yet on {several} exercises, {_plural(count, 'set')}"
            )
            importance = 15.0
        else:
            headline, importance = f"Your calls by set length and lift type, {_plural(count, 'set')}", 18.0
    elif kind is InsightKind.EARLY_FAILURE:
        lifts = len(insight.rows)
        headline = f"Failure before the last set: {_plural(count, 'set')} on {_plural(lifts, 'compound lift')}"
        importance = 80 + min(count, 20) / 2
    elif kind is InsightKind.FAR_FROM_FAILURE:
        headline = f"{_plural(count, 'set')} ended {FAR_RIR:g}+ reps from failure, {value:.0%} of rated sets"
        importance = 50 + 20 * value
    elif kind is InsightKind.ISOLATION_NOT_NEAR:
        headline = f"{subject}: no set within a rep of failure, closest RIR {value:g} in {_plural(count, 'set')}"
        importance = 40.0
    elif kind is InsightKind.MUSCLE_VOLUME:
        word = "under" if insight.side == "below" else "over"
        headline = insight.title.replace(f": {insight.side} ", f": {word} ", 1)
        importance = 60.0
    elif kind is InsightKind.STRENGTH_STALL:
        importance = 65.0
    elif kind is InsightKind.NO_MUSCLES:  # the weekly volume leaves them out: said before the volume's items
        importance = 62.0
    return PanelItem(
        kind,
        headline,
        insight.detail,
        insight.source,
        insight.header if len(insight.rows) > 1 else (),
        insight.rows if len(insight.rows) > 1 else (),
        insight.set_ids,
        insight.session_ids,
        importance,
        subject if kind in ABOUT_AN_EXERCISE else "",
    )


def _group(kind: InsightKind, members: Sequence[Insight], muscle_range: tuple[float, float]) -> PanelItem:
    """Several insights of one kind (and side) as one item opening into a table."""
    first = members[0]
    count = len(members)
    detail, importance = first.detail, 10.0
    if kind is InsightKind.MUSCLE_VOLUME:
        low, high = muscle_range
        below = first.side == "below"
        headline = f"{count} muscles {'under' if below else 'over'} {low if below else high:g} hard sets a week"
        _, _, shared = first.detail.partition("with training. ")
        detail = (
            f"Fractional hard sets a week (1 per primary muscle, 0.5 per secondary), {'below' if below else 'above'} "
            f"the range in more than half of the weeks with training. {shared}"
        )
        header = first.header
        importance = 60 + count
    elif kind is InsightKind.ISOLATION_NOT_NEAR:
        headline = f"{count} isolation lifts never within a rep of failure"
        _, _, shared = first.detail.partition(". ")
        detail = shared
        header = first.header
        importance = 40 + count / 10
    else:  # strength stalls
        headline = f"e1RM flat for {STALL_WEEKS} weeks without heavy sets on {count} exercises"
        detail = (
            "The best e1RM of the last weeks is no higher than the best before them, and none of those sessions had "
            "a heavy set. Strength follows heavy load more than proximity to failure: a few heavy sets a week may "
            "restart it."
        )
        header = ("Exercise",)
        importance = 65 + count / 10
    rows = tuple(row for member in members for row in member.rows)
    return PanelItem(
        kind,
        headline,
        detail,
        first.source,
        header,
        rows,
        tuple(i for member in members for i in member.set_ids),
        tuple(sorted({i for member in members for i in member.session_ids})),
        importance,
    )


GROUPED = (InsightKind.MUSCLE_VOLUME, InsightKind.ISOLATION_NOT_NEAR, InsightKind.STRENGTH_STALL)


def panel_items(found: Sequence[Insight], muscle_range: tuple[float, float] = (10.0, 20.0)) -> list[PanelItem]:
    """The items the panel lists, most important first: failure before the last set, calibration calls off by a
    rep, strength stalls, muscles outside the range, sets far from failure, isolation lifts never near failure,
    then the calibration verdicts that say all is well or not settled. Muscles on one side of the range, isolation
    lifts and stalls are one item each when there are several."""
    items: list[PanelItem] = []
    groups: dict[tuple[InsightKind, str], list[Insight]] = {}
    for insight in found:
        if insight.kind in GROUPED:
            groups.setdefault((insight.kind, insight.side), []).append(insight)
        else:
            items.append(_one(insight))
    for (kind, _side), members in groups.items():
        items.append(_one(members[0]) if len(members) == 1 else _group(kind, members, muscle_range))
    return sorted(items, key=lambda item: -item.importance)  # stable: the rules' order among equals


def needs() -> list[str]:
    """What each insight needs, in the panel's order."""
    return list(NEEDS.values())
