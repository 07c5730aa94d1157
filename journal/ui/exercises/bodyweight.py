# SPDX-License-Identifier: MIT
"""The bodyweight log: a weight typed for a day (checked at the field), the sessions' and imports' weights, and a
chart with the 7-day trend."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.domain.bodyweight import Weighing, daily, trend
from journal.domain.units import format_load
from journal.domain.validation import ValidationError, parse_bodyweight
from journal.io.base import ImportFailed
from journal.io.body import read_body
from journal.io.text import read_text
from journal.storage import bodyweight
from journal.storage.changes import Change
from journal.ui import undo
from journal.ui.exercises.charts import BodyweightChart
from journal.ui.service import JournalService
from journal.ui.widgets import plain_label, warn

WeighingRole = Qt.ItemDataRole.UserRole
SOURCES = {"manual": "typed here", "session": "a session", "fitnotes-body": "FitNotes file", "hevy-body": "Hevy file"}


class BodyweightScreen(QWidget):
    """Signals:
    session_requested(int): open the session a weight came from.
    """

    session_requested = Signal(int)

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._stale = True
        self.weighings: list[Weighing] = []
        self.day = QDateEdit(QDate.currentDate())
        self.day.setObjectName("weighingDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd dd MMM yyyy")
        self.weight = QLineEdit()
        self.weight.setObjectName("weighingKg")
        self.weight.setPlaceholderText("Bodyweight")
        self.weight.setMaximumWidth(120)
        self.weight.returnPressed.connect(self.add)
        self.unit = QLabel()
        self.add_button = QPushButton("Add")
        self.add_button.clicked.connect(self.add)
        self.import_button = QPushButton("Import a file…")
        self.import_button.setToolTip("FitNotes' body tracker export or Hevy's body measurements export")
        self.import_button.clicked.connect(lambda: self.import_file())
        self.error = plain_label()
        self.error.setObjectName("weighingError")
        self.error.setStyleSheet("color: #d93025; font-weight: bold;")
        self.error.hide()
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("weighings")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.cellDoubleClicked.connect(self._opened)
        self.table.setToolTip("Delete removes a weight typed here; double-click a session's weight to open it")
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_selected)
        self.chart = BodyweightChart()
        self.chart.setObjectName("bodyweightChart")

        entry = QHBoxLayout()
        entry.addWidget(QLabel("&Day"))
        entry.itemAt(0).widget().setBuddy(self.day)  # type: ignore[union-attr]
        entry.addWidget(self.day)
        weight_label = QLabel("&Weight")
        weight_label.setBuddy(self.weight)
        entry.addWidget(weight_label)
        entry.addWidget(self.weight)
        entry.addWidget(self.unit)
        entry.addWidget(self.add_button)
        entry.addStretch(1)
        entry.addWidget(self.import_button)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 800])
        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        service.changed.connect(self.on_changed)
        service.preferences_changed.connect(lambda _p: self.reload())

    def reload(self) -> None:
        unit = self.service.preferences.units
        self.unit.setText(str(unit))
        self.weighings = list(reversed(bodyweight.weighings()))
        self.table.setHorizontalHeaderLabels(["Date", f"Weight ({unit})", "From"])
        self.table.setRowCount(len(self.weighings))
        for row, w in enumerate(self.weighings):
            cells = (f"{w.day:%a %d %b %Y}", format_load(w.kg, unit, 1), SOURCES.get(w.source, f"import ({w.source})"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(WeighingRole, row)
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        days = daily(self.weighings)
        self.chart.set_data(days, trend(days), unit)
        self._stale = False

    def add(self) -> None:
        unit = self.service.preferences.units
        try:
            kg = parse_bodyweight(self.weight.text(), unit)
            if kg is None:
                raise ValidationError("Bodyweight", "type a weight")
        except ValidationError as error:
            self.error.setText(str(error))
            self.error.setStyleSheet("color: #d93025; font-weight: bold;")
            self.error.show()
            self.weight.setFocus()
            self.weight.selectAll()
            return
        self.error.hide()
        self.error.setStyleSheet("color: #d93025; font-weight: bold;")
        day: date = self.day.date().toPython()  # type: ignore[assignment]
        self.service.push(undo.AddWeighing(self.service, day, kg))
        self.weight.clear()

    def import_file(self, path: Path | None = None) -> int | None:
        """Read a bodyweight file's weights into the log, as one undo step; weights without a unit in the file are
        read in the unit preference. Returns how many were added (None: nothing chosen or the file refused)."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, "Import bodyweights", "", "CSV files (*.csv);;All files (*)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            found = read_body(read_text(path), self.service.preferences.units)
        except ImportFailed as error:
            warn(self, "Bodyweights not imported", error.problem.describe(path.name))
            return None
        except OSError as error:
            warn(self, "Bodyweights not imported", f"{path}: {error.strerror or error}")
            return None
        command = undo.ImportWeighings(self.service, sorted(found.weights.items()), found.source, f"Import {path.name}")
        self.service.push(command)
        skipped = "".join(f"\n{p.describe(path.name, warning=True)}" for p in found.problems[:5])
        self.error.setText(f"{len(command.added)} bodyweights imported from {path.name}{skipped}")
        self.error.setStyleSheet("")
        self.error.show()
        return len(command.added)

    def delete_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.weighings) and self.weighings[row].entry is not None:
            self.service.push(undo.DeleteWeighing(self.service, self.weighings[row]))

    def _opened(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.weighings) and self.weighings[row].session is not None:
            self.session_requested.emit(int(self.weighings[row].session))  # type: ignore[arg-type]

    def on_changed(self, change: Change) -> None:
        if change.everything or change.bodyweight or change.sessions:
            self._stale = True
            if self.isVisible():
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)
