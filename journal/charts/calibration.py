# SPDX-License-Identifier: MIT
"""RIR calibration: reported against actual reps in reserve on sets taken on to failure (with the line where they
agree), and the error over time."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from journal.charts.base import DAY, Chart, even_sample
from journal.charts.key import KeyEntry
from journal.charts.lines import FittedLine
from journal.charts.points import Points
from journal.charts.style import HARD, MEAN_LINE, SERIES, palette_colours

JITTER = 0.12
SCATTER_KEY = [KeyEntry("point", SERIES[0], "A set taken to failure"), KeyEntry("dash", "", "Where reported = actual")]
TIME_KEY = [
    KeyEntry("line", MEAN_LINE, "Mean error (last 10)"),
    KeyEntry("dash", HARD, "Mean absolute error (last 10)"),
]


class CalibrationChart(Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verdict = self.add_key(0, 0, colspan=2)
        self.scatter_key = self.add_key(1, 0)
        self.time_key = self.add_key(1, 1)
        self.scatter_plot = self.add_plot(2, 0, "Actual RIR (failure reps − reps)", "Reported RIR", dates=False)
        self.time_plot = self.add_plot(2, 1, "Error (reported − actual), reps")
        # a rep as long across as up, so the line of agreement runs at 45°: the plot's column is made as wide as
        # its box is high (an aspect lock would stretch one axis below 0 instead)
        self.scatter_plot.vb.sigResized.connect(self._keep_square)
        self.scatter_plot.setMouseEnabled(x=False, y=False)
        for name in ("left", "bottom"):
            self.scatter_plot.getAxis(name).setTickSpacing(major=1, minor=1)
        self.scatter_plot.showGrid(x=True, y=True, alpha=0.12)
        self.square(4)
        _, text = palette_colours()
        self.identity = pg.InfiniteLine(pos=(0, 0), angle=45, pen=pg.mkPen(text, style=pg.QtCore.Qt.PenStyle.DashLine))
        self.scatter_plot.addItem(self.identity, ignoreBounds=True)
        self.points = Points(
            size=8,
            pen=None,
            brush=pg.mkBrush(SERIES[0] + "c0"),
            hoverable=True,
            tip=lambda x, y, data: f"reported {round(x * 2) / 2:g}, actual {round(y):g} reps in reserve",
        )
        self.points.sigClicked.connect(self._clicked)
        self.scatter_plot.addItem(self.points)
        self.zero = pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen(text, style=pg.QtCore.Qt.PenStyle.DotLine))
        self.time_plot.addItem(self.zero, ignoreBounds=True)
        self.bias_line = FittedLine(pen=pg.mkPen(MEAN_LINE, width=2), name="Mean error (last 10)", antialias=False)
        self.mae_line = FittedLine(
            pen=pg.mkPen(HARD, width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
            name="Mean absolute error (last 10)",
            antialias=False,
        )
        self.errors = Points(size=5, pen=None, brush=pg.mkBrush(SERIES[0] + "80"))
        for item in (self.errors, self.bias_line, self.mae_line):
            self.time_plot.addItem(item)
        self._sessions = np.empty(0, np.int64)
        self._set_ids = np.empty(0, np.int64)

    def themed(self, text: QColor) -> None:
        if not hasattr(self, "zero"):
            return  # still being built
        self.identity.setPen(pg.mkPen(text, style=pg.QtCore.Qt.PenStyle.DashLine))
        self.zero.setPen(pg.mkPen(text, style=pg.QtCore.Qt.PenStyle.DotLine))

    def set_series(
        self,
        reported: NDArray[np.float64],
        actual: NDArray[np.float64],
        day: NDArray[np.float64],
        session: NDArray[np.int64],
        rolling_day: NDArray[np.float64],
        rolling_bias: NDArray[np.float64],
        rolling_mae: NDArray[np.float64],
        seed: int = 3,
        set_ids: NDArray[np.int64] | None = None,
        verdict: str = "",
    ) -> None:
        """The sets taken to failure (reported against actual RIR), their errors over time with the rolling
        lines, and `verdict`: one line in plain words above the plots."""
        jitter = np.random.default_rng(seed)
        count = len(reported)
        shown = even_sample(count, jitter)  # the rolling lines and the figures use every set
        drawn = int(shown.sum())
        self._sessions = session[shown]
        self._set_ids = set_ids[shown] if set_ids is not None else np.zeros(drawn, np.int64)
        self.points.setData(
            x=reported[shown] + jitter.uniform(-JITTER, JITTER, drawn),
            y=actual[shown] + jitter.uniform(-JITTER, JITTER, drawn),
            data=np.arange(drawn),
        )
        self.errors.setData(x=day[shown], y=reported[shown] - actual[shown])
        self.scatter_plot.setTitle(
            f"{drawn:,} of {count:,} sets shown (an even sample)" if drawn < count else None, size="9pt"
        )
        self.bias_line.setData(rolling_day, rolling_bias)
        self.mae_line.setData(rolling_day, rolling_mae)
        self.square(float(max(reported.max(), actual.max())) if count else 4)
        self.time_plot.enableAutoRange(axis="y")
        days = np.concatenate([day, rolling_day])
        if days.size:
            self.show_days(self.time_plot, float(days.min()), float(days.max()) + DAY)
        few = (
            "Log the reps you reach when you take a set on to failure (“To failure” in the session) on 3 or more "
            "sets to see how well you judge your reserve"
        )
        _, text = palette_colours()
        self.verdict.set_text(verdict if count else few, text, bold=bool(count))
        self.scatter_key.set_entries(SCATTER_KEY if count else [])
        self.time_key.set_entries(TIME_KEY if len(rolling_day) else [])
        self.message(self.scatter_plot, "" if count else "No sets taken to failure")
        self.message(
            self.time_plot, "" if len(rolling_day) else ("No sets yet" if not count else "3 or more sets needed")
        )
        self._table = lambda: (
            ["date", "reported_rir", "actual_rir", "error"],
            [
                (str(np.datetime64(int(d), "s").astype("datetime64[D]")), float(r), float(a), float(r - a))
                for d, r, a in zip(day, reported, actual, strict=True)
            ],
        )

    def highlight(self, set_ids: Any, session_ids: Any, weeks: Any) -> None:
        x, y = self.points.getData()
        if x is None or not len(x):
            self.mark_points(self.scatter_plot, [], [])
            return
        chosen = np.isin(self._set_ids, set_ids)  # sets only: a whole session's sets would say nothing
        self.mark_points(self.scatter_plot, x[chosen], y[chosen])

    def _keep_square(self, box: pg.ViewBox) -> None:
        extra = self.scatter_plot.width() - box.width()
        width = box.height() + extra
        if box.height() > 0 and abs(box.width() - box.height()) > 1.5 and width < self.width() * 0.6:
            self.ci.layout.setColumnFixedWidth(0, width)

    def square(self, top: float) -> None:
        """Both axes from 0 to `top` whole reps (at least 4), a rep the same length on both."""
        top = max(4.0, float(np.ceil(top)))
        self.scatter_plot.setRange(xRange=(-0.5, top + 0.5), yRange=(-0.5, top + 0.5), padding=0)
        step = 1 if top <= 12 else 2
        for name in ("left", "bottom"):
            self.scatter_plot.getAxis(name).setTickSpacing(major=step, minor=step)

    def _clicked(self, _item: pg.ScatterPlotItem, points: list[object], _event: object) -> None:
        if points:
            index = points[0].data()  # type: ignore[attr-defined]
            self.session_clicked.emit(int(self._sessions[index]), int(self._set_ids[index]))
