# SPDX-License-Identifier: MIT
"""Strength: each session's best e1RM per exercise over time (hollow where extrapolated), actual records as stars;
several exercises can be compared. A double click on an exercise's line, or on its name in the key, asks for its page.

Signals:
    exercise_opened(str): the name of the exercise whose line or key entry was double-clicked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from journal.charts.base import DAY, Chart, sentence
from journal.charts.key import KeyEntry
from journal.charts.lines import FittedLine
from journal.charts.points import FittedScatter
from journal.charts.style import SERIES, palette_colours
from journal.domain.review import week_caption, week_of_seconds


@dataclass(frozen=True)
class StrengthSeries:
    name: str
    day: NDArray[np.float64]
    e1rm: NDArray[np.float64]  # in the display unit
    extrapolated: NDArray[np.bool_]
    session: NDArray[np.int64]
    pr_day: NDArray[np.float64]
    pr_load: NDArray[np.float64]  # in the display unit
    pr_reps: NDArray[np.int64]
    pr_session: NDArray[np.int64]
    heavy_week: NDArray[np.float64] = field(default_factory=lambda: np.empty(0))  # Mondays, POSIX seconds
    heavy_sets: NDArray[np.float64] = field(default_factory=lambda: np.empty(0))  # heavy sets in each week


# each exercise's line has its own dash as well as its colour, so the lines stay apart on a black-and-white print
LINE_STYLES = (
    ("line", Qt.PenStyle.SolidLine),
    ("dash", Qt.PenStyle.DashLine),
    ("dot", Qt.PenStyle.DotLine),
    ("dashdot", Qt.PenStyle.DashDotLine),
)
GAP_DAYS = 56  # a line breaks where sessions of an exercise are more than 8 weeks apart
NEAR_LINE_PX = 6.0  # a double click this close to a line is on it


def distance_to_line(x: NDArray[np.float64], y: NDArray[np.float64], px: float, py: float) -> float:
    """The least distance from (px, py) to the polyline through (x, y), all in pixels; a nan breaks the line."""
    if not len(x):
        return float("inf")
    ax, ay, bx, by = x[:-1], y[:-1], x[1:], y[1:]
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.clip(np.where(length > 0, ((px - ax) * dx + (py - ay) * dy) / length, 0.0), 0.0, 1.0)
    segments = np.hypot(ax + t * dx - px, ay + t * dy - py)
    points = np.hypot(x - px, y - py)  # a line of one session is a point
    found = np.concatenate([segments[np.isfinite(segments)], points[np.isfinite(points)]])
    return float(found.min()) if found.size else float("inf")


def broken_at_gaps(
    day: NDArray[np.float64], values: NDArray[np.float64], gap_days: float = GAP_DAYS
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The points with a nan put between two more than `gap_days` apart, so a line drawn with connect="finite"
    breaks there (a long break in training is not a trend)."""
    if len(day) < 2:
        return day, values
    after = np.flatnonzero(np.diff(day) > gap_days * 86400.0) + 1
    return np.insert(day, after, np.nan), np.insert(values, after, np.nan)


def rolling_median(values: NDArray[np.float64], window: int = 3) -> NDArray[np.float64]:
    """The centred rolling median (the ends use what they have)."""
    if len(values) < window:
        return values.copy()
    half = window // 2
    padded = np.concatenate([np.full(half, np.nan), values, np.full(half, np.nan)])
    return np.nanmedian(np.lib.stride_tricks.sliding_window_view(padded, window), axis=1)


