# SPDX-License-Identifier: MIT
"""The review screen: charts and insights over a range."""
