# SPDX-License-Identifier: MIT
"""A set at RIR 0 from its set type says so in the effort cell's tooltip, and a rating typed over it is a rating."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.domain.effort import EffortScale
from journal.domain.metrics import E1rmFormula
from journal.domain.records import Exercise, RirOrigin, SetRecord, SetType
from journal.domain.units import Unit
from journal.settings import Preferences
from journal.ui.log.sets_model import SetsTableModel

PREFS = Preferences(Unit.KG, EffortScale.RIR, 3.0, E1rmFormula.CURVE)


def test_the_effort_cell_names_the_origin_and_a_typed_rating_replaces_it(qapp: object) -> None:
    commits: list[SetRecord] = []
    model = SetsTableModel(Exercise(id=1, name="Bench Press"), PREFS, None, lambda row, old, new: commits.append(new))
    marked = SetRecord(
        id=5,
        set_type=SetType.FAILURE,
        load_kg=100,
        reps=4,
        rir=0.0,
        effort_scale=EffortScale.RIR,
        rir_origin=RirOrigin.SET_TYPE,
    )
    model.set_sets([marked, SetRecord(id=6, load_kg=100, reps=5, rir=0.0, effort_scale=EffortScale.RIR)])
    effort = [c.key for c in model.columns].index("effort")
    assert model.data(model.index(0, effort)) == "0"
    assert "from set type" in model.data(model.index(0, effort), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, effort), Qt.ItemDataRole.ToolTipRole) is None  # a rating of 0 is a rating
    assert model.setData(model.index(0, effort), "1")
    assert commits[-1].rir == 1.0 and commits[-1].rir_origin is None


def test_another_set_type_takes_the_rir_from_the_set_type_away(qapp: object) -> None:
    commits: list[SetRecord] = []
    model = SetsTableModel(Exercise(id=1, name="Bench Press"), PREFS, None, lambda row, old, new: commits.append(new))
    model.set_sets(
        [
            SetRecord(
                id=5,
                set_type=SetType.FAILURE,
                load_kg=100,
                reps=4,
                rir=0.0,
                effort_scale=EffortScale.RIR,
                rir_origin=RirOrigin.SET_TYPE,
            ),
            SetRecord(id=6, set_type=SetType.FAILURE, load_kg=100, reps=4, rir=0.0, effort_scale=EffortScale.RIR),
        ]
    )
    kind = [c.key for c in model.columns].index("set_type")
    assert model.setData(model.index(0, kind), "N")
    assert (commits[-1].set_type, commits[-1].rir, commits[-1].rir_origin) == (SetType.WORKING, None, None)
    assert model.setData(model.index(1, kind), "N")  # a typed rating stays
    assert (commits[-1].set_type, commits[-1].rir) == (SetType.WORKING, 0.0)
