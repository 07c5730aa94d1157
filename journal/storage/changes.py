# SPDX-License-Identifier: MIT
"""What a write changed, so that screens refresh only what it names."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Change:
    sessions: frozenset[int] = frozenset()  # sessions added, removed, or whose header or figures changed
    entries: frozenset[int] = frozenset()  # entries whose sets changed
    structure: frozenset[int] = frozenset()  # sessions whose list of exercises changed (added, removed, moved)
    exercises: bool = False  # the exercise catalogue changed
    everything: bool = False  # a new file, an import: reload all
    routines: bool = False  # a routine was added, changed or removed
    added: frozenset[int] = frozenset()  # sessions that came to be (new, or back through undo); also in `sessions`
    bodyweight: bool = False  # the bodyweight log changed

    def __or__(self, other: Change) -> Change:
        """Both changes: every set of ids joined, every flag set in either."""
        return Change(**{f.name: getattr(self, f.name) | getattr(other, f.name) for f in fields(self)})
