# SPDX-License-Identifier: MIT
"""Strong in other languages, with old unit-named columns, and without its header line."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.domain.records import SetType
from journal.domain.units import KG_PER_LB, Unit
from journal.io import ImportFailed, ImportOptions, detect, parse_file
from journal.io.fields import duration_text
from journal.io.strong import StrongCsv
from journal.io.strong_columns import LayoutGuessed, in_english
from tests.conftest import SAMPLES, shared_export
from tests.io.support import final_line, run_cli, sets_of, stored_sessions

STRONG = SAMPLES / "strong"
KG = ImportOptions(units=Unit.KG)
BY_POSITION = ImportOptions(units=Unit.KG, columns_by_position=True)


@pytest.mark.parametrize(
    ("name", "language", "sessions", "sets", "minutes"),
    [("strong-fr.csv", "French", 2, 5, 57), ("strong-de.csv", "German", 2, 3, 143)],
)
def test_a_header_in_a_known_language_is_read(name: str, language: str, sessions: int, sets: int, minutes: int) -> None:
    parsed = parse_file(STRONG / name, options=KG)
    assert parsed.format == f"Strong ({language})" and not parsed.problems
    assert (len(parsed.sessions), parsed.set_count) == (sessions, sets)
    first = parsed.sessions[0]
    assert first.end is not None and (first.end - first.start).total_seconds() == minutes * 60


def test_french_rest_timer_rows_are_no_sets_and_its_notes_are_read() -> None:
    parsed = parse_file(STRONG / "strong-fr.csv", options=KG)
    first = parsed.sessions[0]
    assert first.notes == "Bonne séance"
    assert [len(e.sets) for e in first.entries] == [2, 1]
    assert first.entries[1].sets[0].distance_m == 2500  # km, as the file does not say lb
    assert [r.set_type for r in parsed.sessions[1].entries[0].sets] == [SetType.WARMUP, SetType.WORKING]


@pytest.mark.parametrize(
    ("written", "seconds"),
    [("57min", 3420), ("1h 39min", 5940), ("1小时13分钟", 4380), ("52分钟", 3120), ("2h 23min", 8580)],
)
def test_durations_in_strong_s_languages(written: str, seconds: int) -> None:
    assert duration_text(written, 1) == seconds


@pytest.mark.parametrize(("name", "columns"), [("strong-zh-12.csv", 12), ("strong-zh-10.csv", 10)])
def test_an_unknown_language_is_read_by_position_once_confirmed(name: str, columns: int) -> None:
    path = STRONG / name
    assert detect(path.read_text(encoding="utf-8")) is StrongCsv
    with pytest.raises(LayoutGuessed) as refused:
        parse_file(path, options=KG)
    layout = refused.value.layout
    assert layout.header_line and len(layout.columns) == columns
    assert layout.columns[:5] == ("Date", "Workout Name", "Duration", "Exercise Name", "Set Order")
    assert "column 1 (日期) = Date" in layout.describe()
    parsed = parse_file(path, options=BY_POSITION)
    assert parsed.format == "Strong (columns by position)" and not parsed.fatal
    first = parsed.sessions[0]
    assert first.end is not None and (first.end - first.start).total_seconds() == (4380 if columns == 12 else 3900)
    assert first.entries[0].exercise.name == "Bench Press (Barbell)"


def test_the_ten_columns_end_with_notes() -> None:
    parsed = parse_file(STRONG / "strong-zh-10.csv", options=BY_POSITION)
    assert [r.note for r in sets_of(parsed)][:2] == ["", "握距宽一点"]


def test_a_file_without_its_header_line_is_read_by_position_with_its_own_line_numbers(tmp_path: Path) -> None:
    path = STRONG / "strong-no-header.csv"
    with pytest.raises(LayoutGuessed) as refused:
        parse_file(path, options=KG)
    assert not refused.value.layout.header_line
    assert refused.value.layout.describe().startswith("column 1 = Date, column 2 = Workout Name")
    parsed = parse_file(path, options=BY_POSITION)
    assert parsed.format == "Strong (no header line)" and (len(parsed.sessions), parsed.set_count) == (2, 4)
    assert sets_of(parsed)[1].rir == 1.5  # RPE 8.5 in the last column
    typo = tmp_path / "typo.csv"
    typo.write_text(path.read_text(encoding="utf-8").replace(",3,0,0", ",3x,0,0"), encoding="utf-8")
    assert [p.line for p in parse_file(typo, options=BY_POSITION).fatal] == [2]  # the file's own line 2


def test_a_file_that_is_not_strong_s_is_not_guessed(tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("a,b,c\n1,2,3\n4,5,6\n", encoding="utf-8")
    with pytest.raises(ImportFailed):
        detect(other.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "unit", "load", "distance"), [("kg", Unit.KG, 100, 2000), ("lb", Unit.LB, 225, 1.5)])
def test_old_exports_name_their_columns_by_unit(name: str, unit: Unit, load: float, distance: float) -> None:
    parsed = parse_file(STRONG / f"strong-unit-columns-{name}.csv")  # no --units needed
    assert parsed.units is unit and parsed.units_stated
    records = sets_of(parsed)
    assert records[0].load_kg == pytest.approx(load * (KG_PER_LB if unit is Unit.LB else 1))
    metres = distance * 1609.344 if unit is Unit.LB else distance
    assert records[-1].distance_m == pytest.approx(metres)


def test_header_translation_keeps_english_and_unknown_headers() -> None:
    english = ["Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Reps"]
    assert in_english(english) == (english, "English")
    assert in_english(["a", "b"]) == (["a", "b"], "")


def test_the_command_line_names_the_option_and_reads_with_it(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    path = STRONG / "strong-zh-12.csv"
    code, _out, err = run_cli(capsys, "import", path, "--units", "kg", "--db", db_path)
    assert code == 1 and "--columns-by-position" in err and "column 3 (时长) = Duration" in err
    code, out, err = run_cli(capsys, "import", path, "--units", "kg", "--columns-by-position", "--db", db_path)
    assert code == 0, err
    assert final_line(out) == "imported 2 sessions, 5 sets (0 duplicates skipped)"
    assert [s.title for s in stored_sessions(db_path)] == ["上肢", "下肢"]


@pytest.mark.parametrize(
    ("name", "options", "sessions", "sets"),
    [
        ("strong-fr.csv", ["--units", "kg"], 2, 5),
        ("strong-de.csv", ["--units", "kg"], 2, 3),
        ("strong-unit-columns-kg.csv", [], 1, 3),  # no --units: the columns say it
        ("strong-unit-columns-lb.csv", [], 1, 2),
        ("strong-zh-10.csv", ["--units", "kg", "--columns-by-position"], 2, 3),
        ("strong-no-header.csv", ["--units", "kg", "--columns-by-position"], 2, 4),
    ],
)
def test_the_command_line_reads_each_variant(
    capsys: pytest.CaptureFixture[str], db_path: Path, name: str, options: list[str], sessions: int, sets: int
) -> None:
    code, out, err = run_cli(capsys, "import", STRONG / name, *options, "--db", db_path)
    assert code == 0, err
    assert final_line(out) == f"imported {sessions} sessions, {sets} sets (0 duplicates skipped)"


def test_real_strong_exports_still_read_as_english() -> None:
    path = shared_export("strong", "szelesaron-strong-2023.csv")
    assert parse_file(path, options=KG).format == "Strong"


def test_a_first_line_with_a_lone_carriage_return_is_refused_with_its_line() -> None:
    """A carriage return before the header: no layout is guessed from a line no CSV reader reads, and the file is
    refused with a line number, not a crash of the CSV reader."""
    text = (
        "\r=1,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
        '2025-01-06 17:02:11,"Upper A",1h 4m,"Bench Press (Barbell)",1,82.5,6,0,0,,,8\n'
    )
    assert StrongCsv.layout(text) is None
    with pytest.raises(ImportFailed) as refused:
        StrongCsv().read(text, ImportOptions(units=Unit.KG))
    assert refused.value.problem.line >= 1
