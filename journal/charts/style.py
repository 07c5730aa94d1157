# SPDX-License-Identifier: MIT
"""Chart colours, readable on light and dark palettes alike, and the plot set-up every chart shares."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication

from journal.domain.records import SetType

# Antialiased lines wider than one pixel are drawn a hundred times slower by Qt's raster engine (234 ms against
# 2 ms for three 700-point lines, measured): lines are 1 px antialiased, or wider without antialiasing.
pg.setConfigOptions(antialias=True)

# RIR bins 0, 1, 2, 3, 4+ and "not rated": red (at failure) to blue (far), grey for unrated.
BIN_COLOURS = ("#d7301f", "#fc8d59", "#fdcc8a", "#91bfdb", "#4575b4", "#9e9e9e")
SET_TYPE_COLOURS = {
    SetType.WARMUP: "#9e9e9e",
    SetType.WORKING: "#1f77b4",
    SetType.DROP: "#9467bd",
    SetType.FAILURE: "#d62728",
    SetType.BACKOFF: "#2ca02c",
}
SERIES = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf")
TONNAGE = "#4c78a8"
HARD = "#e45756"
WORKING = "#bab0ac"
MEAN_LINE = "#ff7f0e"
ESTIMATE = "#7f7f7f"  # estimated RIR: hollow grey points and dashed lines, never the logged colours


class Bars(pg.BarGraphItem):
    """Bars drawn without antialiasing: their edges are upright and level, so it changes nothing to the eye, and
    antialiased rectangles cost the raster engine about three times as much."""

    def paint(self, painter: QPainter, *args: object) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        super().paint(painter, *args)
        painter.restore()


def palette_colours() -> tuple[QColor, QColor]:
    """(background, foreground) of the application's palette."""
    palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)


LEFT_AXIS_WIDTH = 72  # the same for every plot, so stacked plots line up and large numbers fit


def style_plot(plot: pg.PlotItem, left: str, bottom: str | None = None) -> None:
    """Axis labels and pens in the palette's text colour, a faint grid."""
    _, text = palette_colours()
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(text))
        axis.setTextPen(pg.mkPen(text))
    plot.getAxis("left").setWidth(LEFT_AXIS_WIDTH)
    plot.setLabel("left", left, color=text.name())
    if bottom:
        plot.setLabel("bottom", bottom, color=text.name())
    plot.titleLabel.opts["color"] = text.name()  # titles set later take it too
    plot.showGrid(x=False, y=True, alpha=0.15)  # a grid along a ten-year date axis costs more than it shows
    for name in ("left", "bottom"):
        plot.getAxis(name).setStyle(maxTickLevel=1)
    plot.setMenuEnabled(False)


def add_legend(plot: pg.PlotItem, **options: object) -> pg.LegendItem:
    """A legend on a panel of the palette's base colour, in its text colour, readable over bars."""
    legend = plot.addLegend(offset=(-10, 5), **options)
    style_legend(legend)
    return legend


def style_legend(legend: pg.LegendItem) -> None:
    """The legend's panel, frame and labels in the palette's colours (again after a change of palette)."""
    background, text = palette_colours()
    panel = QColor(background)
    panel.setAlpha(225)
    legend.setBrush(pg.mkBrush(panel))
    legend.setPen(pg.mkPen(text.darker(150) if text.lightness() > 128 else text.lighter(300)))
    legend.setLabelTextColor(text)
    for _sample, label in legend.items:  # the colour is kept for new labels; a label shown is drawn again
        label.setText(label.text, color=text)


def restyle_plot(plot: pg.PlotItem) -> None:
    """Everything of a plot that takes the palette's colours: axes, labels, title and legend."""
    _, text = palette_colours()
    style_plot(plot, plot.getAxis("left").labelText, plot.getAxis("bottom").labelText or None)
    if plot.titleLabel.text:
        plot.titleLabel.setText(plot.titleLabel.text, color=text.name())
    else:
        plot.titleLabel.opts["color"] = text.name()  # for a title set later
    if plot.legend is not None:
        style_legend(plot.legend)


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
    item.setText(message)
    item.setVisible(bool(message))
    item.setPos(plot.vb.width() / 2, plot.vb.height() / 2)
