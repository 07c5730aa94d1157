# SPDX-License-Identifier: MIT
"""Every real export in the shared fixtures, read by the program and by a plain reading with the csv module.

The expected figures (sessions, sets, warm-ups, tonnage, and each session's sets in order) come from the plain
reading done here, never from the program's own parsing helpers. They are compared with parse_file's result and
with what `journal import` writes to the journal file; a second import of the same file must add nothing.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from journal.domain.effort import EffortScale
from journal.domain.records import Session, SetType
from journal.domain.units import Unit
from journal.io import ImportFailed, ImportOptions, parse_file
from tests.conftest import FIXTURES
from tests.io.support import (
    FINAL_LINE,
    KG_PER_LB,
    file_state,
    final_line,
    run_cli,
    stored_sessions,
    stored_stats,
    without_ids,
)

STRONG = FIXTURES / "strong" / "szelesaron-strong-2023.csv"
STRONG_SEMICOLON = FIXTURES / "strong" / "vis-strong-go-example-semicolon.csv"
FITNOTES = FIXTURES / "fitnotes" / "moferg-fitnotes-2020-10-04-lbs.csv"
HEVY = FIXTURES / "hevy" / "ajccosta-hevy-dropset-superset-cardio.head16k.csv"
FITBOD = FIXTURES / "fitbod" / "chrsilvi-fitbod-WorkoutExport.head16k.csv"

MONTHS = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}

SetKey = tuple[str, bool, float | None, int | None, float | None]  # exercise, warm-up, load kg, reps, RIR


# ---- the plain reading ------------------------------------------------------------------------------------------

@dataclass
class Expected:
    """What a file holds, by a plain reading: per session (by start), its sets in file order and its exercises."""

    sessions: dict[datetime, list[SetKey]] = field(default_factory=dict)
    entries: dict[datetime, int] = field(default_factory=dict)
    session_count: int = 0  # distinct session keys as the format defines them
    tonnage: float = 0.0  # sum of load x reps over non-warm-up sets, kg, unrounded
    slack: float = 1e-6  # how far the program's tonnage may be from it (loads it rounds to the gram)

    @property
    def sets(self) -> int:
        return sum(len(s) for s in self.sessions.values())

    @property
    def warmups(self) -> int:
        return sum(1 for s in self.sessions.values() for key in s if key[1])

    def add(self, start: datetime, exercise: str, warmup: bool, load: float | None, reps: int | None,
            rir: float | None, new_entry: bool = False, exact_load: float | None = None) -> None:
        sets = self.sessions.setdefault(start, [])
        if not sets or new_entry or sets[-1][0] != exercise:
            self.entries[start] = self.entries.get(start, 0) + 1
        sets.append((exercise, warmup, load, reps, rir))
        if not warmup and reps and (exact_load if exact_load is not None else load):
            self.tonnage += (exact_load if exact_load is not None else load) * reps  # type: ignore[operator]


def _rows(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def _load(text: str, factor: float = 1.0) -> float | None:
    text = text.strip()
    return None if not text or float(text) == 0 else float(text) * factor


def _reps(text: str) -> int | None:
    text = text.strip()
    return int(text) or None if text else None


def _rir(rpe: str) -> float | None:
    rpe = rpe.strip()
    return None if not rpe or float(rpe) == 0 else 10 - float(rpe)


def read_strong(path: Path, delimiter: str, factor: float) -> Expected:
    """Strong: a session per (Date, Workout Name); rows whose Set Order is Note or Rest Timer are not sets."""
    expected = Expected()
    rows = _rows(path, delimiter)
    expected.session_count = len({(r["Date"], r["Workout Name"]) for r in rows})
    for r in rows:
        order = r["Set Order"].strip()
        if order.lower() in ("note", "rest timer"):
            continue
        unit = r.get("Weight Unit", "").strip().lower()
        row_factor = KG_PER_LB if unit in ("lb", "lbs") else 1.0 if unit in ("kg", "kgs") else factor
        expected.add(datetime.strptime(r["Date"].strip(), "%Y-%m-%d %H:%M:%S"), r["Exercise Name"].strip(),
                     order.upper() == "W", _load(r["Weight"], row_factor), _reps(r["Reps"]), _rir(r["RPE"]))
    return expected


def _hevy_time(text: str) -> datetime:
    match = re.fullmatch(r"(\d+) (\w+) (\d{4}), (\d+):(\d\d)", text.strip())
    assert match, text
    day, month, year, hour, minute = match.groups()
    return datetime(int(year), MONTHS[month], int(day), int(hour), int(minute))


def read_hevy(path: Path) -> Expected:
    """Hevy: a session per (start_time, title); set_type 'warmup' is a warm-up; set_index 0 starts an exercise."""
    expected = Expected()
    rows = _rows(path)
    expected.session_count = len({(r["start_time"], r["title"]) for r in rows})
    for r in rows:
        expected.add(_hevy_time(r["start_time"]), r["exercise_title"].strip(), r["set_type"] == "warmup",
                     _load(r["weight_kg"]), _reps(r["reps"]), _rir(r["rpe"]), new_entry=r["set_index"] == "0")
    return expected


def read_fitnotes(path: Path) -> Expected:
    """FitNotes: one session per Date; the unit is in the header (`Weight (lbs)`)."""
    expected = Expected()
    rows = _rows(path)
    assert "Weight (lbs)" in rows[0]
    expected.session_count = len({r["Date"] for r in rows})
    for r in rows:
        expected.add(datetime.strptime(r["Date"].strip(), "%Y-%m-%d"), r["Exercise"].strip(), False,
                     _load(r["Weight (lbs)"], KG_PER_LB), _reps(r["Reps"]), None)
    return expected


def read_fitbod(path: Path) -> Expected:
    """Fitbod: one session per Date (the wall-clock time, offset dropped); isWarmup 'true' is a warm-up; kg."""
    expected = Expected()
    rows = _rows(path)
    expected.session_count = len({r["Date"] for r in rows})
    for r in rows:
        assert r["Date"].endswith(" +0000")
        exact = _load(r["Weight(kg)"])
        expected.add(datetime.strptime(r["Date"][:19], "%Y-%m-%d %H:%M:%S"), r["Exercise"].strip(),
                     r["isWarmup"].strip() == "true", None if exact is None else round(exact, 3),
                     _reps(r["Reps"]), None, exact_load=exact)
        expected.slack += 0.0005 * (_reps(r["Reps"]) or 0)
    return expected


@dataclass(frozen=True)
class Case:
    path: Path
    read: Callable[[], Expected]
    label: str  # ParsedImport.format
    cli: tuple[str, ...] = ()  # extra `journal import` arguments
    units: Unit | None = None

    @property
    def id(self) -> str:
        return self.path.name


CASES = [
    Case(STRONG, lambda: read_strong(STRONG, ",", 1.0), "Strong", ("--units", "kg"), Unit.KG),
    Case(STRONG_SEMICOLON, lambda: read_strong(STRONG_SEMICOLON, ";", 1.0), "Strong"),
    Case(FITNOTES, lambda: read_fitnotes(FITNOTES), "FitNotes"),
    Case(HEVY, lambda: read_hevy(HEVY), "Hevy"),
    Case(FITBOD, lambda: read_fitbod(FITBOD), "Fitbod"),
]


def test_every_fixture_has_a_case() -> None:
    assert {p.resolve() for p in FIXTURES.glob("*/*.csv")} == {c.path.resolve() for c in CASES}


# ---- the program's result, in the same shape ------------------------------------------------------------------

def _norm(load: float | None) -> float | None:
    return None if load is None else round(load, 6)


def by_start(sessions: list[Session], names: bool = True) -> dict[datetime, list[SetKey]]:
    found: dict[datetime, list[SetKey]] = {}
    for session in sessions:
        assert session.start not in found, f"two sessions start at {session.start}"
        found[session.start] = [(entry.exercise.name if names else "", record.is_warmup, _norm(record.load_kg),
                                 record.reps or None, record.rir)
                                for entry in session.entries for record in entry.sets]
    return found


def expected_by_start(expected: Expected, names: bool = True) -> dict[datetime, list[SetKey]]:
    return {start: [(name if names else "", warm, _norm(load), reps, rir) for name, warm, load, reps, rir in sets]
            for start, sets in expected.sessions.items()}


def tonnage(sessions: list[Session]) -> float:
    return sum((record.load_kg or 0) * (record.reps or 0) for s in sessions for e in s.entries for record in e.sets
               if not record.is_warmup)


def check_sessions(sessions: list[Session], expected: Expected, names: bool) -> None:
    assert len(sessions) == expected.session_count
    assert sum(s.set_count for s in sessions) == expected.sets
    assert sum(1 for s in sessions for e in s.entries for r in e.sets if r.set_type is SetType.WARMUP) \
        == expected.warmups
    assert tonnage(sessions) == pytest.approx(expected.tonnage, rel=1e-9, abs=expected.slack)
    assert by_start(sessions, names) == expected_by_start(expected, names)
    assert {s.start: len(s.entries) for s in sessions} == expected.entries
    for session in sessions:
        for entry in session.entries:
            for record in entry.sets:
                if record.rir is not None:  # RPE read from the file: kept as entered
                    assert record.effort_scale is EffortScale.RPE


# ---- the tests --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_parse_file_matches_a_plain_reading(case: Case) -> None:
    expected = case.read()
    parsed = parse_file(case.path, options=ImportOptions(units=case.units))
    assert parsed.format == case.label
    assert not parsed.fatal
    check_sessions(parsed.sessions, expected, names=True)
    assert parsed.set_count == expected.sets


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_import_writes_the_plain_reading_and_a_second_import_adds_nothing(
        case: Case, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expected = case.read()
    code, out, err = run_cli(capsys, "import", case.path, "--db", db_path, *case.cli)
    assert code == 0, err
    assert final_line(out) == f"imported {expected.session_count} sessions, {expected.sets} sets (0 duplicates skipped)"
    sessions = stored_sessions(db_path)
    # exercise names are mapped to the catalogue, so the stored sets are compared without them
    check_sessions(sessions, expected, names=False)
    figures = stored_stats(db_path)
    assert (figures["sessions"], figures["sets"], figures["working_sets"]) == (
        expected.session_count, expected.sets, expected.sets - expected.warmups)

    code, out, err = run_cli(capsys, "import", case.path, "--db", db_path, *case.cli)
    assert code == 0, err
    assert re.match(FINAL_LINE, final_line(out))
    assert final_line(out) == f"imported 0 sessions, 0 sets ({expected.session_count} duplicates skipped)"
    assert [without_ids(s) for s in stored_sessions(db_path)] == [without_ids(s) for s in sessions]


# ---- Strong -----------------------------------------------------------------------------------------------------

def test_strong_without_a_unit_asks_for_one_and_writes_nothing(tmp_path: Path, db_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ImportFailed):
        parse_file(STRONG)
    absent = tmp_path / "absent.sqlite"
    code, out, err = run_cli(capsys, "import", STRONG, "--db", absent)
    assert code != 0
    assert str(STRONG) in err and "--units" in err
    assert not absent.exists() and file_state(absent) == {"main": None, "-wal": None, "-journal": None}

    code, _, err = run_cli(capsys, "import", STRONG_SEMICOLON, "--db", db_path)  # a journal with sessions in it
    assert code == 0, err
    before = file_state(db_path)
    code, out, err = run_cli(capsys, "import", STRONG, "--db", db_path)
    assert code != 0 and str(STRONG) in err
    assert "imported" not in out
    assert file_state(db_path) == before


def test_strong_with_units_lb_converts_every_load(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    in_kg = read_strong(STRONG, ",", 1.0)
    in_lb = read_strong(STRONG, ",", KG_PER_LB)
    parsed = parse_file(STRONG, options=ImportOptions(units=Unit.LB))
    assert tonnage(parsed.sessions) == pytest.approx(in_kg.tonnage * KG_PER_LB, rel=1e-9)
    check_sessions(parsed.sessions, in_lb, names=True)
    code, _, err = run_cli(capsys, "import", STRONG, "--db", db_path, "--units", "lb")
    assert code == 0, err
    stored = by_start(stored_sessions(db_path), names=False)
    written = expected_by_start(in_kg, names=False)
    assert stored.keys() == written.keys()
    for start, sets in written.items():
        for (_, _, file_load, _, _), (_, _, load, _, _) in zip(sets, stored[start], strict=True):
            if file_load is None:
                assert load is None
            else:
                assert load == pytest.approx(file_load * KG_PER_LB, rel=1e-9, abs=1e-6)


def _strong_durations() -> dict[datetime, float]:
    """Each Strong session's Duration ('1h 11m', '45m') in seconds, by a plain reading."""
    durations = {}
    for r in _rows(STRONG):
        match = re.fullmatch(r"(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?", r["Duration"].strip())
        assert match, r["Duration"]
        durations[datetime.strptime(r["Date"], "%Y-%m-%d %H:%M:%S")] = \
            int(match[1] or 0) * 3600 + int(match[2] or 0) * 60 + int(match[3] or 0)
    return durations


