# SPDX-License-Identifier: MIT
"""Long work off the GUI thread: run_in_background(fn, on_success, on_failure), results delivered on the GUI thread.

`fn` must not touch widgets. It may use storage: each thread gets its own SQLite connection to the open file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from journal.storage.database import close_database

log = logging.getLogger(__name__)
_running: set[_Task] = set()


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.relay = _Relay()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as error:
            log.warning("A background task failed: %r", error, exc_info=True)
            self.relay.failed.emit(error)
        else:
            self.relay.done.emit(result)
        finally:
            close_database()  # this worker thread's connection


def run_in_background(
    fn: Callable[[], Any], on_success: Callable[[Any], None], on_failure: Callable[[BaseException], None]
) -> None:
    task = _Task(fn)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(task)
        callback(value)

    task.relay.done.connect(lambda result: finish(on_success, result))
    task.relay.failed.connect(lambda error: finish(on_failure, error))
    _running.add(task)
    QThreadPool.globalInstance().start(task)


def wait_for_background(timeout_ms: int = 30000) -> bool:
    """Block until every background task has finished (for shutdown and tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
