# SPDX-License-Identifier: MIT
"""What the charts use for a set with no rating: a preference, read at start-up without the estimates' numpy."""

from __future__ import annotations

from enum import StrEnum


class EstimateUse(StrEnum):
    """What the charts use for unrated sets (a preference)."""

    APART = "apart"  # logged figures; estimates drawn beside them in their own style (the default)
    TOGETHER = "together"  # hard sets and mean RIR with the estimates standing in for unrated sets
    LOGGED = "logged"  # logged figures only, no estimates drawn

    @property
    def label(self) -> str:
        return {
            EstimateUse.APART: "Logged, estimates shown apart",
            EstimateUse.TOGETHER: "Logged and estimates together",
            EstimateUse.LOGGED: "Logged only",
        }[self]
