# SPDX-License-Identifier: MIT
"""The application icon and the About dialog (name, version, where the data lives, licence)."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import journal
from journal import APP_NAME
from journal.paths import data_dir
from journal.resources import resource_path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
DESCRIPTION = "A training journal for strength athletes who train by proximity to failure."
LICENCE = "MIT"


def app_icon() -> QIcon:
    """Journal's icon in every size rendered by installer/make_icons.py (an empty icon if none is found)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path(f"icons/journal-{size}.png")
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def _path_label(path: Path, name: str) -> QLabel:
    label = QLabel(str(path))
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class AboutDialog(QDialog):
    """Help → About: what this is, which version, and where its files are."""

    def __init__(self, journal_path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.data_folder = data_dir()

        icon = QLabel()
        icon.setObjectName("aboutIcon")
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        name = QLabel(APP_NAME)
        name.setObjectName("aboutName")
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        name.setFont(font)
        version = QLabel(f"Version {journal.__version__}")  # read from the package metadata only now
        version.setObjectName("aboutVersion")
        description = QLabel(DESCRIPTION)
        description.setObjectName("aboutDescription")
        description.setWordWrap(True)

        form = QFormLayout()
        form.addRow("Data folder:", _path_label(self.data_folder, "aboutDataFolder"))
        if journal_path is not None:
            form.addRow("Journal file:", _path_label(journal_path, "aboutJournalFile"))
        licence = QLabel(f"{LICENCE} licence")
        licence.setObjectName("aboutLicence")
        form.addRow("Licence:", licence)
        built = QLabel(f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}")
        built.setObjectName("aboutBuiltWith")
        built.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("Running on:", built)

        text = QVBoxLayout()
        text.addWidget(name)
        text.addWidget(version)
        text.addWidget(description)
        text.addSpacing(8)
        text.addLayout(form)
        text.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(icon)
        top.addSpacing(12)
        top.addLayout(text, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_folder = QPushButton("Open data folder")
        self.open_folder.setObjectName("aboutOpenDataFolder")
        self.open_folder.clicked.connect(self._open_data_folder)
        buttons.addButton(self.open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def _open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder)))
