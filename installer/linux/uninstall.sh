#!/bin/sh
# SPDX-License-Identifier: MIT
# Remove what install.sh put in place: ~/.local/opt/journal, the ~/.local/bin/journal link, the menu entry and the
# icons. Your journal, settings and backups (~/.local/share/Journal/Journal, or JOURNAL_DATA_DIR) are kept: delete
# that folder yourself if you really want them gone.
set -eu

DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
OPT=$HOME/.local/opt/journal
BIN=$HOME/.local/bin/journal

if [ -L "$BIN" ] && [ "$(readlink "$BIN")" = "$OPT/journal" ]; then
    rm -f "$BIN"
fi
rm -f "$DATA_HOME/applications/journal.desktop"
for icon in "$DATA_HOME"/icons/hicolor/*/apps/journal.png "$DATA_HOME"/icons/hicolor/scalable/apps/journal.svg; do
    rm -f "$icon"
done
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$DATA_HOME/applications" 2>/dev/null || true
fi
if [ -x "$OPT/journal" ]; then  # only a folder install.sh made: it holds the journal program
    rm -rf "$OPT"
fi

echo "Journal removed."
echo "Your journal, settings and backups are still in ${JOURNAL_DATA_DIR:-$DATA_HOME/Journal/Journal}"
