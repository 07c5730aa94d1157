# SPDX-License-Identifier: MIT
"""RIR and RPE: RIR = 10 - RPE in half steps; RPE below 6 is kept but flagged imprecise (SCIENCE.md 2)."""

from __future__ import annotations

import pytest

from journal.domain.effort import (
    EffortScale,
    display_effort,
    is_half_step,
    is_imprecise,
    rir_from_rpe,
    rpe_from_rir,
)

HALF_STEPS = [x / 2 for x in range(2, 21)]  # RPE 1, 1.5, ..., 10

# SCIENCE.md section 2 table: RPE -> stored RIR
SCALE_TABLE = [(10, 0), (9.5, 0.5), (9, 1), (8.5, 1.5), (8, 2), (7.5, 2.5), (7, 3)]


@pytest.mark.parametrize(("rpe", "rir"), SCALE_TABLE)
def test_scale_table(rpe: float, rir: float) -> None:
    assert rir_from_rpe(rpe) == rir
    assert rpe_from_rir(rir) == rpe


@pytest.mark.parametrize("rpe", HALF_STEPS)
def test_rir_is_ten_minus_rpe_in_half_steps(rpe: float) -> None:
    rir = rir_from_rpe(rpe)
    assert rir == 10 - rpe
    assert is_half_step(rir)
    assert rpe_from_rir(rir) == rpe


def test_rpe_five_to_six_maps_to_four_to_five_rir() -> None:
    assert rir_from_rpe(6) == 4
    assert rir_from_rpe(5) == 5
    assert rir_from_rpe(1) == 9


@pytest.mark.parametrize("rpe", [1, 2, 3, 4, 5, 5.5])
def test_rpe_below_six_is_imprecise(rpe: float) -> None:
    assert is_imprecise(rir_from_rpe(rpe), EffortScale.RPE)


@pytest.mark.parametrize("rpe", [6, 6.5, 7, 8, 9, 9.5, 10])
def test_rpe_six_and_up_is_precise(rpe: float) -> None:
    assert not is_imprecise(rir_from_rpe(rpe), EffortScale.RPE)


def test_imprecision_only_applies_to_rpe_entry() -> None:
    # the same stored RIR entered directly as RIR is what the lifter typed
    assert not is_imprecise(4.5, EffortScale.RIR)
    assert not is_imprecise(9, EffortScale.RIR)
    assert not is_imprecise(4.5, None)
    # not rated is never imprecise (nor RIR 0)
    assert not is_imprecise(None, EffortScale.RPE)


def test_is_half_step() -> None:
    for value in (0, 0.5, 1, 2.5, 9.5, 10):
        assert is_half_step(value)
    for value in (0.25, 1.3, 2.75, 9.9):
        assert not is_half_step(value)


def test_display_effort() -> None:
    assert display_effort(None, EffortScale.RIR) is None
    assert display_effort(None, EffortScale.RPE) is None
    assert display_effort(2.0, EffortScale.RIR) == 2.0
    assert display_effort(2.0, EffortScale.RPE) == 8.0
    assert display_effort(0.5, EffortScale.RPE) == 9.5
    assert display_effort(0.0, EffortScale.RPE) == 10.0
