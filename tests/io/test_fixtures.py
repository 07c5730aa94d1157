# SPDX-License-Identifier: MIT
"""Every sample export of tests/fixtures (and every real export of the corpus beside the repository, where it is),
read by the program and by a plain reading with the csv module.

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
from journal.domain.records import Measure, Session, SetType
from journal.domain.units import Unit
from journal.io import ImportFailed, ImportOptions, parse_file
from tests.conftest import NO_SHARED, SAMPLES, SHARED, shared_export
from tests.io.own_samples import OWN_SAMPLES
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

STRONG = SAMPLES / "strong" / "strong-comma-no-unit.csv"
STRONG_SEMICOLON = SAMPLES / "strong" / "strong-semicolon-units.csv"
STRONG_KG = SAMPLES / "strong" / "strong-workout-number-kg.csv"
STRONG_LBS = SAMPLES / "strong" / "strong-workout-number-lbs.csv"
STRONG_REP_MAXES = SAMPLES / "strong" / "strong-rep-maxes-kg.csv"
BODY_FILES = [SAMPLES / "body" / "fitnotes-body-tracker.csv", SAMPLES / "body" / "hevy-measurements.csv"]
FITNOTES = SAMPLES / "fitnotes" / "fitnotes-lbs.csv"
FITNOTES_UNIT_COLUMN = SAMPLES / "fitnotes" / "fitnotes-weight-unit-column.csv"
FITNOTES_COMMAS = SAMPLES / "fitnotes" / "fitnotes-unquoted-commas.csv"
HEVY = SAMPLES / "hevy" / "hevy-kg.csv"
HEVY_LB = SAMPLES / "hevy" / "hevy-lb-us.csv"
HEVY_LOCALES = [SAMPLES / "hevy" / f"hevy-{language}.csv" for language in ("de", "pt", "ru")]
HEVY_SUPERSET = SAMPLES / "hevy" / "hevy-superset.csv"  # read in tests/io/test_hevy_supersets.py
FITBOD = SAMPLES / "fitbod" / "fitbod-export.csv"
GENERIC = [SAMPLES / "csv" / "generic-semicolon-decimal-comma.csv", SAMPLES / "csv" / "generic-tab-units.csv"]
JOURNAL = SAMPLES / "journal" / "journal-export.csv"

# The real exports of the corpus beside the repository (tests that read them are skipped where it is not).
REAL_STRONG = SHARED / "strong" / "szelesaron-strong-2023.csv"
REAL_STRONG_SEMICOLON = SHARED / "strong" / "vis-strong-go-example-semicolon.csv"
REAL_FITNOTES = SHARED / "fitnotes" / "moferg-fitnotes-2020-10-04-lbs.csv"
REAL_HEVY = SHARED / "hevy" / "ajccosta-hevy-dropset-superset-cardio.head16k.csv"
REAL_FITBOD = SHARED / "fitbod" / "chrsilvi-fitbod-WorkoutExport.head16k.csv"

# Month words of the Hevy exports read here (English, German, Portuguese, Russian), lower case, without the dot.
MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
MONTHS.update({"sept": 9, "okt": 10, "set": 9, "out": 10, "сент": 9, "окт": 10})

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

    def add(
        self,
        start: datetime,
        exercise: str,
        warmup: bool,
        load: float | None,
        reps: int | None,
        rir: float | None,
        new_entry: bool = False,
        exact_load: float | None = None,
    ) -> None:
        sets = self.sessions.setdefault(start, [])
        if not sets or new_entry or sets[-1][0] != exercise:
            self.entries[start] = self.entries.get(start, 0) + 1
        sets.append((exercise, warmup, load, reps, rir))
        if not warmup and reps and (exact_load if exact_load is not None else load):
            self.tonnage += (exact_load if exact_load is not None else load) * reps  # type: ignore[operator]


def _rows(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def _float(text: str) -> float:
    return float(text.strip().replace(",", "."))  # a decimal comma, as European phones write it


def _load(text: str, factor: float = 1.0) -> float | None:
    text = text.strip()
    return None if not text or _float(text) == 0 else _float(text) * factor


def _reps(text: str) -> int | None:
    text = text.strip()
    return int(text) or None if text else None


def _rir(rpe: str) -> float | None:
    rpe = rpe.strip()
    return None if not rpe or _float(rpe) == 0 else 10 - _float(rpe)


def _factor(unit: str, default: float) -> float:
    """kg per unit of a load, from a unit as written ('lbs', 'kgs', 'Weight (lbs)'); `default` where none is."""
    unit = unit.strip().lower()
    return (
        KG_PER_LB
        if unit.endswith(("lb", "lbs", "(lbs)"))
        else 1.0
        if unit.endswith(("kg", "kgs", "(kg)", "(kgs)"))
        else default
    )


def _weight(row: dict[str, str]) -> str:
    """The name of the load column: 'Weight', 'Weight (kg)', 'Weight (lbs)'."""
    (name,) = [n for n in row if n.startswith("Weight") and n != "Weight Unit"]
    return name


def read_strong(path: Path, delimiter: str, factor: float) -> Expected:
    """Strong: a session per (Date, Workout Name); rows whose Set Order is Note or Rest Timer are not sets; the unit
    of a load from its row's Weight Unit, else the header's, else `factor`."""
    expected = Expected()
    rows = _rows(path, delimiter)
    expected.session_count = len({(r["Date"], r["Workout Name"]) for r in rows})
    weight = _weight(rows[0])
    for r in rows:
        order = r["Set Order"].strip()
        if order.lower() in ("note", "rest timer"):
            continue
        row_factor = _factor(r.get("Weight Unit", ""), _factor(weight, factor))
        expected.add(
            datetime.strptime(r["Date"].strip(), "%Y-%m-%d %H:%M:%S"),
            r["Exercise Name"].strip(),
            order.upper() == "W",
            _load(r[weight], row_factor),
            _reps(r["Reps"]),
            _rir(r["RPE"]),
        )
    return expected


def _hevy_time(text: str) -> datetime:
    """'12 Jun 2025, 18:20', '12. Okt. 2025 um 08:05', '17 de out. de 2025, 07:30', '9 окт. 2025 г., 18:40',
    'May 7, 2025, 6:13 AM'."""
    text = text.strip()
    if match := re.fullmatch(r"(\d+)\.? (?:de )?(\w+)\.? (?:de )?(\d{4})(?: г\.)?,? (?:um )?(\d+):(\d\d)", text):
        day, month, year, hour, minute = match.groups()
    else:
        match = re.fullmatch(r"(\w+) (\d+), (\d{4}), (\d+):(\d\d) ([AP]M)", text)
        assert match, text
        month, day, year, hour, minute, half = match.groups()
        hour = str(int(hour) % 12 + (12 if half == "PM" else 0))
    return datetime(int(year), MONTHS[month.lower()], int(day), int(hour), int(minute))


def read_hevy(path: Path) -> Expected:
    """Hevy: a session per (start_time, title); set_type 'warmup' is a warm-up; set_index 0 starts an exercise;
    loads in weight_kg or weight_lbs."""
    expected = Expected()
    rows = _rows(path)
    expected.session_count = len({(r["start_time"], r["title"]) for r in rows})
    weight, factor = ("weight_lbs", KG_PER_LB) if "weight_lbs" in rows[0] else ("weight_kg", 1.0)
    for r in rows:
        expected.add(
            _hevy_time(r["start_time"]),
            r["exercise_title"].strip(),
            r["set_type"] == "warmup",
            _load(r[weight], factor),
            _reps(r["reps"]),
            _rir(r["rpe"]),
            new_entry=r["set_index"] == "0",
        )
    return expected


def read_fitnotes(path: Path) -> Expected:
    """FitNotes: one session per Date; the unit in the header (`Weight (lbs)`) or in a Weight Unit column."""
    expected = Expected()
    rows = _rows(path)
    weight = _weight(rows[0])
    assert weight != "Weight" or "Weight Unit" in rows[0]
    expected.session_count = len({r["Date"] for r in rows})
    for r in rows:
        expected.add(
            datetime.strptime(r["Date"].strip(), "%Y-%m-%d"),
            r["Exercise"].strip(),
            False,
            _load(r[weight], _factor(r.get("Weight Unit", ""), _factor(weight, 1.0))),
            _reps(r["Reps"]),
            None,
        )
    return expected


def read_fitbod(path: Path) -> Expected:
    """Fitbod: one session per Date (the wall-clock time, offset dropped); isWarmup 'true' is a warm-up; kg."""
    expected = Expected()
    rows = _rows(path)
    expected.session_count = len({r["Date"] for r in rows})
    for r in rows:
        assert r["Date"].endswith(" +0000")
        exact = _load(r["Weight(kg)"])
        expected.add(
            datetime.strptime(r["Date"][:19], "%Y-%m-%d %H:%M:%S"),
            r["Exercise"].strip(),
            r["isWarmup"].strip() == "true",
            exact,
            _reps(r["Reps"]),
            None,
            exact_load=exact,
        )
        expected.slack += 0.0005 * (_reps(r["Reps"]) or 0)
    return expected


@dataclass(frozen=True)
class Case:
    path: Path
    read: Callable[[Path], Expected]
    label: str  # ParsedImport.format
    cli: tuple[str, ...] = ()  # extra `journal import` arguments
    units: Unit | None = None

    @property
    def id(self) -> str:
        return self.path.name

    def expected(self) -> Expected:
        return self.read(self.path)


def _strong(delimiter: str) -> Callable[[Path], Expected]:
    return lambda path: read_strong(path, delimiter, 1.0)


KG = (("--units", "kg"), Unit.KG)
CASES = [
    Case(STRONG, _strong(","), "Strong", *KG),
    Case(STRONG_SEMICOLON, _strong(";"), "Strong"),
    Case(STRONG_KG, _strong(","), "Strong"),
    Case(STRONG_LBS, _strong(";"), "Strong"),
    Case(STRONG_REP_MAXES, _strong(","), "Strong"),
    Case(FITNOTES, read_fitnotes, "FitNotes"),
    Case(FITNOTES_UNIT_COLUMN, read_fitnotes, "FitNotes"),
    Case(HEVY, read_hevy, "Hevy"),
    Case(HEVY_LB, read_hevy, "Hevy"),
    *(Case(path, read_hevy, "Hevy") for path in HEVY_LOCALES),
    Case(FITBOD, read_fitbod, "Fitbod"),
]
REAL_CASES = [
    Case(REAL_STRONG, _strong(","), "Strong", *KG),
    Case(REAL_STRONG_SEMICOLON, _strong(";"), "Strong"),
    Case(REAL_FITNOTES, read_fitnotes, "FitNotes"),
    Case(REAL_HEVY, read_hevy, "Hevy"),
    Case(REAL_FITBOD, read_fitbod, "Fitbod"),
]
ALL_CASES = [
    *(pytest.param(case, id=case.id) for case in CASES),
    *(
        pytest.param(case, id=f"real-{case.id}", marks=pytest.mark.skipif(not SHARED.is_dir(), reason=NO_SHARED))
        for case in REAL_CASES
    ),
]
OWN_TESTS = [FITNOTES_COMMAS, *GENERIC, JOURNAL, HEVY_SUPERSET, *BODY_FILES, *OWN_SAMPLES]  # read by tests of their own


def test_every_sample_has_a_case_and_a_line_in_the_readme() -> None:
    samples = {p.relative_to(SAMPLES) for p in SAMPLES.glob("*/*.csv")}
    assert samples == {c.path.relative_to(SAMPLES) for c in CASES} | {p.relative_to(SAMPLES) for p in OWN_TESTS}
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    assert {
        Path(line.split("|")[1].strip())
        for line in readme.splitlines()
        if line.startswith("| ") and line.split("|")[1].strip().endswith(".csv")
    } == samples


def test_every_real_export_has_a_case() -> None:
    if not SHARED.is_dir():
        pytest.skip(NO_SHARED)
    assert {p.resolve() for p in SHARED.glob("*/*.csv")} == {c.path.resolve() for c in REAL_CASES}


# ---- the program's result, in the same shape ------------------------------------------------------------------


def _norm(load: float | None) -> float | None:
    return None if load is None else round(load, 6)


def by_start(sessions: list[Session], names: bool = True) -> dict[datetime, list[SetKey]]:
    found: dict[datetime, list[SetKey]] = {}
    for session in sessions:
        assert session.start not in found, f"two sessions start at {session.start}"
        found[session.start] = [
            (
                entry.exercise.name if names else "",
                record.is_warmup,
                _norm(record.load_kg),
                record.reps or None,
                record.rir,
            )
            for entry in session.entries
            for record in entry.sets
        ]
    return found


def expected_by_start(expected: Expected, names: bool = True) -> dict[datetime, list[SetKey]]:
    return {
        start: [(name if names else "", warm, _norm(load), reps, rir) for name, warm, load, reps, rir in sets]
        for start, sets in expected.sessions.items()
    }


def tonnage(sessions: list[Session]) -> float:
    return sum(
        (record.load_kg or 0) * (record.reps or 0)
        for s in sessions
        for e in s.entries
        for record in e.sets
        if not record.is_warmup
    )


def working_series(sessions: list[Session]) -> int:
    """Working sets as README counts them, worked out here set by set: no warm-ups; no row without reps or a load
    (cardio, empty rows) unless it holds a timed exercise; a drop straight after a working set is part of its series."""
    count = 0
    for session in sessions:
        for entry in session.entries:
            after_work = False
            for record in entry.sets:
                timed = entry.exercise.measure is Measure.TIME and (record.duration_s or 0) > 0
                if record.set_type is SetType.WARMUP:
                    after_work = False
                elif not (record.reps or (record.load_kg or 0) > 0 or timed):
                    after_work = after_work and record.set_type is SetType.DROP
                elif record.set_type is SetType.DROP and after_work:
                    pass
                else:
                    count += 1
                    after_work = True
    return count


def check_sessions(sessions: list[Session], expected: Expected, names: bool) -> None:
    assert len(sessions) == expected.session_count
    assert sum(s.set_count for s in sessions) == expected.sets
    assert (
        sum(1 for s in sessions for e in s.entries for r in e.sets if r.set_type is SetType.WARMUP) == expected.warmups
    )
    assert tonnage(sessions) == pytest.approx(expected.tonnage, rel=1e-9, abs=expected.slack)
    assert by_start(sessions, names) == expected_by_start(expected, names)
    assert {s.start: len(s.entries) for s in sessions} == expected.entries
    for session in sessions:
        for entry in session.entries:
            for record in entry.sets:
                if record.rir is not None:  # RPE read from the file: kept as entered
                    assert record.effort_scale is EffortScale.RPE


# ---- the tests --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", ALL_CASES)
def test_parse_file_matches_a_plain_reading(case: Case) -> None:
    expected = case.expected()
    parsed = parse_file(case.path, options=ImportOptions(units=case.units))
    assert parsed.format == case.label
    assert not parsed.fatal
    check_sessions(parsed.sessions, expected, names=True)
    assert parsed.set_count == expected.sets


@pytest.mark.parametrize("case", ALL_CASES)
def test_import_writes_the_plain_reading_and_a_second_import_adds_nothing(
    case: Case, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = case.expected()
    code, out, err = run_cli(capsys, "import", case.path, "--db", db_path, *case.cli)
    assert code == 0, err
    assert final_line(out) == f"imported {expected.session_count} sessions, {expected.sets} sets (0 duplicates skipped)"
    sessions = stored_sessions(db_path)
    # exercise names are mapped to the catalogue, so the stored sets are compared without them
    check_sessions(sessions, expected, names=False)
    figures = stored_stats(db_path)
    assert (figures["sessions"], figures["sets"], figures["working_sets"]) == (
        expected.session_count,
        expected.sets,
        working_series(sessions),
    )

    code, out, err = run_cli(capsys, "import", case.path, "--db", db_path, *case.cli)
    assert code == 0, err
    assert re.match(FINAL_LINE, final_line(out))
    assert final_line(out) == f"imported 0 sessions, 0 sets ({expected.session_count} duplicates skipped)"
    assert [without_ids(s) for s in stored_sessions(db_path)] == [without_ids(s) for s in sessions]


# ---- Strong -----------------------------------------------------------------------------------------------------


def test_strong_without_a_unit_asks_for_one_and_writes_nothing(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
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


@pytest.mark.parametrize(
    "path",
    [STRONG, pytest.param(REAL_STRONG, marks=pytest.mark.skipif(not SHARED.is_dir(), reason=NO_SHARED))],
    ids=["sample", "real"],
)
def test_strong_with_units_lb_converts_every_load(
    path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    in_kg = read_strong(path, ",", 1.0)
    in_lb = read_strong(path, ",", KG_PER_LB)
    parsed = parse_file(path, options=ImportOptions(units=Unit.LB))
    assert tonnage(parsed.sessions) == pytest.approx(in_kg.tonnage * KG_PER_LB, rel=1e-9)
    check_sessions(parsed.sessions, in_lb, names=True)
    code, _, err = run_cli(capsys, "import", path, "--db", db_path, "--units", "lb")
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


def _strong_durations(path: Path) -> dict[datetime, float]:
    """Each Strong session's Duration ('1h 11m', '45m', '45m 30s') in seconds, by a plain reading."""
    durations = {}
    for r in _rows(path):
        match = re.fullmatch(r"(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?", r["Duration"].strip())
        assert match, r["Duration"]
        durations[datetime.strptime(r["Date"], "%Y-%m-%d %H:%M:%S")] = (
            int(match[1] or 0) * 3600 + int(match[2] or 0) * 60 + int(match[3] or 0)
        )
    return durations


