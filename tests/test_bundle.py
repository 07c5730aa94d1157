# SPDX-License-Identifier: MIT
"""The packaging (issue 8): the icons make_icons.py renders, and on Linux the real thing: installer/build_linux.sh
builds the PyInstaller bundle, the tarball and the .deb, and the bundle runs its smoke test from a clean folder with
no Python of ours beside it. The tarball's install.sh and uninstall.sh leave the data folder alone."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
EXIT_NO_TOOLS = 75  # build_linux.sh: the build tools could not be installed
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle is built on Linux")


def version() -> str:
    """The version as pyproject.toml states it, read the way installer/version.py reads it."""
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_make_icons_renders_every_size(tmp_path: Path) -> None:
    out, iconset = tmp_path / "icons", tmp_path / "journal.iconset"
    subprocess.run(
        [sys.executable, str(ROOT / "installer" / "make_icons.py"), "--out", str(out), "--iconset", str(iconset)],
        check=True,
        capture_output=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    for size in PNG_SIZES:
        assert png_size((out / f"journal-{size}.png").read_bytes()) == (size, size)

    ico = (out / "journal.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(ICO_SIZES))
    found = []
    for index in range(count):
        entry = ico[6 + 16 * index : 22 + 16 * index]
        width, height, _, _, planes, bits, length, offset = struct.unpack("<BBBBHHII", entry)
        size = width or 256
        assert (width, height, planes, bits) == (size % 256, size % 256, 1, 32)
        image = ico[offset : offset + length]
        assert len(image) == length
        if image[:8] == b"\x89PNG\r\n\x1a\n":
            assert png_size(image) == (size, size)
        else:  # BITMAPINFOHEADER: width, doubled height (image and mask), 32 bits a pixel
            assert struct.unpack("<IiiHH", image[:16]) == (40, size, 2 * size, 1, 32)
        found.append(size)
    assert found == list(ICO_SIZES)

    icns = (out / "journal.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    entries, position = {}, 8
    while position < len(icns):
        kind_name = icns[position : position + 4].decode("ascii")
        (length,) = struct.unpack(">I", icns[position + 4 : position + 8])
        entries[kind_name] = png_size(icns[position + 8 : position + length])[0]
        position += length
    assert position == len(icns)
    assert entries == {
        "icp4": 16,
        "icp5": 32,
        "icp6": 64,
        "ic07": 128,
        "ic08": 256,
        "ic09": 512,
        "ic10": 1024,
        "ic11": 32,
        "ic12": 64,
        "ic13": 256,
        "ic14": 512,
    }
    assert {path.name for path in iconset.iterdir()} == {
        f"icon_{size}x{size}{scale}.png" for size in (16, 32, 128, 256, 512) for scale in ("", "@2x")
    }


def test_checked_in_icons_have_their_sizes() -> None:
    icons = ROOT / "resources" / "icons"
    for size in PNG_SIZES:
        assert png_size((icons / f"journal-{size}.png").read_bytes()) == (size, size)
    assert (icons / "journal.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert (icons / "journal.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (icons / "journal.icns").read_bytes()[:4] == b"icns"
    assert sum(path.stat().st_size for path in icons.iterdir()) < 300_000


@dataclass(frozen=True)
class Build:
    version: str
    bundle: Path
    tarball: Path
    deb: Path | None
    log: str


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What a user's session has: no venv on PATH, no PYTHONPATH, offscreen, a home and a data folder of its own."""
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        **extra,
    }


