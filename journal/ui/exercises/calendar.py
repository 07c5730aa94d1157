# SPDX-License-Identifier: MIT
"""The training calendar: a year of days as a heatmap (by hard sets or tonnage), weeks trained and streaks."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from journal.domain.calendar import monday, streaks
from journal.domain.units import Unit, format_mass
from journal.storage.changes import Change
from journal.storage.history import TrainingDay, training_days
from journal.ui.service import JournalService
from journal.ui.widgets import plain_label

SHADES = ("#c6e48b", "#7bc96f", "#239a3b", "#196127")  # fewer to more sets (or tonnage) that day: darker
SHADES_DARK = ("#0e4429", "#006d32", "#26a641", "#39d353")  # on a dark background more is brighter
EMPTY, EMPTY_DARK = "#dfe2e6", "#2d333b"  # a day without training, seen on either background
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
COLOUR_BY = ("Hard sets", "Tonnage")


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Base).lightness() < 128


def shades(widget: QWidget) -> tuple[str, ...]:
    """The colours of a training day, fewer to more, for the theme the widget is drawn in."""
    return SHADES_DARK if is_dark(widget) else SHADES


class YearHeatmap(QWidget):
    """Signals:
    session_requested(int): the first session of the day clicked.
    """

    session_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = date.today().year
        self.days: dict[date, TrainingDay] = {}
        self.by_tonnage = False
        self.unit = Unit.KG
        self.setMouseTracking(True)
        self.setMinimumWidth(560)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_days(self, year: int, days: list[TrainingDay], by_tonnage: bool, unit: Unit) -> None:
        self.year, self.by_tonnage, self.unit = year, by_tonnage, unit
        self.days = {d.day: d for d in days}
        self.updateGeometry()
        self.update()

    # ---- geometry ----
    def _first(self) -> date:
        return monday(date(self.year, 1, 1))

    def _cell(self) -> int:
        return max(8, min(22, (self.width() - 40) // 54))

    def sizeHint(self) -> QSize:
        return QSize(54 * 16 + 40, 7 * 16 + 24)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.setFixedHeight(7 * self._cell() + 24)  # the seven rows of days, whatever the width makes a cell
        super().resizeEvent(event)

    def rect_of(self, day: date) -> QRect:
        cell = self._cell()
        week = (day - self._first()).days // 7
        return QRect(36 + week * cell, 20 + day.weekday() * cell, cell - 2, cell - 2)

    def day_at(self, point: QPoint) -> date | None:
        cell = self._cell()
        week, weekday = (point.x() - 36) // cell, (point.y() - 20) // cell
        if point.x() < 36 or point.y() < 20 or not 0 <= weekday < 7:
            return None
        day = self._first() + timedelta(days=7 * week + weekday)
        return day if day.year == self.year else None

    # ---- drawing ----
    def _value(self, day: TrainingDay) -> float:
        return day.tonnage_kg if self.by_tonnage else float(day.hard_sets)

    def _shade(self, value: float, top: float) -> QColor:
        colours = shades(self)
        if top <= 0:
            return QColor(colours[0])
        return QColor(colours[min(len(colours) - 1, int(len(colours) * value / (top + 1e-9)))])

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        empty = QColor(EMPTY_DARK if is_dark(self) else EMPTY)
        cell = self._cell()
        painter.setPen(text)
        for month in range(1, 13):
            first = date(self.year, month, 1)
            x = self.rect_of(first).left()
            painter.drawText(
                QRect(x, 0, 4 * cell, 18),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                MONTHS[month - 1],
            )
        for weekday, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")):
            painter.drawText(QRect(0, 20 + weekday * cell, 32, cell), int(Qt.AlignmentFlag.AlignVCenter), name)
        top = max((self._value(d) for d in self.days.values()), default=0.0)
        day = date(self.year, 1, 1)
        painter.setPen(Qt.PenStyle.NoPen)
        while day.year == self.year:
            trained = self.days.get(day)
            colour = empty if trained is None else self._shade(self._value(trained), top)
            painter.setBrush(colour)
            painter.drawRoundedRect(self.rect_of(day), 2, 2)
            day += timedelta(days=1)
        painter.end()

    # ---- the mouse ----
    def describe(self, day: date) -> str:
        trained = self.days.get(day)
        if trained is None:
            return f"{day:%a %d %b %Y}: no training"
        return (
            f"{day:%a %d %b %Y}: {trained.sets} working sets, {trained.hard_sets} hard, "
            f"{format_mass(trained.tonnage_kg, self.unit)}\nClick to open the session"
        )

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.describe(day), self)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            day = self.day_at(event.position().toPoint())
            if day is not None and day in self.days:
                self.session_requested.emit(self.days[day].session)
        super().mouseReleaseEvent(event)


class ShadeKey(QWidget):
    """The heatmap's key, drawn from its own colours in the theme shown: a day without training, then the shades
    from fewer to more (darker in the light theme, brighter in the dark one)."""

    WORDS = ("No training", "fewer", "more, against the year's busiest day")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def colours(self) -> tuple[str, ...]:
        """The empty day's colour, then the shades fewer to more, as drawn now."""
        return (EMPTY_DARK if is_dark(self) else EMPTY, *shades(self))

    def _cell(self) -> int:
        return self.fontMetrics().height() - 2

    def sizeHint(self) -> QSize:
        metrics, cell = self.fontMetrics(), self._cell()
        words = sum(metrics.horizontalAdvance(w) for w in self.WORDS)
        return QSize(words + 6 * (cell + 3) + 40, metrics.height() + 4)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        metrics, cell = self.fontMetrics(), self._cell()
        text = self.palette().color(QPalette.ColorRole.PlaceholderText)
        top = (self.height() - cell) // 2
        colours = self.colours()
        x = 0

        def swatch(colour: str) -> None:
            nonlocal x
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(QRect(x, top, cell, cell), 2, 2)
            x += cell + 3

        def words(line: str) -> None:
            nonlocal x
            painter.setPen(text)
            width = metrics.horizontalAdvance(line)
            painter.drawText(QRect(x, 0, width + 2, self.height()), int(Qt.AlignmentFlag.AlignVCenter), line)
            x += width + 6

        swatch(colours[0])
        words(self.WORDS[0])
        x += 14
        words(self.WORDS[1])
        for colour in colours[1:]:
            swatch(colour)
        x += 3
        words(self.WORDS[2])
        painter.end()


