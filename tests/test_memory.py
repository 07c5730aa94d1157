# SPDX-License-Identifier: MIT
"""Freed memory is handed back to the system where the C library allows it, and asking is harmless elsewhere."""

from __future__ import annotations

import platform
import sys

import numpy as np

from journal.memory import release_free_memory


def test_release_free_memory_asks_glibc_and_is_harmless() -> None:
    temporary = np.ones(4_000_000)
    del temporary
    glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert release_free_memory() is glibc
    assert release_free_memory() is glibc  # again: nothing left to hand back, no harm
