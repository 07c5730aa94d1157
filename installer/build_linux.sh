#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Build Journal for Linux in one command, from the repository root or anywhere:
#
#   bash installer/build_linux.sh
#
# 1. a build venv in build/venv (made once; re-installed when pyproject.toml changes) with Journal and PyInstaller
# 2. the one-folder bundle build/pyinstaller/dist/journal/ from installer/journal.spec, checked: --version, --smoke
# 3. dist/journal-VERSION-linux-ARCH.tar.gz: the bundle, journal.desktop, icons, install.sh and uninstall.sh
# 4. dist/journal_VERSION_DEBARCH.deb (when dpkg-deb is there): /opt/journal, /usr/bin/journal, menu entry, icons
#
# VERSION is read from pyproject.toml, the one place it is written. Environment: PYTHON (python3.11+ for the venv,
# default python3), BUILD_DIR (default build: the venv, the bundle, the staging; ~560 MB), DIST_DIR (default dist:
# the tarball and the .deb, ~130 MB), BUILD_VENV (default BUILD_DIR/venv), DEB_MAINTAINER, DEB_COMPRESSION (default
# xz). Exit status
# 75: the build tools could not be installed (no network, no PyInstaller for this Python); any other failure exits 1.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PYTHON=${PYTHON:-python3}
BUILD=${BUILD_DIR:-build}
DIST=${DIST_DIR:-dist}
VENV=${BUILD_VENV:-$BUILD/venv}
WORK=$BUILD/pyinstaller
BUNDLE=$WORK/dist/journal
DEB_MAINTAINER=${DEB_MAINTAINER:-Journal developers <journal@example.org>}
DEB_COMPRESSION=${DEB_COMPRESSION:-xz}  # xz: smallest (~40 s here); gzip: ~8 s, a third bigger
ICON_SIZES="16 24 32 48 64 128 256 512"
# The system libraries the bundle does not carry (installer/journal.spec says why): the C++ runtime, OpenGL/EGL,
# fontconfig and freetype, CUPS, xkbcommon, D-Bus, GLib, a font, and what Qt's X11 (xcb) and Wayland platform
# plugins load. The same names on Debian 12 and Ubuntu 22.04+ (the t64 alternatives: Ubuntu 24.04 and later).
DEB_DEPENDS="libstdc++6, libgcc-s1, libgl1, libegl1, libfontconfig1, libfreetype6, libexpat1,
 libcups2 | libcups2t64, libdbus-1-3, libglib2.0-0 | libglib2.0-0t64, libxkbcommon0, libxkbcommon-x11-0,
 fonts-dejavu-core | fonts-freefont-ttf | fonts-liberation2, libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0,
 libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-shm0,
 libxcb-sync1, libxcb-xfixes0, libxcb-xinput0, libxcb-xkb1, libwayland-client0, libwayland-cursor0, libwayland-egl1"

step() { printf '\n== [%3d s] %s\n' "$SECONDS" "$*"; }
SECONDS=0

VERSION=$("$PYTHON" installer/version.py)
ARCH=$(uname -m)
DEB_ARCH=$(dpkg --print-architecture 2>/dev/null || echo "$ARCH")

step "build tools ($VENV)"
if ! command -v objdump >/dev/null 2>&1; then  # PyInstaller needs binutils on Linux
    PACKAGES="binutils" sh installer/ensure-packages.sh
    command -v objdump >/dev/null 2>&1 || { echo "build_linux.sh: PyInstaller needs objdump: install binutils" >&2; exit 1; }
fi
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV" || exit 75
fi
if [ ! -f "$VENV/.journal-build" ] || [ pyproject.toml -nt "$VENV/.journal-build" ] \
        || [ requirements/constraints.txt -nt "$VENV/.journal-build" ]; then
    # pip's notes about unreachable extra indexes are noise here; its errors still show.
    if ! "$VENV/bin/python" -m pip install --disable-pip-version-check -q -c requirements/constraints.txt \
            -e ".[build]" 2>&1 \
            | { grep -v "is neither a file nor a directory" || true; }; then
        echo "build_linux.sh: could not install Journal and PyInstaller into $VENV" >&2
        exit 75
    fi
    touch "$VENV/.journal-build"
fi

step "PyInstaller bundle ($BUNDLE)"
QT_QPA_PLATFORM=offscreen "$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath "$WORK/dist" --workpath "$WORK/work" installer/journal.spec
echo "$VERSION" > "$BUNDLE/VERSION"
# A Python built from source (pyenv, as here) carries ~20 MB of debug symbols: drop them from Python's own files
# only (stripping the wheels' libraries, which auditwheel patched, breaks them; the smoke test below would say so).
if command -v strip >/dev/null 2>&1; then
    find "$BUNDLE/_internal" -maxdepth 1 -type f -name 'libpython3*' -exec strip --strip-debug {} +
    find "$BUNDLE/_internal" -path '*/lib-dynload/*.so' -type f -exec strip --strip-debug {} +
