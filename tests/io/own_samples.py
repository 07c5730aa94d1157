# SPDX-License-Identifier: MIT
"""Sample exports read by tests of their own (left-out rows, Strong in other languages and shapes, more apps)."""

from __future__ import annotations

from tests.conftest import SAMPLES

OWN_SAMPLES = [
    SAMPLES / "strong" / "strong-typos.csv",
    *(
        SAMPLES / "strong" / f"strong-{variant}.csv"
        for variant in ("fr", "de", "zh-12", "zh-10", "no-header", "unit-columns-kg", "unit-columns-lb")
    ),
    SAMPLES / "lyfta" / "lyfta-export.csv",
    SAMPLES / "gymbook" / "gymbook-it.csv",
    SAMPLES / "dailystrength" / "dailystrength-units.csv",
    SAMPLES / "stronglifts" / "stronglifts-wide-us.csv",
]
