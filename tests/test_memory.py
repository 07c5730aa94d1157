# SPDX-License-Identifier: MIT
"""Freed memory is handed back to the system where the C library allows it, and asking is harmless elsewhere; the
cycle collector paused for a large read runs again after it."""

from __future__ import annotations

import gc
import platform
import sys

import numpy as np
import pytest

from journal.memory import collection_paused, release_free_memory


def test_release_free_memory_asks_glibc_and_is_harmless() -> None:
    temporary = np.ones(4_000_000)
    del temporary
    glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert release_free_memory() is glibc
    assert release_free_memory() is glibc  # again: nothing left to hand back, no harm


def test_the_cycle_collector_runs_again_after_a_paused_read_even_one_that_failed() -> None:
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collection_paused():
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # paused by someone else: left paused
    finally:
        gc.enable()


def test_the_source_lines_kept_for_tracebacks_are_dropped() -> None:
    import linecache

    assert linecache.getlines(__file__)
    release_free_memory()
    assert __file__ not in linecache.cache  # read again if a traceback needs them
