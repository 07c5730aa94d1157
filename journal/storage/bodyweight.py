# SPDX-License-Identifier: MIT
"""The bodyweight log in the file: entries of its own (typed or imported) and the sessions' bodyweights."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

from journal.domain.bodyweight import Weighing
from journal.domain.validation import BODYWEIGHT_MAX_KG, BODYWEIGHT_MIN_KG
from journal.storage.backup import DEFAULT_KEEP, backup_to
from journal.storage.changes import Change
from journal.storage.models import BodyweightRow, db


def _day(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def weighings() -> list[Weighing]:
    """Every bodyweight known: the log's entries and the sessions' bodyweights, oldest first."""
    out = [
        Weighing(_day(day), float(kg), str(source), entry=int(entry), note=str(note))
        for entry, day, kg, source, note in db.execute_sql("SELECT id, day, kg, source, note FROM bodyweight")
    ]
    out += [
        Weighing(_day(start), float(kg), "session", session=int(session))
        for session, start, kg in db.execute_sql(
            "SELECT id, start, bodyweight_kg FROM session WHERE bodyweight_kg IS NOT NULL"
        )
    ]
    return sorted(out, key=lambda w: (w.day, w.session is not None))


def weight_near(day: date, within_days: int = 60) -> tuple[date, float] | None:
    """The latest bodyweight on or before `day` and at most `within_days` before it: (its day, kg); a day's entry of
    the log comes before its sessions' (whose mean it takes), as journal.domain.bodyweight.daily has it."""
    row = db.execute_sql(
        """SELECT d, kg FROM (
               SELECT day AS d, kg, 0 AS pri FROM bodyweight WHERE day <= :day AND day >= :since
               UNION ALL
               SELECT date(start) AS d, avg(bodyweight_kg), 1 FROM session
               WHERE bodyweight_kg IS NOT NULL AND start < date(:day, '+1 day') AND start >= :since
               GROUP BY date(start))
           ORDER BY d DESC, pri LIMIT 1""",
        {"day": day.isoformat(), "since": (day - timedelta(days=within_days)).isoformat()},
    ).fetchone()
    return None if row is None else (_day(row[0]), float(row[1]))


def _checked(kg: float) -> float:
    if not BODYWEIGHT_MIN_KG <= kg <= BODYWEIGHT_MAX_KG:
        raise ValueError(f"a bodyweight is between {BODYWEIGHT_MIN_KG:g} and {BODYWEIGHT_MAX_KG:g} kg")
    return kg


def add_weighing(day: date, kg: float, note: str = "", entry: int | None = None) -> tuple[Weighing, Change]:
    """A bodyweight typed for a day; a day that has one typed already gets the new weight in its place."""
    kg = _checked(kg)
    with db.atomic():
        BodyweightRow.insert(id=entry, day=day, kg=kg, source="manual", note=note).on_conflict(
            conflict_target=[BodyweightRow.day, BodyweightRow.source],
            update={BodyweightRow.kg: kg, BodyweightRow.note: note},
        ).execute()
        row = BodyweightRow.get(BodyweightRow.day == day, BodyweightRow.source == "manual")
    return Weighing(day, kg, "manual", entry=row.id, note=note), Change(bodyweight=True)


def delete_weighing(entry: int) -> Change:
    with db.atomic():
        BodyweightRow.delete().where(BodyweightRow.id == entry).execute()
    return Change(bodyweight=True)


def import_weighings(
    rows: Iterable[tuple[date, float]], source: str, db_path: Path | None = None, keep: int = DEFAULT_KEEP
) -> list[int]:
    """Weights read from a bodyweight file, one a day, in one transaction after a backup of the journal (when its
    path is given); a day already held from the same source is left as it is. Returns the ids of those added."""
    rows = [(day, kg) for day, kg in rows if BODYWEIGHT_MIN_KG <= kg <= BODYWEIGHT_MAX_KG]
    added: list[int] = []
    if db_path is not None and rows:
        backup_to(db.obj, db_path, "before-import", keep)
    with db.atomic():
        for day, kg in rows:
            if BodyweightRow.insert(day=day, kg=kg, source=source).on_conflict_ignore().as_rowcount().execute():
                added.append(BodyweightRow.get(BodyweightRow.day == day, BodyweightRow.source == source).id)
    return added


def delete_weighings(entries: Iterable[int]) -> Change:
    """Remove log entries (an import of weights undone)."""
    with db.atomic():
        BodyweightRow.delete().where(BodyweightRow.id.in_(list(entries))).execute()
    return Change(bodyweight=True)
