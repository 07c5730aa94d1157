# SPDX-License-Identifier: MIT
"""The log file: logs/journal.log in the data folder, rotated at 1 MB with three older files kept."""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
from pathlib import Path

LOG_FILE = "journal.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"


def log_folder() -> Path:
    from journal.paths import data_dir

    return data_dir() / "logs"


def log_path() -> Path:
    return log_folder() / LOG_FILE


class _JournalFile(logging.handlers.RotatingFileHandler):
    """The handler setup_logging adds (told apart from any other on the root logger)."""


def setup_logging() -> Path | None:
    """Send Journal's messages (INFO and up) and every other library's warnings to the log file; again for another
    data folder moves the file there. None when the folder cannot be written: the program runs on without a log."""
    path = log_path()
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _JournalFile)]:
        if Path(handler.baseFilename) == path.absolute():
            return path
        root.removeHandler(handler)
        handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _JournalFile(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    if root.level > logging.WARNING or root.level == logging.NOTSET:
        root.setLevel(logging.WARNING)
    logging.getLogger("journal").setLevel(logging.INFO)
    logging.captureWarnings(True)
    return path


def versions() -> str:
    """Journal's, Python's, the libraries' and the system's versions, one line each, for a report."""
    from importlib.metadata import PackageNotFoundError, version

    import journal

    lines = [
        f"Journal {journal.__version__}",
        f"Python {sys.version.split()[0]} ({sys.executable})",
        f"Platform {platform.platform()}",
    ]
    for package in ("PySide6-Essentials", "pyqtgraph", "peewee", "numpy"):
        try:
            lines.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            lines.append(f"{package} not found")
    return "\n".join(lines)


def stop_logging() -> None:
    """Close the log file and stop writing to it (tests, between data folders)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _JournalFile)]:
        root.removeHandler(handler)
        handler.close()
