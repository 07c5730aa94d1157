# SPDX-License-Identifier: MIT
"""Backups through SQLite's online backup API (never a file copy of a live database), into a `backups` folder beside
the journal file, kept in rotation; and restoring one, checked first, with the current file kept as a backup."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import peewee
from peewee import SqliteDatabase

from journal.storage.files import DatabaseTooNew, read_only

DEFAULT_KEEP = 10  # backups kept of each kind (settable)
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z0-9-]+)\.sqlite$")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    reason: str  # daily, manual, before-import, before-migration-v1, before-restore
    size: int


class BackupError(RuntimeError):
    """A backup cannot be used: the message says why; nothing was changed."""


class RestoreFailed(BackupError):
    """The copy of a checked backup failed (another program writing, a full disk): nothing was restored."""

    def __init__(self, message: str, kept: Path) -> None:
        super().__init__(message)
        self.kept = kept


class JournalDamaged(BackupError):
    """The journal has damaged pages: no backup of it is taken (it would push a whole one out of rotation)."""


def damage(connection: sqlite3.Connection) -> str | None:
    """What SQLite's quick check finds wrong with a database (the first few findings), None when it is whole."""
    try:
        found = [str(row[0]) for row in connection.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as error:
        return str(error)
    return None if found == ["ok"] else "; ".join(found)[:300]


def damage_of_file(path: Path) -> str | None:
    """damage() of the file at `path`, read on a read-only connection of its own (any thread may call it)."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error as error:
        return str(error)
    try:
        return damage(connection)
    finally:
        connection.close()


def _check_whole(connection: sqlite3.Connection, db_path: Path) -> None:
    found = damage(connection)
    if found is not None:
        raise JournalDamaged(f"{db_path} is damaged ({found}); no backup was taken and none was removed")


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def _new_name(folder: Path, db_path: Path, reason: str) -> Path:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    while True:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
        if not target.exists():
            return target


def write_whole(target: Path, fill: Callable[[sqlite3.Connection], None], replace: bool = True) -> Path:
    """Write a database file whole or not at all: `fill` writes into a new file beside `target` (a hidden name no
    listing counts), which is synced to disk and then renamed into place. A kill or a failure at any moment leaves
    `target` as it was (absent, or the old file) and no partial file under its name. With `replace` false, an
    existing `target` is never overwritten (FileExistsError)."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    os.close(handle)
    partial = Path(name)
    try:
        os.chmod(partial, 0o600)
        writer = sqlite3.connect(partial)
        try:
            fill(writer)
            writer.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no log beside it
        finally:
            writer.close()
        with partial.open("rb+") as written:
            os.fsync(written.fileno())
        if replace:
            os.replace(partial, target)
        else:
            _link(partial, target)
        _sync_folder(target.parent)
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}-journal").unlink(missing_ok=True)
    return target


def _link(partial: Path, target: Path) -> None:
    """Give the complete file its name unless the name is taken (a hard link fails atomically when it is)."""
    try:
        os.link(partial, target)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if target.exists():
            raise FileExistsError(f"{target} already exists") from None
        os.replace(partial, target)
    else:
        partial.unlink()


def _sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _copy(source: sqlite3.Connection, target: Path, replace: bool = True) -> Path:
    return write_whole(target, lambda writer: source.backup(writer), replace)


def backup_to(db: SqliteDatabase, db_path: Path, reason: str, keep: int = DEFAULT_KEEP) -> Path:
    """Copy the open database to `backups/<name>-<time>-<reason>.sqlite` (readable by the user only), then keep
    only the newest `keep` backups of that reason. A damaged journal is not backed up (JournalDamaged)."""
    _check_whole(db.connection(), db_path)
    target = _copy(db.connection(), _new_name(backup_dir(db_path), db_path, reason))
    rotate(db_path, reason, keep)
    return target


def copy_open(db: SqliteDatabase, target: Path) -> Path:
    """The open journal, whole, to `target` (replacing a file there): saving it elsewhere."""
    return _copy(db.connection(), target)


