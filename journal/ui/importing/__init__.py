# SPDX-License-Identifier: MIT
"""Bringing in another app's export: the preview and the column mapping."""
