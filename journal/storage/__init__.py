# SPDX-License-Identifier: MIT
"""Storage: the one SQLite file, its schema and migrations, and the queries that feed the screens.
The only package that imports peewee."""
