# SPDX-License-Identifier: MIT
"""What the reliability tests share: running `journal` (or runner.py) as a real process, reading a journal file with
plain sqlite3, making journals and big Strong exports, and the figures the run reports at its end."""

from __future__ import annotations

import csv
import ctypes
import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("runner.py")
SAMPLES = REPO / "tests" / "fixtures"

# Filled in by the tests, printed by conftest.pytest_terminal_summary.
FIGURES: dict[str, Any] = {
    "kills": Counter(),  # what was killed -> how many times
    "outcomes": Counter(),  # import kills: "none" / "all" (never anything in between)
    "edits_reported": 0,  # edits a killed runner said were committed
    "rows_lost": 0,  # reported-committed rows missing after a kill (must stay 0)
    "fuzz": {},  # importer -> Counter(examples, refused, accepted)
    "validators": Counter(),  # validator -> examples
}


def fuzz_count(importer: str, outcome: str) -> None:
    FIGURES["fuzz"].setdefault(importer, Counter())[outcome] += 1


def journal_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a child: the repository importable, offscreen, its own data folder."""
    env = {k: v for k, v in os.environ.items() if k not in ("JOURNAL_DB", "PYTEST_CURRENT_TEST")}
    env.update(
        PYTHONPATH=str(REPO),
        QT_QPA_PLATFORM="offscreen",
        JOURNAL_DATA_DIR=str(data_dir),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def run_journal(
    data_dir: Path, *args: str | Path, timeout: float = 120, preexec: Callable[[], None] | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """`python -m journal ARGS` in a child process with its own data folder."""
    return subprocess.run(
        [sys.executable, "-m", "journal", *map(str, args)],
        env=journal_env(data_dir, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=data_dir,
        preexec_fn=preexec,
    )


def start_runner(data_dir: Path, *args: str | Path, **env: str) -> subprocess.Popen[str]:
    """runner.py ARGS in a child process, its stdout a pipe of lines (and its stdin a pipe: closing it ends
    `hold-write`)."""
    return subprocess.Popen(
        [sys.executable, str(RUNNER), *map(str, args)],
        env=journal_env(data_dir, **env),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        bufsize=1,
        cwd=data_dir,
    )


def wait_for_line(proc: subprocess.Popen[str], prefix: str, lines: list[str], timeout: float = 90) -> str:
    """Read the child's lines (kept in `lines`) until one starts with `prefix`."""
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            err = proc.stderr.read() if proc.stderr else ""
            raise AssertionError(
                f"the child ended (code {proc.wait()}) before printing {prefix!r}:\n{''.join(lines)}\n{err[-3000:]}"
            )
        lines.append(line)
        if line.startswith(prefix):
            return line
    raise AssertionError(f"no {prefix!r} line within {timeout} s")


def kill(proc: subprocess.Popen[str], lines: list[str], what: str, may_finish: bool = False) -> bool:
    """SIGKILL the child, reap it (so its pid is gone), and keep every line it printed before it died. Returns
    whether the kill happened (with `may_finish`, the child may have ended by itself just before)."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=30)  # also closes its stdin
    lines.extend(out.splitlines(keepends=True))
    if proc.returncode != -signal.SIGKILL:
        assert may_finish and proc.returncode == 0, (
            f"{what} ended by itself (code {proc.returncode}) before the kill:\n{err[-3000:]}"
        )
        return False
    FIGURES["kills"][what] += 1
    return True


def connect(db: Path) -> sqlite3.Connection:
    """Plain sqlite3, as any other program would open the file (recovers a write-ahead log left by a crash)."""
    return sqlite3.connect(db, timeout=10)


def integrity(db: Path) -> str:
    connection = connect(db)
    try:
        return "\n".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
    finally:
        connection.close()


def counts(db: Path) -> tuple[int, int]:
    """(sessions, sets) in the file."""
    connection = connect(db)
    try:
        return (
            connection.execute("SELECT count(*) FROM session").fetchone()[0],
            connection.execute('SELECT count(*) FROM "set"').fetchone()[0],
        )
    finally:
        connection.close()


def content(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every journal table, to compare two files or a file before and after."""
    connection = connect(db)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr) for table in tables}
    finally:
        connection.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(db: Path) -> dict[str, bool]:
    return {suffix: Path(f"{db}{suffix}").exists() for suffix in ("-wal", "-shm", "-journal")}


def make_journal(path: Path, years: float = 0.3, seed: int = 1) -> Path:
    """A closed journal file with a synthetic history (no write-ahead log left beside it)."""
    from journal.demo import generate_history
    from journal.storage.bulk import insert_sessions
    from journal.storage.database import close_database, open_database

    open_database(path)
    try:
        if years > 0:
            insert_sessions(generate_history(years, seed, date(2026, 1, 1)))
    finally:
        close_database()
    assert not Path(f"{path}-wal").exists()
    return path


STRONG_HEADER = [
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight (kg)",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
]
STRONG_EXERCISES = [
    "Bench Press (Barbell)",
    "Squat (Barbell)",
    "Deadlift (Barbell)",
    "Pull Up",
    "Overhead Press (Barbell)",
]


def strong_csv(path: Path, rows: int, seed: int = 0, first: datetime = datetime(2001, 1, 1, 18)) -> tuple[int, int]:
    """A Strong export of `rows` sets (20 a workout, one workout a day, from `first`); returns (sessions, sets)."""
    rng = random.Random(seed)
    written = day = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(STRONG_HEADER)
        while written < rows:
            when = (first + timedelta(days=day)).strftime("%Y-%m-%d %H:%M:%S")
            for exercise in STRONG_EXERCISES:
                for order in range(1, 5):
                    if written == rows:
                        break
                    writer.writerow(
                        [
                            when,
                            f"Day {day}",
                            "1h 5m",
                            exercise,
                            order,
                            60 + rng.randrange(80) * 0.5,
                            rng.randint(1, 12),
                            0,
                            0,
                            "",
                            "",
                            rng.choice([0, 7, 8, 8.5, 9]),
                        ]
                    )
                    written += 1
            day += 1
    return day, rows


# ---- simulating what root would not notice -------------------------------------------------------------------

_PR_CAPBSET_DROP = 24
_DAC_CAPS = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER


def _drop_dac() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in _DAC_CAPS:
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def permission_bound() -> Callable[[], None] | None:
    """A preexec_fn under which a child obeys file modes (root ignores them: it drops the capabilities that let it),
    or None when the tests do not run as root. Raises OSError when it cannot be arranged."""
    return _drop_dac if os.geteuid() == 0 else None


def probe_permissions(folder: Path) -> bool:
    """Whether a child started with permission_bound() really cannot write a read-only file."""
    probe = folder / "probe"
    probe.write_text("x")
    probe.chmod(0o400)
    try:
        result = subprocess.run(
            [sys.executable, "-c", f"open({str(probe)!r}, 'a').write('y')"],
            preexec_fn=permission_bound(),
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        probe.chmod(0o600)
        probe.unlink()
    return result.returncode != 0


def file_size_limit(limit: int) -> Callable[[], None]:
    """A preexec_fn that makes every file the child writes stop growing at `limit` bytes (EFBIG, as a full disk
    stops it): a full disk without root, mounts or a real disk to fill."""
    import resource

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails instead of the process being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def tree_modes(root: Path) -> Iterator[tuple[Path, int]]:
    for path in [root, *root.rglob("*")]:
        yield path, path.stat().st_mode & 0o777
