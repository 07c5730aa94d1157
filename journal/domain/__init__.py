# SPDX-License-Identifier: MIT
"""Pure domain layer: records, units, effort scales, metrics and validation. Knows nothing of Qt or peewee."""
