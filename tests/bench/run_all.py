# SPDX-License-Identifier: MIT
"""Every benchmark of the performance budgets (DESIGN.md), with its baseline measured in the same run; prints the
table and writes it into the README's performance section.

    make bench            (or: python tests/bench/run_all.py [--no-readme] [--quick])

Reference journals are `journal demo` histories of 1, 3 and 10 years and a 183-year one of about a million sets,
built once under build/bench (the million-set file takes about a minute)."""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench import import_bench, real_shape
from tests.bench.common import ENV, ROOT, journal_file, ms, set_count, table

HERE = Path(__file__).resolve().parent
README = ROOT / "README.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
CHARTS = ("Volume", "Proximity to failure", "Strength", "RIR calibration")
FILES = {"1 year": 1, "3 years": 3, "10 years": 10, "1M sets": 183}


def first_paint(kind: str, path: Path | None = None, env: dict[str, str] = ENV) -> float:
    """Seconds from starting a fresh Python process to the first paint of its window."""
    command = [sys.executable, str(HERE / "startup_child.py"), kind, *([str(path)] if path else [])]
    began = time.time()
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=True)
    painted = next(line for line in result.stdout.splitlines() if line.startswith("painted "))
    return float(painted.split()[1]) - began


def startup(path: Path, runs: int) -> tuple[float, float, float]:
    """Median first paint of Journal on `path`, of the bare PySide6 window and of the pyqtgraph one, taken in turns
    so that all three see the same machine. Each starts from compiled bytecode, as an installed program does (pip
    and the bundles compile it; a shell that sets PYTHONDONTWRITEBYTECODE would have Journal's modules compiled
    from source at every start, and the baselines' not): the warm-up runs write it to a folder of their own."""
    with tempfile.TemporaryDirectory(prefix="journal-bytecode-") as cache:
        env = {key: value for key, value in ENV.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for kind in ("bare", "pyqtgraph"):
            first_paint(kind, env=env)  # warm the disk cache, and compile
        first_paint("journal", path, env)
        bare, plot, journal = [], [], []
        for _ in range(runs):
            bare.append(first_paint("bare", env=env))
            plot.append(first_paint("pyqtgraph", env=env))
            journal.append(first_paint("journal", path, env))
    return statistics.median(journal), statistics.median(bare), statistics.median(plot)


def redraw(path: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(HERE / "redraw_child.py"), str(path)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=900,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def latency(path: Path) -> dict[str, dict[str, float]]:
    """The interactions' medians and 95th percentiles (latency_child) on a copy of `path` (the edits write)."""
    with tempfile.TemporaryDirectory(prefix="journal-latency-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        result = subprocess.run(
            [sys.executable, str(HERE / "latency_child.py"), str(copy)],
            capture_output=True,
            text=True,
            env={**ENV, "JOURNAL_DATA_DIR": str(Path(folder) / "data")},
            timeout=900,
            check=True,
        )
    return json.loads(result.stdout.strip().splitlines()[-1])


def latency_table(figures: dict[str, dict[str, dict[str, float]]]) -> str:
    """One row per interaction: median / 95th percentile at each journal size, against 50 ms at 10 years and 100 ms
    at 1M sets."""
    budgets = {"10 years": 0.05, "1M sets": 0.1}
    head = ["interaction", *(f"{label} median / p95 (budget {ms(budgets[label])})" for label in figures), "met"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name in next(iter(figures.values())):
        cells, ok = [], True
        for label, one in figures.items():
            got = one[name]
            cells.append(f"{ms(got['median'])} / {ms(got['p95'])}" if got["n"] > 1 else ms(got["median"]))
            ok = ok and got["p95"] <= budgets[label]
        timing_only = name == "review data ready"  # a background read, with its own budget above
        lines.append("| " + " | ".join([name, *cells, "" if timing_only else verdict(ok)]) + " |")
    return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


def measure(quick: bool) -> tuple[list[list[str]], list[list[str]], list[str], str]:
    runs = 3 if quick else 7
    budgets: list[list[str]] = []
    growth: list[list[str]] = []
    figures: dict[str, dict[str, float]] = {}
    for label, years in FILES.items():
        path = journal_file(years)
        journal, bare, plot = startup(path, runs if years < 100 else 3)
        figures[label] = {"sets": set_count(path), "start": journal, "bare": bare, "plot": plot, **redraw(path)}
        print(f"{label}: {json.dumps(figures[label])}", flush=True)
    ten, million = figures["10 years"], figures["1M sets"]
    for baseline, name, budget in (
        ("bare", "bare PySide6 window (QMainWindow + QTableView)", 2.0),
        ("plot", "the same with pyqtgraph imported", 1.3),
    ):
        ratio = ten["start"] / ten[baseline]
        budgets.append(
            [
                f"cold start to first paint, 10 years ({ten['sets']:,.0f} sets)",
                ms(ten["start"]),
                f"{name} {ms(ten[baseline])}",
                f"{ratio:.2f}x",
                f"{budget:g}x",
                verdict(ratio <= budget),
            ]
        )
    for label, budget in (("10 years", 0.15), ("1M sets", 1.0)):
        value = figures[label]["load_s"]
        budgets.append(
            [f"review data ready (background read), {label}", ms(value), "", "", ms(budget), verdict(value <= budget)]
        )
    for label, budget in (("10 years", 0.05), ("1M sets", 0.25)):
        for chart in CHARTS:
            value = figures[label][chart]
            budgets.append(
                [f"full-range redraw, {chart}, {label}", ms(value), "", "", ms(budget), verdict(value <= budget)]
            )
    budgets.append(
        [
            f"peak memory, 1M sets ({million['sets']:,.0f}) open, every chart drawn",
            f"{million['peak_rss_mb']:.0f} MB",
            "",
            "",
            "300 MB",
            verdict(million["peak_rss_mb"] < 300),
        ]
    )
    imports = import_bench.measure(million=not quick)
    for label, journal, raw in (
        (
            f"import of a 100,000-row real-shaped Strong export ({imports['new_combinations']:.0%} of rows a new "
            "combination of set fields)",
            "journal",
            "raw",
        ),
        ("import of a 1,000,000-row real-shaped Strong export", "journal_1m", "raw_1m"),
        ("import of the old 100,000-row Strong export (600 combinations of set fields)", "journal_old", "raw_old"),
    ):
        if journal not in imports:
            continue
        ratio = imports[journal] / imports[raw]
        budgets.append(
            [
                label,
                f"{imports[journal]:.2f} s",
                f"csv + executemany {imports[raw]:.2f} s",
                f"{ratio:.2f}x",
                "1.5x",
                verdict(ratio <= 1.5),
            ]
        )
    for fmt, label in (("hevy", "Hevy"), ("fitnotes", "FitNotes")):
        ratio = imports[fmt] / imports["raw_old"]
        budgets.append(
            [
                f"import of the old file's 100,000 sets as a {label} export",
                f"{imports[fmt]:.2f} s",
                f"csv + executemany (Strong) {imports['raw_old']:.2f} s",
                f"{ratio:.2f}x",
                "1.5x",
                verdict(ratio <= 1.5),
            ]
        )
    ratio = imports["journal_e2e"] / imports["diy_e2e"]
    budgets.append(
        [
            "`journal import` + `journal chart volume --png`, same file "
            f"({imports['journal_import_command']:.2f} s + {imports['journal_chart_command']:.2f} s)",
            f"{imports['journal_e2e']:.2f} s",
            f"pandas + matplotlib {imports['diy_e2e']:.2f} s",
            f"{ratio:.2f}x",
            "< 1x",
            verdict(ratio < 1),
        ]
    )
    budgets.append(
        [
            "floor under those two commands with this stack: two bare starts "
            f"({imports['bare_starts']:.2f} s) + the raw import ({imports['raw']:.2f} s)",
            f"{imports['floor_e2e']:.2f} s",
            f"pandas + matplotlib {imports['diy_e2e']:.2f} s",
            f"{imports['floor_e2e'] / imports['diy_e2e']:.2f}x",
            "",
            "",
        ]
    )
    for label, one in figures.items():
        growth.append(
            [
                label,
                f"{one['sets']:,.0f}",
                ms(one["start"]),
                f"{one['load_s']:.2f} s",
                *(ms(one[chart]) for chart in CHARTS),
                f"{one['peak_rss_mb']:.0f} MB",
            ]
        )
    interactions = {label: latency(journal_file(FILES[label])) for label in ("10 years", "1M sets")}
    for label, one in interactions.items():
        print(f"{label} interactions: {json.dumps(one)}", flush=True)
    return budgets, growth, shapes(ten, million), latency_table(interactions)


def shapes(small: dict[str, float], large: dict[str, float]) -> list[str]:
    """How each figure grows from one journal to a larger one, as the exponent k of sets^k: about 1 is linear in
    the sets, about 0 does not grow (a fixed cost, such as starting Qt, pulls k below 1)."""

    def shape(k: float) -> str:
        if k < 0.2:
            return "flat"
        if k < 0.8:
            return "less than linear"
        return "linear" if k <= 1.2 else "more than linear"

    growth = math.log(large["sets"] / small["sets"])
    names = {
        "start": "first paint",
        "load_s": "review data",
        **{chart: f"{chart} redraw" for chart in CHARTS},
        "peak_rss_mb": "peak memory",
    }
    lines = []
    for key, name in names.items():
        k = math.log(large[key] / small[key]) / growth
        lines.append(f"{name} k = {k:.2f} ({shape(k)})")
    return lines


def growth_table(rows: list[list[str]]) -> str:
    head = ["journal", "sets", "first paint", "review data (background)", *CHARTS, "peak memory"]
    return "\n".join(
        ["| " + " | ".join(head) + " |", "|" + "---|" * len(head), *("| " + " | ".join(r) + " |" for r in rows)]
    )


def write_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    if BEGIN not in readme:
        raise SystemExit(f"README.md has no {BEGIN} … {END} section to write into")
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
    README.write_text(pattern.sub(lambda _: f"{BEGIN}\n{text}\n{END}", readme), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-readme", action="store_true", help="print the table only")
    parser.add_argument(
        "--quick", action="store_true", help="3 start-up runs instead of 7, and no 1,000,000-row import"
    )
    args = parser.parse_args()
    real_shape.compare()
    budgets, growth, grown, interactions = measure(args.quick)
    load = os.getloadavg()[1]  # the last 5 minutes: others' work on the machine shows here
    machine = (
        f"{platform.machine()}, {platform.system()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"load average {load:.1f} at the end"
        + (" (a machine shared with other work: the figures are noisy, and high)" if load > 1.2 else "")
    )
    text = (
        f"Measured {date.today().isoformat()} on {machine} (medians; baselines measured in the same run).\n\n"
        f"{table(budgets)}\n\nHow the cost grows with the journal:\n\n{growth_table(growth)}\n\n"
        "From 10 years to 1M sets, each figure grows as sets^k: " + "; ".join(grown) + ".\n\n"
        "Interactions, driven with real key and mouse events (tests/bench/latency_child.py; each from the event to "
        "the end of the work it set off, the paint included):\n\n" + interactions
    )
    print(text)
    if not args.no_readme:
        write_readme(text)


if __name__ == "__main__":
    main()
