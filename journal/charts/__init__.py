# SPDX-License-Identifier: MIT
"""pyqtgraph charts fed with whole numpy arrays; each makes one setData call per long-lived item on a redraw."""
