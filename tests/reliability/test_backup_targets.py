# SPDX-License-Identifier: MIT
"""`journal backup --to FILE`: an existing file is replaced only with --force, and the journal itself never, not even
through a link; nothing is left behind by a backup that fails."""

from __future__ import annotations

import os
from pathlib import Path

from tests.reliability.support import content, counts, digest, make_journal, run_journal


def test_an_existing_file_is_not_overwritten_without_force(tmp_path: Path, data_dir: Path) -> None:
    big = make_journal(tmp_path / "big.sqlite", years=0.5, seed=1)
    small = make_journal(tmp_path / "small.sqlite", years=0.05, seed=2)
    before = digest(big)
    result = run_journal(data_dir, "backup", "--db", small, "--to", big)
    assert result.returncode == 2
    assert result.stderr.strip() == f"journal backup: {big} already exists; nothing was written (--force replaces it)"
    assert digest(big) == before
    forced = run_journal(data_dir, "backup", "--db", small, "--to", big, "--force")
    assert forced.returncode == 0, forced.stderr
    assert content(big) == content(small)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.sqlite", "data", "small.sqlite"]  # no partial file


def test_the_journal_itself_is_never_the_target(tmp_path: Path, data_dir: Path) -> None:
    journal = make_journal(tmp_path / "journal.sqlite", years=0.2)
    before = counts(journal)
    link = tmp_path / "link.sqlite"
    os.symlink(journal, link)
    for target in (journal, link):
        result = run_journal(data_dir, "backup", "--db", journal, "--to", target, "--force")
        assert result.returncode == 2, result.stdout
        assert result.stderr.strip() == f"journal backup: {target} is the journal itself; nothing was written"
        assert counts(journal) == before
    assert link.is_symlink()
