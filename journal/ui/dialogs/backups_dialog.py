# SPDX-License-Identifier: MIT
"""The backups of the journal: take one now, restore one (checked first; the current journal is kept as a backup),
or open their folder; and, when the journal cannot be opened, choose a backup to put in its place."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.storage.backup import Backup, BackupError, backup_dir, list_backups, replace_with_backup
from journal.storage.database import STORAGE_ERRORS, storage_reason
from journal.storage.migrations import SCHEMA_VERSION
from journal.ui.service import JournalService
from journal.ui.table_model import Index, TableModel
from journal.ui.widgets import plain_label

log = logging.getLogger(__name__)

REASONS = {
    "daily": "Daily",
    "manual": "Taken by hand",
    "before-import": "Before an import",
    "before-restore": "Before a restore",
}


class BackupsModel(TableModel):
    HEADERS = ("Taken", "Why", "Size")

    def __init__(self, backups: list[Backup]) -> None:
        super().__init__()
        self.backups = backups

    def set_backups(self, backups: list[Backup]) -> None:
        self.beginResetModel()
        self.backups = backups
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.backups)

    def column_titles(self) -> tuple[str, ...]:
        return self.HEADERS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        backup = self.backups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            reason = REASONS.get(backup.reason) or backup.reason.replace("-", " ").capitalize()
            return (f"{backup.taken:%a %d %b %Y %H:%M:%S}", reason, f"{backup.size / 1024:,.0f} KB")[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        return None


def _table(model: BackupsModel) -> QTableView:
    view = QTableView()
    view.setObjectName("backupsTable")
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
    if model.rowCount():
        view.selectRow(0)
    return view


class BackupsDialog(QDialog):
    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle("Backups")
        self.resize(620, 420)
        self.model = BackupsModel(list_backups(service.path))
        self.view = _table(self.model)
        self.message = plain_label()
        self.message.setObjectName("backupsMessage")
        self.message.setWordWrap(True)
        self.backup = QPushButton("Back up now")
        self.restore = QPushButton("Restore the selected backup…")
        self.folder = QPushButton("Open the folder")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in (self.backup, self.restore, self.folder):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                f"Backups are kept in {backup_dir(service.path)}: one a day when Journal opens, one "
                f"before each import or restore, and any you take; the newest "
                f"{service.preferences.backups_keep} of each kind are kept."
            )
        )
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.backup.clicked.connect(self.back_up)
        self.restore.clicked.connect(lambda: self.restore_selected())
        self.folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(backup_dir(service.path)))))
        self.restore.setEnabled(bool(self.model.backups))

    def selected(self) -> Backup | None:
        index = self.view.currentIndex()
        return self.model.backups[index.row()] if index.isValid() else None

    def _refresh(self) -> None:
        self.model.set_backups(list_backups(self.service.path))
        self.restore.setEnabled(bool(self.model.backups))

    def back_up(self) -> None:
        path = self.service.backup_now()
        self._refresh()
        self.message.setText(f"Backed up to {path.name}.")

    def restore_selected(self, confirm: bool = True) -> bool:
        backup = self.selected()
        if backup is None:
            return False
        if (
            confirm
            and QMessageBox.question(
                self,
                "Restore",
                f"Put the backup of {backup.taken:%d %b %Y %H:%M} in place of the journal? "
                "The journal as it is now is kept as a backup first.",
            )
            != QMessageBox.StandardButton.Yes
        ):
            return False
        try:
            kept = self.service.restore(backup.path)
        except BackupError as error:
            log.warning("Backup %s not restored", backup.path, exc_info=True)
            self.message.setText(f"Not restored: {error}")
            return False
        except (OSError, *STORAGE_ERRORS) as error:  # the journal locked by another program, a full disk…
            log.warning("Backup %s not restored", backup.path, exc_info=True)
            self.message.setText(f"Not restored: {storage_reason(error)}")
            return False
        self._refresh()
        self.message.setText(f"Restored. The journal as it was is kept as {kept.name}.")
        return True


def choose_backup_to_restore(
    db_path: Path, backups: list[Backup], parent: QWidget | None = None, pick: int | None = None
) -> bool:
    """When the journal cannot be opened: choose one of its backups to put in its place (the file is kept)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Open a backup")
    model = BackupsModel(backups)
    view = _table(model)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(
        QLabel(f"{db_path.name} cannot be opened. Choose a backup to use instead; the file is kept beside it, renamed.")
    )
    layout.addWidget(view)
    layout.addWidget(buttons)
    if pick is None and not dialog.exec():
        return False
    row = pick if pick is not None else view.currentIndex().row()
    if not 0 <= row < len(backups):
        return False
    try:
        replace_with_backup(db_path, backups[row].path, SCHEMA_VERSION)
    except BackupError as error:
        log.warning("Backup %s cannot be used", backups[row].path, exc_info=True)
        QMessageBox.warning(parent, "Open a backup", f"That backup cannot be used: {error}")
        return False
    return True
