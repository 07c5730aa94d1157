# SPDX-License-Identifier: MIT
"""Long lines drawn at the detail of the pixels shown: the lowest and highest point of each pixel column."""

from __future__ import annotations

import time
from typing import Any

import numpy as np
from numpy.typing import NDArray

import pyqtgraph as pg
from PySide6.QtCore import QTimer

KEEP_LAST = 16  # the latest points are always drawn as they are
PIXELS_A_POINT = 1.5  # fewer pixels a point than this in view: the line is drawn at the pixels' detail
THROTTLE_S = 0.05  # while the view moves, the line is fitted again at most this often


def peaks(x: NDArray[np.float64], y: NDArray[np.float64], width: float, keep_last: int = KEEP_LAST) -> NDArray[Any]:
    """Which points to draw of a line whose `x` rises: in each column `width` wide, the lowest and the highest (a
    column with no finite value keeps its gap), and the last `keep_last` points all. The lines between them cover
    every point of the column, so the line looks as drawn whole; the first point is kept too (the line's extent)."""
    count = len(x)
    head = max(0, count - keep_last)
    if not head:
        return np.arange(count)
    column = np.floor(x[:head] / width)
    starts = np.flatnonzero(np.concatenate([[True], column[1:] != column[:-1]]))
    ends = np.append(starts[1:], head)
    run = np.repeat(np.arange(starts.size), ends - starts)
    finite = np.isfinite(y[:head])
    low = np.lexsort((np.where(finite, y[:head], np.inf), run))[starts]
    high = np.lexsort((np.where(finite, y[:head], -np.inf), run))[ends - 1]
    return np.unique(np.concatenate([[0], low, high, np.arange(head, count)]))


class FittedLine(pg.PlotDataItem):
    """A PlotDataItem that, where its view holds more points than it has pixel columns to tell apart, draws only each
    column's lowest and highest point, as separate segments: Qt strokes a wide pen along one long path that zigzags
    (ten thousand weekly points) in a second or more, and the same segments one by one in a few milliseconds, which
    look the same. Fitted again as the view is zoomed or resized."""

    def __init__(self, *args: Any, dense_symbols: bool = True, **kwargs: Any) -> None:
        self._symbol = kwargs.get("symbol") if not dense_symbols else None  # drawn only where not dense
        self._whole: tuple[NDArray[np.float64], NDArray[np.float64], dict[str, Any]] | None = None
        self._fitted: tuple[bool, float] | None = None
        self._moved = 0.0
        super().__init__(*args, **kwargs)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.fit)

    def setData(self, *args: Any, **kwargs: Any) -> None:
        if len(args) != 2 or not hasattr(self, "_timer"):
            self._whole = None
            super().setData(*args, **kwargs)
            return
        x, y = (np.asarray(values, dtype=np.float64) for values in args)
        self._whole, self._fitted = (x, y, kwargs), None
        self.fit()

    def fit(self) -> None:
        """Draw the points the view needs, at its present range and size."""
        if self._whole is None:
            return
        x, y, kwargs = self._whole
        view = self.getViewBox()
        dense, width = False, 0.0
        if view is not None and len(x) > KEEP_LAST:
            (left, right), columns = view.viewRange()[0], view.width()
            if columns > 0 and right > left:
                low, high = np.searchsorted(x, [left, right])
                width = (right - left) / columns
                dense = high - low > columns / PIXELS_A_POINT
        fitted = self._fitted
        if fitted is not None and fitted[0] == dense and (not dense or abs(width / fitted[1] - 1) < 0.05):
            return  # moved along at the same scale: the columns are the same
        self._fitted = (dense, width)
        keep = peaks(x, y, width) if dense else slice(None)
        self.curve.setSegmentedLineMode("on" if dense else "auto")
        if self._symbol is not None:
            kwargs = {**kwargs, "symbol": None if dense else self._symbol}
        super().setData(x[keep], y[keep], **kwargs)

    def viewTransformChanged(self) -> None:
        super().viewTransformChanged()
        self._view_moved()

    def viewRangeChanged(self, vb: Any = None, ranges: Any = None, changed: Any = None) -> None:
        super().viewRangeChanged(vb, ranges, changed)
        self._view_moved()

    def _view_moved(self) -> None:
        """The view was zoomed, moved or resized: fitted again now, or, while it keeps moving, once THROTTLE_S
        has passed since the last time; but at once while the line is drawn whole (a chart laid out as it is
        first shown gets its sizes in quick succession, and a long line, dashed most of all, stroked whole even
        once costs Qt a long outline it keeps: 18 MB for 36,000 points)."""
        if self._whole is None or not hasattr(self, "_timer"):
            return
        now = time.monotonic()
        whole = self._fitted is None or not self._fitted[0]
        if now - self._moved >= THROTTLE_S or (whole and len(self._whole[0]) > KEEP_LAST):
            self._moved = now
            self.fit()
        elif not self._timer.isActive():
            self._timer.start(round((THROTTLE_S - (now - self._moved)) * 1000) + 1)


def fit_lines(scene: Any) -> None:
    """Fit every FittedLine and FittedScatter of a scene to its view now (before an export, which does not wait
    for the throttle)."""
    from journal.charts.points import FittedScatter

    for item in scene.items():
        if isinstance(item, FittedLine | FittedScatter):
            item.fit()
