# SPDX-License-Identifier: MIT
"""Handing memory that was freed back to the operating system after a large one-time read, and pausing the
cycle collector during one.

glibc keeps freed heap memory mapped for reuse, and a thread's heap serves only that thread: the temporaries of a
read on a worker thread would otherwise stay resident for the whole session. Elsewhere this does nothing.
"""

from __future__ import annotations

import ctypes
import gc
import linecache
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (not Linux, or musl)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library this process already uses
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_free_memory() -> bool:
    """Return the free pages of every heap to the operating system; True when the C library could be asked. The
    source lines Python keeps for tracebacks go too (PySide6 reads the source of every module imported after it,
    16 MB of lines once the review's code is in): they are read again if ever needed."""
    linecache.clearcache()
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a large one-time read builds objects that hold no cycles: each pass
    of it would walk every object made so far, so reading 100,000 rows spent a fifth of its time there. It is
    started again (if it ran before) at the end, and collects then what is due."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