def backup_file(source: Path, target: Path, force: bool = False) -> Path:
    """A backup of a journal file that is not open here, to `target` (a file, or a folder for a dated name). An
    existing file is replaced only with `force` (FileExistsError otherwise), and never when it is the journal."""
    if target.is_dir():
        target = _new_name(target, source, "manual")
    elif target.exists() and same_file(source, target):
        raise FileExistsError(f"{target} is the journal itself")
    elif target.exists() and not force:
        raise FileExistsError(f"{target} already exists")
    reader = read_only(source)
    try:
        _check_whole(reader, source)
        return _copy(reader, target, replace=force)
    finally:
        reader.close()


def same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _stamp_time(stamp: str) -> datetime:
    """The time of a backup's name, YYYYmmdd-HHMMSS-ffffff (read by hand: strptime costs a start its first call)."""
    day, clock, micro = stamp.split("-")
    return datetime(
        int(day[:4]), int(day[4:6]), int(day[6:]), int(clock[:2]), int(clock[2:4]), int(clock[4:]), int(micro)
    )


def list_backups(db_path: Path) -> list[Backup]:
    """The backups of this journal, newest first."""
    found = []
    folder = backup_dir(db_path)
    for path in folder.glob(f"{db_path.stem}-*.sqlite") if folder.exists() else ():
        match = _NAME.match(path.name)
        if match and match["stem"] == db_path.stem:
            found.append(Backup(path, _stamp_time(match["stamp"]), match["reason"], path.stat().st_size))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def rotate(db_path: Path, reason: str, keep: int) -> None:
    for old in [b for b in list_backups(db_path) if b.reason == reason][max(keep, 1) :]:
        old.path.unlink(missing_ok=True)


def daily_backup(db: SqliteDatabase, db_path: Path, keep: int = DEFAULT_KEEP, today: date | None = None) -> Path | None:
    """Once a day, on opening: a backup unless one was taken today."""
    day = today or date.today()
    if any(b.taken.date() == day for b in list_backups(db_path)):
        return None
    return backup_to(db, db_path, "daily", keep)


