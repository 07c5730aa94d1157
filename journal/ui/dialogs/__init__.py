# SPDX-License-Identifier: MIT
"""The dialogs: preferences, backups, about, print preview, the error report."""