def test_strong_durations_set_the_end_and_a_timer_left_running_does_not() -> None:
    durations = _strong_durations()
    assert max(durations.values()) == (179 * 60 + 26) * 60  # the fixture holds the absurd case
    parsed = parse_file(STRONG, options=ImportOptions(units=Unit.KG))
    ends = {s.start: s.end for s in parsed.sessions}
    plausible = absurd = 0
    for start, seconds in durations.items():
        if seconds < 5 * 3600:
            plausible += 1
            assert ends[start] == start + timedelta(seconds=seconds)
        elif seconds >= 24 * 3600:
            absurd += 1
            assert ends[start] is None or ends[start] - start < timedelta(hours=24)
    assert plausible > 50 and absurd >= 3
    assert any(not p.fatal and "179h 26m" in p.message for p in parsed.problems)


def test_strong_semicolon_keeps_timed_sets() -> None:
    parsed = parse_file(STRONG_SEMICOLON)
    planks = [r for s in parsed.sessions for e in s.entries if e.exercise.name == "Plank" for r in e.sets]
    assert len(planks) == 3
    assert all(r.duration_s == 60 and r.load_kg is None and r.reps is None for r in planks)


# ---- Hevy -------------------------------------------------------------------------------------------------------

def test_hevy_keeps_end_times_exercise_notes_and_cardio() -> None:
    rows = _rows(HEVY)
    parsed = parse_file(HEVY)
    sessions = {s.start: s for s in parsed.sessions}
    for r in rows:
        session = sessions[_hevy_time(r["start_time"])]
        assert session.end == _hevy_time(r["end_time"])
        assert session.title == r["title"]
        assert session.notes == r["description"]
        notes = {e.note for e in session.entries if e.exercise.name == r["exercise_title"]}
        assert notes == {r["exercise_notes"].strip()}
    cardio = [r for r in rows if r["distance_km"] or r["duration_seconds"]]
    assert cardio
    for r in cardio:
        session = sessions[_hevy_time(r["start_time"])]
        (record,) = [x for e in session.entries if e.exercise.name == r["exercise_title"] for x in e.sets]
        assert record.distance_m == pytest.approx(float(r["distance_km"]) * 1000)
        assert record.duration_s == pytest.approx(float(r["duration_seconds"]))
        assert record.load_kg is None and record.reps is None


