# SPDX-License-Identifier: MIT
"""The watched folder: every supported export that appears or changes there is imported, adding only what is new.

A QFileSystemWatcher on the folder and its files, and a scan when the folder is set (at start). A file is read
again only when its bytes change (a hash of the version handled is remembered in the settings), so a bad file is
reported once per version and a file synced in pieces is imported once whole. A bodyweight file (FitNotes' body
tracker, Hevy's body measurements) adds its new weights to the bodyweight log. Nothing is imported while a modal
dialog is open or another journal (the sample data) is shown: the scan is tried again a moment later. Each file is
read and written off the GUI thread, one at a time, in one transaction (never in part).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from journal import settings
from journal.domain.units import Unit
from journal.storage.bodyweight import weighings
from journal.ui import undo
from journal.ui.service import JournalService
from journal.ui.tasks import run_in_background

if TYPE_CHECKING:  # the importers are imported when a file is to be read, not as the window starts
    from journal.io import ParsedImport
    from journal.io.body import BodyFile
    from journal.storage.importing import ImportResult

SUFFIXES = (".csv", ".txt")
SETTLE_MS = 400  # a file being written changes many times: scan once it has been still this long
RETRY_MS = 1500  # a modal dialog is open: look again after this
EMPTY = hashlib.sha1(b"").hexdigest()


def fingerprint(path: Path) -> str | None:
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _read_body(path: Path, units: Unit) -> BodyFile | None:
    """The weights of a bodyweight file (None for any other file)."""
    from journal.io import ImportFailed
    from journal.io.body import body_format, read_body
    from journal.io.text import header_of, read_text

    if path.suffix.lower() != ".csv":
        return None
    text = read_text(path)
    try:
        if body_format(header_of(text)) is None:
            return None
    except ImportFailed:
        return None
    return read_body(text, units)


def _read(path: Path, units: Unit) -> ParsedImport:
    """The file's parsed content, or ImportFailed for a file Journal will not import."""
    from journal.io import ImportFailed, ImportOptions, detect, parse_text
    from journal.io.base import Importer
    from journal.io.generic import GenericCsv
    from journal.io.strong_share import StrongShareText
    from journal.io.text import read_text

    text = read_text(path)
    importer: type[Importer]
    if path.suffix.lower() == ".txt":
        importer = StrongShareText
    else:
        importer = detect(text)
        if importer is GenericCsv:
            raise ImportFailed(
                1, "not an export of Strong, Hevy, FitNotes, Fitbod or Journal (import it from the File menu)"
            )
    parsed = parse_text(text, importer.name, ImportOptions(units=units))
    if parsed.fatal:
        raise ImportFailed(parsed.fatal[0].line, parsed.fatal[0].message)
    return parsed


class FolderWatcher(QObject):
    """Signals:
    imported(object, str): an ImportResult and the file's name, once it is in the journal (and on the undo stack).
    weights_imported(int, str): how many bodyweights a bodyweight file added, and its name (on the undo stack).
    refused(str, str): a file's name and why it cannot be imported (said once per version of the file).
    """

    imported = Signal(object, str)
    weights_imported = Signal(int, str)
    refused = Signal(str, str)

    def __init__(self, service: JournalService, can_import: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.can_import = can_import
        self.folder: Path | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self.schedule())
        self.watcher.fileChanged.connect(lambda _path: self.schedule())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.scan)
        self.busy = False
        self.deferred = 0  # scans put off (a dialog was open)

    def set_folder(self, folder: str) -> None:
        """Watch `folder` ("" for none) and scan it now."""
        if self.watcher.files() or self.watcher.directories():
            self.watcher.removePaths(self.watcher.files() + self.watcher.directories())
        self.folder = Path(folder) if folder else None
        if self.folder is not None and self.folder.is_dir():
            self.watcher.addPath(str(self.folder))
            self.schedule(0)

    def schedule(self, delay: int = SETTLE_MS) -> None:
        self.timer.start(delay)

    def idle(self) -> bool:
        """Nothing being read or written, and no scan due."""
        return not self.busy and not self.timer.isActive()

    def _candidates(self) -> list[Path]:
        if self.folder is None or not self.folder.is_dir():
            return []
        try:
            found = sorted(p for p in self.folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
        except OSError:
            return []
        watched = set(self.watcher.files())
        new = [str(p) for p in found if str(p) not in watched]
        if new:
            self.watcher.addPaths(new)
        return [p for p in found if not p.name.startswith(".")]

    def scan(self) -> None:
        """Import the first file not handled in its present version; the next is taken when it is done."""
        if self.busy:
            return
        handled = settings.watched_files()
        pending = [(p, f) for p in self._candidates() if (f := fingerprint(p)) and handled.get(str(p)) != f]
        pending = [(p, f) for p, f in pending if f != EMPTY]  # a file just created, still to be written
        if not pending:
            return
        if not self.can_import():
            self.deferred += 1
            self.schedule(RETRY_MS)
            return
        path, version = pending[0]
        self.busy = True
        from journal.io import ImportFailed
        from journal.io.body import BodyFile
        from journal.storage.bulk import count_held
        from journal.storage.importing import ImportResult, import_sessions, new_routines, propose
        from journal.storage.topping import count_new_sets

        units, keep, target = self.service.preferences.units, self.service.preferences.backups_keep, self.service.path

        def work() -> ImportResult | BodyFile | None:
            body = _read_body(path, units)
            if body is not None:
                return body
            parsed = _read(path, units)
            sessions, routines = parsed.sessions, parsed.routines
            if count_held(sessions) == len(sessions) and not count_new_sets(sessions) and not new_routines(routines):
                return None  # nothing new: no backup, no notice
            choices = {p.name: p.exercise.id if p.exercise else None for p in propose(parsed.exercise_names())}
            return import_sessions(sessions, choices, target, remember=False, keep=keep, routines=routines)

        def done(result: object) -> None:
            self._handled(path, version)
            if isinstance(result, BodyFile):
                self._add_weights(result, path.name)
            elif isinstance(result, ImportResult) and (result.sessions or result.sets or result.routines):
                text = f"Import {path.name} from the watched folder ({result.sessions} sessions)"
                self.service.push(undo.ImportSessions(self.service, result, text))
                self.service.publish(result.change)
                self.imported.emit(result, path.name)

        def failed(error: BaseException) -> None:
            self._handled(path, version)
            if isinstance(error, ImportFailed):
                where = f"line {error.problem.line}: " if error.problem.line else ""
                self.refused.emit(path.name, f"{where}{error.problem.message}")
            else:
                self.refused.emit(path.name, str(error))

        run_in_background(work, done, failed)

    def _add_weights(self, found: BodyFile, name: str) -> None:
        """A bodyweight file's weights the log lacks, as one undo step (nothing new: no backup, no notice)."""
        held = {w.day for w in weighings() if w.source == found.source}
        if all(day in held for day in found.weights):
            return
        command = undo.ImportWeighings(
            self.service, sorted(found.weights.items()), found.source, f"Import {name} from the watched folder"
        )
        self.service.push(command)
        self.weights_imported.emit(len(command.added), name)

    def _handled(self, path: Path, version: str) -> None:
        handled = settings.watched_files()
        handled[str(path)] = version
        settings.save_watched_files(handled)
        self.busy = False
        self.schedule(0)  # the next file, if any
