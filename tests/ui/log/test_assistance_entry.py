# SPDX-License-Identifier: MIT
"""Assistance typed in the load cell: -20 or BW-20 on a bodyweight exercise is stored as -20 kg and shown as
BW − 20; on a loaded exercise it is refused with the reason at the cell."""

from __future__ import annotations

from journal.domain.effort import EffortScale
from journal.domain.metrics import E1rmFormula
from journal.domain.records import Exercise, SetRecord
from journal.domain.units import Unit
from journal.settings import Preferences
from journal.ui.log.sets_model import SetsTableModel

PREFS = Preferences(Unit.KG, EffortScale.RIR, 3.0, E1rmFormula.CURVE)
CHIN_UP = Exercise(id=1, name="Assisted Chin-up", bodyweight=True)


def _model(exercise: Exercise, bodyweight_kg: float | None = None) -> tuple[SetsTableModel, list[SetRecord]]:
    commits: list[SetRecord] = []
    model = SetsTableModel(exercise, PREFS, bodyweight_kg, lambda row, old, new: commits.append(new))
    model.set_sets([SetRecord(id=5, reps=8)])
    return model, commits


def test_assistance_is_typed_as_a_negative_load_and_shown_as_bodyweight_less_it(qapp: object) -> None:
    model, commits = _model(CHIN_UP)
    load = [c.key for c in model.columns].index("load")
    e1rm = [c.key for c in model.columns].index("e1rm")
    for typed in ("-20", "BW-20", "BW − 20"):
        assert model.setData(model.index(0, load), typed)
        assert commits[-1].load_kg == -20.0
    model.set_sets([commits[-1]])
    assert model.data(model.index(0, load)) == "BW \u2212 20"
    assert model.data(model.index(0, e1rm)) in ("", None)  # no bodyweight: no e1RM
    model.set_preferences(PREFS, 80.0)
    assert model.data(model.index(0, e1rm)) not in ("", None)  # 60 kg moved


def test_assistance_on_a_loaded_exercise_is_refused_at_the_cell(qapp: object) -> None:
    model, commits = _model(Exercise(id=2, name="Bench Press"))
    refused: list[str] = []
    model.refused.connect(lambda row, column, message: refused.append(message))
    load = [c.key for c in model.columns].index("load")
    assert not model.setData(model.index(0, load), "-20")
    assert not commits
    assert refused and "negative load is assistance, for bodyweight exercises only" in refused[-1]


def test_assistance_typed_in_the_window_is_stored_and_shown(qtbot, db_path, open_window) -> None:  # type: ignore[no-untyped-def]
    """As a person types it: BW-20 in the load cell of an assisted pull-up, then the session's bodyweight."""
    from datetime import datetime

    from journal.storage import repository as repo
    from tests.ui.helpers import screenshots
    from tests.ui.log.test_session_editing import edit_cell, seeded

    session_id = seeded(db_path, (SetRecord(reps=8),), datetime(2026, 11, 2, 18), "Assisted Pull-up")
    window = open_window(db_path)
    block = window.editor.blocks[0]
    edit_cell(qtbot, block, 0, "load", "BW-20")
    assert repo.get_session(session_id).entries[0].sets[0].load_kg == -20.0
    load = block.model.column_of("load")
    assert block.model.data(block.model.index(0, load)) == "BW \u2212 20"
    assert not block.error.isVisible()
    screenshots(window, "assisted-pull-up")
