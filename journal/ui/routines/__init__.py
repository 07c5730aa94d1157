# SPDX-License-Identifier: MIT
"""The routines screen and its item models."""
