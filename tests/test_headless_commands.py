# SPDX-License-Identifier: MIT
"""The commands that draw and print nothing start without Qt: settings, data folder and all read without it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from enum import Enum
from pathlib import Path

import pytest

from journal import settings
from journal.domain.units import Unit
from tests.reliability.support import SAMPLES, make_journal

LOADED = """
import json, runpy, sys
sys.argv = ["journal", *sys.argv[1:]]
try:
    runpy.run_module("journal", run_name="__main__")
except SystemExit as stop:
    print(json.dumps([stop.code, sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))]))
"""


def loaded(env: dict[str, str], *args: str | Path) -> tuple[int, list[str], str]:
    """Run `journal ARGS` in a child process: its exit code, the Qt modules it loaded, and what it printed."""
    result = subprocess.run(
        [sys.executable, "-c", LOADED, *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    code, modules = json.loads(result.stdout.strip().splitlines()[-1])
    return code, modules, result.stdout + result.stderr


ELSEWHERE = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="on Windows and macOS a command asks Qt for the data folder"
)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """No data folder override: the commands find it as the window does (XDG_DATA_HOME on Linux)."""
    clean = {key: value for key, value in os.environ.items() if key not in ("JOURNAL_DATA_DIR", "JOURNAL_DB")}
    return {**clean, "XDG_DATA_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path / "home")}


@ELSEWHERE
def test_stats_export_exercise_and_a_dry_run_import_load_no_qt(tmp_path: Path, env: dict[str, str]) -> None:
    journal = make_journal(tmp_path / "j.sqlite", years=0.1)
    for args in (
        ["stats", "--json"],
        ["export", tmp_path / "out.csv"],
        ["exercise", "--json", "Squat"],
        ["import", "--dry-run", SAMPLES / "hevy" / "hevy-kg.csv"],
        ["backup"],
    ):
        code, modules, said = loaded(env, *args, "--db", journal)
        assert code in (0, None), said
        assert modules == [], (args, modules)


@ELSEWHERE
def test_a_command_without_qt_reads_the_preferences_the_window_saved(
    tmp_path: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window saves through QSettings; `journal stats` reads the same file without Qt (the hard-set threshold
    it reports), from the data folder QStandardPaths gives the window."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    for key in ("XDG_DATA_HOME", "HOME"):
        monkeypatch.setenv(key, env[key])
    monkeypatch.delenv("JOURNAL_DATA_DIR")
    QCoreApplication.setOrganizationName("Journal")
    QCoreApplication.setApplicationName("Journal")
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    assert folder == Path(env["XDG_DATA_HOME"]) / "Journal" / "Journal"
    settings.put(settings.HARD_SET_RIR, 1.5)
    settings.put(settings.UNITS, Unit.LB)
    assert (folder / "settings.ini").exists()
    journal = make_journal(tmp_path / "j.sqlite", years=0.1)
    code, modules, said = loaded(env, "stats", "--json", "--db", journal)
    assert code in (0, None) and modules == []
    figures = next(json.loads(line) for line in said.splitlines() if line.startswith('{"sessions"'))
    assert figures["hard_set_rir"] == 1.5


def test_a_command_that_writes_still_takes_the_windows_lock(tmp_path: Path, env: dict[str, str]) -> None:
    """An import writes: it takes the same QLockFile the window holds (Qt's lock, kept for its stale-lock rules)."""
    journal = make_journal(tmp_path / "j.sqlite", years=0.1)
    code, modules, said = loaded(env, "import", SAMPLES / "hevy" / "hevy-kg.csv", "--db", journal)
    assert code in (0, None), said
    assert "PySide6.QtCore" in modules


def other_value(setting: settings.Setting) -> object:
    """A value of the setting's kind that is not its default (awkward for the file's quoting where it is text)."""
    kind, default = setting.kind, setting.default
    if issubclass(kind, Enum):
        return next(member for member in kind if member != default)
    if kind is bool:
        return not default
    if kind in (int, float):
        return default + 3
    return {"theme": "dark", "page": "letter"}.get(setting.key, 'C:\\lifts, "good" ones = 20 10 5')


def test_every_preference_the_window_saves_reads_the_same_without_qt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNAL_DATA_DIR", str(tmp_path / "data"))
    saved = settings.Preferences(**{s.key: other_value(s) for s in settings.ALL_SETTINGS})
    saved.save()  # through QSettings: this process has Qt
    assert settings.Preferences.load() == saved
    code = (
        "import sys, json, dataclasses; from journal.settings import Preferences; p = Preferences.load(); "
        "print(json.dumps([repr(p), sorted(m for m in sys.modules if m.startswith('PySide6'))]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=dict(os.environ), timeout=60
    )
    shown, modules = json.loads(result.stdout.strip().splitlines()[-1])
    assert modules == []
    assert shown == repr(saved)
