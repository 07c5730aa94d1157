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


LARGE_BLOCKS = """
import sys
import numpy as np
from journal.memory import map_large_blocks_apart

def resident_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS:"))

if sys.argv[1] == "apart":
    assert map_large_blocks_apart()
big = np.ones(3_000_000)  # 24 MB, freed: glibc would raise its threshold for mapping blocks apart to that
del big
before = resident_mb()
figures = [np.ones(500_000) for _ in range(8)]  # a chart's temporaries: 4 MB each
del figures
print(resident_mb() - before)
"""


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc", reason="glibc's allocator only"
)
def test_temporaries_of_a_few_megabytes_are_handed_back_when_freed_after_a_large_one() -> None:
    import subprocess

    run = subprocess.run(
        [sys.executable, "-c", LARGE_BLOCKS, "apart"], capture_output=True, text=True, check=True, timeout=60
    )
    assert float(run.stdout) < 4, run.stdout  # not the 32 MB the temporaries took (30 MB stayed resident without it)
