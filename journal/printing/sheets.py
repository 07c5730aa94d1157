# SPDX-License-Identifier: MIT
"""The printed pages as HTML: a gym sheet to fill in, a logged session, a period report. Every text that came from
the lifter or a file is escaped; black and white, large type."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from journal.domain.effort import EffortScale, display_effort
from journal.domain.metrics import E1rmFormula, e1rm, effective_load, summarize
from journal.domain.plates import BARBELL_EQUIPMENT, PlateKit, load_plates_kg
from journal.domain.records import Entry, Measure, Session, SetRecord
from journal.domain.review import ExerciseSummary
from journal.domain.routines import Routine, RoutineItem, Suggestion
from journal.domain.supersets import heading, labels, together
from journal.domain.units import (
    Unit,
    format_distance,
    format_duration,
    format_load,
    format_mass,
    format_number,
    format_set_load,
)
from journal.domain.validation import NOTE_MAX_CHARS

STYLE = """
<style>
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; color: #000; }
h1 { font-size: 18pt; margin: 0 0 4pt 0; }
h2 { font-size: 12.5pt; margin: 6pt 0 1pt 0; }
p.meta { font-size: 10pt; margin: 0 0 6pt 0; }
p.small { font-size: 9pt; margin: 1pt 0; }
span.why { font-size: 8pt; }
table.sets { border-collapse: collapse; margin-top: 3pt; }
table.sets th { font-size: 9.5pt; font-weight: bold; border: 1px solid #000; padding: 3pt 6pt; background: #ddd; }
table.sets td { border: 1px solid #000; padding: 5pt 8pt; font-size: 11pt; }
td.box { min-width: 60pt; font-size: 12pt; border: 1px solid #000; }
td.setno { font-size: 11pt; border: 1px solid #000; }
td.num { text-align: right; white-space: nowrap; }
th.num { text-align: right; }
th.col { white-space: nowrap; }
th.colnum { white-space: nowrap; text-align: right; }
th.name { font-size: 12.5pt; text-align: left; background: #fff; border: none; padding: 8pt 0 2pt 0; }
th.name span.why { font-size: 9.5pt; font-weight: normal; }
td.type { white-space: nowrap; }
tr.sum td { font-weight: bold; }
</style>
"""


CHART_WIDTH_PT = 500  # fits A4 and Letter inside 10 mm margins


def _e(text: str) -> str:
    """Text as the reader typed it, never markup: escaped, line breaks kept; a note stored before notes were capped
    prints its first NOTE_MAX_CHARS characters (laying out megabytes takes minutes)."""
    if len(text) > NOTE_MAX_CHARS:
        text = text[:NOTE_MAX_CHARS] + f"… ({len(text) - NOTE_MAX_CHARS:,} more characters not printed)"
    return escape(text).replace("\n", "<br/>")


def _effort(rir: float | None, scale: EffortScale) -> str:
    value = display_effort(rir, scale)
    return "" if value is None else format_number(value, 1)


def _set_line(record: SetRecord, unit: Unit, scale: EffortScale, bodyweight: bool = False) -> str:
    reps = record.reps if record.reps is not None else "?"
    if record.reps is None and (record.duration_s is not None or record.distance_m is not None):  # 40 kg 50 m, 1:30
        held = [format_set_load(record.load_kg, unit)] if record.load_kg else []
        if record.distance_m is not None:
            held.append(format_distance(record.distance_m))
        if record.duration_s is not None:
            held.append(format_duration(record.duration_s))
        text = " ".join(held)
    elif bodyweight:  # BW × 8, BW + 9 kg × 8
        text = f"{format_set_load(record.load_kg, unit, True)} × {reps}"
    else:
        text = f"{format_load(record.load_kg, unit) or 'bw'}×{reps}"
    if record.rir is not None:
        text += f" @{_effort(record.rir, scale)}"
    return text


_MEASURED = {  # the boxes of a gym sheet's set besides load and effort, by what the exercise is measured by
    Measure.REPS: ("Reps",),
    Measure.TIME: ("Time",),
    Measure.DISTANCE: ("Distance",),
    Measure.DISTANCE_TIME: ("Distance", "Time"),
}


@dataclass(frozen=True)
class PlannedExercise:
    item: RoutineItem
    suggestion: Suggestion
    last: tuple[SetRecord, ...]
    warmups: tuple[SetRecord, ...] = ()  # planned before the first working set


def _plates(kg: float | None, item: RoutineItem, kit: PlateKit | None) -> str:
    """' (per side: 25 + 15 kg)' after a barbell exercise's load, or the nearest loads when it cannot be made."""
    if kit is None or not kg or item.exercise.equipment not in BARBELL_EQUIPMENT:
        return ""
    text = load_plates_kg(kg, kit).text()
    return f" ({text[0].lower()}{text[1:]})"


def gym_sheet(
    routine: Routine,
    plan: Sequence[PlannedExercise],
    unit: Unit,
    scale: EffortScale,
    day: date | None = None,
    kit: PlateKit | None = None,
) -> str:
    """A sheet to take to the gym: per exercise the target, last time's sets (sets done, never plans: see
    journal.storage.routines.last_sets), the suggested load (with the plates per side of a barbell load from `kit`),
    and empty boxes for load, reps and effort per set (and reps to failure on a calibration set)."""
    effort = "RPE" if scale is EffortScale.RPE else "RIR"
    parts = [
        STYLE,
        f"<h1>{_e(routine.name)}</h1>",
        f"<p class='meta'>Date: {day.isoformat() if day else '______________'} &nbsp;&nbsp; "
        f"Bodyweight: ________ {unit} &nbsp;&nbsp; Loads in {unit}, effort as {effort}</p>",
    ]
    if routine.notes:
        parts.append(f"<p class='small'>{_e(routine.notes)}</p>")
    groups = [p.item.superset for p in plan]
    shown, names = labels(groups), [p.item.exercise.name for p in plan]
    for index in together(groups):
        planned = plan[index]
        item, suggestion = planned.item, planned.suggestion
        group = heading(groups, index, names)
        if group:
            parts.append(f"<h2>{_e(group)}</h2>")
        label = f"{shown[index]} · " if shown[index] else ""
        measure = item.exercise.measure
        target = item.target_text(scale) if measure is Measure.REPS else f"{item.sets} sets"
        parts.append(f"<h2>{label}{_e(item.exercise.name)} — {escape(target)}</h2>")
        load = f"{format_load(suggestion.load_kg, unit)} {unit}" if suggestion.load_kg is not None else "choose"
        load += _plates(suggestion.load_kg, item, kit)
        parts.append(f"<p class='small'><b>Suggested load: {escape(load)}</b>")
        if item.rest_s:
            parts.append(f" &nbsp; Rest {item.rest_s // 60}:{item.rest_s % 60:02d}")
        if planned.last:
            parts.append(
                " &nbsp; Last time: "
                + escape(
                    ", ".join(
                        _set_line(s, unit, scale, item.exercise.bodyweight) for s in planned.last if not s.is_warmup
                    )
                )
            )
        if planned.warmups:
            parts.append(
                "<br/>Warm-up: "
                + escape(
                    " · ".join(
                        f"{format_load(w.load_kg, unit)} {unit} × {w.reps}{_plates(w.load_kg, item, kit)}"
                        for w in planned.warmups
                    )
                )
            )
        parts.append(f"<br/><span class='why'>{escape(suggestion.reason)}</span></p>")
        if item.notes:
            parts.append(f"<p class='small'>{_e(item.notes)}</p>")
        head = ["Set", f"Load ({unit})", *_MEASURED[measure], effort]
        head += ["Reps to failure"] if item.calibration else []
        parts.append(
            "<table class='sets' width='100%' cellpadding='4'><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"
        )
        box = "<td class='box'>&nbsp;</td>"  # classes, not inline styles: Qt drops the border of a styled cell
        for index in range(1, item.sets + 1):
            calibration = item.calibration and index == item.sets
            cells = [f"<td class='setno'>{index}{' (all out)' if calibration else ''}</td>", box]
            cells += [box] * (len(_MEASURED[measure]) + 1)
            if item.calibration:
                cells.append(box if calibration else "<td>—</td>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table>")
    return "".join(parts)


def _sets_table(title: str, figures: str, head: Sequence[tuple[str, str, int]], rows: Iterable[Sequence[str]]) -> str:
    """One exercise's sets. Its name and figures and the column names are the table's head: Qt repeats them on
    every page the table runs onto, so neither a name nor a total ever stays alone at the foot or top of a page.
    `head` gives each column's name, kind of cell ("num" right-aligned, "type", or "") and width in % of the page."""
    parts = [
        f"<table class='sets' width='100%'><thead><tr><th class='name' colspan='{len(head)}'>"
        f"{title} &nbsp; <span class='why'>{figures}</span></th></tr><tr>"
        + "".join(
            f"<th class='{'colnum' if kind == 'num' else 'col'}' width='{width}%'>{name}</th>"
            for name, kind, width in head
        )
        + "</tr></thead>"
    ]
    for cells in rows:
        parts.append(
            "<tr>"
            + "".join(
                f"<td class='{kind}'>{c}</td>" if kind else f"<td>{c}</td>"
                for c, (_, kind, _) in zip(cells, head, strict=True)
            )
            + "</tr>"
        )
    return "".join(parts) + "</table>"


def _timed_rows(sets: Sequence[SetRecord], unit: Unit) -> Iterator[list[str]]:
    """The sets of an exercise measured by time or distance: load, time and distance, no reps or e1RM."""
    number = 0
    for record in sets:
        number += not record.is_warmup
        yield [
            "W" if record.is_warmup else str(number),
            escape(record.set_type.label),
            format_load(record.load_kg, unit),
            "" if record.duration_s is None else format_duration(record.duration_s),
            "" if record.distance_m is None else format_distance(record.distance_m),
            _e(record.note),
        ]


def session_sheet(session: Session, unit: Unit, scale: EffortScale, hard_rir: float, formula: E1rmFormula) -> str:
    """A logged session: every set with its effort and e1RM, and per exercise and for the session the working
    sets, hard sets and tonnage (time and distance for exercises measured so). Sets still planned are listed apart,
    under "Planned, not done", and count in no figure. The exercises of a superset are printed together."""
    effort = "RPE" if scale is EffortScale.RPE else "RIR"
    parts = [STYLE, f"<h1>{_e(session.title or 'Session')}</h1>", f"<p class='meta'>{session.start:%A %d %B %Y, %H:%M}"]
    if session.bodyweight_kg:
        parts.append(f" &nbsp; Bodyweight {format_load(session.bodyweight_kg, unit)} {unit}")
    parts.append("</p>")
    if session.notes:
        parts.append(f"<p class='small'>{_e(session.notes)}</p>")
    total_tonnage, total_working, total_hard = 0.0, 0, 0
    total_time = total_distance = 0.0
    groups = [e.superset for e in session.entries]
    shown, names = labels(groups), [e.exercise.name for e in session.entries]
    body = []
    for index in together(groups):
        entry = session.entries[index]
        figures = summarize(
            entry.sets, entry.exercise.bodyweight, session.bodyweight_kg, hard_rir, formula, entry.exercise.measure
        )
        total_tonnage += figures.tonnage_kg
        total_working += figures.working_sets
        total_hard += figures.hard_sets
        total_time += figures.time_s
        total_distance += figures.distance_m
        group = heading(groups, index, names)
        if group:
            body.append(f"<h2>{_e(group)}</h2>")
        if entry.note:
            body.append(f"<p class='small'>{_e(entry.note)}</p>")
        title = f"{f'{shown[index]} · ' if shown[index] else ''}{_e(entry.exercise.name)}"
        head: tuple[tuple[str, str, int], ...]  # each column's name, kind of cell and width in %
        if entry.exercise.measure is not Measure.REPS:  # its own figure, never tonnage or hard sets
            done = sum(1 for record in entry.sets if not record.is_warmup)
            figure = (
                f"{format_duration(figures.time_s)} under load"
                if entry.exercise.measure is Measure.TIME
                else format_distance(figures.distance_m)
            )
            head = (
                ("Set", "", 5),
                ("Type", "type", 16),
                (f"Load ({unit})", "num", 12),
                ("Time", "num", 12),
                ("Distance", "num", 14),
                ("Note", "", 41),
            )
            body.append(
                _sets_table(
                    title, f"{done} set{'s' if done != 1 else ''} · {figure}", head, _timed_rows(entry.sets, unit)
                )
            )
        else:
            head = (
                ("Set", "", 5),
                ("Type", "type", 16),
                (f"Load ({unit})", "num", 12),
                ("Reps", "num", 7),
                (effort, "num", 7),
                ("To failure", "num", 12),
                (f"e1RM ({unit})", "num", 12),
                ("Note", "", 29),
            )
            best = f" · best e1RM {format_mass(figures.best_e1rm.kg, unit)}" if figures.best_e1rm else ""
            line = (
                f"{figures.working_sets} working sets · {figures.hard_sets} hard (RIR ≤ {format_number(hard_rir, 1)})"
                f" · {format_mass(figures.tonnage_kg, unit)}{best}"
            )
            body.append(_sets_table(title, line, head, _lifted_rows(entry, session, unit, scale, formula)))
        if entry.plans:  # never as sets: a plan left over is not a set done
            body.append(
                f"<p class='small'><i>Planned, not done ({len(entry.plans)}): "
                + escape(", ".join(_set_line(p.planned, unit, scale, entry.exercise.bodyweight) for p in entry.plans))
                + "</i></p>"
            )
    timed = (f" · {format_duration(total_time)} under load" if total_time else "") + (
        f" · {format_distance(total_distance)}" if total_distance else ""
    )
    # the session's figures under its title, where the page starts, not alone on a last page
    parts.append(
        f"<p class='meta'><b>Session: {total_working} working sets · {total_hard} hard · tonnage "
        f"{format_mass(total_tonnage, unit)}{timed}</b></p>"
    )
    return "".join(parts + body)


def _lifted_rows(
    entry: Entry, session: Session, unit: Unit, scale: EffortScale, formula: E1rmFormula
) -> Iterator[list[str]]:
    """The sets of a lifted exercise: load, reps, effort, reps to failure and e1RM."""
    number = 0
    for record in entry.sets:
        number += not record.is_warmup
        load = effective_load(record.load_kg, entry.exercise.bodyweight, session.bodyweight_kg)
        estimate = None if record.is_warmup else e1rm(load, record.reps, record.rir, formula, record.failure_reps)
        yield [
            "W" if record.is_warmup else str(number),
            escape(record.set_type.label),
            format_set_load(record.load_kg, unit, True)
            if entry.exercise.bodyweight
            else format_load(record.load_kg, unit),
            "" if record.reps is None else str(record.reps),
            _effort(record.rir, scale),
            "" if record.failure_reps is None else str(record.failure_reps),
            "" if estimate is None else format_load(estimate.kg, unit, 1) + ("*" if estimate.extrapolated else ""),
            _e(record.note),
        ]


def report(
    title: str,
    period: str,
    rows: Sequence[ExerciseSummary],
    names: dict[int, str],
    unit: Unit,
    scale: EffortScale,
    charts: Sequence[tuple[str, str]],
    chart_width_pt: float = CHART_WIDTH_PT,
) -> str:
    """A period report: per exercise sets, hard sets, tonnage, best e1RM and mean effort with the totals as its
    last row (its head repeated on every page), then the charts (address, caption) drawn into the document at
    `chart_width_pt`, two to a page."""
    effort = "RPE" if scale is EffortScale.RPE else "RIR"
    parts = [
        STYLE,
        f"<h1>{_e(title)}</h1>",
        f"<p class='meta'>{escape(period)}</p>",
        f"<table class='sets' width='100%'><thead><tr><th width='36%'>Exercise</th>"
        f"<th class='num' width='12%'>Working sets</th><th class='num' width='12%'>Hard sets</th>"
        f"<th class='num' width='16%'>Tonnage ({unit})</th><th class='num' width='12%'>Best e1RM ({unit})</th>"
        f"<th class='num' width='12%'>Mean {effort}</th></tr></thead>",
    ]
    if rows:  # the totals first, under the head: never alone on a page of their own
        tonnage = sum(row.tonnage for row in rows)
        parts.append(
            f"<tr class='sum'><td>All {len(rows)} exercises</td><td class='num'>{sum(r.working for r in rows)}</td>"
            f"<td class='num'>{sum(r.hard for r in rows)}</td>"
            f"<td class='num'>{format_mass(tonnage, unit).rsplit(' ', 1)[0]}</td><td></td><td></td></tr>"
        )
    for row in rows:
        mean = "" if row.mean_rir is None else _effort(row.mean_rir, scale)
        parts.append(
            f"<tr><td>{_e(names.get(row.exercise, str(row.exercise)))}</td><td class='num'>{row.working}</td>"
            f"<td class='num'>{row.hard}</td><td class='num'>{format_mass(row.tonnage, unit).rsplit(' ', 1)[0]}"
            f"</td><td class='num'>{'' if row.best_e1rm is None else format_load(row.best_e1rm, unit, 1)}</td>"
            f"<td class='num'>{mean}</td></tr>"
        )
    parts.append("</table>")
    if not rows:
        parts.append("<p>No working sets in this period.</p>")
    for index, (address, caption) in enumerate(charts):
        if index % 2 == 0:
            parts.append("<div style='page-break-before: always'></div>")
        parts.append(f"<h2>{escape(caption)}</h2><p><img src='{address}' width='{chart_width_pt:.0f}'/></p>")
    return "".join(parts)
