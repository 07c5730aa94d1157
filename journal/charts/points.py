# SPDX-License-Identifier: MIT
"""Scatters drawn at the detail of the pixels shown: one point of a few pixels' square where many fall on it."""

from __future__ import annotations

import time
from typing import Any

import numpy as np
from numpy.typing import NDArray

import pyqtgraph as pg
from PySide6.QtCore import QTimer

from journal.charts.lines import KEEP_LAST, THROTTLE_S

CELL_PX = 2.0  # points closer than this (in pixels, both ways) than one drawn are not drawn again
FEW_POINTS = 2_000  # a scatter of no more points than this is drawn whole


def one_a_cell(x: NDArray[np.float64], y: NDArray[np.float64], width: float, height: float) -> NDArray[np.intp]:
    """Which points to draw: the first of each cell `width` by `height` (data units) that holds any, and the last
    KEEP_LAST points all, in their order. A point left out lies within a cell of one drawn, under its mark."""
    count = len(x)
    head = max(0, count - KEEP_LAST)
    if not head or not (width > 0 and height > 0):
        return np.arange(count)
    column = np.floor(x[:head] / width)
    row = np.floor(y[:head] / height)
    finite = np.isfinite(column) & np.isfinite(row)
    cells = np.column_stack([column[finite], row[finite]])
    _, first = np.unique(cells, axis=0, return_index=True)
    return np.concatenate([np.sort(np.flatnonzero(finite)[first]), np.arange(head, count)])


class Points(pg.ScatterPlotItem):
    """A ScatterPlotItem whose points all look the same (one symbol, size, pen and brush) looks their picture up once
    for all of them: pyqtgraph looks it up point by point, in Python, a few microseconds each (60 ms for 12,000)."""

    def addPoints(self, *args: Any, **kwargs: Any) -> None:
        own = ("symbol", "size", "pen", "brush", "symbolPen", "symbolBrush", "symbolSize", "pens", "brushes")
        self._own_looks = getattr(self, "_own_looks", False) or any(
            isinstance(kwargs.get(name), list | tuple | np.ndarray) for name in own
        )
        super().addPoints(*args, **kwargs)

    def _looks(self, args: tuple[Any, ...]) -> None:
        """A list or array of looks is one a point (pyqtgraph's rule for setBrush, setPen, setSymbol, setSize)."""
        if len(args) == 1 and isinstance(args[0], list | np.ndarray):
            self._own_looks = True

    def setBrush(self, *args: Any, **kwargs: Any) -> None:
        self._looks(args)
        super().setBrush(*args, **kwargs)

    def setPen(self, *args: Any, **kwargs: Any) -> None:
        self._looks(args)
        super().setPen(*args, **kwargs)

    def setSymbol(self, *args: Any, **kwargs: Any) -> None:
        self._looks(args)
        super().setSymbol(*args, **kwargs)

    def setSize(self, *args: Any, **kwargs: Any) -> None:
        self._looks(args)
        super().setSize(*args, **kwargs)

    def updateSpots(self, dataSet: Any = None) -> None:
        data = self.data if dataSet is None else dataSet
        if getattr(self, "_own_looks", True) or not (self.opts["pxMode"] and self.opts["useCache"]):
            super().updateSpots(dataSet)  # points given looks of their own
            return
        new = data["sourceRect"]["w"] == 0
        if not new.any():
            super().updateSpots(dataSet)
            return
        style = (self.opts["symbol"], self.opts["size"], self.opts["pen"], self.opts["brush"])
        data["sourceRect"][new] = self.fragmentAtlas[[style]][0]
        self._maybeRebuildAtlas()
        self._updateMaxSpotSizes(data=data)
        self.invalidate()


class FittedScatter(Points):
    """A ScatterPlotItem that, with many points, draws one point for each few pixels' square of the view that holds
    any (and its latest points all): pyqtgraph spends some microseconds of Python on every point it is given, and
    eighteen thousand sessions of an exercise over decades cover a few thousand such squares. Fitted again when
    the view is zoomed or resized; `whole` keeps every point, for what is told of them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.whole: tuple[NDArray[np.float64], NDArray[np.float64], NDArray[Any] | None] | None = None
        self._fitted: tuple[float, float] | None = None
        self._moved = 0.0
        super().__init__(*args, **kwargs)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.fit)

    def set_points(self, x: Any, y: Any, data: Any = None) -> None:
        """Every point (x rising); what is drawn of them is fitted to the view."""
        self.whole = (
            np.asarray(x, dtype=np.float64),
            np.asarray(y, dtype=np.float64),
            None if data is None else np.asarray(data),
        )
        self._fitted = None
        self.fit()

    def _cell(self) -> tuple[float, float]:
        """The cell's width and height in data units at the view's present scale; zeros when not laid out."""
        view = self.getViewBox()
        if view is None or view.width() <= 0 or view.height() <= 0:
            return 0.0, 0.0
        (left, right), (bottom, top) = view.viewRange()
        return CELL_PX * (right - left) / view.width(), CELL_PX * (top - bottom) / view.height()

    def fit(self) -> None:
        """Draw the points the view needs at its present scale."""
        if self.whole is None:
            return
        x, y, data = self.whole
        width, height = self._cell() if len(x) > FEW_POINTS else (0.0, 0.0)
        fitted = self._fitted
        if fitted is not None and all(
            (a == b == 0) or (b and abs(a / b - 1) < 0.05) for a, b in zip((width, height), fitted, strict=True)
        ):
            return  # moved along at the same scale: the cells are the same
        self._fitted = (width, height)
        keep = one_a_cell(x, y, width, height)
        if len(keep) == len(x):
            self.setData(x=x, y=y, data=data)
        else:
            self.setData(x=x[keep], y=y[keep], data=None if data is None else data[keep])

    def viewTransformChanged(self) -> None:
        super().viewTransformChanged()
        self._view_moved()

    def viewRangeChanged(self, *args: Any) -> None:
        super().viewRangeChanged()
        self._view_moved()

    def _view_moved(self) -> None:
        if self.whole is None or len(self.whole[0]) <= FEW_POINTS or not hasattr(self, "_timer"):
            return
        now = time.monotonic()
        unfitted = self._fitted is None or self._fitted == (0.0, 0.0)  # every point drawn: fitted at once, as lines
        if now - self._moved >= THROTTLE_S or unfitted:
            self._moved = now
            self.fit()
        elif not self._timer.isActive():
            self._timer.start(round((THROTTLE_S - (now - self._moved)) * 1000) + 1)
