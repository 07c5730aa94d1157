# SPDX-License-Identifier: MIT
"""A workout shared from Strong as text, pasted into Journal: one session.

What Strong's share sheet writes, and what is read:

    Push Day                                   the workout's name
    Wednesday 13 August 2025 at 07:32          when it started (the weekday and "at" are optional)

    Bench Press (Barbell)                      an exercise, then its sets
    W1: 60 kg × 8 [Warm-up]                    W (warm-up), D (drop) or F (failure) and a number, or
    Set 1: 100 kg × 5 @ 8                      Set N: load and unit (kg or lb) × reps, @ RPE
    Set 2: 62,5 kg × 13 [Failure]              decimal commas; [Warm-up], [Drop], [Failure] name the set type
    Set 3: 10 reps                             reps only (a bodyweight exercise)
    Set 4: +20 kg × 8 | Set 4: -20 kg × 8      added to the body, or assistance (a negative load)
    Set 5: 1:30 | Set 5: 5 km | 25:00          a time, a distance (km, m, mi) and a time
    https://link.strong.app/…                  the link at the end is skipped

Any other text in brackets is the set's note. A line that starts like a set and cannot be read, a set before any
exercise, or an exercise without sets is a problem named by its line, and nothing is imported while one remains.
"""

from __future__ import annotations

import re
from datetime import datetime

from journal.domain.effort import EffortScale
from journal.domain.records import SetRecord, SetType, rated_by_set_type
from journal.domain.units import Unit
from journal.io.base import (
    Importer,
    ImportFailed,
    ImportOptions,
    ParsedImport,
    Problem,
    Progress,
    Recorder,
    no_progress,
)
from journal.io.builder import SessionBuilder, checked
from journal.io.fields import duration_text, load_kg, metres, number, rpe_to_rir, unit_word, when, whole

_SET = re.compile(r"(?:set\s*(?P<number>\d+)|(?P<kind>[wdf])\s*(?P<kind_number>\d+)?)\s*:\s*(?P<body>.*)", re.I)
_TAGS = re.compile(r"\s*\[(?P<tag>[^\]]*)\]\s*$")
_RPE = re.compile(r"\s*@\s*(?P<rpe>\d+(?:[.,]\d+)?)\s*$")
_NUMBER = r"\d+(?:[.,]\d+)?"
_LOADED = re.compile(
    rf"(?P<sign>[+\-\u2212])?\s*(?P<load>{_NUMBER})\s*(?P<unit>kgs?|lbs?)\s*[×x*]\s*(?P<reps>\d+)(?:\s*reps?)?", re.I
)
_REPS = re.compile(r"(?P<reps>\d+)\s*reps?", re.I)
_TIME = re.compile(r"(?P<time>\d+(?::\d{1,2}){1,2}|\d+\s*(?:h|min|m|s)(?:\s*\d+\s*(?:min|m|s))*)", re.I)
_DISTANCE = re.compile(rf"(?P<distance>{_NUMBER})\s*(?P<unit>km|mi|m)\b(?:\s*\|\s*(?P<time>.+))?", re.I)
_WEEKDAY = re.compile(r"^[a-z]+day,?\s+", re.I)
_KINDS = {"w": SetType.WARMUP, "d": SetType.DROP, "f": SetType.FAILURE}
_TAG_TYPES = {
    "warm-up": SetType.WARMUP,
    "warmup": SetType.WARMUP,
    "warm up": SetType.WARMUP,
    "drop": SetType.DROP,
    "drop set": SetType.DROP,
    "dropset": SetType.DROP,
    "failure": SetType.FAILURE,
}


def started(text: str, line: int) -> datetime:
    """'Wednesday 13 August 2025 at 07:32' (or without the weekday and 'at', or as exports write dates)."""
    cleaned = _WEEKDAY.sub("", text.strip())
    cleaned = re.sub(r"\s+at\s+", " ", cleaned, flags=re.I)
    try:
        return when(cleaned, line)
    except ImportFailed:
        raise ImportFailed(
            line, f"'{text.strip()}' is not the workout's date, like 'Wednesday 13 August 2025 at 07:32'"
        ) from None


def _looks_like_date(text: str) -> bool:
    try:
        started(text, 0)
    except ImportFailed:
        return False
    return True


