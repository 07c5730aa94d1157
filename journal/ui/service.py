# SPDX-License-Identifier: MIT
"""The one object the screens talk to: the open journal file, preferences, the undo stack, and what changed."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from journal.lock import acquire
from journal.settings import Preferences
from journal.storage.backup import (
    BackupError,
    backup_to,
    copy_open,
    daily_backup,
    damage,
    damage_of_file,
    restore_into,
)
from journal.storage.changes import Change
from journal.storage.database import (
    STORAGE_ERRORS,
    JournalDatabase,
    JournalFileError,
    close_database,
    open_database,
)
from journal.storage.migrations import SCHEMA_VERSION
from journal.ui.tasks import wait_for_background


def _open_whole(path: Path) -> object:
    """open_database, and SQLite's quick check of the file: a damaged journal is refused (JournalFileError) before
    the window reads a damaged page or a backup of it pushes a whole one out of rotation."""
    database = open_database(path)
    _refuse_damaged(path, damage(database.connection()))
    return database


def _refuse_damaged(path: Path, found: str | None) -> None:
    if found is not None:
        close_database()
        raise JournalFileError(f"{path} is damaged: {found}")


class _QuickCheck(threading.Thread):
    """SQLite's quick check of the file opened at start-up, on a connection and a thread of its own: it reads the
    whole file while the window is built (SQLite lets Python run meanwhile), and its verdict is awaited before the
    window is shown (JournalService.confirm_whole)."""

    def __init__(self, path: Path) -> None:
        super().__init__(name="quick-check", daemon=True)
        self.path = path
        self.found: str | None = None

    def run(self) -> None:
        self.found = damage_of_file(self.path)


class JournalService(QObject):
    """Signals:
        changed(Change): a write finished; the Change names what to refresh.
        preferences_changed(Preferences): units, effort scale or thresholds changed; every display re-renders.
        file_changed(Path): another journal file was opened.
        about_to_switch(): another file is about to be opened; save what is still being typed.
        failed(str): a change could not be written (disk full, file locked or read-only); nothing of it was kept.

    When the file is deleted or replaced while open, no write reaches it (each is refused, see JournalDatabase);
    file_gone() tells, and save_as() keeps what is open in a new file, which the window then works on.
    """

    changed = Signal(object)
    preferences_changed = Signal(object)
    file_changed = Signal(object)
    about_to_switch = Signal()
    failed = Signal(str)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.preferences = Preferences.load()
        self.undo_stack = QUndoStack(self)
        self._locks: list[QLockFile] = []  # of files saved elsewhere (run_app holds the first file's)
        database = open_database(path)
        self._check: _QuickCheck | None = _QuickCheck(path)  # its verdict: confirm_whole(), before the window shows
        self._check.start()
        self._daily_backup(database)  # a backup checks the file itself: a damaged one is never taken

    def confirm_whole(self) -> None:
        """Wait for the quick check of the file opened at start-up: a damaged journal is closed and refused
        (JournalFileError). The window calls it once built, before it is shown; it returns at once after that."""
        check, self._check = self._check, None
        if check is not None:
            check.join()
            _refuse_damaged(self.path, check.found)

    def _daily_backup(self, database: object) -> None:
        try:
            daily_backup(database, self.path, self.preferences.backups_keep)  # type: ignore[arg-type]
        except (OSError, BackupError, *STORAGE_ERRORS) as error:  # a read-only folder must not keep it from opening
            logging.getLogger(__name__).warning("The daily backup could not be written", exc_info=True)
            self.failed.emit(f"The daily backup could not be written: {error}")

    def backup_now(self) -> Path:
        from journal.storage.models import db

        return backup_to(db.obj, self.path, "manual", self.preferences.backups_keep)

    def restore(self, backup: Path) -> Path:
        """Replace the journal's content with a backup's (the current content kept as a backup first)."""
        from journal.storage.models import db

        self.about_to_switch.emit()
        wait_for_background()
        kept = restore_into(db.obj, self.path, backup, SCHEMA_VERSION, self.preferences.backups_keep)
        close_database()
        open_database(self.path)  # migrates a backup from an older version
        self.undo_stack.clear()
        self.changed.emit(Change(everything=True, exercises=True, routines=True))
        return kept

    def push(self, command: QUndoCommand) -> None:
        """Run an edit through the undo stack (its redo() runs now)."""
        self.undo_stack.push(command)

    def publish(self, change: Change) -> None:
        """Tell every view what a write changed."""
        self.changed.emit(change)

    def set_preferences(self, preferences: Preferences) -> None:
        if preferences == self.preferences:
            return
        preferences.save()
        self.preferences = preferences
        self.preferences_changed.emit(preferences)

    def open_file(self, path: Path) -> None:
        """Switch to another journal file; undo history belongs to the file it was made in, so it is cleared.
        If the other file cannot be opened, the current one stays open and the error is raised."""
        self.about_to_switch.emit()
        wait_for_background()
        close_database()
        try:
            database = _open_whole(path)
        except Exception:
            open_database(self.path)
            raise
        self.path = path
        self._daily_backup(database)
        self.undo_stack.clear()
        self.file_changed.emit(path)
        self.changed.emit(Change(everything=True, exercises=True))

    def file_gone(self) -> bool:
        """Whether the open file was deleted, or another put in its place, since it was opened."""
        from journal.storage.models import db

        return isinstance(db.obj, JournalDatabase) and db.obj.file_gone()

    def save_as(self, target: Path) -> None:
        """Write what is open, whole, to `target` (taking its lock) and work on that file from now on. Raises
        JournalLocked when another Journal has `target` open, OSError or a storage error when it cannot be written."""
        from journal.storage.models import db

        lock = acquire(target)
        wait_for_background()
        try:
            copy_open(db.obj, target)
            close_database()
            open_database(target)
        except BaseException:
            lock.unlock()
            raise
        self._locks.append(lock)
        self.path = target
        self.undo_stack.clear()
        self.file_changed.emit(target)
        self.changed.emit(Change(everything=True, exercises=True, routines=True))

    def close(self) -> None:
        if self._check is not None:  # never confirmed (no window was built on it): let it finish reading first
            self._check.join()
        wait_for_background()
        close_database()
        for lock in self._locks:
            lock.unlock()
