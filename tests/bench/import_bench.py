# SPDX-License-Identifier: MIT
"""Import speed: Journal's importer (parse, check, map names, write in one transaction) against a raw baseline
that only reads the same rows with the csv module and writes them with sqlite3 executemany into the same tables;
and end to end against the do-it-yourself way (pandas reads the export, groups weekly tonnage, matplotlib saves a
PNG) versus `journal import` plus `journal chart volume --png`, with the floor under those two commands: the bare
program starts of this stack plus the raw import."""

from __future__ import annotations

import csv
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

from tests.bench import real_shape
from tests.bench.common import CACHE, ENV, median_seconds
from tests.io.support import HEVY_COLUMNS, STRONG_COLUMNS

EXERCISES = (
    "Squat (Barbell)",
    "Bench Press (Barbell)",
    "Deadlift (Barbell)",
    "Overhead Press (Barbell)",
    "Pull Up",
    "Lat Pulldown (Cable)",
    "Bicep Curl (Dumbbell)",
    "Lateral Raise (Dumbbell)",
)


def _sets(rows: int) -> Iterator[tuple[datetime, int, str, int, float, int, float]]:
    """(start, workout, exercise, set index, load kg, reps, RPE or 0) of `rows` sets: 4 exercises of 5 sets a
    workout, two workouts a day."""
    start = datetime(2015, 1, 1, 7, 0)
    for index in range(rows):
        workout, position = divmod(index, 20)
        exercise = EXERCISES[(workout * 4 + position // 5) % len(EXERCISES)]
        when = start + timedelta(days=workout // 2, hours=(workout % 2) * 9)
        yield (
            when,
            workout,
            exercise,
            position % 5,
            40 + (index * 7) % 100 + 2.5,
            3 + index % 8,
            [0, 7, 7.5, 8, 8.5, 9][index % 6],
        )


# Each format's header and one row of it, for the same sets.
FORMATS: dict[str, tuple[list[str], Callable[..., list[object]]]] = {
    "strong": (
        list(STRONG_COLUMNS),
        lambda when, workout, exercise, index, load, reps, rpe: [
            when.strftime("%Y-%m-%d %H:%M:%S"),
            f"Workout {workout % 7}",
            "1h 5m",
            exercise,
            index + 1,
            load,
            reps,
            0,
            0,
            "",
            "",
            rpe,
        ],
    ),
    "hevy": (
        list(HEVY_COLUMNS),
        lambda when, workout, exercise, index, load, reps, rpe: [
            f"Workout {workout % 7}",
            f"{when:%d %b %Y, %H:%M}",
            f"{when + timedelta(minutes=65):%d %b %Y, %H:%M}",
            "",
            exercise,
            "",
            "",
            index,
            "normal",
            load,
            reps,
            "",
            "",
            rpe or "",
        ],
    ),
    "fitnotes": (
        ["Date", "Exercise", "Category", "Weight (kgs)", "Reps", "Distance", "Distance Unit", "Time"],
        lambda when, workout, exercise, index, load, reps, rpe: [
            f"{when:%Y-%m-%d}",
            exercise,
            "Strength",
            load,
            reps,
            "",
            "",
            "",
        ],
    ),
}


def export_file(rows: int, fmt: str = "strong") -> Path:
    """An export of `rows` sets in `fmt` (see FORMATS), made once."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / (f"strong-{rows}.csv" if fmt == "strong" else f"{fmt}-{rows}.csv")
    if path.exists():
        return path
    header, row = FORMATS[fmt]
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(row(*one) for one in _sets(rows))
    return path


def strong_export(rows: int) -> Path:
    return export_file(rows, "strong")


def empty_journal(folder: Path) -> Path:
    from journal.storage.database import close_database, open_database

    path = folder / f"journal-{time.perf_counter_ns()}.sqlite"
    open_database(path)
    close_database()
    return path


def journal_import(export: Path, folder: Path, fmt: str = "strong") -> None:
    from journal.io import ImportOptions, parse_file
    from journal.storage.database import close_database, open_database
    from journal.storage.importing import import_sessions, propose

    path = empty_journal(folder)
    open_database(path)
    parsed = parse_file(export, fmt, ImportOptions(units="kg"))
    choices = {p.name: (p.exercise.id if p.exercise else None) for p in propose(parsed.exercise_names())}
    import_sessions(parsed.sessions, choices, path)
    close_database()


def raw_import(export: Path, folder: Path) -> None:
    """The baseline: the csv module and executemany of the same rows into the same tables, nothing checked. The
    tables are without the triggers that mark the sessions written for the review (Journal's own bookkeeping, which
    its import pays): they cost executemany, one row a statement, a third more time, and would flatter the ratio."""
    path = empty_journal(folder)
    connection = sqlite3.connect(path)
    for (trigger,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        connection.execute(f'DROP TRIGGER "{trigger}"')
    connection.commit()
    with export.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        next(reader)
        sessions: dict[tuple[str, str], int] = {}
        entries: dict[tuple[int, str], int] = {}
        session_rows, entry_rows, set_rows = [], [], []
        for number, row in enumerate(reader, 1):
            key = (row[0], row[1])
            if key not in sessions:
                sessions[key] = len(sessions) + 1
                session_rows.append((sessions[key], row[0], row[1], "strong", f"{row[0]}|{row[1]}"))
            entry_key = (sessions[key], row[3])
            if entry_key not in entries:
                entries[entry_key] = len(entries) + 1
                entry_rows.append((entries[entry_key], sessions[key], 1, len(entries)))
            warmup = row[4] == "W"
            rpe = float(row[11] or 0)
            set_rows.append(
                (
                    number,
                    entries[entry_key],
                    0 if warmup else int(row[4]),
                    "warmup" if warmup else "working",
                    float(row[5]),
                    int(row[6]),
                    10 - rpe if rpe else None,
                )
            )
    with connection:
        connection.executemany(
            "INSERT INTO session (id, start, title, source, source_key) VALUES (?, ?, ?, ?, ?)", session_rows
        )
        connection.executemany(
            "INSERT INTO entry (id, session_id, exercise_id, position) VALUES (?, ?, ?, ?)", entry_rows
        )
        connection.executemany(
            'INSERT INTO "set" (id, entry_id, position, set_type, load_kg, reps, rir) VALUES (?, ?, ?, ?, ?, ?, ?)',
            set_rows,
        )
    connection.close()


DIY = """
import sys
import pandas as pd
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
frame = pd.read_csv(sys.argv[1])
frame["Date"] = pd.to_datetime(frame["Date"])
frame["tonnage"] = frame["Weight"] * frame["Reps"]
weekly = frame.set_index("Date")["tonnage"].resample("W-MON").sum()
figure, axes = plt.subplots(figsize=(16, 9))
axes.bar(weekly.index, weekly.values, width=6)
figure.savefig(sys.argv[2])
"""


BARE_STARTS = (
    # what `journal import` cannot start without: Python, peewee and Qt Core (the file lock and data folder)
    "import sqlite3, peewee; from PySide6 import QtCore",
    # what `journal chart` cannot start without: a Qt application with pyqtgraph
    "from PySide6 import QtWidgets; import pyqtgraph; app = QtWidgets.QApplication([])",
)


def end_to_end(export: Path, folder: Path) -> dict[str, float]:
    """Wall time of the commands: Journal's import and chart (each, and both), the do-it-yourself script, and the
    floor under Journal's two commands with this stack: two bare program starts plus the raw import."""
    env = {**ENV, "JOURNAL_DATA_DIR": str(folder / "data")}
    spent: dict[str, list[float]] = {"import": [], "chart": []}

    def timed(step: str, command: list[str]) -> None:
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "journal", *command], check=True, env=env, capture_output=True)
        spent[step].append(time.perf_counter() - began)

    def journal() -> None:
        db = folder / f"e2e-{time.perf_counter_ns()}.sqlite"
        timed("import", ["import", str(export), "--units", "kg", "--db", str(db)])
        timed("chart", ["chart", "volume", "--png", str(folder / "j.png"), "--db", str(db)])

    def diy() -> None:
        subprocess.run(
            [sys.executable, "-c", DIY, str(export), str(folder / "diy.png")], check=True, env=env, capture_output=True
        )

    def bare_starts() -> None:
        for code in BARE_STARTS:
            subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True)

    figures = {
        "journal_e2e": median_seconds(journal, runs=5),
        "diy_e2e": median_seconds(diy, runs=5),
        "bare_starts": median_seconds(bare_starts, runs=5),
    }
    figures.update({f"journal_{step}_command": statistics.median(times[1:]) for step, times in spent.items()})
    return figures


