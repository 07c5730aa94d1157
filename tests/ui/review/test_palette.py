# SPDX-License-Identifier: MIT
"""One palette for every chart and the printed report, told apart by readers with protanopia or deuteranopia
(Machado 2009 simulation) and, for the stacked RIR bins, in black and white (lightness of neighbours)."""

from __future__ import annotations

import pytest

from journal.charts.style import BIN_COLOURS, ESTIMATE, SET_TYPE_COLOURS, TONNAGE, WORKING
from journal.domain.records import SetType
from tests.screens.cvd import distances

DRAWN_TYPES = [SET_TYPE_COLOURS[t] for t in SetType if t is not SetType.WARMUP]  # the proximity chart's points


@pytest.mark.parametrize("kind", [None, "protan", "deutan"])
def test_set_types_are_told_apart(kind: str | None) -> None:
    assert min(distances(DRAWN_TYPES, kind)) >= 15  # ΔE 15: apart at a glance, not only side by side


@pytest.mark.parametrize("kind", [None, "protan", "deutan", "grey"])
def test_neighbouring_rir_bins_are_told_apart(kind: str | None) -> None:
    assert min(distances(list(BIN_COLOURS), kind, pairs="neighbours")) >= 15


@pytest.mark.parametrize("kind", [None, "protan", "deutan"])
def test_logged_and_estimated_are_told_apart(kind: str | None) -> None:
    """Estimates are drawn grey and hollow or dashed, never in a logged colour."""
    for logged in (TONNAGE, SET_TYPE_COLOURS[SetType.WORKING], *BIN_COLOURS[:5]):
        assert min(distances([logged, ESTIMATE], kind)) >= 15


@pytest.mark.parametrize("kind", [None, "protan", "deutan", "grey"])
def test_warm_ups_are_not_the_grey_of_not_rated(kind: str | None) -> None:
    """A warm-up (a set type) and a set not rated (an RIR bin) are different things, never one colour; nor the greys
    of working-set bars and estimates."""
    warmup = SET_TYPE_COLOURS[SetType.WARMUP]
    for grey in (BIN_COLOURS[5], WORKING, ESTIMATE):
        assert distances([warmup, grey], kind)[0] >= 15


@pytest.mark.parametrize("kind", [None, "protan", "deutan"])
def test_every_set_type_with_warm_ups_is_told_apart(kind: str | None) -> None:
    assert min(distances(list(SET_TYPE_COLOURS.values()), kind)) >= 15
