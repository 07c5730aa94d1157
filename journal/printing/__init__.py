# SPDX-License-Identifier: MIT
"""Printed sheets and reports: HTML built from domain values (every text escaped) into a QTextDocument that loads
no resource but the charts it was given, printed through Qt to paper or PDF."""
