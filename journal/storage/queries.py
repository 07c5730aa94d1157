# SPDX-License-Identifier: MIT
"""Aggregate queries, done in SQL: the session list and the journal's totals and weekly figures."""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

from journal.domain.metrics import DEFAULT_HARD_SET_RIR
from journal.domain.records import SessionSummary
from journal.storage.models import db

# Tonnage of one set row `st` of exercise `x` in session `s` (journal.domain.metrics.set_tonnage in SQL):
# warm-ups count nothing; a bodyweight exercise moves the session's bodyweight plus any added load (less any
# assistance, a negative load, and never below nothing), and nothing while the bodyweight is not known.
SET_TONNAGE_SQL = """
CASE WHEN st.set_type = 'warmup' OR st.reps IS NULL THEN 0
     WHEN x.bodyweight THEN CASE WHEN s.bodyweight_kg IS NULL THEN 0
                                 ELSE max(0, s.bodyweight_kg + coalesce(st.load_kg, 0)) * st.reps END
     ELSE coalesce(st.load_kg, 0) * st.reps END
"""


# Working set (journal.domain.metrics.is_working_set in SQL) of set row `st` (or `p`) of exercise `x`: not a warm-up,
# and reps, a load, or a duration on a timed exercise. Empty rows and cardio rows (distance or time only) are not.
def _working(row: str) -> str:
    return (
        f"({row}.set_type != 'warmup' AND ({row}.reps > 0 OR {row}.load_kg > 0 "
        f"OR (x.measure = 'time' AND {row}.duration_s > 0)))"
    )


WORKING_SQL = _working("st")
# Time under load and distance of set row `st` (journal.domain.metrics.timed_figures): warm-ups count nothing.
TIME_SQL = "CASE WHEN st.set_type != 'warmup' AND x.measure = 'time' THEN coalesce(st.duration_s, 0) ELSE 0 END"
DISTANCE_SQL = (
    "CASE WHEN st.set_type != 'warmup' AND x.measure IN ('distance', 'distance_time') "
    "THEN coalesce(st.distance_m, 0) ELSE 0 END"
)


def _hard(row: str, threshold: float) -> str:
    """Rated at RIR <= threshold and not an RPE below 6 (journal.domain.metrics.is_hard)."""
    return f"({row}.rir <= {float(threshold)!r} AND NOT ({row}.effort_scale = 'rpe' AND {row}.rir > 4))"


# The working sets of st's drop-set series before it (journal.domain.metrics.series): from the last set before it
# that is not a drop (if that is a working set) through the drops since. A CASE keeps the lookups to drop sets.
_EARLIER = (
    f'"set" p WHERE p.entry_id = st.entry_id AND p.position < st.position AND {_working("p")} '
    'AND p.position >= coalesce((SELECT max(q.position) FROM "set" q WHERE q.entry_id = st.entry_id '
    "AND q.position < st.position AND q.set_type != 'drop'), -1)"
)
# A working set that starts a series: it counts as one working set, and its effort as the series' effort.
HEAD_SQL = f"({WORKING_SQL} AND NOT (CASE WHEN st.set_type = 'drop' THEN EXISTS (SELECT 1 FROM {_EARLIER}) ELSE 0 END))"


# A working set whose RIR is its series' RIR: the series' first rated segment (journal.domain.metrics.series_rating).
RATED_SQL = (
    f"({WORKING_SQL} AND st.rir IS NOT NULL AND NOT (CASE WHEN st.set_type = 'drop' THEN EXISTS "
    f"(SELECT 1 FROM {_EARLIER} AND p.rir IS NOT NULL) ELSE 0 END))"
)


def hard_set_sql(threshold: float) -> str:
    """1 for the set of a series that makes it a hard set: the first hard one (a series is one hard set when any of
    its segments is hard). Only an exercise measured by reps has hard sets (journal.domain.metrics.summarize)."""
    return (
        f"({WORKING_SQL} AND x.measure = 'reps' AND {_hard('st', threshold)} "
        "AND NOT (CASE WHEN st.set_type = 'drop' THEN EXISTS "
        f"(SELECT 1 FROM {_EARLIER} AND {_hard('p', threshold)}) ELSE 0 END))"
    )


_FROM = """
FROM session s
LEFT JOIN entry e ON e.session_id = s.id
LEFT JOIN exercise x ON x.id = e.exercise_id
LEFT JOIN "set" st ON st.entry_id = e.id
"""


