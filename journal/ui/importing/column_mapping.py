# SPDX-License-Identifier: MIT
"""Mapping the columns of any CSV onto a session's fields, with the first rows shown; remembered per header."""

from __future__ import annotations

from itertools import islice

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.io.generic import DATE_ORDERS, FIELDS, LABELS, REQUIRED
from journal.io.text import records
from journal.ui.widgets import plain_label

NONE = "(none)"
PREVIEW_ROWS = 6


class ColumnMappingDialog(QDialog):
    def __init__(self, header: list[str], text: str, mapping: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Map the columns")
        self.header = header
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for field in FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"map_{field}")
            combo.addItems([NONE, *header])
            combo.setCurrentText(mapping.get(field) or NONE)
            combo.currentTextChanged.connect(self._check)
            self.combos[field] = combo
            form.addRow(LABELS[field] + (" *" if field in REQUIRED else ""), combo)
        self.date_order = QComboBox()
        self.date_order.setObjectName("map_date_order")
        for order in DATE_ORDERS:
            self.date_order.addItem(
                {
                    "": "Year first, or refuse if unclear",
                    "day first": "Day first (31/12/2026)",
                    "month first": "Month first (12/31/2026)",
                }[order],
                order,
            )
        self.date_order.setCurrentIndex(max(0, self.date_order.findData(mapping.get("date_order", ""))))
        form.addRow("Numeric dates", self.date_order)

        preview = QStandardItemModel(self)
        preview.setHorizontalHeaderLabels(header)
        for record in islice(records(text), PREVIEW_ROWS):
            preview.appendRow([QStandardItem(value) for value in record.fields[: len(header)]])
        table = QTableView()
        table.setModel(preview)
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.setMinimumWidth(420)
        self.error = plain_label()
        self.error.setObjectName("mappingError")
        self.error.setStyleSheet("color: #d93025; font-weight: bold;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addWidget(table, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Which column holds what? The first rows of the file are on the right."))
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._check()

    def mapping(self) -> dict[str, str]:
        chosen = {field: combo.currentText() for field, combo in self.combos.items() if combo.currentText() != NONE}
        if self.date_order.currentData():
            chosen["date_order"] = self.date_order.currentData()
        return chosen

    def _check(self) -> None:
        chosen = self.mapping()
        missing = [LABELS[f] for f in REQUIRED if f not in chosen]
        columns = [v for k, v in chosen.items() if k != "date_order"]
        twice = {c for c in columns if columns.count(c) > 1}
        message = (
            f"Choose the column for {' and '.join(missing)}."
            if missing
            else f"“{sorted(twice)[0]}” is chosen for two fields."
            if twice
            else ""
        )
        self.error.setText(message)
        self.error.setVisible(bool(message))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not message)
