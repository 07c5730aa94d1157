# SPDX-License-Identifier: MIT
"""Planned sets in the file: their own table beside the sets, so that no query of sets can count a plan.

Confirming a plan (it becomes a set) is journal.storage.repository.confirm_plan; this module reads, writes and
removes the plans themselves. A change to plans alone names the entry but no session: no figure moved."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from journal.domain.effort import EffortScale
from journal.domain.records import PlannedSet, SetRecord, SetType
from journal.storage.changes import Change
from journal.storage.models import PlannedSetRow, db


def to_plan(row: PlannedSetRow) -> PlannedSet:
    planned = SetRecord(
        set_type=SetType(row.set_type),
        load_kg=row.load_kg,
        reps=row.reps,
        rir=row.rir,
        effort_scale=EffortScale(row.effort_scale) if row.effort_scale else None,
        duration_s=row.duration_s,
        distance_m=row.distance_m,
    )
    last = None
    if row.last_load_kg is not None or row.last_reps is not None or row.last_rir is not None:
        last = SetRecord(set_type=SetType(row.set_type), load_kg=row.last_load_kg, reps=row.last_reps, rir=row.last_rir)
    return PlannedSet(planned=planned, reps_low=row.reps_low, last=last, id=row.id)


def _values(plan: PlannedSet) -> dict[str, Any]:
    target, last = plan.planned, plan.last
    scale = target.effort_scale
    return {
        "set_type": target.set_type.value,
        "load_kg": target.load_kg,
        "reps": target.reps,
        "reps_low": plan.reps_low,
        "rir": target.rir,
        "effort_scale": scale.value if scale is not None and target.rir is not None else None,
        "duration_s": target.duration_s,
        "distance_m": target.distance_m,
        "last_load_kg": last.load_kg if last else None,
        "last_reps": last.reps if last else None,
        "last_rir": last.rir if last else None,
    }


def insert_plan(entry_id: int, position: int, plan: PlannedSet) -> PlannedSet:
    """One plan row (keeping the id it carries); the caller holds the transaction and makes room at `position`."""
    row = PlannedSetRow.create(id=plan.id, entry=entry_id, position=position, **_values(plan))
    return plan.replace(id=row.id)


def plans_of(entry_ids: Iterable[int]) -> dict[int, tuple[PlannedSet, ...]]:
    """The plans of these entries, in order, by entry."""
    found: dict[int, list[PlannedSet]] = {}
    ids = list(entry_ids)
    for start in range(0, len(ids), 500):
        query = (
            PlannedSetRow.select()
            .where(PlannedSetRow.entry.in_(ids[start : start + 500]))
            .order_by(PlannedSetRow.entry, PlannedSetRow.position)
        )
        for row in query:
            found.setdefault(row.entry_id, []).append(to_plan(row))
    return {entry: tuple(plans) for entry, plans in found.items()}


def plan_change(entry_id: int) -> Change:
    return Change(entries=frozenset({entry_id}))


def shift_plans(entry_id: int, start: int, delta: int) -> None:
    shift_positions(PlannedSetRow, PlannedSetRow.entry == entry_id, start, delta)


def shift_positions(model: type[Any], parent: Any, start: int, delta: int) -> None:
    """Move the rows of one parent (sets, plans or exercises) from `start` on by `delta` places."""
    model.update(position=model.position + delta).where(parent & (model.position >= start)).execute()


def replace_plans(entry_id: int, plans: tuple[PlannedSet, ...]) -> tuple[tuple[PlannedSet, ...], Change]:
    """Put `plans` in place of all the exercise's plans, in one transaction (keeping ids they carry)."""
    with db.atomic():
        PlannedSetRow.delete().where(PlannedSetRow.entry == entry_id).execute()
        stored = tuple(insert_plan(entry_id, index, plan) for index, plan in enumerate(plans))
    return stored, plan_change(entry_id)


def plan_place(plan_id: int) -> tuple[int, int]:
    """(entry, position) of a plan."""
    row = PlannedSetRow.get_by_id(plan_id)
    return int(row.entry_id), int(row.position)


def add_plan(entry_id: int, plan: PlannedSet, position: int) -> tuple[PlannedSet, Change]:
    with db.atomic():
        shift_plans(entry_id, position, 1)
        stored = insert_plan(entry_id, position, plan)
    return stored, plan_change(entry_id)


def delete_plan(plan_id: int) -> Change:
    """The lifter drops a planned set (it was never a set: nothing else changes)."""
    with db.atomic():
        row = PlannedSetRow.get_by_id(plan_id)
        row.delete_instance()
        shift_plans(row.entry_id, row.position, -1)
    return plan_change(row.entry_id)
