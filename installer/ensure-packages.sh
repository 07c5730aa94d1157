#!/bin/sh
# Installs the Debian/Ubuntu packages named in $PACKAGES that are missing, when apt-get can be used (as root or
# through sudo). Elsewhere it only says what is missing: on other systems install the equivalents by hand.
missing=""
for p in $PACKAGES; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "note: could not check or install:$missing (no apt-get); install their equivalents if Qt fails to start" >&2
    exit 0
fi
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "note: missing system packages:$missing (run as root to install them)" >&2
    exit 0
fi
echo "installing system packages:$missing"
# Another apt-get or dpkg at work (an unattended upgrade, a second make) holds the lock: wait for it, up to 5 minutes.
WAIT="-o DPkg::Lock::Timeout=300"
$SUDO apt-get $WAIT update -qq &&
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get $WAIT install -y -qq --no-install-recommends $missing >/dev/null
