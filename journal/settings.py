# SPDX-License-Identifier: MIT
"""Preferences, each declared once with its type and default, stored in <data folder>/settings.ini.

Nothing else reads or writes QSettings. A value equal to its default is removed from the file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from journal.domain.effort import EffortScale
from journal.domain.estimate import EstimateUse
from journal.domain.metrics import DEFAULT_HARD_SET_RIR, E1rmFormula
from journal.domain.units import Unit
from journal.paths import data_dir


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type
    title: str


UNITS = Setting("units", Unit.KG, Unit, "Load unit")
EFFORT_SCALE = Setting("effort_scale", EffortScale.RIR, EffortScale, "Effort entry")
HARD_SET_RIR = Setting("hard_set_rir", DEFAULT_HARD_SET_RIR, float, "Hard set: RIR at most")
E1RM_FORMULA = Setting("e1rm_formula", E1rmFormula.CURVE, E1rmFormula, "e1RM formula")
THEME = Setting("theme", "system", str, "Colours")  # system | light | dark
MUSCLE_LOW = Setting("muscle_low", 10.0, float, "Weekly hard sets per muscle: at least")
MUSCLE_HIGH = Setting("muscle_high", 20.0, float, "Weekly hard sets per muscle: at most")
STEP_KG = Setting("step_kg", 2.5, float, "Load step (kg)")
STEP_LB = Setting("step_lb", 5.0, float, "Load step (lb)")
PAGE = Setting("page", "", str, "Paper")  # "" (from the locale), "a4" or "letter"
BACKUPS_KEEP = Setting("backups_keep", 10, int, "Backups kept of each kind")
RIR_ESTIMATES = Setting("rir_estimates", EstimateUse.APART, EstimateUse, "Charts use")  # for unrated sets
ALL_SETTINGS = (UNITS, EFFORT_SCALE, HARD_SET_RIR, E1RM_FORMULA, THEME, MUSCLE_LOW, MUSCLE_HIGH, STEP_KG, STEP_LB,
                PAGE, BACKUPS_KEEP, RIR_ESTIMATES)


def _store() -> QSettings:
    folder = data_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def _save(store: QSettings) -> None:
    store.sync()
    path = Path(store.fileName())
    if path.exists():
        path.chmod(0o600)  # readable by the user only, like the journal


def get(setting: Setting) -> Any:
    raw = _store().value(setting.key)
    if raw is None:
        return setting.default
    try:
        return setting.kind(raw)
    except (TypeError, ValueError):
        return setting.default


def put(setting: Setting, value: Any) -> None:
    store = _store()
    if value == setting.default:
        store.remove(setting.key)
    else:
        store.setValue(setting.key, str(value.value if hasattr(value, "value") else value))
    _save(store)


def window_state(name: str) -> Any:
    return _store().value(f"windows/{name}")


def save_window_state(name: str, state: Any) -> None:
    store = _store()
    store.setValue(f"windows/{name}", state)
    _save(store)


def saved_mapping(key: str) -> dict[str, str] | None:
    """The column mapping the lifter chose last time for a CSV with these column names."""
    raw = _store().value(f"mappings/{hashlib.sha1(key.encode()).hexdigest()}")
    try:
        value = json.loads(raw) if raw else None
    except (TypeError, ValueError):
        return None
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else None


def save_mapping(key: str, mapping: dict[str, str]) -> None:
    store = _store()
    store.setValue(f"mappings/{hashlib.sha1(key.encode()).hexdigest()}", json.dumps(mapping))
    _save(store)
