# SPDX-License-Identifier: MIT
"""Colour-blind simulation (Machado, Oliveira and Fernandes 2009, severity 1) of colours and of screenshots, and
CIELAB distances, to check that the chart palette stays readable for readers with protanopia or deuteranopia.

    python tests/screens/cvd.py IMAGE.png [...]   writes IMAGE-protan.png and IMAGE-deutan.png beside each"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

MACHADO = {
    "protan": np.array(
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    ),
    "deutan": np.array(
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    ),
}
_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
_WHITE = np.array([0.95047, 1.0, 1.08883])


def linear(srgb: NDArray[np.float64]) -> NDArray[np.float64]:
    """sRGB 0-255 to linear 0-1."""
    c = np.asarray(srgb, dtype=np.float64) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def to_srgb(lin: NDArray[np.float64]) -> NDArray[np.float64]:
    c = np.clip(lin, 0, 1)
    return np.where(c <= 0.0031308, c * 12.92, 1.055 * c ** (1 / 2.4) - 0.055) * 255


def simulate(srgb: NDArray[np.float64], kind: str) -> NDArray[np.float64]:
    """How sRGB colours (…, 3) look with protanopia or deuteranopia, as sRGB."""
    return to_srgb(linear(srgb) @ MACHADO[kind].T)


def lab(srgb: NDArray[np.float64]) -> NDArray[np.float64]:
    xyz = (linear(srgb) @ _XYZ.T) / _WHITE
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], -1)


def rgb(colour: str) -> list[int]:
    value = colour.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)]


def distances(colours: list[str], kind: str | None, pairs: str = "all") -> list[float]:
    """CIE76 ΔE between the colours as seen (kind None: normal vision; "grey": lightness only, as on a black and
    white print), for every pair or for neighbours only."""
    values = np.array([rgb(c) for c in colours], dtype=np.float64)
    seen = lab(simulate(values, kind) if kind in MACHADO else values)
    if kind == "grey":
        seen = seen[:, :1]
    chosen = (
        itertools.combinations(range(len(colours)), 2)
        if pairs == "all"
        else ((i, i + 1) for i in range(len(colours) - 1))
    )
    return [float(np.linalg.norm(seen[i] - seen[j])) for i, j in chosen]


def simulate_file(path: Path) -> list[Path]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(height, stride)[:, : width * 3]
    pixels = pixels.reshape(height, width, 3).astype(np.float64)
    written = []
    for kind in MACHADO:
        out = np.ascontiguousarray(np.round(simulate(pixels, kind)).astype(np.uint8))
        result = QImage(out.data, width, height, width * 3, QImage.Format.Format_RGB888).copy()
        target = path.with_name(f"{path.stem}-{kind}.png")
        assert result.save(str(target)), target
        written.append(target)
    return written


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(*simulate_file(Path(name)))