fi
bundled=$(QT_QPA_PLATFORM=offscreen "$BUNDLE/journal" --version)
if [ "$bundled" != "journal $VERSION" ]; then
    echo "build_linux.sh: the bundle says '$bundled', pyproject.toml says $VERSION" >&2
    exit 1
fi
smoke_data=$(mktemp -d)
trap 'rm -rf "$smoke_data"' EXIT
QT_QPA_PLATFORM=offscreen JOURNAL_DATA_DIR="$smoke_data" "$BUNDLE/journal" --smoke | tail -n 1
echo "bundle: $(du -sh "$BUNDLE" | cut -f1)"

mkdir -p "$DIST"
stage_icons() {  # stage_icons DEST: the hicolor tree with every PNG size and the SVG
    local size
    for size in $ICON_SIZES; do
        install -D -m 644 "resources/icons/journal-$size.png" "$1/${size}x${size}/apps/journal.png"
    done
    install -D -m 644 resources/icons/journal.svg "$1/scalable/apps/journal.svg"
}

NAME=journal-$VERSION-linux-$ARCH
step "tarball $DIST/$NAME.tar.gz"
rm -rf "$BUILD/stage/$NAME"
mkdir -p "$BUILD/stage/$NAME"
cp -al "$BUNDLE" "$BUILD/stage/$NAME/journal"  # hard links: no second copy of ~200 MB
install -m 644 installer/journal.desktop "$BUILD/stage/$NAME/journal.desktop"
install -m 755 installer/linux/install.sh installer/linux/uninstall.sh "$BUILD/stage/$NAME/"
install -m 644 resources/icons/journal-256.png "$BUILD/stage/$NAME/journal.png"
stage_icons "$BUILD/stage/$NAME/icons/hicolor"
tar -C "$BUILD/stage" --sort=name --owner=0 --group=0 --numeric-owner -czf "$DIST/$NAME.tar.gz" "$NAME"
echo "tarball: $(du -h "$DIST/$NAME.tar.gz" | cut -f1)"

if command -v dpkg-deb >/dev/null 2>&1; then
    DEB=journal_${VERSION}_$DEB_ARCH.deb
    step "Debian package $DIST/$DEB"
    ROOTFS=$BUILD/deb/root
    rm -rf "$BUILD/deb"
    mkdir -p "$ROOTFS/opt" "$ROOTFS/usr/bin" "$ROOTFS/DEBIAN"
    cp -al "$BUNDLE" "$ROOTFS/opt/journal"
    ln -s /opt/journal/journal "$ROOTFS/usr/bin/journal"
    install -D -m 644 installer/journal.desktop "$ROOTFS/usr/share/applications/journal.desktop"
    stage_icons "$ROOTFS/usr/share/icons/hicolor"
    install -d "$ROOTFS/usr/share/doc/journal"
    printf '%s\n' "Journal $VERSION: a desktop training journal for strength athletes." \
        "License: MIT. The bundled Python, Qt (LGPLv3, via PySide6), numpy, pyqtgraph and peewee keep" \
        "their own licences; see the *.dist-info folders under /opt/journal/_internal." \
        > "$ROOTFS/usr/share/doc/journal/copyright"
    # The bundle's own Python and Qt need this glibc or newer: the highest GLIBC_x.y any of its files asks for.
    glibc=$("$PYTHON" - "$BUNDLE" <<'PY'
import re, sys
from pathlib import Path
found = set()
for path in Path(sys.argv[1]).rglob("*"):
    if path.is_file() and not path.is_symlink():
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
            found.update(tuple(map(int, v)) for v in re.findall(rb"GLIBC_(\d+)\.(\d+)", handle.read()))
print(".".join(map(str, max(found))) if found else "2.34")
PY
)
    installed_kb=$(du -sk --exclude=DEBIAN "$ROOTFS" | cut -f1)
    cat > "$ROOTFS/DEBIAN/control" <<CONTROL
Package: journal
Version: $VERSION
Architecture: $DEB_ARCH
Maintainer: $DEB_MAINTAINER
Installed-Size: $installed_kb
Depends: libc6 (>= $glibc), $DEB_DEPENDS
Section: utils
Priority: optional
Description: training journal for strength athletes (RIR/RPE)
 Log every set with its load, reps and reps in reserve or RPE, keyboard first;
 review volume, proximity to failure, strength and RIR calibration; print gym
 sheets. Your journal, settings and backups live in your home folder
 (~/.local/share/Journal/Journal) and are kept on upgrade and removal.
CONTROL
    dpkg-deb --root-owner-group -Z"$DEB_COMPRESSION" --build "$ROOTFS" "$DIST/$DEB" >/dev/null
    echo "deb: $(du -h "$DIST/$DEB" | cut -f1) (libc6 >= $glibc)"
else
    echo "note: dpkg-deb not found, no .deb built"
fi

echo
echo "built Journal $VERSION in $SECONDS s"
