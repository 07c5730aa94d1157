# SPDX-License-Identifier: MIT
"""RIR calibration: reported against actual reps in reserve on sets taken on to failure (with the line where they
agree), and the error over time."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from journal.charts.base import Chart, even_sample
from journal.charts.style import HARD, MEAN_LINE, SERIES, palette_colours

JITTER = 0.12


class CalibrationChart(Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scatter_plot = self.add_plot(0, 0, "Actual RIR (failure reps − reps)", "Reported RIR", dates=False)
        self.time_plot = self.add_plot(0, 1, "Error (reported − actual), reps")
        _, text = palette_colours()
        self.identity = pg.InfiniteLine(pos=(0, 0), angle=45, pen=pg.mkPen(text, style=pg.QtCore.Qt.PenStyle.DashLine))
        self.scatter_plot.addItem(self.identity, ignoreBounds=True)
        self.points = pg.ScatterPlotItem(
            size=8,
            pen=None,
            brush=pg.mkBrush(SERIES[0] + "c0"),
            hoverable=True,
            tip=lambda x, y, data: f"reported {round(x * 2) / 2:g}, actual {round(y):g} reps in reserve",
        )
        self.points.sigClicked.connect(self._clicked)
        self.scatter_plot.addItem(self.points)
        # The key to the lines sits in the title row, above the plot: a legend inside it covers a long history.
        self.time_plot.setTitle(
            f'<span style="color:{MEAN_LINE}">━━</span> Mean error (last 10)&nbsp;&nbsp;&nbsp; '
            f'<span style="color:{HARD}">╺╸╺╸</span> Mean absolute error (last 10)',
            size="9pt",
        )
        self.zero = pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen(text, style=pg.QtCore.Qt.PenStyle.DotLine))
        self.time_plot.addItem(self.zero, ignoreBounds=True)
        self.bias_line = pg.PlotDataItem(pen=pg.mkPen(MEAN_LINE, width=2), name="Mean error (last 10)", antialias=False)
        self.mae_line = pg.PlotDataItem(
            pen=pg.mkPen(HARD, width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
            name="Mean absolute error (last 10)",
            antialias=False,
        )
        self.errors = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(SERIES[0] + "80"))
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
    ) -> None:
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
        for plot in self.plots:
            plot.enableAutoRange()
        few = "Log “To failure” reps on a few sets (3 or more) to see how well you judge your reserve"
        self.message(self.scatter_plot, "" if count else few)
        self.message(self.time_plot, "" if len(rolling_day) else ("" if not count else "3 or more sets needed"))
        self._table = lambda: (
            ["date", "reported_rir", "actual_rir", "error"],
            [
                (str(np.datetime64(int(d), "s").astype("datetime64[D]")), float(r), float(a), float(r - a))
                for d, r, a in zip(day, reported, actual, strict=True)
            ],
        )

    def _clicked(self, _item: pg.ScatterPlotItem, points: list[object], _event: object) -> None:
        if points:
            index = points[0].data()  # type: ignore[attr-defined]
            self.session_clicked.emit(int(self._sessions[index]), int(self._set_ids[index]))