def _check_durations(path: Path) -> tuple[int, int]:
    """Each plausible duration sets its session's end, an absurd one (a timer left running) does not and is warned
    about; returns (plausible, absurd)."""
    durations = _strong_durations(path)
    parsed = parse_file(path, options=ImportOptions(units=Unit.KG))
    ends = {s.start: s.end for s in parsed.sessions}
    plausible = absurd = 0
    for start, seconds in durations.items():
        if seconds < 5 * 3600:
            plausible += 1
            assert ends[start] == start + timedelta(seconds=seconds)
        elif seconds >= 24 * 3600:
            absurd += 1
            assert ends[start] is None or ends[start] - start < timedelta(hours=24)
    assert any(not p.fatal and "179h 26m" in p.message for p in parsed.problems)
    return plausible, absurd


def test_strong_durations_set_the_end_and_a_timer_left_running_does_not() -> None:
    plausible, absurd = _check_durations(STRONG)
    assert plausible >= 4 and absurd == 1  # the sample holds hours and minutes, minutes, seconds, and the absurd case
    assert max(_strong_durations(STRONG).values()) == (179 * 60 + 26) * 60


def test_strong_durations_of_the_real_export() -> None:
    plausible, absurd = _check_durations(shared_export("strong", "szelesaron-strong-2023.csv"))
    assert plausible > 50 and absurd >= 3


