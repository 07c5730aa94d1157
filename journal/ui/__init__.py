# SPDX-License-Identifier: MIT
"""Qt widgets, item models and dialogs. Talks to storage through journal.ui.service, never with SQL."""
