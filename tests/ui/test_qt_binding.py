# SPDX-License-Identifier: MIT
"""The Qt binding keeps Python's reference counts right when Python code emits signals.

PySide6-Essentials 6.12.0 dropped one reference to True per emit, which aborts Python 3.11 after about a
thousand emits; pyproject.toml keeps it out. This test fails if a release with the same fault is let in.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)


def test_emitting_signals_keeps_the_reference_count_of_true(qapp: object) -> None:
    emitter = _Emitter()
    received: list[int] = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True)
    for value in range(200):
        emitter.fired.emit(value)
    assert received == list(range(200))
    assert sys.getrefcount(True) >= before - 5
