#!/bin/sh
# SPDX-License-Identifier: MIT
# Install Journal for you alone, no root needed: run ./install.sh from the unpacked tarball.
#   program   ~/.local/opt/journal            (replaced whole on every install: this is how you upgrade)
#   command   ~/.local/bin/journal            (a link to the program)
#   menu      ~/.local/share/applications/journal.desktop, icons under ~/.local/share/icons/hicolor
# Your journal, settings and backups live elsewhere (~/.local/share/Journal/Journal, or JOURNAL_DATA_DIR) and are
# never touched by installing, upgrading or uninstalling. ~/.local/opt/journal/uninstall.sh removes the program.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
OPT=$HOME/.local/opt/journal
BIN=$HOME/.local/bin

if [ ! -x "$HERE/journal/journal" ]; then
    echo "install.sh: $HERE/journal/journal is missing: run install.sh from the unpacked tarball" >&2
    exit 1
fi

mkdir -p "$HOME/.local/opt" "$BIN" "$DATA_HOME/applications"

# Copy beside the installed version first and swap at the end, so a failed copy leaves it as it was.
rm -rf "$OPT.new" "$OPT.old"
cp -R "$HERE/journal" "$OPT.new"
cp "$HERE/uninstall.sh" "$OPT.new/uninstall.sh"
chmod 755 "$OPT.new/uninstall.sh"
if [ -e "$OPT" ]; then mv "$OPT" "$OPT.old"; fi
mv "$OPT.new" "$OPT"
rm -rf "$OPT.old"

ln -sfn "$OPT/journal" "$BIN/journal"

for folder in "$HERE"/icons/hicolor/*/apps; do
    size=$(basename "$(dirname "$folder")")
    mkdir -p "$DATA_HOME/icons/hicolor/$size/apps"
    cp "$folder"/journal.* "$DATA_HOME/icons/hicolor/$size/apps/"
done
touch "$DATA_HOME/icons/hicolor"  # desktops re-read an icon folder whose time changed

# The menu entry runs the installed program by its full path, whether or not ~/.local/bin is on PATH.
while IFS= read -r line; do
    case $line in
        Exec=*) printf 'Exec="%s"\n' "$OPT/journal" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$HERE/journal.desktop" > "$DATA_HOME/applications/journal.desktop"
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$DATA_HOME/applications" 2>/dev/null || true
fi

echo "Journal $(cat "$OPT/VERSION" 2>/dev/null || echo) installed in $OPT"
echo "  start it from your applications menu, or run: $BIN/journal"
case ":$PATH:" in
    *":$BIN:"*) ;;
    *) echo "  ($BIN is not on your PATH: add it to run plain 'journal')" ;;
esac
echo "  your journal, settings and backups: ${JOURNAL_DATA_DIR:-$DATA_HOME/Journal/Journal} (left as they are)"
echo "  to uninstall: $OPT/uninstall.sh"
