# SPDX-License-Identifier: MIT
"""Where Journal keeps its files: the platform's app-data folder, or the one override tests and power users set.

- data folder: JOURNAL_DATA_DIR, else QStandardPaths.AppDataLocation (e.g. ~/.local/share/Journal/Journal on Linux;
  worked out there as Qt does, from XDG_DATA_HOME and HOME, by a command that has not loaded Qt)
- journal file: --db PATH, else JOURNAL_DB, else <data folder>/journal.sqlite
- settings: <data folder>/settings.ini; backups: backups/ beside the journal file
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from journal import APP_NAME, ORG_NAME


def data_dir() -> Path:
    override = os.environ.get("JOURNAL_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform.startswith("linux") and "PySide6.QtCore" not in sys.modules:
        return xdg_data_home() / ORG_NAME / APP_NAME
    # elsewhere the platform's own calls (Known Folders, NSSearchPathForDirectoriesInDomains) decide: Qt's answer
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def xdg_data_home() -> Path:
    """$XDG_DATA_HOME when it is an absolute path, else ~/.local/share: where Qt puts app data on Linux."""
    given = os.environ.get("XDG_DATA_HOME", "")
    return Path(given) if given.startswith("/") else Path.home() / ".local" / "share"


def default_db_path() -> Path:
    override = os.environ.get("JOURNAL_DB")
    return Path(override) if override else data_dir() / "journal.sqlite"


def sample_db_path() -> Path:
    """The separate file that holds the sample history a newcomer can explore."""
    return data_dir() / "sample.sqlite"