def test_strong_durations_in_seconds_set_the_end() -> None:
    for path, delimiter in ((STRONG_KG, ","), (STRONG_LBS, ";")):
        parsed = parse_file(path)
        ends = {s.start: s.end for s in parsed.sessions}
        rows = _rows(path, delimiter)
        assert ends == {
            datetime.strptime(r["Date"], "%Y-%m-%d %H:%M:%S"): datetime.strptime(r["Date"], "%Y-%m-%d %H:%M:%S")
            + timedelta(seconds=int(r["Duration (sec)"]))
            for r in rows
        }


@pytest.mark.parametrize(
    ("path", "delimiter", "exercise"),
    [(STRONG, ",", "Plank"), (STRONG_SEMICOLON, ";", "Plank"), (STRONG_KG, ",", "Running")],
)
def test_strong_keeps_timed_sets(path: Path, delimiter: str, exercise: str) -> None:
    rows = [r for r in _rows(path, delimiter) if r["Exercise Name"] == exercise and r["Set Order"].isdigit()]
    parsed = parse_file(path, options=ImportOptions(units=Unit.KG))
    timed = [r for s in parsed.sessions for e in s.entries if e.exercise.name == exercise for r in e.sets]
    assert len(timed) == len(rows) > 0
    assert [r.duration_s for r in timed] == [float(r["Seconds"]) for r in rows]
    assert all(r.load_kg is None and not r.reps for r in timed)


