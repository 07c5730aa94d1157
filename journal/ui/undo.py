# SPDX-License-Identifier: MIT
"""Undoable edits. redo() and undo() call the same storage functions as any edit and emit the same Change.

Rows put back by undo keep their ids, so every command on the stack keeps naming the right rows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from journal.domain.bodyweight import Weighing
from journal.domain.records import Entry, Exercise, PlannedSet, Session, SetRecord
from journal.storage import bodyweight, exercises, plans, topping
from journal.storage import repository as repo
from journal.storage.changes import Change
from journal.storage.database import STORAGE_ERRORS, storage_reason
from journal.ui.service import JournalService

if TYPE_CHECKING:  # the importers and the routines' code are imported when first used, after start-up
    from journal.domain.routines import Routine
    from journal.storage.importing import ImportResult


def _guarded(step: Callable[[Any], None]) -> Callable[[Any], None]:
    """A redo or undo whose write fails (disk full, file locked or read-only) leaves the stack as if it had not
    been asked for: its transaction rolled back, the command is made obsolete (Qt drops it) and the failure told."""

    def run(self: Any) -> None:
        try:
            step(self)
        except STORAGE_ERRORS as error:
            logging.getLogger(__name__).warning("“%s” could not be saved", self.text(), exc_info=True)
            self.setObsolete(True)
            self.service.failed.emit(
                f"“{self.text()}” could not be saved in {self.service.path}: {storage_reason(error)}"
            )

    return run


class _Command(QUndoCommand):
    def __init__(self, service: JournalService, text: str) -> None:
        super().__init__(text)
        self.service = service

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in ("redo", "undo"):
            if name in cls.__dict__:
                setattr(cls, name, _guarded(cls.__dict__[name]))


class AddSession(_Command):
    """Add a session, or put a deleted one back (the same operation with the snapshot)."""

    def __init__(self, service: JournalService, session: Session, text: str = "New session") -> None:
        super().__init__(service, text)
        self.session = session

    def redo(self) -> None:
        self.session, change = repo.add_session(self.session)
        self.service.publish(change)

    def undo(self) -> None:
        assert self.session.id is not None
        self.service.publish(repo.delete_session(self.session.id))


class DeleteSession(_Command):
    def __init__(self, service: JournalService, session_id: int) -> None:
        self.snapshot = repo.get_session(session_id)
        super().__init__(
            service,
            f"Delete session {self.snapshot.title or self.snapshot.start:%Y-%m-%d}"
            if not self.snapshot.title
            else f"Delete session “{self.snapshot.title}”",
        )

    def redo(self) -> None:
        assert self.snapshot.id is not None
        self.service.publish(repo.delete_session(self.snapshot.id))

    def undo(self) -> None:
        _, change = repo.add_session(self.snapshot)
        self.service.publish(change)


class EditSession(_Command):
    """Change session header fields (date, title, bodyweight, notes)."""

    NOTES_ID = 1  # notes typed in bursts merge into one undo step

    def __init__(
        self, service: JournalService, session_id: int, old: dict[str, Any], new: dict[str, Any], text: str
    ) -> None:
        super().__init__(service, text)
        self.session_id, self.old, self.new = session_id, old, new

    def id(self) -> int:
        return self.NOTES_ID if set(self.new) == {"notes"} else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditSession) or other.session_id != self.session_id:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.service.publish(repo.update_session(self.session_id, **self.new))

    def undo(self) -> None:
        self.service.publish(repo.update_session(self.session_id, **self.old))


class CreateExercise(_Command):
    """A new exercise in the catalogue; undone, it leaves the catalogue again (with the same id when redone)."""

    def __init__(self, service: JournalService, name: str) -> None:
        super().__init__(service, f"New exercise “{name}”")
        self.name = name
        self.exercise: Exercise | None = None

    def redo(self) -> None:
        self.exercise, change = exercises.create_exercise(
            self.name, exercise_id=self.exercise.id if self.exercise is not None else None
        )
        self.service.publish(change)

    def undo(self) -> None:
        assert self.exercise is not None and self.exercise.id is not None
        self.service.publish(exercises.delete_exercise(self.exercise.id))


class AddEntry(_Command):
    def __init__(
        self,
        service: JournalService,
        session_id: int,
        entry: Entry,
        position: int | None = None,
        text: str | None = None,
    ) -> None:
        super().__init__(service, text or f"Add {entry.exercise.name}")
        self.session_id, self.entry, self.position = session_id, entry, position

    def redo(self) -> None:
        self.entry, change = repo.add_entry(self.session_id, self.entry, self.position)
        self.service.publish(change)

    def undo(self) -> None:
        assert self.entry.id is not None
        self.service.publish(repo.delete_entry(self.entry.id))


class DeleteEntry(_Command):
    def __init__(self, service: JournalService, entry_id: int) -> None:
        self.entry = repo.get_entry(entry_id)
        self.position = repo.entry_position(entry_id)
        self.session_id = repo.entry_session(entry_id)
        super().__init__(service, f"Remove {self.entry.exercise.name}")

    def redo(self) -> None:
        assert self.entry.id is not None
        self.service.publish(repo.delete_entry(self.entry.id))

    def undo(self) -> None:
        _, change = repo.add_entry(self.session_id, self.entry, self.position)
        self.service.publish(change)


class MoveEntry(_Command):
    def __init__(self, service: JournalService, entry_id: int, position: int) -> None:
        super().__init__(service, "Move exercise")
        self.entry_id, self.new, self.old = entry_id, position, repo.entry_position(entry_id)

    def redo(self) -> None:
        self.service.publish(repo.move_entry(self.entry_id, self.new))

    def undo(self) -> None:
        self.service.publish(repo.move_entry(self.entry_id, self.old))


class SetSupersets(_Command):
    """Exercises put in or taken out of a superset at once (entry id -> group number, None: on its own)."""

    def __init__(
        self, service: JournalService, old: dict[int, int | None], new: dict[int, int | None], text: str
    ) -> None:
        super().__init__(service, text)
        self.old, self.new = old, new

    def redo(self) -> None:
        self.service.publish(repo.set_supersets(self.new))

    def undo(self) -> None:
        self.service.publish(repo.set_supersets(self.old))


class EditEntryNote(_Command):
    def __init__(self, service: JournalService, entry_id: int, old: str, new: str) -> None:
        super().__init__(service, "Edit exercise note")
        self.entry_id, self.old, self.new = entry_id, old, new

    def redo(self) -> None:
        self.service.publish(repo.update_entry_note(self.entry_id, self.new))

    def undo(self) -> None:
        self.service.publish(repo.update_entry_note(self.entry_id, self.old))


class FillEntry(_Command):
    """Replace an exercise's planned sets at once ("as last time"); the sets done stay as they are."""

    def __init__(self, service: JournalService, entry_id: int, plans: tuple[PlannedSet, ...], text: str) -> None:
        super().__init__(service, text)
        self.entry_id = entry_id
        self.old = repo.get_entry(entry_id).plans
        self.new = tuple(plan.replace(id=None) for plan in plans)

    def redo(self) -> None:
        self.new, change = plans.replace_plans(self.entry_id, self.new)
        self.service.publish(change)

    def undo(self) -> None:
        self.old, change = plans.replace_plans(self.entry_id, self.old)
        self.service.publish(change)


