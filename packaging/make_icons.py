"""Render OKR Desk's icon files from the hand-written SVGs in resources/icons.

    .venv/bin/python packaging/make_icons.py

writes resources/icons/okrdesk-{16,24,32,48,64,128,256,512,1024}.png, okrdesk.ico
(Windows) and okrdesk.icns (macOS). Sizes up to 32 px come from okrdesk-small.svg,
a simplified drawing that stays readable at that size; the others from okrdesk.svg.
The results are committed, so a build never needs this script; run it again after
changing an SVG and look at the PNGs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
SMALL_UP_TO = 32
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(svg: Path, size: int, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out)):
        raise SystemExit(f"{out}: could not write")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    pngs: dict[int, Path] = {}
    for size in SIZES:
        svg = ICONS / ("okrdesk-small.svg" if size <= SMALL_UP_TO else "okrdesk.svg")
        pngs[size] = ICONS / f"okrdesk-{size}.png"
        render(svg, size, pngs[size])
        print(f"wrote {pngs[size].relative_to(ICONS.parents[1])}")

    images = {size: Image.open(path).convert("RGBA") for size, path in pngs.items()}
    largest = images[max(ICO_SIZES)]
    largest.save(
        ICONS / "okrdesk.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    print("wrote resources/icons/okrdesk.ico")
    images[max(ICNS_SIZES)].save(
        ICONS / "okrdesk.icns",
        append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    print("wrote resources/icons/okrdesk.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