def test_strong_distances_follow_their_unit() -> None:
    """A plain Distance column is in km (kg files) and Distance Unit says km or mi; Distance (meters) is metres."""
    expected = {}
    for path, delimiter in ((STRONG, ","), (STRONG_SEMICOLON, ";"), (STRONG_KG, ","), (STRONG_LBS, ";")):
        for r in _rows(path, delimiter):
            if (r.get("Distance") or r.get("Distance (meters)") or "0").strip() not in ("", "0"):
                if "Distance (meters)" in r:
                    metres = _float(r["Distance (meters)"])
                else:
                    metres = (
                        _float(r["Distance"]) * {"": 1000.0, "km": 1000.0, "mi": 1609.344}[r.get("Distance Unit", "")]
                    )
                expected[(path.name, r["Exercise Name"])] = metres
    assert len(expected) == 5
    for path in (STRONG, STRONG_SEMICOLON, STRONG_KG, STRONG_LBS):
        parsed = parse_file(path, options=ImportOptions(units=Unit.KG))
        for session in parsed.sessions:
            for entry in session.entries:
                for record in entry.sets:
                    if record.distance_m is not None:
                        assert record.distance_m == pytest.approx(expected.pop((path.name, entry.exercise.name)))
    assert not expected


def test_strong_note_rows_and_workout_notes() -> None:
    """A Note row is its exercise's note (not a set), a Rest Timer row is skipped, Notes is the set's note and
    Workout Notes the session's."""
    parsed = parse_file(STRONG, options=ImportOptions(units=Unit.KG))
    rows = _rows(STRONG)
    notes = {(r["Date"], r["Exercise Name"]): r["Notes"] for r in rows if r["Set Order"] == "Note"}
    set_notes = [r["Notes"] for r in rows if r["Set Order"] not in ("Note", "Rest Timer") and r["Notes"]]
    workout_notes = {r["Date"]: r["Workout Notes"] for r in rows if r["Workout Notes"]}
    assert notes and set_notes and len(workout_notes) == 2
    for session in parsed.sessions:
        stamp = f"{session.start:%Y-%m-%d %H:%M:%S}"
        assert session.notes == workout_notes.get(stamp, "")
        for entry in session.entries:
            assert entry.note == notes.get((stamp, entry.exercise.name), "")
    assert [r.note for s in parsed.sessions for e in s.entries for r in e.sets if r.note] == set_notes
    assert parsed.set_count == sum(r["Set Order"] not in ("Note", "Rest Timer") for r in rows)


