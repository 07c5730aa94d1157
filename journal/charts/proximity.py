# SPDX-License-Identifier: MIT
"""Proximity to failure: every rated set as a point (date by RIR, a little jitter, coloured by set type) with the
weekly mean, and below it each week's sets by RIR bin, unrated sets apart."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from journal.charts.base import DAY, MAX_POINTS, Chart, even_sample, sentence, week_bars
from journal.charts.key import KeyEntry
from journal.charts.lines import FittedLine
from journal.charts.points import Points
from journal.charts.style import BIN_COLOURS, ESTIMATE, MEAN_LINE, SET_TYPE_COLOURS, Bars
from journal.domain.records import SetType
from journal.domain.review import RIR_BINS, week_caption, week_label, week_of_seconds

JITTER_RIR = 0.18
BIN_NAMES = (*(f"RIR {b}" for b in RIR_BINS), "Not rated")


def within_the_day(day: NDArray[np.float64], jitter: np.random.Generator) -> NDArray[np.float64]:
    """Each set somewhere inside its own day (POSIX seconds), so that sets of one day spread apart and never land
    on a rest day, before the range or after today."""
    midnight = np.floor(day / DAY) * DAY
    return midnight + jitter.uniform(0.1, 0.9, day.size) * DAY


@dataclass(frozen=True)
class ProximitySeries:
    """What the proximity chart draws: per set (day in POSIX seconds, RIR, nan when not rated, set type as an index
    into list(SetType), session, exercise and set ids), and per week (Monday in POSIX seconds, mean RIR, the shares
    of working sets per RIR bin and unrated, and the working sets)."""

    day: NDArray[np.float64]
    rir: NDArray[np.floating[Any]]
    set_type: NDArray[np.int8]
    session: NDArray[np.int64]
    week_seconds: NDArray[np.float64]
    mean_rir: NDArray[np.float64]
    shares: NDArray[np.float64]
    working: NDArray[np.float64]
    exercise: NDArray[np.int64] | None = None
    set_ids: NDArray[np.int64] | None = None
    names: Mapping[int, str] = field(default_factory=dict)
    mean_label: str | None = None


class ProximityChart(Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points_key = self.add_key(0, 0)
        self.points_plot = self.add_plot(1, 0, "Reps in reserve")
        self.shares_key = self.add_key(2, 0)
        self.shares_plot = self.add_plot(3, 0, "Share of working sets")
        self.shares_plot.setXLink(self.points_plot)
        self.points_plot.getAxis("bottom").setStyle(showValues=False)
        self.scatter: dict[SetType, pg.ScatterPlotItem] = {}
        for set_type in SetType:
            if set_type is SetType.WARMUP:
                continue
            item = Points(
                size=5,
                pen=None,
                brush=pg.mkBrush(SET_TYPE_COLOURS[set_type]),
                name=set_type.label,
                hoverable=True,
                tip=lambda x, y, data, kind=set_type: self._tip(kind, data),
            )
            item.sigClicked.connect(self._clicked)
            self.points_plot.addItem(item)
            self.scatter[set_type] = item
        self.mean = FittedLine(pen=pg.mkPen(MEAN_LINE, width=2), name="Weekly mean RIR", antialias=False)
        self.points_plot.addItem(self.mean)
        self.estimated = Points(
            size=6,
            pen=pg.mkPen(ESTIMATE),
            brush=None,
            symbol="o",
            hoverable=True,
            name="Estimated RIR, unrated sets (≈)",
            tip=lambda x, y, data: self._estimate_tip(data),
        )
        self.estimated.sigClicked.connect(self._estimate_clicked)
        self.points_plot.addItem(self.estimated)
        self.estimated_mean = FittedLine(
            pen=pg.mkPen(ESTIMATE, width=2, style=Qt.PenStyle.DashLine),
            name="Weekly mean RIR with estimates (≈)",
            antialias=False,
        )
        self.points_plot.addItem(self.estimated_mean)
        self._estimates: tuple[NDArray[np.float64], ...] = ()
        self._estimate_ids: tuple[NDArray[np.int64], NDArray[np.int64]] = (np.empty(0, np.int64), np.empty(0, np.int64))
        self.estimate_note = ""
        self.stack = [Bars(x=[], height=[], width=1, brush=colour, pen=None) for colour in BIN_COLOURS]
        for bar in self.stack:
            self.shares_plot.addItem(bar)
        self.shares_key.set_entries(
            [KeyEntry("bar", colour, name) for name, colour in zip(BIN_NAMES, BIN_COLOURS, strict=True)]
        )
        self.shares_plot.setYRange(0, 1)
        self.weeks = np.empty(0)
        self.shares = np.empty((0, 6))
        self.counts = np.empty(0)
        self._sessions: dict[SetType, NDArray[np.int64]] = {}
        self._set_ids: dict[SetType, NDArray[np.int64]] = {}
        self._truth: dict[SetType, tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.int64]]] = {}
        self._names: dict[int, str] = {}
        self.sampled = (0, 0)  # (points drawn, rated sets)

    def set_series(self, series: ProximitySeries, seed: int = 7, empty: str | None = None) -> None:
        """Rated sets as points (unrated sets are not points: they show in the bars), the weekly mean RIR, and each
        week's shares of working sets per RIR bin and unrated; `empty` is what the chart says when it has no set."""
        day, rir, set_type, session = series.day, series.rir, series.set_type, series.session
        week_seconds, mean_rir, shares, working = series.week_seconds, series.mean_rir, series.shares, series.working
        exercise, set_ids, mean_label = series.exercise, series.set_ids, series.mean_label
        rated = ~np.isnan(rir)
        self._names = dict(series.names)
        jitter = np.random.default_rng(seed)
        shown = rated.copy()
        total = int(rated.sum())
        shown[np.flatnonzero(rated)] = even_sample(total, jitter)  # keeps the picture, redraws in a blink
        self.sampled = (int(shown.sum()), total)
        types = list(SetType)
        for code, item in ((types.index(t), item) for t, item in self.scatter.items()):
            chosen = shown & (set_type == code)
            count = int(chosen.sum())
            x = within_the_day(day[chosen], jitter)
            y = rir[chosen] + jitter.uniform(-JITTER_RIR, JITTER_RIR, count)
            self._sessions[types[code]] = session[chosen]
            self._set_ids[types[code]] = set_ids[chosen] if set_ids is not None else np.zeros(count, np.int64)
            self._truth[types[code]] = (
                day[chosen],
                rir[chosen],
                exercise[chosen] if exercise is not None else np.zeros(count, np.int64),
            )
            item.setData(x=x, y=y, data=np.arange(count))
        centres, width = week_bars(week_seconds)
        has_mean = ~np.isnan(mean_rir)
        few = int(has_mean.sum()) < 3  # a line of one or two points shows its points
        self.mean.setData(
            centres[has_mean], mean_rir[has_mean], symbol="s" if few else None, symbolSize=7, symbolBrush=MEAN_LINE
        )
        self.mean.opts["name"] = mean_label or "Weekly mean RIR"
        bottom = np.zeros(len(week_seconds))
        for column, bar in enumerate(self.stack):
            bar.setOpts(  # weighted by the week's working sets where a pixel column draws several weeks
                x=centres, height=shares[:, column] if len(shares) else [], y0=bottom, width=width, weights=working
            )
            bottom = bottom + (shares[:, column] if len(shares) else 0)
        self.weeks, self.shares, self.counts = week_seconds, shares, working
        self._key()
        self.points_plot.enableAutoRange(axis="y")
        self.shares_plot.setYRange(0, 1)
        if len(week_seconds) and working.any():  # from the first week with sets
            first = int(np.flatnonzero(working > 0)[0])
            self.show_days(self.points_plot, float(week_seconds[first]), float(week_seconds[-1]) + 7 * DAY)
        elif rated.any():
            self.show_days(self.points_plot, float(day[rated].min()), float(day[rated].max()) + DAY)
        unrated = "No sets with RIR in this range" + (
            ": the sets here were logged without RIR or RPE, so they show only as “Not rated” below"
            if working.any()
            else ""
        )
        self.message(self.points_plot, "" if rated.any() else (empty or unrated))
        self.points_plot.setTitle(
            f"{self.sampled[0]:,} of {total:,} rated sets shown (an even sample)" if total > MAX_POINTS else None,
            size="9pt",
        )
        self.message(self.shares_plot, "" if working.any() else (" " if empty else "No working sets in this range"))
        self._table = lambda: (
            ["week", "working_sets", *(n.lower().replace(" ", "_") for n in BIN_NAMES), "mean_rir"],
            [
                (
                    week_label(week_of_seconds(s)),
                    int(w),
                    *(round(float(v), 4) for v in share),
                    None if np.isnan(m) else round(float(m), 3),
                )
                for s, w, share, m in zip(week_seconds, working, shares, mean_rir, strict=True)
            ],
        )

    def set_estimates(
        self,
        day: NDArray[np.float64] | None,
        rir: NDArray[np.float64] | None = None,
        session: NDArray[np.int64] | None = None,
        set_ids: NDArray[np.int64] | None = None,
        exercise: NDArray[np.int64] | None = None,
        mean_rir: NDArray[np.float64] | None = None,
        note: str = "",
    ) -> None:
        """Unrated sets at their estimated RIR, drawn apart (hollow grey points, never the set-type colours), and
        the weekly mean with the estimates (dashed) when given; `note` (the estimate's accuracy) goes in the title.
        None draws no estimates."""
        if day is None or rir is None or session is None or set_ids is None or exercise is None:
            self.estimated.setData(x=[], y=[])
            self.estimated_mean.setData([], [])
            self._estimates, self.estimate_note = (), ""
            self._key()
            return
        jitter = np.random.default_rng(11)
        total = int(day.size)
        shown = even_sample(total, jitter)  # as the rated sets: the weekly mean uses every estimate
        if total > MAX_POINTS:
            day, rir, exercise = day[shown], rir[shown], exercise[shown]
            session, set_ids = session[shown], set_ids[shown]
        count = int(day.size)
        self._estimates = (day, rir, exercise.astype(np.float64))
        self._estimate_ids = (session, set_ids)
        self.estimated.setData(
            x=within_the_day(day, jitter),
            y=rir + jitter.uniform(-JITTER_RIR, JITTER_RIR, count),
            data=np.arange(count),
        )
        if mean_rir is not None and len(self.weeks) == len(mean_rir):
            centres, _ = week_bars(self.weeks)
            has = ~np.isnan(mean_rir)
            self.estimated_mean.setData(centres[has], mean_rir[has])
        else:
            self.estimated_mean.setData([], [])
        self.estimate_note = note if self.counts.any() else ""
        note = self.estimate_note
        self._key()
        points, rated = self.sampled
        if total > MAX_POINTS:  # a sample of the estimates too: both told in as few words
            sampled = f"{count:,} of {total:,} estimates shown (an even sample)"
            if rated > MAX_POINTS:
                sampled = f"An even sample: {points:,} of {rated:,} rated sets, {count:,} of {total:,} estimates"
        else:
            sampled = self.points_plot.titleLabel.text if self.points_plot.titleLabel.isVisible() else ""
        self.points_plot.setTitle(" · ".join(t for t in (sampled, note) if t) or None, size="9pt")
        if count:
            self.message(self.points_plot, "")

    def highlight(self, set_ids: Any, session_ids: Any, weeks: Any) -> None:
        """Ring the sets an insight stands on (by set id; an insight about whole sessions marks none here)."""
        xs, ys = [], []
        for kind, item in self.scatter.items():
            x, y = item.getData()
            if x is None or not len(x):
                continue
            ids = self._set_ids.get(kind, np.empty(0, np.int64))
            chosen = np.isin(ids, set_ids)
            xs.append(x[chosen])
            ys.append(y[chosen])
        x, y = self.estimated.getData()
        if x is not None and len(x) and len(self._estimate_ids[0]) == len(x):
            _sessions, ids = self._estimate_ids
            chosen = np.isin(ids, set_ids)
            xs.append(x[chosen])
            ys.append(y[chosen])
        self.mark_points(self.points_plot, np.concatenate(xs or [[]]), np.concatenate(ys or [[]]))

    def _key(self) -> None:
        """The set types drawn, the mean line and the estimates when shown."""
        entries = [
            KeyEntry("point", SET_TYPE_COLOURS[kind], f"{kind.label} set")
            for kind, item in self.scatter.items()
            if item.data.size
        ]
        if self.mean.xData is not None and len(self.mean.xData):
            entries.append(KeyEntry("line", MEAN_LINE, str(self.mean.opts["name"])))
        if self._estimates and len(self._estimates[0]):
            entries.append(KeyEntry("ring", ESTIMATE, "Estimated RIR, unrated sets (≈)"))
            if self.estimated_mean.xData is not None and len(self.estimated_mean.xData):
                entries.append(KeyEntry("dash", ESTIMATE, "Weekly mean RIR with estimates (≈)"))
        self.points_key.set_entries(entries if self.counts.any() or self.sampled[1] else [])
        drawn: list[bool] = (
            [bool(v) for v in np.any(self.shares, axis=0)] if len(self.shares) else [False] * len(BIN_NAMES)
        )
        self.shares_key.set_entries(  # the bins drawn: an import without RPE has only "Not rated"
            [
                KeyEntry("bar", colour, name)
                for name, colour, shown in zip(BIN_NAMES, BIN_COLOURS, drawn, strict=True)
                if shown
            ]
            if self.counts.any()
            else []
        )

    def _estimate_tip(self, index: object) -> str:
        day, rir, exercise = (values[int(index)] for values in self._estimates)  # type: ignore[call-overload]
        name = self._names.get(int(exercise), "")
        return (
            f"{np.datetime64(int(day), 's').astype('datetime64[D]')} · {name}\nNot rated: RIR ≈ "
            f"{float(rir):.1f} estimated from load and e1RM · click to open the session"
        )

    def _estimate_clicked(self, _item: pg.ScatterPlotItem, points: list[object], _event: object) -> None:
        if points:
            index = points[0].data()  # type: ignore[attr-defined]
            self.session_clicked.emit(int(self._estimate_ids[0][index]), int(self._estimate_ids[1][index]))

    def _tip(self, set_type: SetType, index: object) -> str:
        """The set under the mouse as logged (the point itself is jittered): date, exercise, type and RIR."""
        day, rir, exercise = (values[int(index)] for values in self._truth[set_type])  # type: ignore[call-overload]
        name = self._names.get(int(exercise), "")
        return (
            f"{np.datetime64(int(day), 's').astype('datetime64[D]')} · {name}\n{set_type.label} set · RIR "
            f"{float(rir):g} · click to open the session"
        )

    def _clicked(self, item: pg.ScatterPlotItem, points: list[object], _event: object) -> None:
        set_type = next(t for t, i in self.scatter.items() if i is item)
        if points:
            index = points[0].data()  # type: ignore[attr-defined]
            self.session_clicked.emit(int(self._sessions[set_type][index]), int(self._set_ids[set_type][index]))

    def describe(self, plot: pg.PlotItem, x: float, y: float) -> str | None:
        if plot is not self.shares_plot or not len(self.weeks):
            return None
        index = int(np.searchsorted(self.weeks, x, side="right")) - 1
        if index < 0 or x > self.weeks[index] + 7 * DAY:
            return None
        parts = [f"{name} {share:.0%}" for name, share in zip(BIN_NAMES, self.shares[index], strict=True) if share]
        week = sentence(week_caption(week_of_seconds(self.weeks[index])))
        return f"{week} · {int(self.counts[index])} working sets\n" + "\n".join(parts)