def check_backup(path: Path, schema_version: int) -> None:
    """Refuse a file that is not a whole, readable journal of a version this Journal knows: the opener's test
    (schema version, a journal's tables), then a trial migration of a copy and every table's columns."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist" if not path.exists() else f"{path} is not a file")
    try:
        reader = _backup_reader(path)  # only read: nothing is left beside the backup
        try:
            result = reader.execute("PRAGMA integrity_check").fetchone()[0]
            version = reader.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in reader.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if result == "ok" and 0 < version <= schema_version:
                with tempfile.TemporaryDirectory(prefix="journal-check-") as folder:
                    trial = Path(folder) / "trial.sqlite"
                    _copy(reader, trial)
                    missing = _trial_open(trial)
            else:
                missing = ""
        finally:
            reader.close()
    except (sqlite3.DatabaseError, peewee.DatabaseError) as error:
        raise BackupError(f"{path} is not a journal that can be read: {error}") from error
    if result != "ok":
        raise BackupError(f"{path} is damaged: {result}")
    if version > schema_version:
        raise BackupError(str(DatabaseTooNew.of(path, version, schema_version)))
    if version == 0 or not {"session", "set", "exercise"} <= tables:
        raise BackupError(f"{path} is not a journal file")
    if missing:
        raise BackupError(f"{path} is not a journal file: {missing}")


def _trial_open(trial: Path) -> str:
    """Migrate a copy as opening it would, then look for every column the journal uses: what is missing, or ""."""
    from journal.storage import models
    from journal.storage.migrations import migrate

    database = SqliteDatabase(str(trial))
    try:
        migrate(database, None)
        for model in (
            models.ExerciseRow,
            models.AliasRow,
            models.RoutineRow,
            models.SessionRow,
            models.EntryRow,
            models.SetRow,
            models.PlannedSetRow,
            models.RoutineItemRow,
        ):
            table = model._meta.table_name
            have = {column.name for column in database.get_columns(table)}
            want = {field.column_name for field in model._meta.sorted_fields}
            if want - have:
                return f"its table {table} lacks {', '.join(sorted(want - have))}"
    finally:
        database.close()
    return ""


def restore_into(
    db: SqliteDatabase, db_path: Path, backup: Path, schema_version: int, keep: int = DEFAULT_KEEP
) -> Path:
    """Replace the open journal's content with the backup's, whole (the backup API copies every page in one step,
    so the two are never mixed). The current content is kept as a backup first; returns that backup."""
    check_backup(backup, schema_version)
    kept = backup_to(db, db_path, "before-restore", keep)
    reader = _backup_reader(backup)
    try:
        reader.backup(db.connection(), progress=_give_up_after(BUSY_WAIT_S))
    except sqlite3.Error as error:
        raise RestoreFailed(
            f"{backup} was not restored: {error}; the journal is as it was, and also kept as {kept}", kept
        ) from error
    finally:
        reader.close()
    return kept


BUSY_WAIT_S = 5.0  # as the journal's busy_timeout: how long a restore waits for another program's write


def _give_up_after(seconds: float) -> Callable[[int, int, int], None]:
    """A backup progress callback that ends a copy still waiting after `seconds` (the backup API otherwise retries a
    busy journal for ever); SQLite then leaves the target as it was."""
    deadline = time.monotonic() + seconds

    def progress(_status: int, _remaining: int, _total: int) -> None:
        if time.monotonic() > deadline:
            raise sqlite3.OperationalError(
                f"the journal is locked by another program that is writing to it (still "
                f"busy after {seconds:g} s); nothing was restored"
            )

    return progress


def _backup_reader(source: Path) -> sqlite3.Connection:
    """A read-only connection to a backup, which leaves nothing beside it and needs no write access to its folder:
    read as immutable, or, when a write-ahead log lies beside it (a copy of a file that was open), from a copy of
    the two in a temporary folder, so that what only the log holds is read too."""
    log = Path(f"{source}-wal")
    if not log.exists() or log.stat().st_size == 0:
        return sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    folder = Path(tempfile.mkdtemp(prefix="journal-read-"))
    copy = folder / source.name
    shutil.copyfile(source, copy)
    shutil.copyfile(log, Path(f"{copy}-wal"))
    connection = sqlite3.connect(copy, factory=_TemporaryCopy)
    assert isinstance(connection, _TemporaryCopy)
    connection.folder = folder
    return connection


class _TemporaryCopy(sqlite3.Connection):
    """A connection to a copy in a temporary folder, removed when the connection is closed."""

    folder: Path | None = None

    def close(self) -> None:
        super().close()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def snapshot(source: Path, target: Path) -> None:
    """Copy a journal file that is not open here, read-only, through the online backup API."""
    reader = read_only(source)
    try:
        _copy(reader, target)
    finally:
        reader.close()


def replace_with_backup(db_path: Path, backup: Path, schema_version: int) -> Path:
    """Put a checked backup in place of a journal file that cannot be opened; the file is kept beside it, renamed
    `<name>.unusable-<time>`. Returns where it was kept. The backup is copied whole under a hidden name first and
    renamed into place in one step: a kill at any moment leaves the old file or the whole backup, never a part."""
    check_backup(backup, schema_version)
    kept = db_path.with_name(f"{db_path.name}.unusable-{datetime.now():%Y%m%d-%H%M%S}")
    reader = _backup_reader(backup)
    try:
        staged = _copy(reader, db_path.with_name(f".{db_path.name}.restoring"))
    finally:
        reader.close()
    try:
        for suffix in ("-wal", "-shm"):  # the old file's log must never be read as the new file's
            side = Path(f"{db_path}{suffix}")
            if side.exists():
                side.rename(Path(f"{kept}{suffix}"))
        if db_path.exists():
            try:
                os.link(db_path, kept)  # the old file keeps both names until the new one takes its place
            except OSError:
                shutil.copy2(db_path, kept)
        os.replace(staged, db_path)
        _sync_folder(db_path.parent)
    finally:
        staged.unlink(missing_ok=True)
    return kept
