# SPDX-License-Identifier: MIT
"""What every importer shares: options, problems, the parsed result, and the Importer interface.

An importer turns a file's text into domain Sessions (exercises named, not yet resolved) and a list of problems,
each with its line. It never touches the database.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import ClassVar

from journal.domain.records import Session, SetType
from journal.domain.routines import Routine
from journal.domain.units import Unit

Progress = Callable[[int, int], None]  # (lines read, lines in all); may raise ImportCancelled


def no_progress(done: int, total: int) -> None:
    """The default progress callback: nobody is watching."""


MESSAGE_CHARS = 300  # a message quotes at most about 200 characters of a bad value


def clip(text: str, limit: int = MESSAGE_CHARS) -> str:
    """A message kept short whatever value it quotes: the middle of a longer one is left out."""
    if len(text) <= limit:
        return text
    cut = len(text) - limit
    return f"{text[: limit * 2 // 3]}… ({cut:,} characters left out) …{text[-(limit // 3) :]}"


class ImportCancelled(Exception):
    """Raised from a progress callback to stop an import; nothing is written."""


@dataclass(frozen=True)
class Problem:
    """Something found at a line of the file (0: the file as a whole). Fatal problems block the import."""

    line: int
    message: str
    fatal: bool = True
    row: bool = False  # a refusal of the row at `line` alone: the rest of the file can come in without it

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", clip(self.message))

    def describe(self, filename: str, warning: bool = False) -> str:
        """FILE:LINE: reason (a problem of the file as a whole names its first line; a warning of no one line, such
        as an unlikely load found once the sessions are read, names none)."""
        if warning and not self.line:
            return f"{filename}: warning: {self.message}"
        return f"{filename}:{max(self.line, 1)}: {'warning: ' if warning else ''}{self.message}"


class ImportFailed(Exception):
    """The file cannot be imported at all; the problem says where and why."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(clip(message))
        self.problem = Problem(line, message)


def units_not_stated() -> ImportFailed:
    """The refusal when a file does not say its load unit and the lifter has not chosen one."""
    return ImportFailed(
        0,
        "the file does not say whether loads are in kg or lb: choose the unit "
        "(on the command line: --units kg or --units lb)",
    )


@dataclass(frozen=True)
class ImportOptions:
    units: Unit | None = None  # the load unit, for files that do not say (None: the file must say)
    effort_from_notes: bool = True  # take "@8" or "RIR 2" written in a set's note as its effort
    mapping: dict[str, str] | None = None  # column mapping for the generic CSV importer
    columns_by_position: bool = False  # the lifter confirmed Strong's columns as guessed by position and content

    def __post_init__(self) -> None:
        if self.units is not None:  # from a combo box or the command line this may arrive as plain text
            object.__setattr__(self, "units", Unit(self.units))


@dataclass
class ParsedImport:
    """An importer's result, shown in the preview before anything is written."""

    format: str
    sessions: list[Session]
    problems: list[Problem] = field(default_factory=list)
    units: Unit | None = None  # the unit the loads were read in
    units_stated: bool = True  # the file says its unit (else the lifter chose it)
    rows: int = 0
    effort_from_notes: int = 0  # sets whose RIR or RPE came from their note
    routines: list[Routine] = field(default_factory=list)  # routines the file carries (Journal CSV), names unresolved
    left: list[int] = field(default_factory=list)  # the lines of the rows left out (see without_left_out)

    @property
    def fatal(self) -> list[Problem]:
        return [p for p in self.problems if p.fatal]

    @property
    def left_out(self) -> list[Problem]:
        """The refused rows, which can be left out so that the rest comes in (see skippable)."""
        return [p for p in self.problems if p.fatal and p.row]

    @property
    def skippable(self) -> bool:
        """Whether every refusal is of one row, so that everything else can be imported without those rows: not
        when a refusal concerns the file as a whole, nor when reading stopped at too many of them."""
        return bool(self.fatal) and all(p.row for p in self.fatal)

    def without_left_out(self) -> ParsedImport:
        """The import with its refused rows left out (they are not in its sessions): they stay listed, no longer
        fatal, so the report names every one."""
        problems = [
            replace(p, message=f"left out: {p.message}", fatal=False) if p.fatal and p.row else p for p in self.problems
        ]
        return replace(self, problems=problems, left=[p.line for p in self.left_out])

    @property
    def set_count(self) -> int:
        return sum(s.set_count for s in self.sessions)

    @property
    def date_range(self) -> tuple[datetime, datetime] | None:
        if not self.sessions:
            return None
        starts = [s.start for s in self.sessions]
        return min(starts), max(starts)

    def set_types(self) -> Counter[SetType]:
        return Counter(r.set_type for s in self.sessions for e in s.entries for r in e.sets)

    def effort_counts(self) -> Counter[str]:
        """How the sets' effort was recorded: 'rir', 'rpe' or 'none'."""
        return Counter(
            r.effort_scale.value if r.effort_scale and r.rir is not None else "none"
            for s in self.sessions
            for e in s.entries
            for r in e.sets
        )

    def exercise_names(self) -> Counter[str]:
        """Each distinct exercise name in the file, with how many sets it has."""
        names: Counter[str] = Counter()
        for session in self.sessions:
            for entry in session.entries:
                names[entry.exercise.name] += max(1, len(entry.sets))
        for routine in self.routines:  # a name only planned is still mapped
            for item in routine.items:
                names[item.exercise.name] += 0
        return names


class Importer(ABC):
    name: ClassVar[str]  # as given to `journal import --format`
    label: ClassVar[str]  # as shown to the lifter
    suffixes: ClassVar[tuple[str, ...]] = (".csv",)
    needs_units: ClassVar[bool] = False  # True when some files of this format do not say their unit

    @classmethod
    @abstractmethod
    def sniff(cls, header: list[str]) -> bool:
        """Whether a file whose first record is `header` is of this format."""

    @abstractmethod
    def read(self, text: str, options: ImportOptions, progress: Progress = no_progress) -> ParsedImport:
        """Sessions and problems from the whole text of a file. Raises ImportFailed when nothing can be read."""


MAX_PROBLEMS = 100


class Recorder:
    """Reading row by row: `with recorder:` around one row turns a refusal into a problem of the file and reading
    goes on, so the preview lists every problem with its line (the import stays blocked while any is fatal);
    `enough` turns true once too many problems show the file is not what it seems. A class, not a generator, as
    it wraps each of 100,000 rows."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.enough = False

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> bool:
        if not isinstance(error, ImportFailed):
            return False
        self.failed(error)
        return True

    def failed(self, error: ImportFailed) -> bool:
        """Keep the refusal of a row as a problem of the file; True once there are enough (see `enough`). For a
        reader whose rows are so many that it catches the refusal itself (`except ImportFailed`, which costs
        nothing while no row is refused) rather than entering and leaving the recorder at every row."""
        self.problems.append(replace(error.problem, row=True) if error.problem.line > 0 else error.problem)
        self.enough = too_many(self.problems)
        return self.enough


def too_many(problems: list[Problem]) -> bool:
    """Whether to stop reading: enough problems found to show the file is not what it seems."""
    if sum(p.fatal for p in problems) < MAX_PROBLEMS:
        return False
    problems.append(Problem(0, f"reading stopped after {MAX_PROBLEMS} problems"))
    return True
