# SPDX-License-Identifier: MIT
"""Strong exports shaped like real ones, for the import budget: a lifter's split of 4 to 6 exercises a workout
(about 14 sets), warm-ups before the barbell lifts, RPE on about half the workouts, Strong's own exercise names,
loads that move in the steps the equipment has (kg plates, dumbbell pairs, pin-loaded stacks, and pound plates
stored in kg as Strong writes them), reps that drift set to set, and a rare note. About a third of the rows carry a
combination of set fields not seen before, as in a real export of the same length; `shape` prints the figures
that say so, for any Strong export.

    python tests/bench/real_shape.py [FILE...]      (the shape of the generated file and of FILE)
"""

from __future__ import annotations

import csv
import random
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from journal.io.strong_export import HEADER as STRONG_HEADER

KG_PER_LB = 0.45359237

# name, equipment, starting load, yearly gain (in the equipment's unit)
LIFTS: dict[str, tuple[str, float, float]] = {
    "Squat (Barbell)": ("barbell", 60, 12),
    "Bench Press (Barbell)": ("barbell", 50, 8),
    "Deadlift (Barbell)": ("barbell", 80, 15),
    "Overhead Press (Barbell)": ("barbell", 35, 5),
    "Front Squat (Barbell)": ("barbell", 50, 8),
    "Romanian Deadlift (Barbell)": ("barbell", 60, 10),
    "Incline Bench Press (Barbell)": ("barbell", 45, 6),
    "Bent Over Row (Barbell)": ("barbell", 50, 7),
    "Hip Thrust (Barbell)": ("barbell", 60, 15),
    "Bench Press (Dumbbell)": ("dumbbell", 20, 3),
    "Incline Bench Press (Dumbbell)": ("dumbbell", 18, 3),
    "Shoulder Press (Dumbbell)": ("dumbbell", 14, 2),
    "Lateral Raise (Dumbbell)": ("dumbbell", 6, 1),
    "Bicep Curl (Dumbbell)": ("dumbbell", 10, 1.5),
    "Hammer Curl (Dumbbell)": ("dumbbell", 12, 1.5),
    "Lunge (Dumbbell)": ("dumbbell", 12, 2),
    "Pullover (Dumbbell)": ("dumbbell", 16, 2),
    "Lat Pulldown (Cable)": ("stack", 45, 6),
    "Seated Row (Cable)": ("stack", 45, 6),
    "Triceps Pushdown (Cable)": ("stack", 20, 3),
    "Face Pull (Cable)": ("stack", 15, 2),
    "Cable Fly": ("stack", 12, 2),
    "Leg Extension (Machine)": ("stack", 40, 6),
    "Seated Leg Curl (Machine)": ("stack", 35, 5),
    "Leg Press": ("plates", 100, 25),
    "Standing Calf Raise (Machine)": ("plates", 60, 10),
    "Chest Press (Machine)": ("plates", 40, 8),
    "Pull Up": ("bodyweight", 0, 2.5),
    "Chin Up": ("bodyweight", 0, 2.5),
    "Dip": ("bodyweight", 0, 2.5),
    "Plank": ("timed", 0, 0),
}
# the step each equipment moves in, in kg and in lb
STEP = {
    "barbell": (2.5, 5.0),
    "dumbbell": (2.0, 5.0),
    "stack": (5.0, 10.0),
    "plates": (5.0, 10.0),
    "bodyweight": (2.5, 5.0),
    "timed": (0, 0),
}
SPLIT = {
    "Push": [
        "Bench Press (Barbell)",
        "Overhead Press (Barbell)",
        "Incline Bench Press (Dumbbell)",
        "Shoulder Press (Dumbbell)",
        "Lateral Raise (Dumbbell)",
        "Triceps Pushdown (Cable)",
        "Cable Fly",
        "Dip",
        "Chest Press (Machine)",
        "Incline Bench Press (Barbell)",
        "Bench Press (Dumbbell)",
    ],
    "Pull": [
        "Deadlift (Barbell)",
        "Bent Over Row (Barbell)",
        "Pull Up",
        "Lat Pulldown (Cable)",
        "Seated Row (Cable)",
        "Face Pull (Cable)",
        "Bicep Curl (Dumbbell)",
        "Hammer Curl (Dumbbell)",
        "Chin Up",
        "Pullover (Dumbbell)",
    ],
    "Legs": [
        "Squat (Barbell)",
        "Romanian Deadlift (Barbell)",
        "Front Squat (Barbell)",
        "Leg Press",
        "Lunge (Dumbbell)",
        "Leg Extension (Machine)",
        "Seated Leg Curl (Machine)",
        "Standing Calf Raise (Machine)",
        "Hip Thrust (Barbell)",
        "Plank",
    ],
}
NOTES = ("felt heavy", "paused reps", "belt", "left knee", "slow eccentric", "new PR!", "grip gave out", "tempo 3-1-1")
HEADER = list(STRONG_HEADER)  # the layout Journal writes and Strong exports
SET_FIELDS = ("Set Order", "Weight", "Reps", "Distance", "Seconds", "Notes", "RPE")


def _written(load: float) -> str:
    return f"{load:.1f}" if abs(load * 10 - round(load * 10)) < 1e-9 else f"{load:g}"