def test_strong_set_orders_are_set_types() -> None:
    kinds = {"W": SetType.WARMUP, "D": SetType.DROP, "F": SetType.FAILURE}
    for path, delimiter in ((STRONG, ","), (STRONG_KG, ",")):
        rows = [r for r in _rows(path, delimiter) if r["Set Order"] not in ("Note", "Rest Timer")]
        parsed = parse_file(path, options=ImportOptions(units=Unit.KG))
        by_start_in_file = sorted(rows, key=lambda r: r["Date"])  # sessions oldest first, rows in file order
        types = [r.set_type for s in parsed.sessions for e in s.entries for r in e.sets]
        assert types == [kinds.get(r["Set Order"], SetType.WORKING) for r in by_start_in_file]
        assert {SetType.WARMUP, SetType.DROP, SetType.FAILURE} <= set(types)


def test_strong_newest_first_reads_oldest_first_and_per_row_units_make_the_units() -> None:
    parsed = parse_file(STRONG_SEMICOLON)
    rows = _rows(STRONG_SEMICOLON, ";")
    starts = list(dict.fromkeys(datetime.strptime(r["Date"], "%Y-%m-%d %H:%M:%S") for r in rows))
    assert starts == sorted(starts, reverse=True)  # the file: newest first
    assert [s.start for s in parsed.sessions] == sorted(starts)
    units = [r["Weight Unit"] for r in rows if r["Set Order"] not in ("Note", "Rest Timer") and r["Weight"]]
    assert "lbs" in units and units.count("kg") > units.count("lbs")
    assert (parsed.units, parsed.units_stated) == (Unit.KG, True)
    raises = [
        r.load_kg
        for s in parsed.sessions
        for e in s.entries
        if e.exercise.name == "Lateral Raise (Dumbbell)"
        for r in e.sets
    ]
    assert raises == pytest.approx([25 * KG_PER_LB, 25 * KG_PER_LB], rel=1e-12)