class ConfirmPlan(_Command):
    """A planned set done: one step that stores the set and removes the plan; undone, the plan is back."""

    def __init__(self, service: JournalService, plan: PlannedSet, record: SetRecord) -> None:
        super().__init__(service, "Log planned set")
        assert plan.id is not None
        self.plan, self.record = plan, record.replace(id=None)
        self.position = plans.plan_place(plan.id)[1]

    def redo(self) -> None:
        assert self.plan.id is not None
        self.record, change = repo.confirm_plan(self.plan.id, self.record)
        self.service.publish(change)

    def undo(self) -> None:
        assert self.record.id is not None
        self.service.publish(repo.unconfirm_plan(self.record.id, self.plan, self.position))


class DeletePlan(_Command):
    def __init__(self, service: JournalService, plan: PlannedSet) -> None:
        super().__init__(service, "Delete planned set")
        assert plan.id is not None
        self.plan = plan
        self.entry_id, self.position = plans.plan_place(plan.id)

    def redo(self) -> None:
        assert self.plan.id is not None
        self.service.publish(plans.delete_plan(self.plan.id))

    def undo(self) -> None:
        _, change = plans.add_plan(self.entry_id, self.plan, self.position)
        self.service.publish(change)


class AddSet(_Command):
    def __init__(
        self,
        service: JournalService,
        entry_id: int,
        record: SetRecord,
        position: int | None = None,
        text: str = "Add set",
    ) -> None:
        super().__init__(service, text)
        self.entry_id, self.record, self.position = entry_id, record, position

    def redo(self) -> None:
        self.record, change = repo.add_set(self.entry_id, self.record, self.position)
        self.service.publish(change)

    def undo(self) -> None:
        assert self.record.id is not None
        self.service.publish(repo.delete_set(self.record.id))


