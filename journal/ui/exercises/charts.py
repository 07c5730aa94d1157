# SPDX-License-Identifier: MIT
"""The exercise page's charts (e1RM, best set with its records, weekly hard sets, RIR) and the bodyweight chart."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time

import numpy as np

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from journal.charts.base import DAY, Chart, week_bars
from journal.charts.key import KeyEntry
from journal.charts.style import BIN_COLOURS, HARD, SERIES, WORKING
from journal.domain.exercise_figures import Record, SessionBest
from journal.domain.units import Unit, format_load, from_kg

RECORD_COLOUR = "#e6a700"
NOT_RATED_GAP = 0.9  # "not rated" stands apart from the RIR bins, and its label clear of "4+" in a narrow window


def bin_positions(names: Sequence[str]) -> list[float]:
    """Where each RIR bin's bar stands: one a step, and "not rated" a gap further on."""
    return [i + (NOT_RATED_GAP if name == "not rated" else 0.0) for i, name in enumerate(names)]


def seconds(day: date | datetime) -> float:
    moment = day if isinstance(day, datetime) else datetime.combine(day, time())
    return moment.replace(tzinfo=UTC).timestamp()


class ExerciseCharts(Chart):
    """Four small charts of one exercise, side by side in two rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.e1rm = self.add_plot(0, 0, "e1RM")
        self.best = self.add_plot(0, 1, "Heaviest set")
        self.weekly = self.add_plot(1, 0, "Sets")
        self.rir = self.add_plot(1, 1, "Working sets", dates=False)
        for plot, title in (
            (self.e1rm, "Best e1RM (estimate)"),
            (self.best, "Heaviest set, ★ record"),
            (self.weekly, "Sets a week: working (grey), hard (red)"),
            (self.rir, "Sets by RIR"),
        ):
            plot.setTitle(title)
        self.setMinimumHeight(360)
        self._bests: list[SessionBest] = []
        self._unit = Unit.KG

    def set_data(
        self,
        bests: Sequence[SessionBest],
        records: Sequence[Record],
        weeks: Sequence[tuple[date, int, int]],
        rir: dict[str, int],
        unit: Unit,
    ) -> None:
        self._bests, self._unit = list(bests), unit
        for plot in self.plots:
            plot.clear()
        for plot in (self.e1rm, self.best):
            plot.setLabel("left", f"{'e1RM' if plot is self.e1rm else 'Load'} ({unit})")
        x = np.array([seconds(b.start) for b in bests])
        e1rm = np.array([np.nan if b.e1rm_kg is None else from_kg(b.e1rm_kg, unit) for b in bests])
        extrapolated = np.array([b.extrapolated for b in bests], dtype=bool)
        colour = SERIES[0]
        self.e1rm.plot(x, e1rm, pen=pg.mkPen(colour, width=1.5), connect="finite")
        self.e1rm.plot(x[~extrapolated], e1rm[~extrapolated], pen=None, symbol="o", symbolSize=6, symbolBrush=colour)
        self.e1rm.plot(
            x[extrapolated], e1rm[extrapolated], pen=None, symbol="o", symbolSize=6, symbolBrush=None, symbolPen=colour
        )
        load = np.array([from_kg(b.load_kg, unit) for b in bests])
        self.best.plot(x, load, pen=pg.mkPen(SERIES[2], width=1.5), symbol="o", symbolSize=5, symbolBrush=SERIES[2])
        if records:
            starts = {b.session: seconds(b.start) for b in bests}  # a star stands on its session's point
            self.best.plot(
                [starts.get(r.session, seconds(r.day)) for r in records],
                [from_kg(r.load_kg, unit) for r in records],
                pen=None,
                symbol="star",
                symbolSize=13,
                symbolBrush=RECORD_COLOUR,
                symbolPen=pg.mkPen("#7a5800"),
            )
        mondays = np.array([seconds(w[0]) for w in weeks])
        centres, width = week_bars(mondays) if len(weeks) else (mondays, 6 * DAY)
        self.weekly.addItem(
            pg.BarGraphItem(x=centres, height=[w[1] for w in weeks], width=width, brush=WORKING, pen=None)
        )
        self.weekly.addItem(pg.BarGraphItem(x=centres, height=[w[2] for w in weeks], width=width, brush=HARD, pen=None))
        names = list(rir)
        where = bin_positions(names)
        self.rir.addItem(
            pg.BarGraphItem(
                x=np.array(where),
                height=[rir[n] for n in names],
                width=0.7,
                brushes=[pg.mkBrush(c) for c in BIN_COLOURS[: len(names)]],
                pen=None,
            )
        )
        self.rir.getAxis("bottom").setTicks([list(zip(where, names, strict=True))])
        empty = "No sets yet" if not bests else ""
        for plot in (self.e1rm, self.best, self.weekly):
            self.message(plot, empty)
        self.message(self.rir, "" if any(rir.values()) else "No working sets yet")
        for plot in self.plots:
            plot.enableAutoRange()
        # room beside the outer bars for their labels: the axis leaves out a label that would overhang it
        self.rir.setXRange(-0.8, (where[-1] if where else 0.0) + 1.2, padding=0)
        self._table = lambda: (
            ["date", f"best e1RM ({unit})", "extrapolated", f"heaviest load ({unit})", "reps"],
            [
                [
                    b.start.date().isoformat(),
                    None if b.e1rm_kg is None else round(from_kg(b.e1rm_kg, unit), 2),
                    b.extrapolated,
                    round(from_kg(b.load_kg, unit), 2),
                    b.reps,
                ]
                for b in self._bests
            ],
        )

    def describe(self, plot: pg.PlotItem, x: float, y: float) -> str | None:
        if plot not in (self.e1rm, self.best) or not self._bests:
            return None
        near = min(self._bests, key=lambda b: abs(seconds(b.start) - x))
        if abs(seconds(near.start) - x) > 4 * DAY:
            return None
        unit = self._unit
        e1rm = "–" if near.e1rm_kg is None else f"{format_load(near.e1rm_kg, unit, 1)} {unit}"
        return (
            f"{near.start:%d %b %Y}: best e1RM {e1rm}{' (extrapolated)' if near.extrapolated else ''}; "
            f"heaviest {format_load(near.load_kg, unit)} {unit} × {near.reps}"
        )


class BodyweightChart(Chart):
    """Each day's bodyweight as a point and its 7-day trend as a line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = self.add_key(
            0, 0, [KeyEntry("point", SERIES[0], "weighed"), KeyEntry("line", SERIES[1], "7-day trend")]
        )
        self.plot = self.add_plot(1, 0, "Bodyweight")
        self.plot.setTitle("Bodyweight, with its 7-day trend")
        self.setMinimumHeight(240)

    def set_data(self, days: Sequence[tuple[date, float]], trend: Sequence[tuple[date, float]], unit: Unit) -> None:
        self.plot.clear()
        self.plot.setLabel("left", f"Bodyweight ({unit})")
        x = [seconds(d) for d, _ in days]
        self.plot.plot(
            x, [from_kg(kg, unit) for _, kg in days], pen=None, symbol="o", symbolSize=5, symbolBrush=SERIES[0]
        )
        self.plot.plot(
            [seconds(d) for d, _ in trend], [from_kg(kg, unit) for _, kg in trend], pen=pg.mkPen(SERIES[1], width=2)
        )
        self.message(self.plot, "" if days else "No bodyweight yet: type one above, or give a session its bodyweight")
        self.plot.enableAutoRange()
        if days and (x[-1] - x[0]) < 28 * DAY:  # a few days: a month around them, not hours
            middle = (x[0] + x[-1]) / 2
            self.plot.setXRange(middle - 14 * DAY, middle + 14 * DAY, padding=0)
        if days:
            values = [from_kg(kg, unit) for _, kg in days]
            if max(values) - min(values) < 2:
                self.plot.setYRange(min(values) - 1, max(values) + 1, padding=0)
        self._table = lambda: (
            ["date", f"bodyweight ({unit})", f"7-day trend ({unit})"],
            [
                [d.isoformat(), round(from_kg(kg, unit), 2), round(from_kg(t, unit), 2)]
                for (d, kg), (_, t) in zip(days, trend, strict=True)
            ],
        )
