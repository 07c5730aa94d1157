# SPDX-License-Identifier: MIT
"""The insights panel: one card per item, a headline with an icon for its kind and the figure that matters; a click
chooses it (the charts mark the sets behind it) and opens its details, source and table; a double-click (or Enter)
opens the latest session behind it. A card about one exercise offers its page (a button, and the card's context
menu); a double click on a row of a card's table of exercises opens that exercise's page. When nothing stands out,
it says what each insight needs.

Signals:
    chosen(object): the PanelItem chosen, or None.
    opened(object): the PanelItem whose latest session the lifter asked for.
    exercise_opened(str): the name of the exercise whose page the lifter asked for.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.charts.style import OKABE_ITO
from journal.domain.review import InsightKind
from journal.domain.review.panel import PanelItem

KIND_LOOK = {  # (glyph, colour, what the icon says)
    InsightKind.EARLY_FAILURE: ("!", OKABE_ITO["vermillion"], "Failure"),
    InsightKind.CALIBRATION: ("±", OKABE_ITO["blue"], "RIR calibration"),
    InsightKind.STRENGTH_STALL: ("→", OKABE_ITO["purple"], "Strength"),
    InsightKind.MUSCLE_VOLUME: ("≡", OKABE_ITO["green"], "Weekly volume"),
    InsightKind.FAR_FROM_FAILURE: ("↓", OKABE_ITO["orange"], "Proximity to failure"),
    InsightKind.ISOLATION_NOT_NEAR: ("↑", OKABE_ITO["sky"], "Proximity to failure"),
    InsightKind.NO_MUSCLES: ("?", OKABE_ITO["yellow"], "Exercise library"),
}
ICON_PX = 20


def kind_icon(kind: InsightKind, size: int = ICON_PX) -> QPixmap:
    """A round badge in the kind's colour with its glyph in white."""
    glyph, colour, _ = KIND_LOOK[kind]
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(int(size * 0.7))
    painter.setFont(font)
    painter.setPen(
        QColor(
            "#000000"
            if kind in (InsightKind.FAR_FROM_FAILURE, InsightKind.ISOLATION_NOT_NEAR, InsightKind.NO_MUSCLES)
            else "#ffffff"
        )
    )
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return pixmap


def _is_number(text: str) -> bool:
    cleaned = text.replace("+", "").replace("-", "").replace(".", "").replace(" of ", "").replace(" to ", "")
    return bool(cleaned) and cleaned.replace(" ", "").isdigit()


