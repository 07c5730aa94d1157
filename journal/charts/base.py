# SPDX-License-Identifier: MIT
"""What every chart shares: plots styled from the palette, a message when there is nothing to draw, hover
descriptions, and export to PNG, SVG and CSV.

Signals:
    session_clicked(int, int): a point was clicked: its session, and the set it stands for (0 for a point that
        stands for the whole session).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QEvent, QPointF, Signal
from PySide6.QtGui import QColor, QCursor, QHelpEvent, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from journal.charts.axes import DayAxis
from journal.charts.key import ChartKey, KeyEntry
from journal.charts.lines import fit_lines
from journal.charts.style import (
    message_item,
    palette_colours,
    restyle_plot,
    show_message,
    style_message,
    style_plot,
)
from journal.domain.cells import escape

DAY = 86400.0
MIN_DAYS = 7  # the narrowest a date axis zooms: a week
MIN_SPAN_DAYS = 28  # the least a date axis shows: four weeks
Table = tuple[list[str], list[Sequence[Any]]]


class Chart(pg.GraphicsLayoutWidget):
    session_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        background, _ = palette_colours()
        super().__init__(parent, show=False)
        self.setBackground(background)
        self.plots: list[pg.PlotItem] = []
        self.keys: list[ChartKey] = []
        self._marks: dict[int, pg.ScatterPlotItem] = {}
        self._messages: dict[int, pg.TextItem] = {}
        self.scene().sigMouseMoved.connect(self._hovered)
        self._table: Callable[[], Table] = lambda: ([], [])  # set with the data; made only when asked for

    @property
    def table(self) -> Table:
        """What the chart shows, as a header and rows (for CSV export)."""
        return self._table()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of light and dark colours while open."""
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "plots"):
            self.restyle()
        super().changeEvent(event)

    def restyle(self) -> None:
        """Background, axes, labels, titles, legends and messages in the palette's colours."""
        background, text = palette_colours()
        self.setBackground(background)
        for plot in self.plots:
            restyle_plot(plot)
        for item in self._messages.values():
            style_message(item)
        for key in self.keys:
            key.restyle(text)
        self.themed(text)

    def themed(self, text: QColor) -> None:
        """Recolour what a chart draws in the palette's text colour (reference lines); `text` is that colour."""

    def add_plot(
        self, row: int, col: int, left: str, bottom: str | None = None, dates: bool = True, **kwargs: Any
    ) -> pg.PlotItem:
        axis = {"bottom": DayAxis()} if dates else {}
        plot = self.addPlot(row=row, col=col, axisItems=axis, **kwargs)
        plot.setClipToView(True)  # lines draw only the points in view
        style_plot(plot, left, bottom)
        if dates:  # never zoomed in to hours: a day is the smallest thing a training history tells
            plot.setLimits(minXRange=MIN_DAYS * DAY)
        self._messages[id(plot)] = message_item(plot)
        self.plots.append(plot)
        return plot

    def add_key(self, row: int, col: int, entries: list[KeyEntry] | None = None, colspan: int = 1) -> ChartKey:
        """A key in a row of the layout of its own (above a plot, never over its data)."""
        key = ChartKey()
        self.addItem(key, row=row, col=col, colspan=colspan)
        key.set_entries(entries or [], palette_colours()[1])
        self.keys.append(key)
        return key

    def message(self, plot: pg.PlotItem, text: str) -> None:
        """Show `text` in the middle of `plot` (an empty text hides it); a plot with a message shows no tick
        values (an empty plot's axes run over a meaningless range)."""
        show_message(plot, self._messages[id(plot)], text)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            if bool(text) != getattr(axis, "_values_hidden", False):
                if bool(text):
                    axis._shown_values = axis.style["showValues"]
                    axis.setStyle(showValues=False)
                else:
                    axis.setStyle(showValues=getattr(axis, "_shown_values", True))
                axis._values_hidden = bool(text)

    @staticmethod
    def show_days(plot: pg.PlotItem, first: float, last: float, least_days: float = MIN_SPAN_DAYS) -> None:
        """Show the days from `first` to `last` (POSIX seconds), and at least `least_days` up to `last`: a week or
        two of data are drawn at the scale of a month, not stretched over the whole width."""
        if not (np.isfinite(first) and np.isfinite(last)) or last < first:
            return
        first = min(first, last - least_days * DAY)
        plot.setXRange(first, last, padding=0.01)

    # ---- marks ----
    def highlight(self, set_ids: Any, session_ids: Any, weeks: Any) -> None:
        """Mark what an insight chosen stands on: sets (by id), else sessions, else weeks (Mondays in POSIX
        seconds); all three empty clear the marks."""

    def marks(self, plot: pg.PlotItem) -> pg.ScatterPlotItem:
        """The plot's ring marks (made on first use), drawn over its points in the palette's text colour."""
        found = self._marks.get(id(plot))
        if found is None:
            found = pg.ScatterPlotItem(size=14, brush=None, symbol="o")
            found.setZValue(50)
            plot.addItem(found)
            self._marks[id(plot)] = found
        found.setPen(pg.mkPen(palette_colours()[1], width=2))
        return found

    def mark_points(self, plot: pg.PlotItem, x: Any, y: Any) -> None:
        self.marks(plot).setData(x=np.asarray(x, dtype=np.float64), y=np.asarray(y, dtype=np.float64))

    # ---- hover ----
    def describe(self, plot: pg.PlotItem, x: float, y: float) -> str | None:
        """What is under the mouse at data coordinates (x, y) of `plot`; None for nothing."""
        return None

    def text_at(self, position: QPointF) -> str | None:
        """What describe() says of the scene position, or None."""
        for plot in self.plots:
            if plot.sceneBoundingRect().contains(position):
                point = plot.vb.mapSceneToView(position)
                return self.describe(plot, point.x(), point.y())
        return None

    def _hovered(self, position: QPointF) -> None:
        if any(plot.sceneBoundingRect().contains(position) for plot in self.plots):
            text = self.text_at(position)
            if text:
                QToolTip.showText(QCursor.pos(), text, self)
            else:
                QToolTip.hideText()

    def viewportEvent(self, event: QEvent) -> bool:
        """The tooltip event that comes when the pointer rests (after about 0.7 s) asks the scene, which finds no
        item tooltip and hid the description shown: the description is shown again instead, and stays while the
        pointer is on the same thing."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.text_at(self.mapToScene(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
                return True
        return bool(super().viewportEvent(event))

    # ---- export ----
    def render_image(self, width: int, height: int | None = None, scale: float = 1.0) -> QImage:
        """The chart drawn at this size (16:9 by default), as the command line, the printed report and the PNG
        export want it, `scale` times as many pixels (the same layout, sharper); a chart not on screen is laid out
        at that size first and put back as it was."""
        shown = self.isVisible()
        if not shown:
            self.resize(width, height or width * 9 // 16)
            self.show()  # lays the plots out at this size (offscreen for the command line)
            QApplication.processEvents()
        fit_lines(self.scene())  # at the size drawn, without waiting for the throttle
        exporter = pg.exporters.ImageExporter(self.scene())
        exporter.parameters()["width"] = round(width * scale)
        image = exporter.export(toBytes=True)
        if not shown:
            self.hide()
        assert isinstance(image, QImage)
        return image

    def export_png(self, path: Path, width: int = 1600) -> None:
        if not self.render_image(width).save(str(path)):
            raise OSError(f"{path} could not be written")

    def export_svg(self, path: Path) -> None:
        """Vector SVG drawn by Qt's own SVG generator. pyqtgraph's SVGExporter fails on the paths Qt 6 writes
        (https://github.com/pyqtgraph/pyqtgraph/issues/3485), so the scene is rendered straight into it."""
        rect = self.scene().sceneRect()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(rect.size().toSize())
        generator.setViewBox(rect)
        generator.setTitle("Journal chart")
        painter = QPainter(generator)
        try:
            self.scene().render(painter, rect, rect)
        finally:
            painter.end()

    def export_csv(self, path: Path) -> None:
        """The chart's figures; text that a spreadsheet would run as a formula (an exercise named '=1+1') is
        written with a leading apostrophe, as Journal CSV writes it."""
        header, rows = self.table
        with path.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow([escape(str(name)) for name in header])
            writer.writerows([escape(cell) if isinstance(cell, str) else cell for cell in row] for row in rows)


MAX_POINTS = 12_000  # above this, a scatter draws an even sample (figures and lines still use every set)


def even_sample(count: int, rng: np.random.Generator, limit: int = MAX_POINTS) -> NDArray[np.bool_]:
    """Which of `count` points to draw: all of them, or `limit` chosen evenly at random when there are more."""
    if count <= limit:
        return np.ones(count, dtype=np.bool_)
    keep = np.zeros(count, dtype=np.bool_)
    keep[rng.choice(count, limit, replace=False)] = True
    return keep


def sentence(text: str) -> str:
    """The text with its first letter a capital and the rest as written ('week of 20 Jul' -> 'Week of 20 Jul';
    str.capitalize would write 'jul')."""
    return text[:1].upper() + text[1:]


def week_bars(week_seconds: Any) -> tuple[Any, float]:
    """Bar centres (mid-week) and width (six days) for weeks given by their Monday in POSIX seconds."""
    return week_seconds + 3.5 * DAY, 6.0 * DAY