# ---- Hevy -------------------------------------------------------------------------------------------------------

HEVY_FILES = [
    HEVY,
    HEVY_LB,
    *HEVY_LOCALES,
    pytest.param(REAL_HEVY, marks=pytest.mark.skipif(not SHARED.is_dir(), reason=NO_SHARED), id="real"),
]


@pytest.mark.parametrize("path", HEVY_FILES)
def test_hevy_keeps_end_times_exercise_notes_and_cardio(path: Path) -> None:
    rows = _rows(path)
    parsed = parse_file(path)
    sessions = {s.start: s for s in parsed.sessions}
    for r in rows:
        session = sessions[_hevy_time(r["start_time"])]
        assert session.end == _hevy_time(r["end_time"])
        assert session.title == r["title"]
        assert session.notes == r["description"]
        notes = {e.note for e in session.entries if e.exercise.name == r["exercise_title"]}
        assert notes == {r["exercise_notes"].strip()}
    distance = "distance_miles" if "distance_miles" in rows[0] else "distance_km"
    per_unit = 1609.344 if distance == "distance_miles" else 1000.0
    for r in (r for r in rows if r[distance] or r["duration_seconds"]):
        session = sessions[_hevy_time(r["start_time"])]
        (record,) = [x for e in session.entries if e.exercise.name == r["exercise_title"] for x in e.sets]
        assert record.distance_m == pytest.approx(float(r[distance]) * per_unit)
        assert record.duration_s == pytest.approx(float(r["duration_seconds"]))
        assert record.load_kg is None and record.reps is None


