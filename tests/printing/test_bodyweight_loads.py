# SPDX-License-Identifier: MIT
"""A bodyweight exercise prints its load as what was moved: "BW + 9 kg", or "BW" with nothing added, never "0 kg";
the sets table shows "BW + 9" (the unit in its header) and edits the number."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt

from journal.domain.effort import EffortScale
from journal.domain.metrics import E1rmFormula
from journal.domain.records import Entry, Exercise, Session, SetRecord
from journal.domain.units import Unit
from journal.printing.sheets import session_sheet
from journal.settings import Preferences
from journal.ui.log.sets_model import SetsTableModel

PULL_UP = Exercise(id=1, name="Pull-up", bodyweight=True)
BENCH = Exercise(id=2, name="Bench Press")


def test_the_session_sheet_prints_bw_and_bw_plus_the_added_load() -> None:
    session = Session(
        start=datetime(2026, 3, 2, 18),
        bodyweight_kg=80.0,
        entries=(
            Entry(
                exercise=PULL_UP,
                sets=(
                    SetRecord(load_kg=9.0, reps=6, id=1),
                    SetRecord(load_kg=0.0, reps=8, id=2),
                    SetRecord(reps=8, id=3),
                ),
            ),
            Entry(exercise=BENCH, sets=(SetRecord(load_kg=100.0, reps=5, id=4),)),
        ),
    )
    html = session_sheet(session, Unit.KG, EffortScale.RIR, 3.0, E1rmFormula.CURVE)
    assert "<td class='num'>BW + 9 kg</td>" in html and html.count("<td class='num'>BW</td>") == 2
    assert "<td class='num'>0</td>" not in html and "<td class='num'>0 kg</td>" not in html
    assert "<td class='num'>100</td>" in html  # other exercises keep the number under "Load (kg)"


def test_the_sets_table_shows_bw_and_edits_the_number(qapp: object, tmp_path: Path) -> None:
    prefs = Preferences(Unit.KG, EffortScale.RIR, 3.0, E1rmFormula.CURVE)
    model = SetsTableModel(PULL_UP, prefs, 80.0, lambda row, old, new: None)
    model.set_sets([SetRecord(id=1, load_kg=9.0, reps=6), SetRecord(id=2, reps=8)])
    load = [c.key for c in model.columns].index("load")
    assert model.data(model.index(0, load)) == "BW + 9"
    assert model.data(model.index(1, load)) == "BW"
    assert model.data(model.index(0, load), Qt.ItemDataRole.EditRole) == "9"
    assert model.data(model.index(1, load), Qt.ItemDataRole.EditRole) == ""