class DeleteSet(_Command):
    def __init__(self, service: JournalService, record: SetRecord) -> None:
        super().__init__(service, "Delete set")
        assert record.id is not None
        self.record = record
        self.entry_id = repo.set_entry(record.id)
        self.position = repo.set_position(record.id)

    def redo(self) -> None:
        assert self.record.id is not None
        self.service.publish(repo.delete_set(self.record.id))

    def undo(self) -> None:
        _, change = repo.add_set(self.entry_id, self.record, self.position)
        self.service.publish(change)


class EditSet(_Command):
    def __init__(self, service: JournalService, old: SetRecord, new: SetRecord, text: str = "Edit set") -> None:
        super().__init__(service, text)
        self.old, self.new = old, new

    def redo(self) -> None:
        assert self.new.id is not None
        self.service.publish(repo.update_set(self.new.id, self.new))

    def undo(self) -> None:
        assert self.old.id is not None
        self.service.publish(repo.update_set(self.old.id, self.old))


class MoveSet(_Command):
    def __init__(self, service: JournalService, set_id: int, position: int) -> None:
        super().__init__(service, "Move set")
        self.set_id, self.new, self.old = set_id, position, repo.set_position(set_id)

    def redo(self) -> None:
        self.service.publish(repo.move_set(self.set_id, self.new))

    def undo(self) -> None:
        self.service.publish(repo.move_set(self.set_id, self.old))


class ImportSessions(_Command):
    """An import, already written in the background: undo removes exactly the sessions it added, and the sets it
    added to days already imported."""

    def __init__(self, service: JournalService, result: ImportResult, text: str) -> None:
        super().__init__(service, text)
        self.sessions, self.session_ids, self.resolved = result.added, result.session_ids, result.resolved
        self.topped, self.routines = result.topped, result.routines
        self._written = True

    def redo(self) -> None:
        if self._written:  # the first redo comes with push(): the import is already in the file
            self._written = False
            return
        from journal.storage import routines
        from journal.storage.bulk import insert_sessions

        result = insert_sessions(self.sessions, resolved=self.resolved)
        self.session_ids = result.session_ids
        change = result.change | topping.put_back(self.topped)
        for routine in self.routines:  # the same routines again, with their ids
            change |= routines.save_routine(routine)[1]
        self.service.publish(change)

    def undo(self) -> None:
        from journal.storage import routines

        change = repo.delete_sessions(self.session_ids) | topping.take_out(self.topped)
        for routine in self.routines:
            assert routine.id is not None
            change |= routines.delete_routine(routine.id)
        self.service.publish(change)


