# SPDX-License-Identifier: MIT
"""Chart colours, readable on light and dark palettes alike, and the plot set-up every chart shares."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from journal.domain.records import SetType

pg.setConfigOptions(antialias=True, background=None, foreground=None)

# RIR bins 0, 1, 2, 3, 4+ and "not rated": red (at failure) to blue (far), grey for unrated.
BIN_COLOURS = ("#d7301f", "#fc8d59", "#fdcc8a", "#91bfdb", "#4575b4", "#9e9e9e")
SET_TYPE_COLOURS = {SetType.WARMUP: "#9e9e9e", SetType.WORKING: "#1f77b4", SetType.DROP: "#9467bd",
                    SetType.FAILURE: "#d62728", SetType.BACKOFF: "#2ca02c"}
SERIES = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf")
TONNAGE = "#4c78a8"
HARD = "#e45756"
WORKING = "#bab0ac"
MEAN_LINE = "#ff7f0e"


def palette_colours() -> tuple[QColor, QColor]:
    """(background, foreground) of the application's palette."""
    palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)


def style_plot(plot: pg.PlotItem, left: str, bottom: str | None = None) -> None:
    """Axis labels and pens in the palette's text colour, a faint grid."""
    _, text = palette_colours()
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(text))
        axis.setTextPen(pg.mkPen(text))
    plot.setLabel("left", left, color=text.name())
    if bottom:
        plot.setLabel("bottom", bottom, color=text.name())
    plot.showGrid(x=True, y=True, alpha=0.15)
    plot.setMenuEnabled(False)


def date_axis() -> pg.DateAxisItem:
    return pg.DateAxisItem(orientation="bottom", utcOffset=0)


def message_item(plot: pg.PlotItem) -> pg.TextItem:
    """A text shown in the middle of a plot when it has nothing to draw."""
    _, text = palette_colours()
    item = pg.TextItem("", color=text, anchor=(0.5, 0.5))
    item.setZValue(100)
    plot.addItem(item, ignoreBounds=True)
    return item


def show_message(plot: pg.PlotItem, item: pg.TextItem, message: str) -> None:
    item.setText(message)
    item.setVisible(bool(message))
    if message:
        (x0, x1), (y0, y1) = plot.viewRange()
        item.setPos((x0 + x1) / 2, (y0 + y1) / 2)
