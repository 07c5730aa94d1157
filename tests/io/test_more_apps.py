# SPDX-License-Identifier: MIT
"""Four more apps as named formats: Lyfta, GymBook (an Italian phone), DailyStrength (a unit per row) and
StrongLifts 5×5's older wide export."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.cli import FORMAT_NAMES
from journal.domain.effort import EffortScale
from journal.domain.records import SetType
from journal.domain.units import KG_PER_LB, Unit
from journal.io import FORMATS, ImportFailed, ImportOptions, detect, parse_file
from journal.io.dailystrength import DailyStrengthCsv
from journal.io.gymbook import GymBookCsv
from journal.io.lyfta import LyftaCsv
from journal.io.stronglifts import StrongLiftsCsv
from tests.conftest import SAMPLES
from tests.io.support import final_line, run_cli, sets_of, stored_sessions

LYFTA = SAMPLES / "lyfta" / "lyfta-export.csv"
GYMBOOK = SAMPLES / "gymbook" / "gymbook-it.csv"
DAILYSTRENGTH = SAMPLES / "dailystrength" / "dailystrength-units.csv"
STRONGLIFTS = SAMPLES / "stronglifts" / "stronglifts-wide-us.csv"
KG = ImportOptions(units=Unit.KG)


@pytest.mark.parametrize(
    ("path", "importer"),
    [(LYFTA, LyftaCsv), (GYMBOOK, GymBookCsv), (DAILYSTRENGTH, DailyStrengthCsv), (STRONGLIFTS, StrongLiftsCsv)],
)
def test_each_app_is_detected_and_named_in_the_registry(path: Path, importer: type) -> None:
    assert detect(path.read_text(encoding="utf-8")) is importer
    assert FORMATS[importer.name] is importer


def test_the_command_line_names_every_format_of_the_registry() -> None:
    assert list(FORMAT_NAMES) == list(FORMATS)


def test_lyfta_header_with_a_space_newest_first_set_types_and_mixed_effort() -> None:
    with pytest.raises(ImportFailed, match="--units"):
        parse_file(LYFTA)  # its loads are in the lifter's unit, which it does not name
    parsed = parse_file(LYFTA, options=KG)
    assert [s.title for s in parsed.sessions] == ["Legs", "Pull Day"]  # oldest first
    pull = parsed.sessions[1]
    assert pull.notes == "Back, then arms" and pull.end is not None
    assert (pull.end - pull.start).total_seconds() == 3920
    row = pull.entries[0]
    assert row.note == "Strap on the last set"
    assert [r.set_type for r in row.sets] == [SetType.WARMUP, SetType.WORKING, SetType.WORKING]
    assert [(r.rir, r.effort_scale) for r in row.sets] == [(None, None), (2, EffortScale.RIR), (1.5, EffortScale.RPE)]
    legs = parsed.sessions[0]
    assert legs.entries[0].sets[1].set_type is SetType.DROP
    assert legs.entries[1].sets[0].distance_m == 1500 and legs.entries[1].sets[0].duration_s == 540


def test_gymbook_italian_loads_reps_dates_and_skipped_sets() -> None:
    parsed = parse_file(GYMBOOK)  # the loads name their unit
    assert parsed.units is Unit.KG and parsed.units_stated
    assert [s.start.isoformat() for s in parsed.sessions] == ["2026-03-04T18:00:00", "2026-03-06T18:30:00"]
    bench = parsed.sessions[1].entries[0]
    assert [(r.load_kg, r.reps) for r in bench.sets] == [(60, 10), (62.5, 8)]
    assert bench.sets[1].note == "presa stretta"
    assert [(p.line, p.fatal) for p in parsed.problems] == [(4, False)]  # the skipped set, named


def test_dailystrength_reads_each_row_in_its_own_unit() -> None:
    parsed = parse_file(DAILYSTRENGTH)
    loads = [r.load_kg for r in sets_of(parsed)]
    assert loads[:2] == [60, pytest.approx(135 * KG_PER_LB)]
    assert parsed.units is Unit.KG and parsed.units_stated


def test_stronglifts_wide_rows_become_sets_with_us_dates_and_bodyweight() -> None:
    parsed = parse_file(STRONGLIFTS)
    assert [s.start.date().isoformat() for s in parsed.sessions] == ["2015-03-16", "2015-03-18", "2017-02-05"]
    first, second, third = parsed.sessions
    assert first.title == "Workout A" and first.bodyweight_kg == 84
    assert third.bodyweight_kg == pytest.approx(186 * KG_PER_LB)
    squat = second.entries[0]
    assert [r.reps for r in squat.sets] == [5, 5, 5, 4, 0]  # 0: a set attempted and failed
    assert second.entries[2].exercise.name == "Deadlift" and len(second.entries[2].sets) == 1  # empty cells: none
    assert second.notes == "Felt heavy"
    in_pounds = parse_file(STRONGLIFTS, options=ImportOptions(units=Unit.LB))
    assert in_pounds.sessions[0].entries[0].sets[0].load_kg == pytest.approx(135 * KG_PER_LB)


@pytest.mark.parametrize(
    ("path", "options", "sessions", "sets"),
    [
        (LYFTA, ["--units", "kg"], 2, 7),
        (GYMBOOK, [], 2, 4),
        (DAILYSTRENGTH, [], 2, 4),
        (STRONGLIFTS, [], 3, 41),
    ],
)
def test_the_command_line_imports_each_app(
    capsys: pytest.CaptureFixture[str], db_path: Path, path: Path, options: list[str], sessions: int, sets: int
) -> None:
    code, out, err = run_cli(capsys, "import", path, *options, "--db", db_path)
    assert code == 0, err
    assert final_line(out) == f"imported {sessions} sessions, {sets} sets (0 duplicates skipped)"
    assert len(stored_sessions(db_path)) == sessions
    code, out, _err = run_cli(capsys, "import", path, *options, "--db", db_path)  # again: nothing new
    assert final_line(out) == f"imported 0 sessions, 0 sets ({sessions} duplicates skipped)"