def rows(count: int, unit: str = "kg", seed: int = 1) -> Iterator[list[object]]:
    """`count` rows of a Strong export in `unit` (the unit is not in the file, as in Strong's comma layout)."""
    rng = random.Random(seed)
    in_lb = unit == "lb"
    start = datetime(2014, 1, 6, 17, 30)
    made = workout = 0
    build = 1.0
    while made < count:
        day = start + timedelta(days=workout * 7 // 4, minutes=rng.randint(-120, 240), seconds=rng.randint(0, 59))
        years = workout % 2080 / 208  # ten years of one lifter, then the next (a million rows are many lifters)
        if workout % 2080 == 0:
            build = rng.uniform(0.7, 1.4)  # how strong this lifter is
        name = ("Push", "Pull", "Legs")[workout % 3]
        title = f"{name} {1 + (workout // 3) % 2}" if rng.random() < 0.97 else "Evening Workout"
        rated = rng.random() < 0.5  # RPE is recorded on about half the workouts
        duration = f"{rng.randint(0, 1)}h {rng.randint(0, 59)}m".removeprefix("0h ")
        pool = SPLIT[name]
        chosen = pool[:2] + rng.sample(pool[2:], rng.randint(2, 4))
        workout += 1
        for exercise in chosen:
            kind, base, gain = LIFTS[exercise]
            step = STEP[kind][1 if in_lb else 0]
            # a lifter's top load: up with the years (more slowly later), down in a deload, noisy week to week
            top = (base + gain * years**0.7 * rng.uniform(0.85, 1.1)) * build * (2.2 if in_lb else 1)
            sets: list[tuple[str, float, int]] = []
            if kind == "barbell" and exercise == pool[0]:
                bar = 45 if in_lb else 20
                for fraction in (0.0, 0.5, 0.75)[: rng.randint(1, 2)]:
                    sets.append(("W", max(bar, round(top * fraction / step) * step), rng.choice((10, 8, 5, 5, 3))))
            reps = rng.choice((3, 5, 5, 6, 8, 8, 10, 10, 12, 15))
            for number in range(rng.choice((2, 2, 3, 3, 3))):
                load = round(top * rng.uniform(0.92, 1.0) / step) * step if step else 0
                if kind == "bodyweight":
                    load = load if rng.random() < 0.3 else 0
                if kind == "dumbbell" and not in_lb and rng.random() < 0.2:
                    load += rng.choice((-1, 1))  # the odd dumbbell in 1 kg steps
                if kind == "stack" and not in_lb and rng.random() < 0.3:
                    load = round(round(load / KG_PER_LB / 10) * 10 * KG_PER_LB, 2)  # a pound stack, stored in kg
                sets.append((str(number + 1), load, max(1, reps - number + rng.randint(-1, 1))))
            for order, load, done in sets:
                if made >= count:
                    return
                timed = kind == "timed"
                rpe = rng.choice((6, 6.5, 7, 7.5, 8, 8, 8.5, 9, 9, 9.5, 10)) if rated and order != "W" else 0
                note = rng.choice(NOTES) if rng.random() < 0.02 else ""
                yield [
                    day.strftime("%Y-%m-%d %H:%M:%S"),
                    title,
                    duration,
                    exercise,
                    order,
                    _written(load),
                    0 if timed else done,
                    0,
                    rng.randint(3, 12) * 5 if timed else 0,
                    note,
                    "",
                    _written(rpe) if rpe else 0,
                ]
                made += 1


def export(path: Path, count: int, unit: str = "kg") -> Path:
    """Write the export once (kept: the same file for every run)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        with partial.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(HEADER)
            writer.writerows(rows(count, unit))
        partial.replace(path)
    return path


def shape(path: Path) -> dict[str, float]:
    """What makes an export easy or hard to read: rows, the share of rows whose set fields (set order, weight,
    reps, distance, seconds, notes, RPE) are a combination not seen before, exercises and sets a workout, the
    share of warm-up sets and of workouts with an RPE."""
    with path.open(encoding="utf-8", newline="") as stream:
        first = stream.readline()
        stream.seek(0)
        reader = csv.DictReader(stream, delimiter=";" if first.count(";") > first.count(",") else ",")
        combos: set[tuple[str, ...]] = set()
        workouts: dict[tuple[str, str], set[str]] = {}
        rated: set[tuple[str, str]] = set()
        count = warmups = 0
        for row in reader:
            if row["Set Order"].lower() in ("note", "rest timer"):
                continue
            count += 1
            combos.add(tuple(row.get(name) or "" for name in SET_FIELDS))
            workout = (row["Date"], row["Workout Name"])
            workouts.setdefault(workout, set()).add(row["Exercise Name"])
            warmups += row["Set Order"] == "W"
            if (row.get("RPE") or "0") not in ("0", "0.0"):
                rated.add(workout)
    return {
        "rows": count,
        "distinct set-field combinations / rows": len(combos) / count,
        "exercises a workout": sum(map(len, workouts.values())) / len(workouts),
        "sets a workout": count / len(workouts),
        "warm-up sets / rows": warmups / count,
        "workouts with RPE": len(rated) / len(workouts),
    }


def print_shape(label: str, figures: dict[str, float]) -> None:
    print(f"{label}: " + ", ".join(f"{name} {value:,.2f}".replace(".00", "") for name, value in figures.items()))


def compare(*others: Path) -> None:
    """Print the shape of the generated exports (as long as the shared real one, and 100,000 rows) beside that of
    the real Strong exports beside this clone (../shared/fixtures/strong) and of `others`."""
    from tests.bench.common import CACHE, ROOT

    folder = ROOT.parent / "shared" / "fixtures" / "strong"
    real = sorted(folder.glob("*.csv"))
    if not real:
        print(f"{folder} is not beside this clone: no real Strong export to compare the generated shape with")
    for rows_wanted in (1_343, 100_000):
        print_shape(
            f"generated, {rows_wanted:,} rows", shape(export(CACHE / f"strong-real-{rows_wanted}.csv", rows_wanted))
        )
    for path in (*real, *others):
        print_shape(path.name, shape(path))


if __name__ == "__main__":
    compare(*map(Path, sys.argv[1:]))
