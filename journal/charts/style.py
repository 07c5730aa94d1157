# SPDX-License-Identifier: MIT
"""Chart colours, readable on light and dark palettes alike, and the plot set-up every chart shares."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
from numpy.typing import NDArray

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QTextOption
from PySide6.QtWidgets import QApplication

from journal.domain.records import SetType

# Antialiased lines wider than one pixel are drawn a hundred times slower by Qt's raster engine (234 ms against
# 2 ms for three 700-point lines, measured): lines are 1 px antialiased, or wider without antialiasing.
pg.setConfigOptions(antialias=True)

# One palette for every chart and the printed report, after Okabe and Ito (2008): its colours stay apart for readers
# with red-green colour blindness (deuteranopia, protanopia), on a light and a dark background, and the RIR bins run
# from dark to light and back by lightness so that a black-and-white print still tells neighbours apart.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#e69f00",
    "sky": "#56b4e9",
    "green": "#009e73",
    "yellow": "#f0e442",
    "blue": "#0072b2",
    "vermillion": "#d55e00",
    "purple": "#cc79a7",
    "grey": "#999999",
}
# RIR bins 0, 1, 2, 3, 4+ and "not rated": vermillion (at failure) through yellow to blue (far), grey for unrated.
BIN_COLOURS = ("#d55e00", "#e69f00", "#f0e442", "#56b4e9", "#0072b2", "#999999")
SET_TYPE_COLOURS = {
    SetType.WARMUP: "#b4d7f0",  # a pale sky blue: apart from the grey of "not rated" and from the other set types
    SetType.WORKING: "#0072b2",
    SetType.DROP: "#cc79a7",
    SetType.FAILURE: "#d55e00",
    SetType.BACKOFF: "#009e73",
}
SERIES = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#999999")
TONNAGE = "#0072b2"
HARD = "#d55e00"  # hard sets (logged RIR), and a chart's second line
WORKING = "#a8a8a8"
MEAN_LINE = "#e69f00"
ESTIMATE = "#7f7f7f"  # estimated RIR: hollow grey points and dashed lines, never the logged colours
CHART_COLOURS = (*BIN_COLOURS, *SET_TYPE_COLOURS.values(), *SERIES, TONNAGE, HARD, WORKING, MEAN_LINE, ESTIMATE)


KEEP_LAST_BARS = 16  # the latest bars are always drawn as they are (the week so far keeps its own colour)


class Bars(pg.BarGraphItem):
    """Bars drawn without antialiasing: their edges are upright and level, so it changes nothing to the eye, and
    antialiased rectangles cost the raster engine about three times as much.

    Where the view holds more bars than pixel columns (decades of weeks), each column is drawn once, as one
    rectangle over its bars: from the lowest bottom to the highest top, which is the same pixels as every bar drawn
    in turn (their union), or, for bars stacked by share (`weights`, one a bar), the weighted mean of their bottoms
    and tops, so the stacks of a column still add up. Qt fills ten thousand rectangles one by one in a quarter of a
    second; a thousand columns in a millisecond. The latest bars are drawn as they are, each in its own brush."""

    def paint(self, painter: QPainter, *args: object) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        columns = self._dense_columns()
        if columns is not None:
            self._paint_columns(painter, *columns)
        elif self._brushes is not None and self._sharedPen is not None and self._sharedPen.style() == Qt.PenStyle.NoPen:
            self._paint_runs(painter)
        else:
            super().paint(painter, *args)
        painter.restore()

    def _paint_runs(self, painter: QPainter) -> None:
        """Bars of a brush each (all but the week so far the same): each run of one brush filled in one call,
        rather than recorded rectangle by rectangle into a picture played back at every paint."""
        brushes = self._brushes
        assert brushes is not None
        rects = self._rectarray.ndarray()
        starts = [0, *(i for i in range(1, len(brushes)) if brushes[i] is not brushes[i - 1]), len(brushes)]
        painter.setPen(Qt.PenStyle.NoPen)
        for start, end in itertools.pairwise(starts):
            painter.setBrush(brushes[start])
            run = _rects(rects[start:end])  # held while Qt reads it: drawargs() points into its memory
            painter.drawRects(*run.drawargs())

    def _dense_columns(self) -> tuple[NDArray[np.float64], int] | None:
        """(x0, y0, width, height) of each column to draw and how many bars (from the end) to draw as they are; None
        when the bars are to be drawn one by one (few enough in view, outlined, or not laid on a view)."""
        rects = self._rectarray.ndarray()
        count = len(rects)
        if count <= KEEP_LAST_BARS or self._sharedPen is None or self._sharedPen.style() != Qt.PenStyle.NoPen:
            return None
        pixel = self.pixelWidth()
        view = self.viewRect()
        if not pixel or view is None or not view.width():
            return None
        head = count - KEEP_LAST_BARS
        left, right = view.left(), view.right()
        x0, y0, width, height = (rects[:head, i] for i in range(4))
        first, last = np.searchsorted(x0 + width, left), np.searchsorted(x0, right, side="right")
        if last - first <= view.width() / pixel:  # a pixel column or more a bar: drawn as they are
            return None
        x0, y0, width, height = x0[first:last], y0[first:last], width[first:last], height[first:last]
        top = y0 + height
        column = np.floor((x0 + width / 2) / pixel)
        starts = np.flatnonzero(np.concatenate([[True], column[1:] != column[:-1]]))
        weights = self.opts.get("weights")
        if weights is None:
            bottom = np.minimum.reduceat(y0, starts)
            top = np.maximum.reduceat(top, starts)
        else:
            weight = np.asarray(weights, dtype=np.float64)[:head][first:last]
            total = np.add.reduceat(weight, starts)
            with np.errstate(invalid="ignore", divide="ignore"):
                bottom = np.add.reduceat(y0 * weight, starts) / total
                top = np.add.reduceat(top * weight, starts) / total
            bottom, top = np.nan_to_num(bottom), np.nan_to_num(top)
        cells = np.column_stack([column[starts] * pixel, bottom, np.full(starts.size, pixel), top - bottom])
        return cells[cells[:, 3] > 0], head

    def _paint_columns(self, painter: QPainter, cells: NDArray[np.float64], head: int) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        brush = self._sharedBrush if self._brushes is None else self._brushes[0]
        painter.setBrush(brush)
        columns = _rects(cells)
        painter.drawRects(*columns.drawargs())
        for index, (x, y, width, height) in enumerate(self._rectarray.ndarray()[head:].tolist(), start=head):
            painter.fillRect(QRectF(x, y, width, height), brush if self._brushes is None else self._brushes[index])

    def shape(self) -> QPainterPath:
        """The bars' outline for the scene's hit tests: their bounding box (a path of ten thousand rectangles costs
        more to make than a hover is worth, and no bar is clicked)."""
        path = QPainterPath()
        path.addRect(self.boundingRect())
        return path


def _rects(cells: NDArray[np.float64]) -> Any:
    """Rectangles (x, y, width, height rows) as Qt takes them in one call."""
    rects = pg.Qt.internals.PrimitiveArray(QRectF, 4)
    rects.resize(len(cells))
    if len(cells):
        rects.ndarray()[:] = cells
    return rects


_paper: list[bool] = []  # while not empty, charts are drawn black on white, for print


def palette_colours() -> tuple[QColor, QColor]:
    """(background, foreground) of the application's palette; white and black while drawing for paper."""
    if _paper:
        return QColor("#ffffff"), QColor("#000000")
    palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)


