# SPDX-License-Identifier: MIT
"""The review's columns: numpy arrays of one type each, narrow where the whole journal is held in memory."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]

# The records below hold the whole journal (a million sets) in memory, so their integer columns (ids, weeks,
# counts, reps) are int32, and RIR is float32 where it is kept per set (half steps from 0 to 10 are exact in it).
# journal.storage.review widens a column to int64 when a value does not fit in int32. Figures worked out from
# them are int64 and float64.
COLUMN_INT = np.int32
ColumnInts = NDArray[np.signedinteger[Any]]


def ints(n: int = 0) -> IntArray:
    return np.zeros(n, dtype=np.int64)


def floats(n: int = 0) -> FloatArray:
    return np.zeros(n, dtype=np.float64)


def column_ints(n: int = 0) -> ColumnInts:
    return np.zeros(n, dtype=COLUMN_INT)