class EditRoutine(_Command):
    """Any change to routines: the routine before (None: it is new) and after (None: it is deleted)."""

    def __init__(self, service: JournalService, before: Routine | None, after: Routine | None, text: str) -> None:
        super().__init__(service, text)
        self.before, self.after = before, after
        self.unlinked: tuple[int, ...] = ()  # sessions started from a deleted routine, linked again on undo

    def _change(self, gone: Routine | None, wanted: Routine | None) -> Routine | None:
        """Make `wanted` the stored routine (ids kept), or delete `gone` when nothing is wanted."""
        from journal.storage import routines  # the routines' code is imported when first used, after start-up

        if wanted is None:
            assert gone is not None and gone.id is not None
            self.unlinked = routines.sessions_of(gone.id)
            self.service.publish(routines.delete_routine(gone.id))
            return None
        stored, change = routines.save_routine(wanted, self.unlinked)
        self.unlinked = ()
        self.service.publish(change)
        return stored

    def redo(self) -> None:
        self.after = self._change(self.before, self.after)

    def undo(self) -> None:
        self.before = self._change(self.after, self.before)


class EditExercise(_Command):
    """An exercise's name, aliases, muscles, equipment, mechanic or bodyweight flag edited in the library."""

    def __init__(self, service: JournalService, before: Exercise, after: Exercise) -> None:
        super().__init__(service, f"Edit exercise “{after.name}”")
        self.before, self.after = before, after

    def redo(self) -> None:
        self.service.publish(exercises.update_exercise(self.after))

    def undo(self) -> None:
        self.service.publish(exercises.update_exercise(self.before))


class MergeExercises(_Command):
    """One exercise merged into another: every set, plan, routine item and alias moved, in one step."""

    def __init__(self, service: JournalService, gone: Exercise, kept: Exercise) -> None:
        super().__init__(service, f"Merge “{gone.name}” into “{kept.name}”")
        assert gone.id is not None and kept.id is not None
        self.gone_id, self.kept_id = gone.id, kept.id
        self.merged: exercises.Merged | None = None

    def redo(self) -> None:
        self.merged, change = exercises.merge_exercises(self.gone_id, self.kept_id)
        self.service.publish(change)

    def undo(self) -> None:
        assert self.merged is not None
        self.service.publish(exercises.unmerge_exercises(self.merged))


class AddWeighing(_Command):
    """A bodyweight typed in the log (in place of the one typed for that day, which undo puts back)."""

    def __init__(self, service: JournalService, day: date, kg: float) -> None:
        super().__init__(service, f"Bodyweight on {day:%d %b %Y}")
        self.day, self.kg = day, kg
        self.before = next((w for w in bodyweight.weighings() if w.day == day and w.source == "manual"), None)
        self.entry: int | None = None

    def redo(self) -> None:
        weighing, change = bodyweight.add_weighing(self.day, self.kg, entry=self.entry)
        self.entry = weighing.entry
        self.service.publish(change)

    def undo(self) -> None:
        assert self.entry is not None
        change = bodyweight.delete_weighing(self.entry)
        if self.before is not None:
            change = change | bodyweight.add_weighing(self.before.day, self.before.kg, entry=self.before.entry)[1]
        self.service.publish(change)


class DeleteWeighing(_Command):
    def __init__(self, service: JournalService, weighing: Weighing) -> None:
        super().__init__(service, f"Delete the bodyweight of {weighing.day:%d %b %Y}")
        self.weighing = weighing

    def redo(self) -> None:
        assert self.weighing.entry is not None
        self.service.publish(bodyweight.delete_weighing(self.weighing.entry))

    def undo(self) -> None:
        w = self.weighing
        self.service.publish(bodyweight.add_weighing(w.day, w.kg, w.note, entry=w.entry)[1])


class ImportWeighings(_Command):
    """The weights of a bodyweight file into the log (a backup taken first); undone, those added leave again."""

    def __init__(self, service: JournalService, weights: list[tuple[date, float]], source: str, text: str) -> None:
        super().__init__(service, text)
        self.weights, self.source = weights, source
        self.added: list[int] = []

    def redo(self) -> None:
        keep = self.service.preferences.backups_keep
        self.added = bodyweight.import_weighings(self.weights, self.source, self.service.path, keep)
        self.service.publish(Change(bodyweight=True))

    def undo(self) -> None:
        self.service.publish(bodyweight.delete_weighings(self.added))
