# SPDX-License-Identifier: MIT
"""The plate calculator: the plates on each side of a barbell for a load, or the nearest loads that can be made."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import reduce

from journal.domain.units import Unit, format_number, from_kg, to_kg
from journal.domain.validation import ValidationError, parse_decimal

BARBELL_EQUIPMENT = frozenset({"barbell"})  # exercises whose load is a bar and plates (catalogue `equipment`)
PLATES_KG = "25 20 15 10 5 2.5 1.25"  # a commercial gym's kilogram plates
PLATES_LB = "45 35 25 10 5 2.5"
BAR_KG = 20.0
BAR_LB = 45.0
PLATES_MAX = 12  # kinds of plate
_CENTS = 100  # loads are worked out in hundredths of the unit (a 1.25 kg plate is 125)


def parse_plates(text: str, unit: Unit) -> tuple[float, ...]:
    """The plates a lifter has, typed as weights in `unit` separated by spaces or commas ('25 20 15 10 5 2.5'), each
    once and heaviest first; at least one, every one above 0 and at most 100 in hundredths of the unit."""
    values: set[float] = set()
    for part in text.replace(",", " ").split():
        try:
            value = parse_decimal(part)
        except ValueError:
            value = None
        if value is None or not math.isfinite(value):
            raise ValidationError("Plates", f"'{part}' is not a weight; type plates like 25 20 10 5 2.5")
        if not 0 < value <= 100:
            raise ValidationError("Plates", f"a plate of {part} {unit}? Plates weigh more than 0 and at most 100")
        if abs(value * _CENTS - round(value * _CENTS)) > 1e-6:
            raise ValidationError("Plates", f"{part} {unit}: a plate is weighed to hundredths at most")
        values.add(value)
    if not values:
        raise ValidationError("Plates", "name at least one plate")
    if len(values) > PLATES_MAX:
        raise ValidationError("Plates", f"at most {PLATES_MAX} kinds of plate")
    return tuple(sorted(values, reverse=True))


@dataclass(frozen=True)
class PlateKit:
    """A bar, the plates at hand (in pairs, as many as needed) and the collars, in the lifter's unit."""

    unit: Unit
    bar: float
    plates: tuple[float, ...]
    collars: float = 0.0  # both together

    @property
    def empty(self) -> float:
        """The bar with its collars: the lightest load."""
        return self.bar + self.collars


@dataclass(frozen=True)
class Loading:
    """A load on the bar: `plates` on each side, heaviest first (empty: the bar alone), or None when the load cannot
    be made; then `below` and `above` are the nearest loads that can (None: none lighter, the load is under the bar)."""

    load: float  # in the kit's unit, as asked
    unit: Unit
    plates: tuple[float, ...] | None
    below: float | None = None
    above: float | None = None

    @property
    def possible(self) -> bool:
        return self.plates is not None

    def text(self) -> str:
        """'Per side: 20 + 10 + 2.5 kg', 'The bar alone', or '101 kg cannot be made: 100 or 102.5 kg'."""
        if self.plates is not None:
            if not self.plates:
                return "The bar alone"
            return f"Per side: {' + '.join(format_number(p) for p in self.plates)} {self.unit}"
        shown = f"{format_number(self.load)} {self.unit}"
        if self.below is None and self.above is not None:
            return f"{shown} is lighter than the bar: {format_number(self.above)} {self.unit} at least"
        nearest = [format_number(x) for x in (self.below, self.above) if x is not None]
        return f"{shown} cannot be made with these plates: {' or '.join(nearest)} {self.unit}"


def _cents(value: float) -> int:
    return int(round(value * _CENTS))


class _Sides:
    """Every weight one side can carry up to `limit` hundredths, with the fewest plates (heavier ones first)."""

    def __init__(self, plates: tuple[int, ...], limit: int) -> None:
        self.step = reduce(math.gcd, plates)
        size = max(0, limit) // self.step
        self.fewest: list[int | None] = [0] + [None] * size  # fewest plates for each multiple of the step
        self.last = [0] * (size + 1)
        for total in range(1, size + 1):
            for plate in plates:  # heaviest first: of equal counts, the heavier plates win
                before = total - plate // self.step
                count = self.fewest[before] if before >= 0 else None
                best = self.fewest[total]
                if count is not None and (best is None or count + 1 < best):
                    self.fewest[total], self.last[total] = count + 1, plate

    def plates(self, side: int) -> tuple[int, ...] | None:
        """The plates that weigh exactly `side` hundredths, heaviest first, or None."""
        if side < 0 or side % self.step or side // self.step >= len(self.fewest):
            return None
        left = side // self.step
        if self.fewest[left] is None:
            return None
        chosen = []
        while left:
            chosen.append(self.last[left])
            left -= self.last[left] // self.step
        return tuple(sorted(chosen, reverse=True))


def load_plates(load: float, kit: PlateKit) -> Loading:
    """The plates per side for `load` (in the kit's unit), or the nearest loads below and above that can be made."""
    plates = tuple(_cents(p) for p in kit.plates)
    empty, target = _cents(kit.empty), load * _CENTS
    if target < empty - 1e-3:
        return Loading(load, kit.unit, None, None, kit.empty)
    half = (target - empty) / 2  # hundredths on each side
    sides = _Sides(plates, math.ceil(half / max(plates)) * max(plates))  # a whole number of the heaviest plate
    if abs(half - round(half)) < 1e-3 and (found := sides.plates(round(half))) is not None:
        return Loading(load, kit.unit, tuple(p / _CENTS for p in found))
    below = next((s for s in range(math.ceil(half - 1e-3) - 1, -1, -1) if sides.plates(s) is not None), None)
    above = next(
        s for s in range(math.floor(half + 1e-3) + 1, len(sides.fewest) * sides.step) if sides.plates(s) is not None
    )
    return Loading(
        load,
        kit.unit,
        None,
        None if below is None else (empty + 2 * below) / _CENTS,
        (empty + 2 * above) / _CENTS,
    )


def load_plates_kg(load_kg: float, kit: PlateKit) -> Loading:
    """`load_plates` for a stored load in kilograms."""
    return load_plates(round(from_kg(load_kg, kit.unit), 6), kit)


def nearest_loadable_kg(load_kg: float, kit: PlateKit) -> float:
    """The loadable load nearest to `load_kg` (the lighter of two as near), at least the bar: in kilograms."""
    loading = load_plates_kg(load_kg, kit)
    if loading.possible:
        return load_kg
    asked = loading.load
    options = [x for x in (loading.below, loading.above) if x is not None]
    best = min(options, key=lambda x: (abs(x - asked), x))
    return to_kg(best, kit.unit)
