# SPDX-License-Identifier: MIT
"""Load units: kilograms are stored, kilograms or pounds are shown."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:  # arrays are converted as numbers are: the window starts without numpy
    import numpy as np
    from numpy.typing import NDArray

KG_PER_LB = 0.45359237  # exact, by international agreement


class Unit(StrEnum):
    KG = "kg"
    LB = "lb"


def to_kg(value: float, unit: Unit) -> float:
    """A load typed in `unit`, in kilograms."""
    return value * KG_PER_LB if unit is Unit.LB else value


@overload
def from_kg(kg: float, unit: Unit) -> float: ...
@overload
def from_kg(kg: NDArray[np.float64], unit: Unit) -> NDArray[np.float64]: ...
def from_kg(kg: float | NDArray[np.float64], unit: Unit) -> float | NDArray[np.float64]:
    """A stored load in kilograms, in `unit`: one load, or an array of them (a chart's series) element by element."""
    return kg / KG_PER_LB if unit is Unit.LB else kg


def format_number(value: float, decimals: int = 2) -> str:
    """A number with at most `decimals` decimals and no trailing zeros: 100, 102.5, 45.36."""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_load(kg: float | None, unit: Unit, decimals: int = 2) -> str:
    """A stored load shown in `unit` without the unit name; empty when there is no load."""
    if kg is None:
        return ""
    return format_number(from_kg(kg, unit), decimals)


def format_set_load(kg: float | None, unit: Unit, bodyweight: bool = False) -> str:
    """A set's load as printed, with its unit: '100 kg'; on a bodyweight exercise 'BW + 9 kg', 'BW − 20 kg' with
    20 kg of assistance (a negative load), or 'BW' with nothing added (never '0 kg'). Empty for no load on other
    exercises."""
    if bodyweight:
        return f"{bodyweight_prefix(kg)}{format_load(abs(kg), unit)} {unit}" if kg else "BW"
    return "" if kg is None else f"{format_load(kg, unit)} {unit}"


def bodyweight_prefix(kg: float | None) -> str:
    """What goes before an added load on a bodyweight exercise: 'BW + ', or 'BW − ' (a minus sign) for assistance."""
    return "BW \u2212 " if kg is not None and kg < 0 else "BW + "


def format_mass(kg: float, unit: Unit) -> str:
    """A total (tonnage, e1RM) with thousands separators and its unit: '12,345 kg', '112.5 lb'."""
    value = from_kg(kg, unit)
    if abs(round(value, 1)) >= 1000:
        return f"{value:,.0f} {unit}"
    return f"{format_number(value, 1)} {unit}"


def format_duration(seconds: float) -> str:
    """A time as read on a clock: '0:45', '12:30', '1:05:00'."""
    whole = int(round(seconds))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def format_distance(metres: float) -> str:
    """A distance: '850 m' under a kilometre, '5.2 km' from one on."""
    return f"{format_number(metres, 0)} m" if metres < 1000 else f"{format_number(metres / 1000, 2)} km"
