# SPDX-License-Identifier: MIT
"""Weekly volume: tonnage above, working and hard sets below, on one date axis; under them, when the range holds
any, the conditioning done (time under load, distance), which counts in neither."""

from __future__ import annotations

import time
from typing import Any

import numpy as np
from numpy.typing import NDArray

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from journal.charts.base import DAY, Chart, week_bars
from journal.charts.key import KeyEntry
from journal.charts.lines import FittedLine
from journal.charts.style import ESTIMATE, HARD, TONNAGE, WORKING, Bars, pale, pale_on_background, palette_colours
from journal.domain.review import week_caption, week_label, week_of_seconds
from journal.domain.units import format_distance, format_duration


class VolumeChart(Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.top = self.add_plot(0, 0, "Tonnage")
        self.key = self.add_key(1, 0)
        self.bottom = self.add_plot(2, 0, "Sets per week")
        self.bottom.setXLink(self.top)
        self.conditioning_key = self.add_key(3, 0)  # a line of text: time under load and distance in the range
        self.top.getAxis("bottom").setStyle(showValues=False)
        self.tonnage_bars = Bars(x=[], height=[], width=1, brush=TONNAGE, pen=None, name="Tonnage")
        self.working_bars = Bars(x=[], height=[], width=1, brush=WORKING, pen=None)
        self.hard_bars = Bars(x=[], height=[], width=1, brush=HARD, pen=None)
        self.top.addItem(self.tonnage_bars)
        self.bottom.addItem(self.working_bars)
        self.bottom.addItem(self.hard_bars)
        self.outline_top = Bars(x=[], height=[], width=1, brush=None)
        self.outline_bottom = Bars(x=[], height=[], width=1, brush=None)
        self.top.addItem(self.outline_top)
        self.bottom.addItem(self.outline_bottom)
        self.estimated = FittedLine(  # a 2-pixel dashed line antialiased takes 30 ms a paint over 10 years
            pen=pg.mkPen(ESTIMATE, width=2, style=Qt.PenStyle.DashLine),
            symbol="o",
            symbolSize=5,
            symbolBrush=None,
            symbolPen=pg.mkPen(ESTIMATE),
            antialias=False,
        )
        self.bottom.addItem(self.estimated)
        self.hard_estimated: NDArray[np.float64] | None = None
        self.part_week = False
        self.nothing = True
        self.weeks = np.empty(0)
        self.values: tuple[NDArray[np.float64], ...] = ()
        self.unit = "kg"
        self.sets_label = "Hard sets"
        self.conditioning: tuple[NDArray[np.float64], NDArray[np.float64]] | None = None

    def set_series(
        self,
        week_seconds: NDArray[np.float64],
        tonnage: NDArray[np.float64],
        working: NDArray[np.float64],
        hard: NDArray[np.float64],
        unit: str,
        sets_label: str = "Hard sets",
        empty: str = "No working sets in this range",
        now: float | None = None,
    ) -> None:
        """Bars for each week (Monday in POSIX seconds): tonnage in `unit`, working and hard sets (hard sets may be
        fractional per muscle). The week that holds `now` (the current time by default) is not over yet: its bars
        are drawn paler, so that a part week does not read as a drop."""
        self.weeks, self.values, self.unit, self.sets_label = week_seconds, (tonnage, working, hard), unit, sets_label
        self.set_conditioning(None)
        x, width = week_bars(week_seconds)
        now = time.time() if now is None else now
        self.part_week = bool(len(week_seconds)) and week_seconds[-1] + 7 * DAY > now
        for bars, colour, height, share in (
            (self.tonnage_bars, TONNAGE, tonnage, 1.0),
            (self.working_bars, WORKING, working, 1.0),
            (self.hard_bars, HARD, hard, 0.6),
        ):
            brushes = [pg.mkBrush(colour)] * len(week_seconds)
            if self.part_week:
                brushes[-1] = pg.mkBrush(pale(colour))
            bars.setOpts(x=x, height=height, width=width * share, brushes=brushes)
        self.top.setLabel("left", f"Tonnage ({unit})")
        self.bottom.setLabel("left", sets_label if not working.any() else "Sets per week")
        nothing = not (len(week_seconds) and (working.any() or hard.any() or tonnage.any()))
        self.nothing = nothing
        self.key.set_entries(
            []
            if nothing
            else [KeyEntry("bar", WORKING, "Working sets"), KeyEntry("bar", HARD, sets_label)]
            + (
                [KeyEntry("dash", ESTIMATE, "Hard sets with estimated RIR (≈)")]
                if self.hard_estimated is not None
                else []
            )
            + (
                [KeyEntry("bar", pale_on_background(HARD), "This week so far")]
                if self.part_week and (working[-1] or tonnage[-1])
                else []
            )
        )
        for plot in (self.top, self.bottom):
            plot.enableAutoRange(axis="y")
        if not nothing:  # from the first week with sets: a few weeks of sets are not lost in a long range
            first = int(np.flatnonzero((working > 0) | (hard > 0) | (tonnage > 0))[0])
            self.show_days(self.top, float(week_seconds[first]), float(week_seconds[-1]) + 7 * DAY)
        self.message(self.top, empty if nothing else "")
        self.message(self.bottom, " " if nothing else "")
        self._table = lambda: (
            ["week", f"tonnage_{unit}", "working_sets", sets_label.lower().replace(" ", "_")],
            [
                (week_label(week_of_seconds(s)), round(float(t), 1), float(w), float(h))
                for s, t, w, h in zip(week_seconds, tonnage, working, hard, strict=True)
            ],
        )

    def set_estimates(self, hard: NDArray[np.float64] | None, note: str = "") -> None:
        """Hard sets per week counting the estimated RIR of unrated sets, drawn apart (dashed, hollow points) over
        the logged bars; None draws none. `note` (the estimate's accuracy) is the plot's title."""
        if self.nothing:
            hard, note = None, ""
        self.hard_estimated = hard
        entries = [e for e in self.key.entries if e.mark != "dash"]
        if hard is not None:
            entries.insert(2, KeyEntry("dash", ESTIMATE, "Hard sets with estimated RIR (≈)"))
        self.key.set_entries(entries)
        if hard is None or not len(self.weeks):
            self.estimated.setData([], [])
        else:
            x, _ = week_bars(self.weeks)
            trained = self.values[1] > 0 if self.values else np.ones(len(hard), dtype=bool)
            self.estimated.setData(x, np.where(trained, hard, np.nan), connect="finite")  # not over empty weeks
        self.bottom.setTitle(note or None, size="9pt")
        table = self._table
        if hard is not None and len(hard) == len(self.weeks):

            def with_estimates() -> tuple[list[str], list[object]]:
                header, rows = table()
                return (
                    [*header, "hard_sets_with_estimates"],
                    [(*row, round(float(h), 3)) for row, h in zip(rows, hard, strict=True)],
                )

            self._table = with_estimates  # type: ignore[assignment]

    def set_conditioning(self, conditioning: tuple[NDArray[np.float64], NDArray[np.float64]] | None) -> None:
        """Time under load (s) and distance (m) per week of the bars (None, or all zero: none), told in a line
        under the plots and in each week's tooltip: figures of their own, never in tonnage or sets."""
        if conditioning is not None and (
            len(conditioning[0]) != len(self.weeks) or not any(v.any() for v in conditioning)
        ):
            conditioning = None
        self.conditioning = conditioning
        if conditioning is None:
            self.conditioning_key.set_entries([])
            return
        total = self._conditioning_text(float(conditioning[0].sum()), float(conditioning[1].sum()))
        self.conditioning_key.set_text(f"Conditioning in this range: {total} (not in tonnage or sets)")
        table = self._table

        def with_conditioning() -> tuple[list[str], list[object]]:
            header, rows = table()
            return (
                [*header, "time_under_load_s", "distance_m"],
                [
                    (*row, round(float(t), 1), round(float(d), 1))
                    for row, t, d in zip(rows, conditioning[0], conditioning[1], strict=True)
                ],
            )

        self._table = with_conditioning  # type: ignore[assignment]

    @staticmethod
    def _conditioning_text(time_s: float, distance_m: float) -> str:
        parts = ([f"{format_duration(time_s)} under load"] if time_s else []) + (
            [format_distance(distance_m)] if distance_m else []
        )
        return " · ".join(parts)

    def highlight(self, set_ids: Any, session_ids: Any, weeks: Any) -> None:
        """The weeks of the sessions behind an insight, outlined in both plots."""
        chosen = np.isin(self.weeks, weeks) if len(self.weeks) and len(weeks) else np.zeros(len(self.weeks), bool)
        x, width = week_bars(self.weeks[chosen])
        pen = pg.mkPen(palette_colours()[1], width=2)
        empty = np.zeros(len(self.weeks))
        for outline, values in (
            (self.outline_top, self.values[0] if self.values else empty),
            (self.outline_bottom, self.values[1] if self.values else empty),
        ):
            heights = np.asarray(values, dtype=np.float64)[chosen]
            outline.setOpts(x=x, height=heights, width=width, pen=pen, brush=None)

    def week_centres(self) -> tuple[NDArray[np.float64], float]:
        """The bars' centres (mid-week, POSIX seconds) and width."""
        x, width = week_bars(self.weeks)
        return np.asarray(x, dtype=np.float64), float(width)

    def describe(self, plot: pg.PlotItem, x: float, y: float) -> str | None:
        if not len(self.weeks):
            return None
        index = int(np.searchsorted(self.weeks, x, side="right")) - 1
        if index < 0 or x > self.weeks[index] + 7 * DAY:
            return None
        tonnage, working, hard = (float(v[index]) for v in self.values)
        week = week_caption(week_of_seconds(self.weeks[index]))
        if self.part_week and index == len(self.weeks) - 1:
            week += " (so far)"
        estimated = (
            ""
            if self.hard_estimated is None or index >= len(self.hard_estimated)
            else f"\nWith estimated RIR ≈ {float(self.hard_estimated[index]):g}"
        )
        conditioning = ""
        if self.conditioning is not None:
            text = self._conditioning_text(*(float(v[index]) for v in self.conditioning))
            conditioning = f"\nConditioning {text}" if text else ""
        return (
            f"{week}\nTonnage {tonnage:,.0f} {self.unit}\nWorking sets {working:g}\n"
            f"{self.sets_label} {hard:g}{estimated}{conditioning}"
        )
