# SPDX-License-Identifier: MIT
"""Light and dark palettes on Qt's Fusion style; "system" keeps the platform's own look. A change applies at once to
every open window: Qt sends each widget a palette change, and the charts restyle themselves on it."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

_DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#17181a",
    QPalette.ColorRole.AlternateBase: "#26282b",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#2d2f33",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.Highlight: "#3d6fd8",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#2d2f33",
    QPalette.ColorRole.ToolTipText: "#e8eaed",
    QPalette.ColorRole.PlaceholderText: "#8a8f98",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.Mid: "#3c4043",
    QPalette.ColorRole.Dark: "#101113",
}
_DARK_DISABLED = {
    QPalette.ColorRole.Text: "#7d828a",
    QPalette.ColorRole.WindowText: "#7d828a",
    QPalette.ColorRole.ButtonText: "#7d828a",
}
_CHECKS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)
_platform_style: list[str] = []  # the style the platform gave, for "system"


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


class FusionStyle(QProxyStyle):
    """Fusion, with check boxes that show on a dark palette: Fusion outlines a box in the window colour made
    darker, which on a dark palette is the colour of the box itself, so an unchecked box could not be seen."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(
        self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter, widget: QWidget | None = None
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in _CHECKS and option.palette.color(QPalette.ColorRole.Window).lightness() < 128:
            frame = QColor(option.palette.color(QPalette.ColorRole.Text))
            frame.setAlpha(150)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(frame)
            painter.setBrush(QColor(0, 0, 0, 0))
            painter.drawRect(QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5))
            painter.restore()


def apply_theme(app: QApplication, theme: str) -> None:
    """Apply "light", "dark" or "system" to the whole application, from any of them to any other."""
    if not _platform_style:
        _platform_style.append(app.style().name())
    if theme == "system":
        if isinstance(app.style(), FusionStyle):
            app.setStyle(_platform_style[0])  # Qt makes and owns it, and deletes the one replaced
        app.setPalette(app.style().standardPalette())
        return
    if not isinstance(app.style(), FusionStyle):
        app.setStyle(FusionStyle())
    app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())