class CalendarScreen(QWidget):
    """Signals:
    session_requested(int): open this session in the log.
    """

    session_requested = Signal(int)

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._stale = True
        self.year = date.today().year
        self._days: list[TrainingDay] | None = None  # every training day, read once until the journal changes
        self.back = QPushButton("◀")
        self.back.setToolTip("The year before")
        self.back.clicked.connect(lambda: self.show_year(self.year - 1))
        self.forward = QPushButton("▶")
        self.forward.setToolTip("The year after")
        self.forward.clicked.connect(lambda: self.show_year(self.year + 1))

        for button in (self.back, self.forward):
            button.setFixedWidth(button.sizeHint().height() + 8)
        self.title = QLabel()
        self.title.setObjectName("calendarYear")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.colour_by = QComboBox()
        self.colour_by.setObjectName("calendarColour")
        self.colour_by.addItems([f"Colour by {c.lower()}" for c in COLOUR_BY])
        self.colour_by.currentIndexChanged.connect(lambda _i: self.reload(self._days))
        self.heatmap = YearHeatmap()
        self.heatmap.setObjectName("calendarHeatmap")
        self.heatmap.session_requested.connect(self.session_requested)
        self.summary = plain_label()
        self.summary.setObjectName("calendarSummary")
        self.summary.setWordWrap(True)
        self.legend = ShadeKey()
        self.legend.setObjectName("calendarKey")
        row = QHBoxLayout()
        row.addWidget(self.back)
        row.addWidget(self.title)
        row.addWidget(self.forward)
        row.addStretch(1)
        row.addWidget(self.colour_by)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.heatmap)
        layout.addWidget(self.legend)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        service.changed.connect(self.on_changed)
        service.preferences_changed.connect(lambda _p: self.reload())  # the hard-set threshold may have changed

    def show_year(self, year: int) -> None:
        self.year = year
        self.reload(self._days)

    def reload(self, every: list[TrainingDay] | None = None) -> None:
        prefs = self.service.preferences
        every = training_days(prefs.hard_set_rir) if every is None else every
        self._days = every
        shown = [d for d in every if d.day.year == self.year]
        self.title.setText(str(self.year))
        self.heatmap.set_days(self.year, shown, self.colour_by.currentIndex() == 1, prefs.units)
        today = date.today()
        end = min(today, date(self.year, 12, 31))
        found = streaks([d.day for d in every], today=today, since=date(self.year, 1, 1))
        in_year = streaks([d.day for d in shown], today=end)
        weeks_in_year = ((end - monday(date(self.year, 1, 1))).days // 7 + 1) if end.year == self.year else 0
        now = f"Now: {found.current} weeks in a row (longest ever {found.longest})."
        if not every:
            text = "No training yet: each day with a session fills its square, shaded by its hard sets or tonnage."
        elif not shown:
            text = f"{self.year}: no training days. {now}"
        else:
            text = (
                f"{self.year}: {len(shown)} training days in {in_year.weeks} of "
                f"{max(weeks_in_year, in_year.weeks)} weeks; longest run that year {in_year.longest} weeks in a row. "
                + now
            )
        self.summary.setText(text)
        self.back.setEnabled(bool(every) and self.year > every[0].day.year)
        self.forward.setEnabled(self.year < today.year)
        self._stale = False

    def on_changed(self, change: Change) -> None:
        if change.everything or change.sessions or change.entries:
            self._stale = True
            if self.isVisible():
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            every = training_days(self.service.preferences.hard_set_rir)
            if self.year == date.today().year and every and every[-1].day.year != self.year:
                self.year = every[-1].day.year  # an import of earlier years: its last year
            self.reload(every)
        super().showEvent(event)
