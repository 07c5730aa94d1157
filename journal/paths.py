# SPDX-License-Identifier: MIT
"""Where Journal keeps its files: the platform's app-data folder, or the one override tests and power users set.

- data folder: JOURNAL_DATA_DIR, else QStandardPaths.AppDataLocation (e.g. ~/.local/share/Journal/Journal on Linux)
- journal file: --db PATH, else JOURNAL_DB, else <data folder>/journal.sqlite
- settings: <data folder>/settings.ini; backups: backups/ beside the journal file
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from journal import APP_NAME, ORG_NAME


def data_dir() -> Path:
    override = os.environ.get("JOURNAL_DATA_DIR")
    if override:
        return Path(override)
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def default_db_path() -> Path:
    override = os.environ.get("JOURNAL_DB")
    return Path(override) if override else data_dir() / "journal.sqlite"


def sample_db_path() -> Path:
    """The separate file that holds the sample history a newcomer can explore."""
    return data_dir() / "sample.sqlite"
