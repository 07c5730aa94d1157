# SPDX-License-Identifier: MIT
"""What the benchmarks share: the reference journals (built once, cached under build/bench), timing helpers and
the table they print."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "build" / "bench"
END = date(2026, 11, 1)
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}


def journal_file(years: float) -> Path:
    """A demo journal of `years` years (183 years is the ~1,000,000-set stress file), made once and kept."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{years:g}y.sqlite"
    if not path.exists():
        env = {**ENV, "JOURNAL_DATA_DIR": str(CACHE / "data")}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "journal",
                "demo",
                "--db",
                str(path),
                "--years",
                str(years),
                "--seed",
                "1",
                "--end",
                END.isoformat(),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
    return path


def set_count(path: Path) -> int:
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        return int(connection.execute('SELECT count(*) FROM "set"').fetchone()[0])
    finally:
        connection.close()


def median_seconds(work: Callable[[], object], runs: int = 5, warmup: int = 1) -> float:
    for _ in range(warmup):
        work()
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def table(rows: list[list[str]]) -> str:
    head = ["measure", "Journal", "baseline", "ratio", "budget", "met"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"
