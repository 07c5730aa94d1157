# SPDX-License-Identifier: MIT
"""The review's data kept live for the window: read in the background once the window is up (or when the review is
first shown, if sooner), from the columns kept in the file when they are valid; then brought up to date edit by edit
while the review is shown (and caught up when it is shown again). What a read gives is kept in the file afterwards,
in the background, for the next open (journal.review.data.read_kept).

The reading code (numpy, the review's queries) is imported by the read itself, on its worker thread, so that the
window can make this object early without a pause.

Signals:
    ready(): the data is loaded or has changed; charts redraw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from journal.settings import Preferences
from journal.storage.changes import Change
from journal.ui.service import JournalService
from journal.ui.tasks import run_in_background

if TYPE_CHECKING:
    from journal.review.data import Snapshot


class ReviewData(QObject):
    ready = Signal()

    def __init__(self, service: JournalService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.snapshot: Snapshot | None = None
        self.loading = False
        self._stale = False
        self.active = False  # while the review is not shown, edits are only noted, and read when it is
        self._pending: set[int] = set()
        service.changed.connect(self.on_changed)
        service.preferences_changed.connect(self._preferences_changed)
        self._prefs = service.preferences

    def load(self, background: bool = True) -> None:
        """Read everything again; in the background unless asked otherwise (the command line)."""
        prefs = self.service.preferences
        self._prefs = prefs
        if not background:
            from journal.review.data import keep_read, read_kept

            self.snapshot, generation = read_kept(prefs)
            if generation is not None:
                keep_read(self.snapshot, prefs, generation)
            self.ready.emit()
            return
        if self.loading:
            self._stale = True
            return
        self.loading = True

        def done(result: Any) -> None:
            if not isValid(self):  # its window was closed while it read
                return
            self.loading = False
            if self._stale:
                self._stale = False
                self.load()
                return
            snapshot, generation = result
            self.snapshot = snapshot
            self.ready.emit()
            if generation is not None:  # kept for the next open, off the window's thread
                from journal.review.data import keep_read

                run_in_background(lambda: keep_read(snapshot, prefs, generation), _ignore, _ignore)

        def failed(error: BaseException) -> None:
            if not isValid(self):
                return
            self.loading = False
            if self._stale:  # another file was opened under the read: read that one
                self._stale = False
                self.load()
                return
            raise error

        def read() -> tuple[Snapshot, Any]:
            from journal.review.data import read_kept  # on the worker thread: the window does not wait for it
            from journal.review.set_figures import work_out_set_figures

            snapshot, generation = read_kept(prefs)
            work_out_set_figures(snapshot)  # before any chart asks for them, off the window's thread
            return snapshot, generation

        run_in_background(read, done, failed)

    def start(self) -> None:
        """Read in the background now, unless the data is there or on its way (the review need not be shown)."""
        if self.snapshot is None and not self.loading:
            self.load()

    def _preferences_changed(self, prefs: Preferences) -> None:
        if (prefs.hard_set_rir, prefs.e1rm_formula) != (self._prefs.hard_set_rir, self._prefs.e1rm_formula):
            self.load()
        else:
            self._prefs = prefs
            self.ready.emit()  # the unit or effort scale only changes how figures are shown

    def on_changed(self, change: Change) -> None:
        if self.snapshot is None or self.loading:
            self._stale = self.loading
            return
        if change.everything:  # read again now, shown or not (an import, a merge, another file): ready when shown
            if not self.active:
                self.snapshot = None
            self._pending.clear()
            self.load()
            return
        self._pending |= change.sessions
        if self.active:
            self.catch_up()

    def set_active(self, active: bool) -> None:
        """The review is shown (True) or hidden: shown, it reads what changed meanwhile, or everything at first."""
        self.active = active
        if active and self.snapshot is None and not self.loading:
            self.load()
        elif active:
            self.catch_up()

    def catch_up(self) -> None:
        if self._pending and self.snapshot is not None:
            from journal.review.data import updated

            sessions, self._pending = sorted(self._pending), set()
            before, self.snapshot = self.snapshot, updated(self.snapshot, sessions, self.service.preferences)
            if self.snapshot is not before:  # an edit that changed nothing the review holds draws nothing again
                self.ready.emit()


def _ignore(_result: object) -> None:
    """A result nobody waits for (keeping the read in the file: a failure is logged by the task)."""