def real_export(rows: int) -> Path:
    """A Strong export of `rows` rows shaped like a real one (see real_shape), made once."""
    return real_shape.export(CACHE / f"strong-real-{rows}.csv", rows)


def measure(rows: int = 100_000, million: bool = True) -> dict[str, float]:
    """The budget is judged on real-shaped exports; the old, repetitive file (600 distinct set-field combinations
    in 100,000 rows) is kept as a second row. `million` adds the real-shaped 1,000,000-row import (about a minute)."""
    export = real_export(rows)
    figures: dict[str, float] = {"new_combinations": real_shape.shape(export)["distinct set-field combinations / rows"]}
    with tempfile.TemporaryDirectory(prefix="journal-bench-") as name:
        folder = Path(name)
        figures["journal"] = median_seconds(lambda: journal_import(export, folder), runs=5)
        figures["raw"] = median_seconds(lambda: raw_import(export, folder), runs=5)
        old = strong_export(rows)
        figures["journal_old"] = median_seconds(lambda: journal_import(old, folder), runs=5)
        figures["raw_old"] = median_seconds(lambda: raw_import(old, folder), runs=5)
        if million:
            big = real_export(1_000_000)
            figures["journal_1m"] = median_seconds(lambda: journal_import(big, folder), runs=3, warmup=0)
            figures["raw_1m"] = median_seconds(lambda: raw_import(big, folder), runs=3, warmup=0)
        figures.update(end_to_end(export, folder))
        for fmt in ("hevy", "fitnotes"):  # the old file's sets as other apps export them
            other = export_file(rows, fmt)
            figures[fmt] = median_seconds(lambda other=other, fmt=fmt: journal_import(other, folder, fmt), runs=5)
    figures["floor_e2e"] = figures["bare_starts"] + figures["raw"]
    return figures


if __name__ == "__main__":
    print(measure())