def test_hevy_drop_sets_are_drop_sets() -> None:
    drops = sum(1 for r in _rows(HEVY) if r["set_type"] == "dropset")
    parsed = parse_file(HEVY)
    assert drops > 0
    assert parsed.set_types()[SetType.DROP] == drops


# ---- Fitbod -----------------------------------------------------------------------------------------------------

def _quarter_pounds(load_kg: float) -> float:
    return load_kg / KG_PER_LB * 4


def test_fitbod_in_pounds_rounds_back_to_quarter_pounds(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows(FITBOD)
    parsed = parse_file(FITBOD, options=ImportOptions(units=Unit.LB))
    loads = [r.load_kg for s in parsed.sessions for e in s.entries for r in e.sets]
    file_loads = sorted(float(r["Weight(kg)"]) for r in rows if float(r["Weight(kg)"]))
    assert sorted(x for x in loads if x is not None) == pytest.approx(file_loads, abs=0.125 * KG_PER_LB)
    for load in loads:
        if load is not None:
            q = _quarter_pounds(load)
            assert abs(q - round(q)) < 1e-6, load
    forty_five = [r for r in rows if r["Weight(kg)"].strip().startswith("20.41168")]
    assert forty_five
    # the same rows, in the same order, in the parse (sessions oldest first, rows within a session in file order)
    by_session: dict[datetime, list[float | None]] = {}
    for r in rows:
        by_session.setdefault(datetime.strptime(r["Date"][:19], "%Y-%m-%d %H:%M:%S"), []).append(
            float(r["Weight(kg)"]))
    for session in parsed.sessions:
        got = [r.load_kg for e in session.entries for r in e.sets]
        for raw, load in zip(by_session[session.start], got, strict=True):
            if raw and str(raw).startswith("20.41168"):
                assert load is not None and load / KG_PER_LB == pytest.approx(45, abs=1e-9)

    code, _, err = run_cli(capsys, "import", FITBOD, "--db", db_path, "--units", "lb")
    assert code == 0, err
    stored = [r.load_kg for s in stored_sessions(db_path) for e in s.entries for r in e.sets if r.load_kg]
    assert len(stored) == len(file_loads)
    for load in stored:
        q = _quarter_pounds(load)
        assert abs(q - round(q)) < 1e-6, load
    assert sum(1 for x in stored if x / KG_PER_LB == pytest.approx(45, abs=1e-9)) == len(forty_five)