def read_set(text: str, line: int) -> SetRecord | None:
    """One set line as a SetRecord; None when the line is no set line at all."""
    match = _SET.fullmatch(text.strip())
    if match is None:
        return None
    set_type = _KINDS.get((match["kind"] or "").lower(), SetType.WORKING)
    body = match["body"].strip()
    notes: list[str] = []
    seconds_tag = False
    while tag := _TAGS.search(body):
        word = tag["tag"].strip()
        body = body[: tag.start()].strip()
        if word.lower() in _TAG_TYPES:
            set_type = _TAG_TYPES[word.lower()]
        elif word.lower() in ("seconds", "secs", "sec", "s"):
            seconds_tag = True
        elif word:
            notes.insert(0, word)
    rir = None
    if found := _RPE.search(body):
        rir = rpe_to_rir(number(found["rpe"], line, "RPE"), line)
        body = body[: found.start()].strip()
    record = SetRecord(set_type=set_type, rir=rir, effort_scale=None if rir is None else EffortScale.RPE)
    if loaded := _LOADED.fullmatch(body):
        unit = unit_word(loaded["unit"], line) or Unit.KG
        value = number(loaded["load"], line, "load") or 0.0
        if loaded["sign"] in ("-", "\u2212"):
            value = -value
        kg = load_kg(value, unit, line, assistance=True)
        count = whole(loaded["reps"], line, "reps")
        if seconds_tag:
            record = record.replace(load_kg=kg, duration_s=float(count or 0) or None)
        else:
            record = record.replace(load_kg=kg, reps=count)
    elif reps := _REPS.fullmatch(body):
        record = record.replace(reps=whole(reps["reps"], line, "reps"))
    elif distance := _DISTANCE.fullmatch(body):
        far = metres(number(distance["distance"], line, "distance"), distance["unit"], line)
        time = duration_text(distance["time"], line) if distance["time"] else None
        record = record.replace(distance_m=far, duration_s=time)
    elif _TIME.fullmatch(body):
        record = record.replace(duration_s=duration_text(body, line))
    else:
        raise ImportFailed(line, f"set '{text.strip()}' is not like 'Set 1: 100 kg × 5', '10 reps' or '1:30'")
    return checked(rated_by_set_type(record.replace(note=" · ".join(notes))), line)


class StrongShareText(Importer):
    """Not detected from a header (the text has none): chosen by Edit → Paste workout or --format strong-text."""

    name = "strong-text"
    label = "Strong workout (shared as text)"
    suffixes = (".txt",)

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        return False

    def read(self, text: str, options: ImportOptions, progress: Progress = no_progress) -> ParsedImport:
        numbered = [(number_, line.strip()) for number_, line in enumerate(text.splitlines(), 1)]
        filled = [(n, line) for n, line in numbered if line]
        if not filled:
            raise ImportFailed(1, "there is no text: copy a workout shared from Strong first")
        if _looks_like_date(filled[0][1]):
            title, (date_line, date_text), rest = "", filled[0], filled[1:]
        elif len(filled) > 1:
            title, (date_line, date_text), rest = filled[0][1], filled[1], filled[2:]
        else:
            raise ImportFailed(filled[0][0], "a shared workout starts with its name and then its date")
        start = started(date_text, date_line)
        builder = SessionBuilder("strong-text")
        key = builder.session(f"{start.isoformat()}|{title}", start, title=title)
        problems: list[Problem] = []
        recorder = Recorder(problems)
        exercise: tuple[int, str] | None = None
        counted: dict[int, int] = {}  # the line of each exercise -> its sets
        units: set[Unit] = set()
        for line, content in rest:
            if content.lower().startswith(("http://", "https://")):
                continue
            if _SET.fullmatch(content) is None:
                exercise = (line, content)
                counted[line] = 0
                builder.entry(key, content, new=True)
                continue
            if exercise is not None:
                counted[exercise[0]] += 1  # a set line, read or refused
            with recorder:
                if exercise is None:
                    raise ImportFailed(line, f"the set '{content}' comes before any exercise")
                record = read_set(content, line)
                assert record is not None
                builder.entry(key, exercise[1]).sets.append(record)
                units.update(u for u in (Unit.LB,) if re.search(r"\blbs?\b", content, re.I))
            if recorder.enough:
                break
        for line, sets in counted.items():
            if not sets:
                name = next(content for n, content in rest if n == line)
                problems.append(Problem(line, f"'{name}' has no sets under it: is it a set Journal does not read?"))
        problems.sort(key=lambda p: p.line)
        parsed = builder.result(
            self.label,
            options.effort_from_notes,
            problems=problems,
            units=Unit.LB if units else Unit.KG,
            rows=sum(counted.values()),  # the set lines
        )
        if not parsed.sessions or not parsed.set_count and not problems:
            raise ImportFailed(date_line, "no exercises were found under the date")
        return parsed
