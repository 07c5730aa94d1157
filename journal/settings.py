# SPDX-License-Identifier: MIT
"""Preferences, each declared once with its type, default and title, stored in <data folder>/settings.ini.

Nothing else reads or writes QSettings. A value equal to its default is removed from the file. A process that has not
loaded Qt (a command that draws nothing) reads the file without it (journal.settings_file), as QSettings wrote it.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_type_hints

from journal import settings_file
from journal.domain import plates
from journal.domain.effort import EffortScale
from journal.domain.estimate_use import EstimateUse
from journal.domain.metrics import DEFAULT_HARD_SET_RIR, E1rmFormula
from journal.domain.plates import PlateKit, parse_plates
from journal.domain.units import Unit, from_kg
from journal.paths import data_dir

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type
    title: str


def _pref(default: Any, title: str) -> Any:
    return field(default=default, metadata={"title": title})


@dataclass(frozen=True)
class Preferences:
    """Every preference, declared once: its name, type, default and title. Every display depends on them; the
    Preferences dialog edits them."""

    units: Unit = _pref(Unit.KG, "Load unit")
    effort_scale: EffortScale = _pref(EffortScale.RIR, "Effort entry")
    hard_set_rir: float = _pref(DEFAULT_HARD_SET_RIR, "Hard set: RIR at most")
    e1rm_formula: E1rmFormula = _pref(E1rmFormula.CURVE, "e1RM formula")
    theme: str = _pref("system", "Colours")  # system | light | dark
    muscle_low: float = _pref(10.0, "Weekly hard sets per muscle: at least")  # what the insights check against
    muscle_high: float = _pref(20.0, "Weekly hard sets per muscle: at most")
    step_kg: float = _pref(2.5, "Load step (kg)")  # the load step a routine suggests by, for barbells and plates
    step_lb: float = _pref(5.0, "Load step (lb)")
    page: str = _pref("", "Paper")  # "" (from the locale), "a4" or "letter"
    backups_keep: int = _pref(10, "Backups kept of each kind")  # daily, manual, before an import…
    rir_estimates: EstimateUse = _pref(EstimateUse.APART, "Charts use")  # for sets with no rating
    bar_kg: float = _pref(plates.BAR_KG, "Bar (kg)")  # the plate calculator's bar, plates and collars, by unit
    bar_lb: float = _pref(plates.BAR_LB, "Bar (lb)")
    plates_kg: str = _pref(plates.PLATES_KG, "Plates (kg)")  # weights apart by spaces: domain.plates.parse_plates
    plates_lb: str = _pref(plates.PLATES_LB, "Plates (lb)")
    collars_kg: float = _pref(0.0, "Collars, both (kg)")
    rest_timer: bool = _pref(False, "Rest timer")  # a countdown after each set stored
    rest_s: int = _pref(120, "Rest when the routine sets none (s)")
    rest_sound: bool = _pref(False, "Sound at the end of a rest")
    watch_folder: str = _pref("", "Import new exports from a folder")  # "" watches none

    def __post_init__(self) -> None:
        """Each field as its declared kind, however it was given: Qt hands back an enum put into a widget as the
        plain string of its value, and "lb" is not Unit.LB to the code that converts loads."""
        for setting in ALL_SETTINGS:
            value = getattr(self, setting.key)
            if type(value) is not setting.kind:
                object.__setattr__(self, setting.key, setting.kind(value))

    def plate_kit(self) -> PlateKit:
        """The bar, plates and collars of the load unit, for the plate calculator (the kilogram or pound set)."""
        if self.units is Unit.LB:
            return PlateKit(
                Unit.LB,
                self.bar_lb,
                _plates(self.plates_lb, Unit.LB, plates.PLATES_LB),
                from_kg(self.collars_kg, Unit.LB),
            )
        return PlateKit(Unit.KG, self.bar_kg, _plates(self.plates_kg, Unit.KG, plates.PLATES_KG), self.collars_kg)

    @classmethod
    def load(cls) -> Preferences:
        read = _reader()  # the file read once for all of them
        return cls(**{setting.key: get(setting, read) for setting in ALL_SETTINGS})

    def save(self) -> None:
        for setting in ALL_SETTINGS:
            put(setting, getattr(self, setting.key))


def _plates(text: str, unit: Unit, default: str) -> tuple[float, ...]:
    """The plates as typed; the default set when the file holds some no longer readable (edited by hand)."""
    try:
        return parse_plates(text, unit)
    except ValueError:
        return parse_plates(default, unit)


_KINDS = get_type_hints(Preferences)
ALL_SETTINGS = tuple(Setting(f.name, f.default, _KINDS[f.name], f.metadata["title"]) for f in fields(Preferences))
(
    UNITS,
    EFFORT_SCALE,
    HARD_SET_RIR,
    E1RM_FORMULA,
    THEME,
    MUSCLE_LOW,
    MUSCLE_HIGH,
    STEP_KG,
    STEP_LB,
    PAGE,
    BACKUPS_KEEP,
    RIR_ESTIMATES,
    BAR_KG,
    BAR_LB,
    PLATES_KG,
    PLATES_LB,
    COLLARS_KG,
    REST_TIMER,
    REST_S,
    REST_SOUND,
    WATCH_FOLDER,
) = ALL_SETTINGS


def _file() -> Path:
    return data_dir() / "settings.ini"


def _store() -> QSettings:
    from PySide6.QtCore import QSettings

    folder = data_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return QSettings(str(_file()), QSettings.Format.IniFormat)


def _reader() -> Callable[[str], Any]:
    """The stored values by key (None when absent), the file read once: through QSettings once Qt is loaded (the
    window, a command that draws), else from the file as QSettings wrote it, so that a command that draws nothing
    starts without Qt."""
    if "PySide6.QtCore" in sys.modules:
        return _store().value
    return settings_file.read(_file()).get


def _read(key: str) -> Any:
    return _reader()(key)


def _save(store: QSettings) -> None:
    store.sync()
    path = Path(store.fileName())
    if path.exists():
        path.chmod(0o600)  # readable by the user only, like the journal


def get(setting: Setting, read: Callable[[str], Any] | None = None) -> Any:
    raw = (read or _reader())(setting.key)
    if raw is None:
        return setting.default
    if setting.kind is bool:  # written as "True" or "False", and bool("False") is True
        return str(raw).lower() in ("true", "1")
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


def last_exercise() -> str:
    """The name of the exercise whose page was shown last (the Exercises tab opens on it)."""
    return str(_read("exercises/last") or "")


def save_last_exercise(name: str) -> None:
    store = _store()
    store.setValue("exercises/last", name)
    _save(store)


def saved_mapping(key: str) -> dict[str, str] | None:
    """The column mapping the lifter chose last time for a CSV with these column names."""
    raw = _read(f"mappings/{hashlib.sha1(key.encode()).hexdigest()}")
    try:
        value = json.loads(raw) if raw else None
    except (TypeError, ValueError):
        return None
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else None


def watched_files() -> dict[str, str]:
    """The files of the watched folder already handled (imported, or reported once as bad): path -> the hash of the
    version handled, so a file is read again only when it changes."""
    raw = _read("watch/handled")
    try:
        value = json.loads(raw) if raw else {}
    except (TypeError, ValueError):
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def save_watched_files(handled: dict[str, str]) -> None:
    store = _store()
    store.setValue("watch/handled", json.dumps(handled))
    _save(store)


def save_mapping(key: str, mapping: dict[str, str]) -> None:
    store = _store()
    store.setValue(f"mappings/{hashlib.sha1(key.encode()).hexdigest()}", json.dumps(mapping))
    _save(store)
