# SPDX-License-Identifier: MIT
"""The log: the session list, the session editor and its exercise blocks and sets tables."""