class StrengthChart(Chart):
    exercise_opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = self.add_key(0, 0)
        self.plot = self.add_plot(1, 0, "e1RM")
        self.heavy_plot = self.add_plot(2, 0, "Heavy sets a week")
        self.heavy_plot.setXLink(self.plot)
        self.heavy_plot.setMaximumHeight(170)
        self.plot.getAxis("bottom").setStyle(showValues=False)
        self.items: list[pg.GraphicsObject] = []
        self._heavy_items: list[pg.GraphicsObject] = []
        self.series: list[StrengthSeries] = []
        self._lines: list[tuple[pg.PlotItem, pg.PlotDataItem, int]] = []  # each exercise's lines, for a double click
        self._slots: list[tuple[FittedLine, FittedScatter, FittedScatter, pg.ScatterPlotItem, FittedLine]] = []
        self.unit = "kg"

    def set_series(
        self,
        series: list[StrengthSeries],
        unit: str,
        empty: str = "Choose an exercise with loaded sets to see its e1RM",
    ) -> None:
        for slot in self._slots[len(series) :]:  # exercises no longer shown
            for item in slot[:4]:
                self.plot.removeItem(item)
            self.heavy_plot.removeItem(slot[4])
        del self._slots[len(series) :]
        self._heavy_items = []
        self._lines = []
        self.items, self.series, self.unit = [], series, unit
        _, text = palette_colours()
        for index, one in enumerate(series):
            line, valid, extrapolated, records, heavy = self._slot(index)
            # The line is a 3-session rolling median (SCIENCE.md M2: single sets carry ±3-4 % noise); x rising, a
            # gap's nan takes the day before it
            line_day, line_e1rm = broken_at_gaps(one.day, rolling_median(one.e1rm))
            line.setData(np.fmax.accumulate(line_day) if len(line_day) else line_day, line_e1rm, connect="finite")
            for scatter, which in ((valid, ~one.extrapolated), (extrapolated, one.extrapolated)):
                scatter.set_points(one.day[which], one.e1rm[which], one.session[which])
            # A record sits on the session's e1RM point; its tooltip says the load and reps actually lifted.
            heights = np.array(
                [
                    one.e1rm[np.flatnonzero(one.session == s)[0]] if (one.session == s).any() else load
                    for s, load in zip(one.pr_session, one.pr_load, strict=True)
                ],
                dtype=np.float64,
            )
            records.setPen(pg.mkPen(text))
            records.setData(one.pr_day, heights, data=one.pr_session)
            # Heavy sets (>= 80 % of e1RM, or <= 6 reps at RIR <= 3) per week, in the exercise's colour
            heavy.setData(one.heavy_week + 3.5 * 86400.0, one.heavy_sets)
            self._lines.append((self.plot, line, index))
            self._lines.append((self.heavy_plot, heavy, index))
            self.items += [line, valid, extrapolated, records, heavy]
            self._heavy_items.append(heavy)
        entries = [
            KeyEntry(LINE_STYLES[i % len(LINE_STYLES)][0], SERIES[i % len(SERIES)], one.name)
            for i, one in enumerate(series)
        ]
        if series:
            entries += [
                KeyEntry("star", "", "Record (actual load × reps)"),
                KeyEntry("ring", "", "Extrapolated (reps + RIR > 10)"),
                KeyEntry("line", "", "Line: median of 3 sessions"),
            ]
        self.key.set_entries(entries)
        self.plot.setLabel("left", f"e1RM ({unit})")
        self.plot.enableAutoRange(axis="y")
        heavy_top = max((float(one.heavy_sets.max()) for one in series if len(one.heavy_sets)), default=0.0)
        self.heavy_plot.setYRange(0, max(4.0, heavy_top) * 1.08, padding=0)  # counts from 0, a few at least
        has_points = any(len(one.day) for one in series)
        if has_points:
            days = np.concatenate([one.day for one in series])
            self.show_days(self.plot, float(days.min()), float(days.max()) + DAY)
        self.message(self.plot, "" if has_points else empty)
        self.message(self.heavy_plot, "" if has_points else " ")
        self._table = lambda: (
            ["exercise", "date", f"e1rm_{unit}", "extrapolated"],
            [
                (one.name, str(np.datetime64(int(d), "s").astype("datetime64[D]")), round(float(e), 1), bool(x))
                for one in series
                for d, e, x in zip(one.day, one.e1rm, one.extrapolated, strict=True)
            ],
        )

    def _slot(self, index: int) -> tuple[FittedLine, FittedScatter, FittedScatter, pg.ScatterPlotItem, FittedLine]:
        """The items of the `index`th exercise shown (its line, points, extrapolated points, records and heavy sets
        a week), in its colour and dash, made once and kept for the next exercise drawn there."""
        while len(self._slots) <= index:
            at = len(self._slots)
            colour, dash = SERIES[at % len(SERIES)], LINE_STYLES[at % len(LINE_STYLES)][1]
            line = FittedLine(pen=pg.mkPen(colour, width=1, style=dash))
            valid = FittedScatter(size=6, pen=None, brush=pg.mkBrush(colour))
            extrapolated = FittedScatter(size=7, pen=pg.mkPen(colour), brush=None)
            records = pg.ScatterPlotItem(symbol="star", size=14, brush=pg.mkBrush(colour))
            heavy = FittedLine(
                pen=pg.mkPen(colour, width=1, style=dash),
                symbol="s",
                symbolSize=5,
                symbolBrush=pg.mkBrush(colour),
                symbolPen=None,
                dense_symbols=False,  # a mark a week where weeks are closer than a pixel: the line alone
            )
            for item in (line, valid, extrapolated, records):
                self.plot.addItem(item)  # laid on the plot first, so that what they draw is fitted to its pixels
                if isinstance(item, pg.ScatterPlotItem):
                    item.sigClicked.connect(self._clicked)
            self.heavy_plot.addItem(heavy)
            self._slots.append((line, valid, extrapolated, records, heavy))
        return self._slots[index]

    def _describe_week(self, x: float) -> str | None:
        """The heavy sets of each exercise in the week under the pointer."""
        monday = np.floor((x - 4 * DAY) / (7 * DAY)) * 7 * DAY + 4 * DAY  # 1 Jan 1970 was a Thursday
        lines = []
        for one in self.series:
            found = np.flatnonzero(np.abs(one.heavy_week - monday) < DAY / 2)
            if found.size:
                lines.append(f"{one.name}: {one.heavy_sets[found[0]]:g} heavy sets")
        if not lines:
            return None
        return sentence(week_caption(week_of_seconds(monday))) + "\n" + "\n".join(lines)

    def highlight(self, set_ids: Any, session_ids: Any, weeks: Any) -> None:
        chosen = [np.isin(one.session, session_ids) for one in self.series]
        x = np.concatenate([one.day[c] for one, c in zip(self.series, chosen, strict=True)] or [np.empty(0)])
        y = np.concatenate([one.e1rm[c] for one, c in zip(self.series, chosen, strict=True)] or [np.empty(0)])
        self.mark_points(self.plot, x, y)

    def _clicked(self, _item: pg.ScatterPlotItem, points: list[object], _event: object) -> None:
        if points:
            self.session_clicked.emit(int(points[0].data()), 0)  # type: ignore[attr-defined]

    def series_at(self, position: QPointF) -> int | None:
        """The exercise (its index in the series) whose name in the key, or whose line, is at the scene position."""
        if self.key.isVisible() and self.key.sceneBoundingRect().contains(position):
            entry = self.key.entry_at(self.key.mapFromScene(position))
            return entry if entry is not None and entry < len(self.series) else None
        for plot in (self.plot, self.heavy_plot):
            if plot.sceneBoundingRect().contains(position):
                point = plot.vb.mapSceneToView(position)
                return self._line_at(plot, point.x(), point.y())
        return None

    def _line_at(self, plot: pg.PlotItem, x: float, y: float) -> int | None:
        """The exercise whose line in `plot` passes within a few pixels of (x, y), in data coordinates."""
        best: tuple[float, int] | None = None
        width, height = plot.vb.viewPixelSize()  # data units a pixel
        if not width or not height:
            return None
        for drawn_in, line, index in self._lines:
            line_x, line_y = line.getData()
            if drawn_in is not plot or line_x is None or not len(line_x):
                continue
            away = distance_to_line(
                np.asarray(line_x, dtype=np.float64) / width,
                np.asarray(line_y, dtype=np.float64) / height,
                x / width,
                y / height,
            )
            if away <= NEAR_LINE_PX and (best is None or away < best[0]):
                best = (away, index)
        return None if best is None else best[1]

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.series_at(self.mapToScene(event.position().toPoint()))
            if index is not None:
                self.exercise_opened.emit(self.series[index].name)
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    def describe(self, plot: pg.PlotItem, x: float, y: float) -> str | None:
        if plot is self.heavy_plot:
            return self._describe_week(x)
        best: tuple[float, str] | None = None
        (x0, x1), (y0, y1) = plot.viewRange()
        for one in self.series:
            if not len(one.day):
                continue
            distance = np.hypot((one.day - x) / max(x1 - x0, 1e-9), (one.e1rm - y) / max(y1 - y0, 1e-9))
            index = int(np.argmin(distance))
            if distance[index] < 0.02 and (best is None or distance[index] < best[0]):
                day = np.datetime64(int(one.day[index]), "s").astype("datetime64[D]")
                mark = " (extrapolated)" if one.extrapolated[index] else ""
                text = f"{one.name}\n{day}: e1RM {one.e1rm[index]:.1f} {self.unit}{mark}"
                records = np.flatnonzero(one.pr_session == one.session[index])
                for record in records:
                    text += f"\nRecord: {one.pr_load[record]:g} {self.unit} × {one.pr_reps[record]}"
                best = (float(distance[index]), text)
        if best is None:
            line = self._line_at(plot, x, y)
            return None if line is None else f"{self.series[line].name}\nDouble-click: its page"
        return best[1]
