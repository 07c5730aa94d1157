# SPDX-License-Identifier: MIT
"""The command-line contract: demo, stats --json, --smoke, and clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from journal.cli import main
from journal.domain.effort import EffortScale
from journal.domain.records import Entry, Session, SetRecord, SetType
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    close_database()
    out, err = capsys.readouterr()
    return code, out, err


def test_stats_json_matches_a_hand_count(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_database(db_path)
    bench = exercises.find_exercise("Bench Press")
    pullup = exercises.find_exercise("Pull-up")
    assert bench and pullup
    repo.add_session(
        Session(
            start=datetime(2026, 3, 1, 10),
            bodyweight_kg=80,
            entries=(  # a Sunday: 2026-W09
                Entry(
                    exercise=bench,
                    sets=(
                        SetRecord(set_type=SetType.WARMUP, load_kg=60, reps=5),
                        SetRecord(load_kg=100, reps=5, rir=2),
                        SetRecord(load_kg=100, reps=5, rir=8, effort_scale=EffortScale.RIR),
                    ),
                ),
                Entry(exercise=pullup, sets=(SetRecord(load_kg=10, reps=6, rir=None),)),
            ),
        )
    )
    repo.add_session(
        Session(
            start=datetime(2026, 3, 2, 10),
            entries=(  # the Monday after: 2026-W10
                Entry(exercise=bench, sets=(SetRecord(load_kg=110, reps=3, rir=1),)),
            ),
        )
    )
    close_database()
    code, out, _ = run(capsys, "stats", "--json", "--db", str(db_path))
    assert code == 0
    stats = json.loads(out)
    assert stats["sessions"] == 2 and stats["sets"] == 5 and stats["working_sets"] == 4
    assert stats["tonnage_kg"] == pytest.approx(100 * 5 * 2 + (80 + 10) * 6 + 110 * 3)
    assert (stats["first"], stats["last"]) == ("2026-03-01", "2026-03-02")
    # the unrated pull-up has no session of its exercise before it: no estimate, the estimated figures are the logged
    assert stats["weeks"] == [
        {
            "week": "2026-W09",
            "sets": 4,
            "working_sets": 3,
            "hard_sets": 1,
            "tonnage_kg": pytest.approx(1000 + 540),
            "mean_rir": pytest.approx(5.0),
            "time_s": 0.0,
            "distance_m": 0.0,
            "hard_sets_est": 1,
            "mean_rir_est": pytest.approx(5.0),
        },
        {
            "week": "2026-W10",
            "sets": 1,
            "working_sets": 1,
            "hard_sets": 1,
            "tonnage_kg": pytest.approx(330),
            "mean_rir": pytest.approx(1.0),
            "time_s": 0.0,
            "distance_m": 0.0,
            "hard_sets_est": 1,
            "mean_rir_est": pytest.approx(1.0),
        },
    ]


def test_stats_json_carries_estimates_beside_the_logged_figures(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_database(db_path)
    squat = exercises.find_exercise("Squat")
    assert squat
    repo.add_session(
        Session(
            start=datetime(2026, 3, 2, 10),
            entries=(  # 2026-W10: 100 × 5, unrated
                Entry(exercise=squat, sets=(SetRecord(load_kg=100, reps=5),)),
            ),
        )
    )
    repo.add_session(
        Session(
            start=datetime(2026, 3, 9, 10),
            entries=(  # 2026-W11
                Entry(exercise=squat, sets=(SetRecord(load_kg=95, reps=5), SetRecord(load_kg=100, reps=5, rir=2))),
            ),
        )
    )
    close_database()
    code, out, _ = run(capsys, "stats", "--json", "--db", str(db_path))
    assert code == 0
    stats = json.loads(out)
    k = 0.0392
    e1rm = 100 * (1 + 4 * k)  # the W10 set taken as near failure: n = 5, 115.68 kg
    estimate = 1 + (e1rm / 95 - 1) / k - 5  # 95 kg: n = 6.55 possible, 5 done: RIR 1.55 estimated
    w10, w11 = stats["weeks"]
    # W10: nothing before it, so no estimate
    assert (w10["hard_sets"], w10["hard_sets_est"], w10["mean_rir"], w10["mean_rir_est"]) == (0, 0, None, None)
    # W11: logged: one hard set (RIR 2), mean 2; with the estimate (1.55 <= 3): two hard sets, mean (2 + 1.55) / 2
    assert (w11["hard_sets"], w11["mean_rir"]) == (1, 2.0)
    assert w11["hard_sets_est"] == 2 and w11["mean_rir_est"] == pytest.approx((2 + estimate) / 2, abs=1e-3)
    # the rated 100 × 5 @ 2 is estimated at 1 + (115.68 / 100 - 1) / k - 5 = 0: off by 2 on the one rated set
    assert stats["rir_estimate"]["estimated_sets"] == 1 and stats["rir_estimate"]["compared_sets"] == 1
    assert stats["rir_estimate"]["mae"] == pytest.approx(2.0, abs=1e-3)
    assert "2.0 reps" in stats["rir_estimate"]["accuracy"]


def test_stats_on_an_empty_journal(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_database(db_path)
    close_database()
    code, out, _ = run(capsys, "stats", "--json", "--db", str(db_path))
    stats = json.loads(out)
    assert code == 0 and stats["sessions"] == 0 and stats["weeks"] == [] and stats["first"] is None


def test_demo_is_reproducible_and_refuses_a_journal_with_sessions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    figures = []
    for name in ("a.sqlite", "b.sqlite"):
        path = tmp_path / name
        code, out, _ = run(capsys, "demo", "--db", str(path), "--years", "0.5", "--seed", "7", "--end", "2026-06-30")
        assert code == 0 and out.startswith("wrote ")
        figures.append(json.loads(run(capsys, "stats", "--json", "--db", str(path))[1]))
    assert figures[0] == figures[1]
    assert figures[0]["last"] <= "2026-06-30" and figures[0]["sets"] > 1000
    code, _, err = run(capsys, "demo", "--db", str(tmp_path / "a.sqlite"), "--years", "1")
    assert code == 2 and "already holds" in err
    other = json.loads(run(capsys, "stats", "--json", "--db", str(tmp_path / "a.sqlite"))[1])
    assert other == figures[0]


def test_demo_needs_an_explicit_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "demo", "--years", "1")
    assert code == 2 and "--db PATH is required" in err


def test_a_file_that_is_not_a_journal_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("shopping list\n")
    code, _, err = run(capsys, "stats", "--json", "--db", str(path))
    assert code == 2 and "not a journal file" in err
    assert path.read_text() == "shopping list\n"


def test_journal_db_environment_variable_chooses_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "env.sqlite"
    open_database(path)
    bench = exercises.find_exercise("Bench Press")
    repo.add_session(Session(start=datetime(2026, 1, 1), entries=(Entry(exercise=bench, sets=(SetRecord(),)),)))
    close_database()
    monkeypatch.setenv("JOURNAL_DB", str(path))
    code, out, _ = run(capsys, "stats", "--json")
    assert code == 0 and json.loads(out)["sets"] == 1


def test_stats_on_a_missing_file_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "typo" / "jurnal.sqlite"
    code, _, err = run(capsys, "stats", "--json", "--db", str(path))
    assert code == 2 and "no journal file there" in err
    assert not path.parent.exists()


def test_smoke_builds_every_view_offscreen(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JOURNAL_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "journal", "--smoke"], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "smoke: ok" in result.stdout
    assert "smoke: sessions and editor: 1200x780" in result.stdout


def test_import_any_csv_uses_the_mapping_chosen_in_the_window(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from journal import settings
    from journal.io.generic import mapping_key

    table = tmp_path / "log.csv"
    table.write_text("Tag;Übung;Last;Wdh\n2026-03-02;Kniebeuge;100,5;5\n", encoding="utf-8")
    code, _, err = run(
        capsys, "import", str(table), "--format", "csv", "--units", "kg", "--db", str(tmp_path / "j.sqlite")
    )
    assert code == 1 and "choose the column for Date" in err
    settings.save_mapping(
        mapping_key(["Tag", "Übung", "Last", "Wdh"]),
        {"date": "Tag", "exercise": "Übung", "load": "Last", "reps": "Wdh"},
    )
    code, out, _ = run(
        capsys, "import", str(table), "--format", "csv", "--units", "kg", "--db", str(tmp_path / "j.sqlite")
    )
    assert code == 0 and out.strip() == "imported 1 sessions, 1 sets (0 duplicates skipped)"


@pytest.mark.parametrize("kind", ["volume", "proximity", "e1rm", "calibration"])
def test_chart_draws_a_png(tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "j.sqlite"
    assert run(capsys, "demo", "--db", str(path), "--years", "0.5", "--seed", "2", "--end", "2026-06-30")[0] == 0
    out = tmp_path / f"{kind}.png"
    code, text, _ = run(
        capsys,
        "chart",
        kind,
        "--png",
        str(out),
        "--db",
        str(path),
        "--since",
        "2026-01-01",
        "--exercise",
        "Bench Press (Barbell)",
        "--width",
        "800",
    )
    assert code == 0 and text.strip() == f"wrote {out}"
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 800  # the width in the PNG header


def test_chart_names_an_unknown_exercise(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "j.sqlite"
    open_database(path)
    close_database()
    code, _, err = run(
        capsys,
        "chart",
        "volume",
        "--png",
        str(tmp_path / "x.png"),
        "--db",
        str(path),
        "--exercise",
        "Underwater Basket Weaving",
    )
    assert code == 2 and "no exercise called 'Underwater Basket Weaving'" in err


def test_version_is_the_installed_one(capsys: pytest.CaptureFixture[str]) -> None:
    import journal

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"journal {journal.__version__}\n"
    assert journal.__version__.count(".") >= 2


def test_a_command_does_not_read_the_package_metadata(tmp_path: Path) -> None:
    """The version is looked up only when asked for: reading the metadata would cost every command its time."""
    code = (
        "import sys; from journal.cli import main; main(['stats', '--json', '--db', sys.argv[1]]); "
        "print('importlib.metadata' in sys.modules)"
    )
    db = tmp_path / "j.sqlite"
    subprocess.run(
        [sys.executable, "-m", "journal", "demo", "--years", "0.1", "--db", str(db)],
        check=True,
        capture_output=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(db)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_the_window_does_not_read_the_package_metadata_until_about_is_shown() -> None:
    code = (
        "import sys; from journal.ui.app import make_application; make_application(); "
        "import journal.ui.main_window; print('importlib.metadata' in sys.modules); "
        "from journal.ui.dialogs.about import AboutDialog; AboutDialog(); "
        "print('importlib.metadata' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.split() == ["False", "True"]


def test_an_import_from_the_command_line_keeps_as_many_backups_as_the_preference_says(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from journal import settings
    from journal.storage.backup import backup_to, list_backups
    from journal.storage.database import db
    from tests.conftest import SAMPLES

    settings.put(settings.BACKUPS_KEEP, 14)
    open_database(db_path)
    for _ in range(13):
        backup_to(db, db_path, "before-import", keep=99)
    close_database()
    code, out, err = run(
        capsys, "import", str(SAMPLES / "strong" / "strong-workout-number-kg.csv"), "--db", str(db_path)
    )
    assert code == 0, err
    assert len([b for b in list_backups(db_path) if b.reason == "before-import"]) == 14  # not cut back to 10


def test_demo_keeps_the_review_data_so_the_first_review_loads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from journal.review.data import kept_key, read_all, read_kept
    from journal.settings import Preferences
    from journal.storage import review_kept

    path = tmp_path / "demo.sqlite"
    assert run(capsys, "demo", "--db", str(path), "--years", "0.3", "--end", "2026-06-30")[0] == 0
    open_database(path)
    try:
        prefs = Preferences.load()
        assert review_kept.state() == review_kept.State(kept_key(prefs), 0)
        snapshot, generation = read_kept(prefs)
        assert generation is None  # loaded as kept, nothing to keep again
        whole = read_all(prefs)
        assert snapshot.weeks == whole.weeks and len(snapshot.points.set_id) == len(whole.points.set_id) > 100
    finally:
        close_database()
