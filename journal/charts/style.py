# SPDX-License-Identifier: MIT
"""Chart colours, readable on light and dark palettes alike, and the plot set-up every chart shares."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QTextOption
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


class Bars(pg.BarGraphItem):
    """Bars drawn without antialiasing: their edges are upright and level, so it changes nothing to the eye, and
    antialiased rectangles cost the raster engine about three times as much."""

    def paint(self, painter: QPainter, *args: object) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        super().paint(painter, *args)
        painter.restore()


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
