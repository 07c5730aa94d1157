# SPDX-License-Identifier: MIT
"""Proximity to failure: reps in reserve (RIR) is stored, RPE on the RIR-based scale converts exactly.

RIR = 10 - RPE in half steps (Zourdos et al. 2016). An RPE below 6 means "4 or more in reserve": it is kept as
RIR = 10 - RPE and reported as imprecise. "Not rated" is None everywhere, never RIR 0.
"""

from __future__ import annotations

from enum import StrEnum

RIR_MAX = 10.0
RPE_MIN = 1.0
RPE_MAX = 10.0
RPE_PRECISE_MIN = 6.0


class EffortScale(StrEnum):
    """The scale a set's effort was entered on; the stored value is always RIR."""

    RIR = "rir"
    RPE = "rpe"


def rir_from_rpe(rpe: float) -> float:
    return RIR_MAX - rpe


def rpe_from_rir(rir: float) -> float:
    return RIR_MAX - rir


def is_imprecise(rir: float | None, scale: EffortScale | None) -> bool:
    """True for an RPE below 6, which the scale only resolves as '4 or more reps in reserve'."""
    return rir is not None and scale is EffortScale.RPE and rpe_from_rir(rir) < RPE_PRECISE_MIN


def is_half_step(value: float) -> bool:
    return abs(value * 2 - round(value * 2)) < 1e-9


def display_effort(rir: float | None, scale: EffortScale) -> float | None:
    """A stored RIR as the lifter reads it on `scale`."""
    if rir is None:
        return None
    return rpe_from_rir(rir) if scale is EffortScale.RPE else rir
