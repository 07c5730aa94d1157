# SPDX-License-Identifier: MIT
"""The review read without widgets: the data behind the charts, its scope, and the
functions that draw it onto the chart widgets (for the window, `journal chart` and the printed report)."""
