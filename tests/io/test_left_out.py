# SPDX-License-Identifier: MIT
"""One typo does not refuse a history: rows that cannot be imported are named, left out on request (the command
line's --skip-invalid) and kept beside the backups; unlikely loads are imported and named as warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.domain.records import SetRecord
from journal.domain.units import Unit
from journal.domain.validation import LIKELY_MAX_KG, likely_max_kg, unlikely
from journal.io import ImportOptions, parse_file
from journal.io.leftout import left_out
from journal.storage.importing import left_out_dir
from tests.conftest import SAMPLES, shared_export
from tests.io.support import file_state, final_line, run_cli, stored_sessions

TYPOS = SAMPLES / "strong" / "strong-typos.csv"
TYPO_LINES = (3, 7)  # reps 1271 and reps x8


def test_a_refused_row_is_named_and_the_rest_can_come_in() -> None:
    parsed = parse_file(TYPOS, options=ImportOptions(units=Unit.KG))
    assert [p.line for p in parsed.fatal] == list(TYPO_LINES) and parsed.skippable
    rest = parsed.without_left_out()
    assert not rest.fatal and rest.left == list(TYPO_LINES)
    assert rest.set_count == 5 and len(rest.sessions) == 3
    left = left_out(rest, TYPOS.read_text(encoding="utf-8"), TYPOS.name)
    assert left is not None
    lines = TYPOS.read_text(encoding="utf-8").splitlines()
    assert left.csv_text() == "\n".join([lines[0], *(lines[n - 1] for n in TYPO_LINES)]) + "\n"
    assert left.reasons[0] == "line 3: reps '1271' is not a whole number from 0 to 1000"


def test_a_file_refused_as_a_whole_cannot_be_skipped_into(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    lines = TYPOS.read_text(encoding="utf-8").splitlines()
    broken.write_text("\n".join(lines[:1] + [lines[2]] * 120), encoding="utf-8")  # 120 typos: not a typo
    parsed = parse_file(broken, options=ImportOptions(units=Unit.KG))
    assert parsed.fatal and not parsed.skippable  # reading stopped after too many problems


def test_the_command_line_is_strict_and_names_skip_invalid(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, _out, err = run_cli(capsys, "import", TYPOS, "--units", "kg", "--db", db_path)
    assert code == 1
    assert f"{TYPOS}:3: reps '1271' is not a whole number from 0 to 1000" in err
    assert "--skip-invalid" in err.splitlines()[-1]
    assert not db_path.exists() or not stored_sessions(db_path)


def test_skip_invalid_imports_the_rest_and_keeps_the_rows(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, out, err = run_cli(capsys, "import", TYPOS, "--units", "kg", "--skip-invalid", "--db", db_path)
    assert code == 0, err
    assert final_line(out) == "imported 3 sessions, 5 sets (0 duplicates skipped)"
    kept = sorted(left_out_dir(db_path).glob("strong-typos-*.csv"))
    assert len(kept) == 1 and str(kept[0]) in out
    assert kept[0].read_text(encoding="utf-8").count("\n") == 3  # the header and the two rows
    assert "line 7: reps 'x8' is not a number" in kept[0].with_suffix(".txt").read_text(encoding="utf-8")
    assert "left out: reps '1271'" in err
    # the 400 kg curl is imported as read, and named
    assert "400 kg is unlikely for an isolation barbell exercise (more than 250 kg)" in err
    loads = [r.load_kg for s in stored_sessions(db_path) for e in s.entries for r in e.sets]
    assert 400 in loads


def test_a_dry_run_with_skip_invalid_writes_nothing(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    before = file_state(db_path)
    code, out, _err = run_cli(capsys, "import", TYPOS, "--units", "kg", "--skip-invalid", "--dry-run", "--db", db_path)
    assert code == 0 and "2 rows would be left out" in out
    assert file_state(db_path) == before and not left_out_dir(db_path).exists()


@pytest.mark.parametrize(
    ("load", "mechanic", "equipment", "warned"),
    [
        (400, "isolation", "barbell", True),  # a 400 kg curl
        (240, "isolation", "barbell", False),  # a heavy shrug
        (450, "compound", "barbell", False),
        (650, "compound", "machine", False),  # a leg press
        (120, "compound", "dumbbell", True),
        (70, "isolation", "dumbbell", True),
        (600, None, None, True),
    ],
)
def test_unlikely_loads_depend_on_mechanic_and_equipment(
    load: float, mechanic: str | None, equipment: str | None, warned: bool
) -> None:
    assert bool(unlikely(SetRecord(load_kg=load, reps=5), mechanic, equipment)) is warned


def test_every_mechanic_and_catalogue_equipment_has_a_limit() -> None:
    for mechanic in ("compound", "isolation"):
        for equipment in ("barbell", "dumbbell", "machine", "cable", "kettlebell", "smith", "band", "bodyweight"):
            assert (mechanic, equipment) in LIKELY_MAX_KG
    assert likely_max_kg("isolation", "unknown thing") == LIKELY_MAX_KG[("isolation", "other")]


def test_a_real_history_with_one_typo_comes_in_without_that_row(tmp_path: Path) -> None:
    real = shared_export("strong", "szelesaron-strong-2023.csv")
    lines = real.read_text(encoding="utf-8").splitlines(keepends=True)
    typo = tmp_path / "typo.csv"
    fields = lines[5].split(",")  # no quoted commas on this row
    fields[6] = "877777"  # its reps, as a slipped thumb wrote them
    lines[5] = ",".join(fields)
    typo.write_text("".join(lines), encoding="utf-8")
    whole = parse_file(real, options=ImportOptions(units=Unit.KG))
    parsed = parse_file(typo, options=ImportOptions(units=Unit.KG))
    assert [p.line for p in parsed.fatal] == [6] and parsed.skippable
    assert parsed.without_left_out().set_count == whole.set_count - 1