def _as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def list_sessions(
    session_ids: list[int] | None = None, *, after: SessionSummary | None = None, limit: int | None = None
) -> list[SessionSummary]:
    """Session list rows, newest first: only the named sessions when `session_ids` is given; else the `limit`
    newest (all without one) of those that come `after` the given row in the list (all without one). A page is
    picked through the start index before anything is summed, so its cost does not grow with the journal."""
    where = ""
    params: list[Any] = []
    if session_ids is not None:
        where = f"WHERE s.id IN ({','.join('?' * len(session_ids))})"
        params = list(session_ids)
    elif after is not None or limit is not None:
        # after a row: by its start as stored (the text the index holds), or as shown if it is gone meanwhile
        older = (
            "WHERE (start, id) < (coalesce((SELECT start FROM session WHERE id = ?), ?), ?)"
            if after is not None
            else ""
        )
        where = f"WHERE s.id IN (SELECT id FROM session {older} ORDER BY start DESC, id DESC LIMIT ?)"
        params = [
            *((after.id, str(after.start), after.id) if after is not None else ()),
            -1 if limit is None else limit,
        ]
    sql = f"""
        SELECT s.id, s.start, s.title, count(st.id), coalesce(sum({SET_TONNAGE_SQL}), 0),
               (SELECT group_concat(name, char(31)) FROM
                   (SELECT x2.name AS name FROM entry e2 JOIN exercise x2 ON x2.id = e2.exercise_id
                    WHERE e2.session_id = s.id ORDER BY e2.position))
        {_FROM} {where}
        GROUP BY s.id ORDER BY s.start DESC, s.id DESC"""
    texts: dict[str, str] = {}  # one string object per distinct title or exercise name, not one per row
    share = texts.setdefault
    return [
        SessionSummary(
            id=row[0],
            start=_as_datetime(row[1]),
            title=share(row[2], row[2]),
            set_count=row[3],
            tonnage_kg=float(row[4]),
            exercise_names=tuple(share(name, name) for name in (row[5] or "").split("\x1f") if name),
        )
        for row in db.execute_sql(sql, params)
    ]


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def stats(hard_threshold: float = DEFAULT_HARD_SET_RIR) -> dict[str, Any]:
    """Totals and ISO-weekly figures for `journal stats --json`.

    `hard_sets_est` and `mean_rir_est` count, beside the logged ratings, the estimated RIR of unrated series
    (journal.domain.estimate); `rir_estimate` says how many were estimated and how far the estimate is off on the rated
    sets (mae, null without any). Weekly `sets` counts every set (so the weeks add up to the total);
    `working_sets`, `hard_sets` and `mean_rir` count a drop-set series once and leave out warm-ups, empty rows and
    cardio rows; `tonnage_kg` leaves out warm-ups; `mean_rir` is over rated sets only (a series by its first rated
    segment) and null in a week with none. `time_s` is the time under load of exercises measured by time and
    `distance_m` the distance of those measured by distance (warm-ups left out): never in tonnage or hard sets.
    """
    working = HEAD_SQL
    totals = db.execute_sql(f"""
        SELECT count(DISTINCT s.id), count(st.id), sum({working}), coalesce(sum({SET_TONNAGE_SQL}), 0),
               min(s.start), max(s.start), coalesce(sum({TIME_SQL}), 0), coalesce(sum({DISTANCE_SQL}), 0)
        {_FROM}""").fetchone()
    weeks = []
    # The Thursday of a date's ISO week names the week (and its ISO year).
    for row in db.execute_sql(f"""
        SELECT date(s.start, '-3 days', 'weekday 4') AS thursday, count(st.id), coalesce(sum({working}), 0),
               coalesce(sum({hard_set_sql(hard_threshold)}), 0), coalesce(sum({SET_TONNAGE_SQL}), 0),
               avg(CASE WHEN {RATED_SQL} THEN st.rir END), coalesce(sum({TIME_SQL}), 0),
               coalesce(sum({DISTANCE_SQL}), 0)
        {_FROM} GROUP BY thursday ORDER BY thursday"""):
        weeks.append(
            {
                "week": iso_week(date.fromisoformat(row[0])),
                "sets": row[1],
                "working_sets": row[2],
                "hard_sets": row[3],
                "tonnage_kg": round(float(row[4]), 3),
                "mean_rir": None if row[5] is None else round(float(row[5]), 3),
                "time_s": round(float(row[6]), 3),
                "distance_m": round(float(row[7]), 3),
            }
        )
    from journal.storage.estimates import estimated  # the estimates build on the review queries, which build on these

    figures = estimated(hard_threshold)
    by_week = {iso_week(date.fromordinal(int(w))): i for i, w in enumerate(figures.weekly.week)}
    mean_est = figures.weekly.mean_rir
    for week in weeks:  # beside the logged figures, never in their place
        at = by_week.get(week["week"])
        week["hard_sets_est"] = 0 if at is None else int(round(figures.weekly.hard[at]))
        week["mean_rir_est"] = None if at is None or math.isnan(mean_est[at]) else round(float(mean_est[at]), 3)
    first, last = totals[4], totals[5]
    return {
        "sessions": totals[0],
        "sets": totals[1],
        "working_sets": totals[2] or 0,
        "tonnage_kg": round(float(totals[3]), 3),
        "time_s": round(float(totals[6]), 3),
        "distance_m": round(float(totals[7]), 3),
        "first": _as_datetime(first).date().isoformat() if first else None,
        "last": _as_datetime(last).date().isoformat() if last else None,
        "hard_set_rir": hard_threshold,
        "rir_estimate": {
            "method": "unrated sets: max(0, P^-1(load / e1RM) - reps), e1RM the best of the exercise over the 8 weeks "
            "before; never stored",
            "estimated_sets": int(figures.weekly.estimated.sum()),
            "compared_sets": figures.accuracy.compared,
            "mae": None if figures.accuracy.mae is None else round(figures.accuracy.mae, 3),
            "accuracy": figures.accuracy.text,
        },
        "weeks": weeks,
    }