PALE_ALPHA = 110  # a bar of a week not over yet


def pale(colour: str) -> QColor:
    """`colour` as drawn for a week not over yet."""
    faint = QColor(colour)
    faint.setAlpha(PALE_ALPHA)
    return faint


def pale_on_background(colour: str) -> str:
    """The colour pale() shows on the palette's background, as an opaque colour for a key."""
    background, _ = palette_colours()
    mix = PALE_ALPHA / 255
    fore = QColor(colour)
    blended = QColor(
        round(fore.red() * mix + background.red() * (1 - mix)),
        round(fore.green() * mix + background.green() * (1 - mix)),
        round(fore.blue() * mix + background.blue() * (1 - mix)),
    )
    return str(blended.name())


@contextmanager
def on_paper() -> Iterator[None]:
    """Charts built and drawn inside this block are black on white whatever the window's theme (a report
    printed from the dark theme is not a page of black ink)."""
    _paper.append(True)
    try:
        yield
    finally:
        _paper.pop()


LEFT_AXIS_WIDTH = 72  # the same for every plot, so stacked plots line up and large numbers fit


def style_plot(plot: pg.PlotItem, left: str, bottom: str | None = None) -> None:
    """Axis labels and pens in the palette's text colour, a faint grid."""
    _, text = palette_colours()
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(text))
        axis.setTextPen(pg.mkPen(text))
    plot.getAxis("left").setWidth(LEFT_AXIS_WIDTH)
    plot.getAxis("left").enableAutoSIPrefix(False)  # "Tonnage (kg) (x0.001)" reads as nothing
    plot.setLabel("left", left, color=text.name())
    if bottom:
        plot.setLabel("bottom", bottom, color=text.name())
    plot.titleLabel.opts["color"] = text.name()  # titles set later take it too
    plot.showGrid(x=False, y=True, alpha=0.15)  # a grid along a ten-year date axis costs more than it shows
    for name in ("left", "bottom"):
        plot.getAxis(name).setStyle(maxTickLevel=1)
    plot.setMenuEnabled(False)


def restyle_plot(plot: pg.PlotItem) -> None:
    """Everything of a plot that takes the palette's colours: axes, labels, title and legend."""
    _, text = palette_colours()
    style_plot(plot, plot.getAxis("left").labelText, plot.getAxis("bottom").labelText or None)
    if plot.titleLabel.text:
        plot.titleLabel.setText(plot.titleLabel.text, color=text.name())
    else:
        plot.titleLabel.opts["color"] = text.name()  # for a title set later


def message_item(plot: pg.PlotItem) -> pg.TextItem:
    """A text shown in the middle of a plot when it has nothing to draw; it sits on the view box itself, in
    pixels, so no data range can push it out of sight."""
    _, text = palette_colours()
    item = pg.TextItem("", color=text, anchor=(0.5, 0.5))
    item.setZValue(100)
    item.setVisible(False)
    item.setParentItem(plot.vb)
    plot.vb.sigResized.connect(lambda box: item.setPos(box.width() / 2, box.height() / 2))
    return item


def style_message(item: pg.TextItem) -> None:
    item.setColor(palette_colours()[1])


def show_message(plot: pg.PlotItem, item: pg.TextItem, message: str) -> None:
    """The message in the middle of the plot, wrapped to its width."""
    item.setText(message)
    item.setTextWidth(max(120.0, min(plot.vb.width() - 24, 560.0)) if message.strip() else -1)
    item.textItem.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignCenter))
    item.setVisible(bool(message))
    item.setPos(plot.vb.width() / 2, plot.vb.height() / 2)