def test_the_hevy_samples_hold_cardio_notes_and_every_set_type() -> None:
    rows = [r for path in (HEVY, HEVY_LB) for r in _rows(path)]
    assert any(r["distance_km"] for r in rows if "distance_km" in r)
    assert any(r["distance_miles"] for r in rows if "distance_miles" in r)
    assert any("\n" in r["exercise_notes"] for r in rows) and any("\n" in r["description"] for r in rows)
    assert {r["set_type"] for r in rows} == {"warmup", "normal", "failure", "dropset"}
    assert any(r["superset_id"] for r in rows)


@pytest.mark.parametrize("path", HEVY_FILES)
def test_hevy_set_types_are_set_types(path: Path) -> None:
    kinds = {"warmup": SetType.WARMUP, "normal": SetType.WORKING, "failure": SetType.FAILURE, "dropset": SetType.DROP}
    counted: dict[SetType, int] = {}
    for r in _rows(path):
        counted[kinds[r["set_type"]]] = counted.get(kinds[r["set_type"]], 0) + 1
    assert parse_file(path).set_types() == counted


# ---- Fitbod -----------------------------------------------------------------------------------------------------


def _quarter_pounds(load_kg: float) -> float:
    return load_kg / KG_PER_LB * 4


@pytest.mark.parametrize(
    "path",
    [FITBOD, pytest.param(REAL_FITBOD, marks=pytest.mark.skipif(not SHARED.is_dir(), reason=NO_SHARED), id="real")],
)
def test_fitbod_in_pounds_rounds_back_to_quarter_pounds(
    path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _rows(path)
    parsed = parse_file(path, options=ImportOptions(units=Unit.LB))
    # the same rows, in the same order, in the parse (sessions oldest first, rows within a session in file order)
    by_session: dict[datetime, list[float]] = {}
    for r in rows:
        by_session.setdefault(datetime.strptime(r["Date"][:19], "%Y-%m-%d %H:%M:%S"), []).append(float(r["Weight(kg)"]))
    assert [s.start for s in parsed.sessions] == sorted(by_session)
    for session in parsed.sessions:
        got = [r.load_kg for e in session.entries for r in e.sets]
        for raw, load in zip(by_session[session.start], got, strict=True):
            if not raw:
                assert load is None
                continue
            pounds = round(raw / KG_PER_LB * 4) / 4  # the quarter pound the file's kilograms came from
            assert abs(raw / KG_PER_LB - pounds) < 0.01
            assert load is not None and load / KG_PER_LB == pytest.approx(pounds, abs=1e-9)
    file_loads = [float(r["Weight(kg)"]) for r in rows if float(r["Weight(kg)"])]

    code, _, err = run_cli(capsys, "import", path, "--db", db_path, "--units", "lb")
    assert code == 0, err
    stored = [r.load_kg for s in stored_sessions(db_path) for e in s.entries for r in e.sets if r.load_kg]
    assert len(stored) == len(file_loads)
    for load in stored:
        q = _quarter_pounds(load)
        assert abs(q - round(q)) < 1e-6, load
    forty_five = sum(1 for raw in file_loads if round(raw / KG_PER_LB) == 45)
    assert forty_five and sum(1 for x in stored if x / KG_PER_LB == pytest.approx(45, abs=1e-9)) == forty_five


# ---- FitNotes with unquoted commas, any CSV, Journal CSV --------------------------------------------------------


def test_fitnotes_names_and_comments_broken_by_unquoted_commas_are_mended() -> None:
    parsed = parse_file(FITNOTES_COMMAS)
    assert not parsed.fatal
    assert [(p.line, p.message) for p in parsed.problems] == [
        (2, "the exercise held 1 unquoted comma; read as 'Press, Seated'"),
        (3, "the exercise held 1 unquoted comma; read as 'Press, Seated'"),
        (4, "the exercise held 2 unquoted commas; read as 'Row, Chest Supported, Machine'"),
        (5, "the comment held 1 unquoted comma; read as 'slow, controlled'"),
    ]
    first, second = parsed.sessions
    assert (first.start, first.title, second.start, second.title) == (
        datetime(2025, 2, 3),
        "Shoulders, Back",
        datetime(2025, 2, 5),
        "Legs",
    )
    assert [(e.exercise.name, [(r.load_kg, r.reps, r.note) for r in e.sets]) for e in first.entries] == [
        ("Press, Seated", [(40.0, 8, ""), (40.0, 7, "")]),
        ("Row, Chest Supported, Machine", [(60.0, 10, "")]),
        ("Face Pull", [(20.0, 15, "slow, controlled")]),
    ]


def test_generic_semicolons_decimal_commas_and_dotted_dates(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = GENERIC[0]
    rows = _rows(path, ";")
    with pytest.raises(ImportFailed, match="choose the unit"):
        parse_file(path)
    parsed = parse_file(path, options=ImportOptions(units=Unit.KG, effort_from_notes=True))
    assert not parsed.problems
    days = list(dict.fromkeys(r["Datum"] for r in rows))
    assert [s.start for s in parsed.sessions] == [datetime(int(d[6:]), int(d[3:5]), int(d[:2])) for d in days]
    got = [
        (e.exercise.name, r.load_kg, r.reps, r.rir, r.note) for s in parsed.sessions for e in s.entries for r in e.sets
    ]
    assert got == [
        (
            r["Übung"],
            _load(r["Gewicht"]),
            _reps(r["Wiederholungen"]),
            _float(r["RIR"]) if r["RIR"] else 10 - 8 if r["Notes"] == "@8" else None,
            r["Notes"],
        )
        for r in rows
    ]
    assert parsed.effort_from_notes == 1
    code, out, err = run_cli(capsys, "import", path, "--db", db_path, "--units", "kg")
    assert code == 0, err
    assert final_line(out) == f"imported {len(days)} sessions, {len(rows)} sets (0 duplicates skipped)"


def test_generic_tabs_units_times_and_set_types() -> None:
    path = GENERIC[1]
    rows = _rows(path, "\t")
    parsed = parse_file(path)
    assert not parsed.problems and parsed.units_stated
    kinds = {
        "W": SetType.WARMUP,
        "1": SetType.WORKING,
        "drop": SetType.DROP,
        "F": SetType.FAILURE,
        "backoff": SetType.BACKOFF,
    }
    starts = list(dict.fromkeys((r["Date"], r["Time"], r["Workout"]) for r in rows))
    assert [(s.start, s.title) for s in parsed.sessions] == [
        (datetime.strptime(f"{d} {t}", "%Y/%m/%d %H:%M"), title) for d, t, title in starts
    ]
    got = [
        (e.exercise.name, r.set_type, _norm(r.load_kg), r.reps, r.rir)
        for s in parsed.sessions
        for e in s.entries
        for r in e.sets
    ]
    assert got == [
        (
            r["Exercise"],
            kinds[r["Set Type"]],
            _norm(_load(r["Weight"], _factor(r["Unit"], 0))),
            _reps(r["Reps"]),
            _rir(r["RPE"]),
        )
        for r in rows
    ]


def test_the_journal_sample_imports_field_for_field(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Journal CSV, as Journal wrote it: read back, then exported again, it is the same file."""
    records = list(csv.reader(JOURNAL.open(newline="", encoding="utf-8")))
    header, rows = records[0], [r for r in records[1:] if r[1]]  # the sessions' rows (the routines' follow)
    parsed = parse_file(JOURNAL)
    assert parsed.format == "Journal CSV" and not parsed.problems
    assert len(parsed.sessions) == len({r[1] for r in rows})
    assert parsed.set_count == sum(1 for r in rows if r[header.index("set_type")])
    unescaped = {r[header.index("session_title")].removeprefix("'") for r in rows}
    assert {s.title for s in parsed.sessions} == unescaped
    own = [e.exercise for s in parsed.sessions for e in s.entries if e.exercise.name == "=Tyre Drag Relay"]
    assert own and own[0].secondary == ("glutes",)
    code, _, err = run_cli(capsys, "import", JOURNAL, "--db", db_path)
    assert code == 0, err
    again = tmp_path / "again.csv"
    code, _, err = run_cli(capsys, "export", again, "--db", db_path)
    assert code == 0, err
    assert again.read_bytes() == JOURNAL.read_bytes()


# Samples read by tests in files of their own.
OWN_TESTS += [SAMPLES / "fitbod" / "fitbod-old-export.csv"]  # tests/io/test_fitbod_old_format.py
OWN_TESTS += [SAMPLES / "fitnotes" / f"fitnotes-reexport-{when}.csv" for when in ("before", "after")]  # test_topping