class InsightCard(QFrame):
    """One item: the headline always, the rest when open."""

    clicked = Signal(object)
    double_clicked = Signal(object)
    exercise_opened = Signal(str)

    def __init__(self, item: PanelItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("insightCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("selected", False)
        glyph, _colour, what = KIND_LOOK[item.kind]
        icon = QLabel()
        icon.setPixmap(kind_icon(item.kind))
        icon.setToolTip(what)
        icon.setFixedSize(QSize(ICON_PX, ICON_PX))
        self.arrow = QLabel("▸")
        self.headline = QLabel(item.headline)
        self.headline.setObjectName("insightHeadline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.headline, 1)
        top.addWidget(self.arrow, 0, Qt.AlignmentFlag.AlignTop)

        self.body = QWidget()  # the rest, made when first opened (a panel of cards is made at every range)
        self.table: QTableView | None = None
        self.open_exercise: QPushButton | None = None
        self.body.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.body)
        self.setToolTip(f"{item.detail}\n\nSource: {item.source}")

    def _fill_body(self) -> None:
        """The detail, the table, the button to the exercise's page, what stands behind it and the source."""
        item = self.item
        body = QVBoxLayout(self.body)
        body.setContentsMargins(ICON_PX + 6, 2, 0, 2)
        detail = QLabel(item.detail)
        detail.setObjectName("insightDetail")
        detail.setWordWrap(True)
        body.addWidget(detail)
        if item.rows:
            self.table = self._table(item)
            if item.header[:1] == ("Exercise",):
                self.table.doubleClicked.connect(self._row_opened)
                self.table.setToolTip("Double-click an exercise: its page")
            body.addWidget(self.table)
        if item.exercise:
            self.open_exercise = QPushButton("Open exercise")
            self.open_exercise.setObjectName("openExercise")
            self.open_exercise.setToolTip(f"{item.exercise}: its records, charts and history")
            self.open_exercise.clicked.connect(lambda: self.exercise_opened.emit(self.item.exercise))
            body.addWidget(self.open_exercise, 0, Qt.AlignmentFlag.AlignLeft)
        behind = len(item.set_ids) or len(item.session_ids)
        if behind:
            what_behind = "sets" if item.set_ids else "sessions"
            hint = QLabel(f"{behind} {what_behind} behind this, marked in the chart; double-click for the latest")
            hint.setWordWrap(True)
            hint.setEnabled(False)
            body.addWidget(hint)
        source = QLabel(f"Source: {item.source}")
        source.setObjectName("insightSource")
        source.setWordWrap(True)
        small = source.font()
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        source.setFont(small)
        source.setEnabled(False)
        body.addWidget(source)

    @staticmethod
    def _table(item: PanelItem) -> QTableView:
        model = QStandardItemModel(len(item.rows), len(item.header))
        model.setHorizontalHeaderLabels(list(item.header))
        for r, row in enumerate(item.rows):
            for c, text in enumerate(row):
                cell = QStandardItem(text)
                cell.setEditable(False)
                if c and _is_number(text):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                model.setItem(r, c, cell)
        table = QTableView()
        table.setObjectName("insightTable")
        table.setModel(model)
        model.setParent(table)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the name takes what the figures leave
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        table.resizeRowsToContents()
        rows = min(len(item.rows), 12)
        height = header.sizeHint().height() + sum(table.rowHeight(r) for r in range(rows)) + 4
        table.setFixedHeight(height)
        if len(item.rows) > rows:
            table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        return table

    def _row_opened(self, index: QModelIndex) -> None:
        if index.isValid() and index.row() < len(self.item.rows):
            self.exercise_opened.emit(self.item.rows[index.row()][0])

    def context_menu(self) -> QMenu:
        """The card's menu: the exercise's page (for a card about one exercise) and the latest session behind it."""
        menu = QMenu(self)
        if self.item.exercise:
            page = menu.addAction(f"Open exercise: {self.item.exercise}")
            page.triggered.connect(lambda: self.exercise_opened.emit(self.item.exercise))
        if self.item.session_ids:
            latest = menu.addAction("Open the latest session")
            latest.triggered.connect(lambda: self.double_clicked.emit(self))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu()
        if menu.actions():
            menu.exec(event.globalPos())
        menu.deleteLater()

    @property
    def is_open(self) -> bool:
        return not self.body.isHidden()

    def set_open(self, shown: bool) -> None:
        if shown and self.body.layout() is None:
            self._fill_body()
        self.body.setVisible(shown)
        self.arrow.setText("▾" if shown else "▸")

    def set_selected(self, selected: bool) -> None:
        self.setProperty("selected", selected)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """A card in the palette's base colour with a rounded frame, in the highlight colour when chosen or
        focused; read from the palette at each paint, so a change of theme shows at once."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        chosen = bool(self.property("selected")) or self.hasFocus()
        pen = QPen(
            palette.color(QPalette.ColorRole.Highlight if chosen else QPalette.ColorRole.Mid), 2 if chosen else 1
        )
        painter.setPen(pen)
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.clicked.emit(self)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.double_clicked.emit(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space:
            self.clicked.emit(self)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.double_clicked.emit(self)
        elif event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.focusNextPrevChild(event.key() == Qt.Key.Key_Down)
        else:
            super().keyPressEvent(event)


class InsightsPanel(QScrollArea):
    chosen = Signal(object)
    opened = Signal(object)
    exercise_opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("insights")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.inner = QWidget()
        self.inner.setObjectName("insightsInner")
        self.inner.setAutoFillBackground(True)
        self.inner.setBackgroundRole(QPalette.ColorRole.Window)
        self.list = QVBoxLayout(self.inner)
        self.list.setContentsMargins(4, 4, 4, 4)
        self.list.setSpacing(6)
        self.setWidget(self.inner)
        self.cards: list[InsightCard] = []
        self.current: InsightCard | None = None
        self.empty = QLabel()
        self.empty.setObjectName("insightsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.RichText)

    def set_items(self, items: Sequence[PanelItem], needs: Sequence[str]) -> None:
        """The items, or what each insight needs when there are none."""
        had = self.current.item.headline if self.current is not None else None
        for card in self.cards:
            card.hide()  # gone from the panel now, not only when the event loop next deletes it
            card.deleteLater()
        self.cards, self.current = [], None
        while self.list.count():
            self.list.takeAt(0)
        for item in items:
            card = InsightCard(item, self.inner)
            card.clicked.connect(self._clicked)
            card.double_clicked.connect(lambda chosen: self.opened.emit(chosen.item))
            card.exercise_opened.connect(self.exercise_opened)
            self.cards.append(card)
            self.list.addWidget(card)
        if not items:
            listed = "".join(f"<li>{need}</li>" for need in needs)
            self.empty.setText(
                "<p>Nothing stands out in this range.</p><p>What each insight looks for:</p>"
                f"<ul style='margin-left: -20px'>{listed}</ul>"
            )
            self.list.addWidget(self.empty)
            self.empty.show()
        else:
            self.empty.hide()
        self.list.addStretch(1)
        again = next((c for c in self.cards if c.item.headline == had), None)
        if again is not None:  # the same item after a redraw stays chosen
            self._choose(again, open_it=True)
        elif had is not None:
            self.chosen.emit(None)

    def _clicked(self, card: InsightCard) -> None:
        if card is self.current:
            card.set_open(not card.is_open)
            return
        self._choose(card, open_it=True)

    def _choose(self, card: InsightCard, open_it: bool) -> None:
        if self.current is not None and self.current is not card:
            self.current.set_selected(False)
            self.current.set_open(False)
        self.current = card
        card.set_selected(True)
        card.set_open(open_it)
        self.ensureWidgetVisible(card)
        self.chosen.emit(card.item)

    def clear_choice(self) -> None:
        """No item chosen: all closed, no marks in the charts."""
        if self.current is not None:
            self.current.set_selected(False)
            self.current.set_open(False)
            self.current.clearFocus()
            self.current = None
            self.chosen.emit(None)

    def headlines(self) -> list[str]:
        return [card.item.headline for card in self.cards]