def run(args: list[str], env: dict[str, str], cwd: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def build() -> Iterator[Build]:
    """The whole build, in a temporary folder removed afterwards (its venv, bundle, tarball and .deb take ~700 MB):
    a test run leaves nothing behind in build/ or dist/."""
    env = {name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    with tempfile.TemporaryDirectory(prefix="journal-bundle-") as folder:
        work, dist = Path(folder) / "build", Path(folder) / "dist"
        # the interpreter running the tests (3.11+, as the project requires) makes the build venv; gzip keeps the
        # .deb step short (the release build uses xz)
        env.update(
            PYTHON=sys.executable,
            DEB_COMPRESSION="gzip",
            QT_QPA_PLATFORM="offscreen",
            BUILD_DIR=str(work),
            DIST_DIR=str(dist),
        )
        done = subprocess.run(
            ["bash", str(ROOT / "installer" / "build_linux.sh")],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=900,
        )
        log = done.stdout + done.stderr
        if done.returncode == EXIT_NO_TOOLS:
            pytest.skip(f"PyInstaller could not be installed into the build venv: {log[-600:]}")
        assert done.returncode == 0, f"installer/build_linux.sh failed:\n{log[-3000:]}"
        current = version()
        deb = dist / f"journal_{current}_amd64.deb"
        yield Build(
            current,
            work / "pyinstaller" / "dist" / "journal",
            dist / f"journal-{current}-linux-x86_64.tar.gz",
            deb if deb.exists() else None,
            log,
        )


def test_the_build_goes_where_it_is_told() -> None:
    """build_linux.sh writes under BUILD_DIR and DIST_DIR (the bundle test builds in a temporary folder)."""
    script = (ROOT / "installer" / "build_linux.sh").read_text(encoding="utf-8")
    assert "BUILD=${BUILD_DIR:-build}" in script and "DIST=${DIST_DIR:-dist}" in script
    commands = [line for line in script.splitlines() if not line.lstrip().startswith("#")]
    assert not [line for line in commands if "build/" in line or '"dist/' in line or " dist/" in line]


@linux_only
@pytest.mark.slow
def test_bundle_runs_from_a_clean_folder(build: Build, tmp_path: Path) -> None:
    moved = tmp_path / "elsewhere" / "journal"
    shutil.copytree(build.bundle, moved, symlinks=True)
    home, data, cwd = tmp_path / "home", tmp_path / "user-data", tmp_path / "cwd"
    for folder in (home, data, cwd):
        folder.mkdir()
    env = clean_env(home, JOURNAL_DATA_DIR=str(data))

    smoke = run([str(moved / "journal"), "--smoke"], env, cwd)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "smoke: ok" in smoke.stdout
    shown = run([str(moved / "journal"), "--version"], env, cwd)
    assert shown.stdout.strip() == f"journal {build.version}"
    assert (moved / "_internal" / "resources" / "exercises.csv").is_file()
    assert (moved / "_internal" / "resources" / "icons" / "journal-256.png").is_file()
    assert not (moved / "_internal" / "resources" / "screenshots").exists()
    assert not [path for path in moved.rglob("*") if path.is_symlink() and not path.exists()], "dangling links"


@linux_only
@pytest.mark.slow
def test_tarball_holds_the_bundle_the_menu_entry_and_the_scripts(build: Build) -> None:
    top = f"journal-{build.version}-linux-x86_64"
    with tarfile.open(build.tarball) as archive:
        members = {member.name: member for member in archive.getmembers()}
    for name in (
        "journal.desktop",
        "install.sh",
        "uninstall.sh",
        "journal.png",
        "journal/journal",
        "journal/VERSION",
        "icons/hicolor/256x256/apps/journal.png",
        "icons/hicolor/16x16/apps/journal.png",
        "icons/hicolor/scalable/apps/journal.svg",
    ):
        assert f"{top}/{name}" in members, name
    for script in ("install.sh", "uninstall.sh", "journal/journal"):
        assert members[f"{top}/{script}"].mode & 0o111, f"{script} is not executable"
    assert {member.uid for member in members.values()} == {0}


@linux_only
@pytest.mark.slow
def test_install_upgrade_and_uninstall_keep_the_data_folder(build: Build, tmp_path: Path) -> None:
    subprocess.run(["tar", "-xzf", str(build.tarball), "-C", str(tmp_path)], check=True, timeout=120)
    unpacked = tmp_path / f"journal-{build.version}-linux-x86_64"
    home = tmp_path / "home"
    data = home / ".local" / "share" / "Journal" / "Journal"  # Qt's AppDataLocation on Linux
    (data / "backups").mkdir(parents=True)
    kept = {
        data / "journal.sqlite": b"SQLite format 3\x00 a lifter's years",
        data / "settings.ini": b"[prefs]\nunits=lb\n",
        data / "backups" / "journal-before-v2.sqlite": b"backup",
    }
    for path, content in kept.items():
        path.write_bytes(content)
    env = clean_env(home)
    opt, link = home / ".local" / "opt" / "journal", home / ".local" / "bin" / "journal"
    menu = home / ".local" / "share" / "applications" / "journal.desktop"

    for attempt in ("install", "upgrade"):
        done = run(["sh", str(unpacked / "install.sh")], env, tmp_path)
        assert done.returncode == 0, f"{attempt}: {done.stdout}{done.stderr}"
        assert (opt / "journal").is_file() and (opt / "uninstall.sh").is_file()
        assert link.is_symlink() and os.readlink(link) == str(opt / "journal")
        assert f'Exec="{opt / "journal"}"' in menu.read_text(encoding="utf-8")
        assert (home / ".local/share/icons/hicolor/48x48/apps/journal.png").is_file()
        shown = run([str(link), "--version"], env, tmp_path)  # through the link, as the menu and a shell start it
        assert shown.stdout.strip() == f"journal {build.version}", shown.stderr
        assert {path: path.read_bytes() for path in kept} == kept

    done = run(["sh", str(opt / "uninstall.sh")], env, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert str(data) in done.stdout
    assert not opt.exists() and not link.exists() and not menu.exists()
    assert not list((home / ".local/share/icons").rglob("journal.*"))
    assert {path: path.read_bytes() for path in kept} == kept


@linux_only
@pytest.mark.slow
def test_deb_installs_in_a_scratch_root_and_runs(build: Build, tmp_path: Path) -> None:
    if build.deb is None or shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed: no .deb was built")

    def field(name: str) -> str:
        return subprocess.run(
            ["dpkg-deb", "-f", str(build.deb), name], check=True, capture_output=True, text=True
        ).stdout.strip()

    assert field("Package") == "journal"
    assert field("Version") == build.version
    depends = re.split(r",\s*", " ".join(field("Depends").split()))
    for library in ("libgl1", "libegl1", "libfontconfig1", "libxkbcommon0", "libdbus-1-3", "libxcb-cursor0"):
        assert library in depends
    assert any(item.startswith("libc6 (>= 2.") for item in depends)
    listing = subprocess.run(["dpkg-deb", "-c", str(build.deb)], check=True, capture_output=True, text=True).stdout
    for path in (
        "./opt/journal/journal",
        "./usr/share/applications/journal.desktop",
        "./usr/bin/journal -> /opt/journal/journal",
        "./usr/share/icons/hicolor/256x256/apps/journal.png",
    ):
        assert path in listing, path

    scratch = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(build.deb), str(scratch)], check=True, timeout=120)
    home, data = tmp_path / "home", tmp_path / "user-data"
    home.mkdir()
    env = clean_env(home, JOURNAL_DATA_DIR=str(data))
    smoke = run([str(scratch / "opt" / "journal" / "journal"), "--smoke"], env, tmp_path)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "smoke: ok" in smoke.stdout
