# SPDX-License-Identifier: MIT
"""Small widgets shared by several screens."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMessageBox, QScrollArea, QSizePolicy, QWidget


def _escape(text: str) -> str:
    """html.escape's replacements (the html module costs a start its table of entities)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label for text that may come from the lifter or a file: shown as it is, never read as markup (an exercise
    named '<img src=…>' is those characters, and no file is opened)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


ERROR_COLOUR = "#d93025"


def error_label() -> QLabel:
    """A hidden plain label for a field's error, in bold red. Coloured through its palette: a style sheet would
    cost each block of the log a style of its own to polish when the window is first shown."""
    label = plain_label()
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_COLOUR))
    label.setPalette(palette)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.hide()
    return label


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` as it is (a tooltip that looks like markup is otherwise rendered as markup)."""
    return f"<qt>{_escape(text).replace(chr(10), '<br>')}</qt>" if text else ""


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """QMessageBox.warning with the text shown as it is, never as markup (it may quote a session's title)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


class ElidedLabel(QLabel):
    """A one-line label of plain text that ends in "…" when it is too narrow, with the whole text in its tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(plain_tip(text))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), int(self.alignment()), shown)


def reveal(widget: QWidget) -> None:
    """Scroll the page that holds widget so that it shows, once the layout has placed it; for a table, or a cell
    editor in one, its current cell."""

    def scroll() -> None:
        area = next((a for a in _ancestors(widget) if isinstance(a, QScrollArea)), None)
        content = area.widget() if area is not None else None
        if area is None or content is None or not widget.isVisible():
            return
        table = next((a for a in (widget, *_ancestors(widget)) if isinstance(a, QAbstractItemView)), None)
        if table is not None and content.isAncestorOf(table) and table.currentIndex().isValid():
            cell = table.visualRect(table.currentIndex())
            centre = table.viewport().mapTo(content, cell.center())
            area.ensureVisible(centre.x(), centre.y(), 40, cell.height() * 2)
        else:
            area.ensureWidgetVisible(widget, 40, 20)

    QTimer.singleShot(0, widget, scroll)


def _ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        found.append(parent)
        parent = parent.parentWidget()
    return found
