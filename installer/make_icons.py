# SPDX-License-Identifier: MIT
"""Render resources/icons/journal.svg into the icon files each platform needs, with Qt alone (no Pillow).

    python installer/make_icons.py                    # PNGs, journal.ico and journal.icns into resources/icons/
    python installer/make_icons.py --out DIR          # the same files into DIR
    python installer/make_icons.py --iconset DIR      # also a macOS .iconset folder, for `iconutil -c icns DIR`

- journal-N.png for N in 16, 24, 32, 48, 64, 128, 256, 512 (Linux hicolor sizes; app_icon() loads them)
- journal.ico: 16-48 as 32-bit BMP images with alpha (what every Windows reader takes), 64-256 as PNG (Vista+)
- journal.icns: PNG-compressed entries from 16 to 1024 (16, 32, 64, 128, 256, 512 and 1024 px), macOS 10.7+

The output depends only on the SVG and the Qt version, so running it again gives the same files.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "journal.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry type -> pixel size; the @2x types reuse the image of twice the size.
ICNS_TYPES = (
    ("icp4", 16),
    ("icp5", 32),
    ("icp6", 64),
    ("ic07", 128),
    ("ic08", 256),
    ("ic09", 512),
    ("ic10", 1024),
    ("ic11", 32),
    ("ic12", 64),
    ("ic13", 256),
    ("ic14", 512),
)
ICONSET = (
    ("icon_16x16.png", 16),
    ("icon_16x16@2x.png", 32),
    ("icon_32x32.png", 32),
    ("icon_32x32@2x.png", 64),
    ("icon_128x128.png", 128),
    ("icon_128x128@2x.png", 256),
    ("icon_256x256.png", 256),
    ("icon_256x256@2x.png", 512),
    ("icon_512x512.png", 512),
    ("icon_512x512@2x.png", 1024),
)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)  # straight alpha, B G R A bytes in memory


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def bmp_entry(image: QImage) -> bytes:
    """An ICO image as a DIB: BITMAPINFOHEADER (height doubled for the mask), BGRA rows bottom up, AND mask."""
    size = image.width()
    rows = [bytes(image.constScanLine(y))[: size * 4] for y in range(size)]  # type: ignore[call-overload]
    mask_row = ((size + 31) // 32) * 4
    pixels = b"".join(reversed(rows))
    mask = bytes(mask_row * size)  # all 0: the alpha channel decides
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, len(pixels) + len(mask), 0, 0, 0, 0)
    return header + pixels + mask


def ico_bytes(images: dict[int, QImage]) -> bytes:
    entries = [(size, png_bytes(images[size]) if size > 48 else bmp_entry(images[size])) for size in ICO_SIZES]
    offset = 6 + 16 * len(entries)
    directory, blobs = [], []
    for size, blob in entries:
        edge = 0 if size >= 256 else size  # 0 means 256
        directory.append(struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return struct.pack("<HHH", 0, 1, len(entries)) + b"".join(directory) + b"".join(blobs)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_if_changed(path: Path, data: bytes) -> None:
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG, help="source SVG (default resources/icons/journal.svg)")
    parser.add_argument("--out", type=Path, default=SVG.parent, help="folder for the PNG, ICO and ICNS files")
    parser.add_argument("--iconset", type=Path, help="also write a macOS .iconset folder here, for iconutil")
    args = parser.parse_args(argv)

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (Qt wants one for painting)
    renderer = QSvgRenderer(str(args.svg))
    if not renderer.isValid():
        print(f"{args.svg}: not a valid SVG", file=sys.stderr)
        return 1
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    images = {size: render(renderer, size) for size in sizes}
    pngs = {size: png_bytes(image) for size, image in images.items()}

    args.out.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        write_if_changed(args.out / f"journal-{size}.png", pngs[size])
    write_if_changed(args.out / "journal.ico", ico_bytes(images))
    write_if_changed(args.out / "journal.icns", icns_bytes(pngs))
    if args.iconset:
        args.iconset.mkdir(parents=True, exist_ok=True)
        for name, size in ICONSET:
            write_if_changed(args.iconset / name, pngs[size])
    print(f"icons written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
