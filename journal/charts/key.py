# SPDX-License-Identifier: MIT
"""A chart's key as a row of its own above the plot (never over the data): coloured marks and their names, wrapped
to the width the row is given."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QTextOption
from PySide6.QtWidgets import QGraphicsTextItem

MARKS = {  # what a series looks like, in one character
    "bar": "■",
    "line": "━",
    "dash": "╍",
    "dot": "┈",
    "dashdot": "╺·╸",
    "point": "●",
    "ring": "○",
    "star": "★",
    "square": "▪",
}


SPACED_PLAIN = "\u00a0" * 4 + " "  # between two entries, as the document holds it


@dataclass(frozen=True)
class KeyEntry:
    mark: str  # a key of MARKS
    colour: str  # the series' colour; "" for the text colour
    name: str


class ChartKey(pg.GraphicsWidget):
    """The key: entries side by side, centred, wrapping between entries (never inside one)."""

    def __init__(self, point_size: float = 9.0) -> None:
        super().__init__()
        self.text = QGraphicsTextItem(self)
        font = QFont(self.text.font())
        font.setPointSizeF(point_size)
        self.text.setFont(font)
        option = QTextOption(Qt.AlignmentFlag.AlignCenter)
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        self.text.document().setDefaultTextOption(option)
        self.text.document().setDocumentMargin(2)
        self.entries: tuple[KeyEntry, ...] = ()
        self.plain = ""
        self.bold = False
        self.colour = QColor("black")
        self.setSizePolicy(pg.QtWidgets.QSizePolicy.Policy.Expanding, pg.QtWidgets.QSizePolicy.Policy.Fixed)
        self._fit(0, False)

    def set_entries(self, entries: list[KeyEntry] | tuple[KeyEntry, ...], colour: QColor | None = None) -> None:
        self.entries = tuple(entries)
        if colour is not None:
            self.colour = QColor(colour)
        spaced = "&nbsp;&nbsp;&nbsp;&nbsp; "  # entries wrap at the plain space after it (SPACED_PLAIN)
        self.text.setHtml(
            f"<span style='color:{self.colour.name()}'>"
            + spaced.join(
                f"<span style='white-space:nowrap'><span style='color:{e.colour or self.colour.name()}'>"
                f"{MARKS[e.mark]}</span>&nbsp;{escape(e.name).replace(' ', '&nbsp;')}</span>"
                for e in self.entries
            )
            + "</span>"
        )
        self.plain = ""
        self.setVisible(bool(self.entries))
        self._fit(self.size().width(), bool(self.entries))

    def set_text(self, text: str, colour: QColor | None = None, bold: bool = False) -> None:
        """A line of plain text instead of entries (a verdict, what the chart needs), wrapped the same way."""
        if colour is not None:
            self.colour = QColor(colour)
        self.entries = ()
        self.plain, self.bold = text, bold
        weight = "bold" if bold else "normal"
        self.text.setHtml(f"<span style='color:{self.colour.name()}; font-weight:{weight}'>{escape(text)}</span>")
        self.setVisible(bool(text))
        self._fit(self.size().width(), bool(text))

    def names(self) -> list[str]:
        return [e.name for e in self.entries]

    def entry_at(self, point: QPointF) -> int | None:
        """The index of the entry drawn at `point` (in the key's coordinates), or None: between entries, or a line
        of text."""
        if not self.entries:
            return None
        spot = self.text.mapFromParent(point)
        at = self.text.document().documentLayout().hitTest(spot, Qt.HitTestAccuracy.ExactHit)
        if at < 0:
            return None
        start = 0
        for index, entry in enumerate(self.entries):
            end = start + len(MARKS[entry.mark]) + 1 + len(entry.name)
            if start <= at < end:
                return index
            start = end + len(SPACED_PLAIN)
        return None

    def restyle(self, colour: QColor) -> None:
        if self.plain:
            self.set_text(self.plain, colour, self.bold)
        else:
            self.set_entries(self.entries, colour)

    def _fit(self, width: float, shown: bool | None = None) -> None:
        self.text.setTextWidth(max(width, 50.0))
        shown = self.isVisible() if shown is None else shown
        height = self.text.boundingRect().height() if shown else 0.0
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)
        self.setMinimumWidth(0)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)
        if abs(self.text.textWidth() - self.size().width()) > 0.5:
            self._fit(self.size().width())

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.size().width(), self.size().height())
