# SPDX-License-Identifier: MIT
"""What a write changed, so that screens refresh only what it names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    sessions: frozenset[int] = frozenset()  # sessions added, removed, or whose header or figures changed
    entries: frozenset[int] = frozenset()  # entries whose sets changed
    structure: frozenset[int] = frozenset()  # sessions whose list of exercises changed (added, removed, moved)
    exercises: bool = False  # the exercise catalogue changed
    everything: bool = False  # a new file, an import: reload all
    routines: bool = False  # a routine was added, changed or removed
    added: frozenset[int] = frozenset()  # sessions that came to be (new, or back through undo); also in `sessions`

    def __or__(self, other: Change) -> Change:
        return Change(self.sessions | other.sessions, self.entries | other.entries,
                      self.structure | other.structure, self.exercises or other.exercises,
                      self.everything or other.everything, self.routines or other.routines, self.added | other.added)
