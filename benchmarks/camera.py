"""A phone camera in the back row, looking at the projected wall: can it read the QR codes?

    .venv/bin/python benchmarks/camera.py            # the decode table, 4-20 m
    .venv/bin/python benchmarks/camera.py --quick    # 8, 12 and 20 m only (the test)

The wall is rendered at 1920×1080 as the projector shows it, then seen as a phone would:
a 12 MP camera (4000 px across) with a 70° field of view, facing a projected image 3 m
wide from a distance. The wall becomes as many camera pixels as it covers, is blurred (the
projector's focus, then the phone's lens and hand), washed out (the projector's black is
grey in a lit room) and noisy (a dim room), and is read with zxing-cpp. Five conditions,
from a good day to a bad one. Qt image operations and the standard library only.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QImage, QPainter

SENSOR_PX = 4000
"""A 12 MP phone camera: 4000 × 3000 pixels."""
FIELD_OF_VIEW = 70.0
"""Horizontal field of view of a phone's main camera, in degrees."""
IMAGE_WIDTH_M = 3.0
"""The projected image, 3 m wide."""
DISTANCES = (4.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0)
QUICK_DISTANCES = (8.0, 12.0, 20.0)


@dataclass(frozen=True, slots=True)
class Condition:
    name: str
    projector_blur: int
    """Passes of a [1 2 1] blur at the projector's resolution (focus, keystone)."""
    camera_blur: int
    """Passes of a [1 2 1] blur at the camera's resolution (lens, a moving hand)."""
    black: int
    """The grey the projector's black becomes (0-255)."""
    white: int
    """The grey the projector's white becomes."""
    noise: float
    """Sensor noise, standard deviation in grey levels."""


CONDITIONS = (
    Condition("sharp, dark room", 1, 0, 25, 235, 3.0),
    Condition("soft focus", 2, 1, 35, 230, 4.0),
    Condition("washed out", 1, 0, 120, 220, 5.0),
    Condition("dim and noisy", 1, 0, 40, 170, 12.0),
    Condition("all of it", 2, 1, 100, 200, 8.0),
)


def camera_pixels(distance_m: float) -> float:
    """How many camera pixels the 3 m image spans at ``distance_m``."""
    field = 2 * distance_m * math.tan(math.radians(FIELD_OF_VIEW / 2))
    return SENSOR_PX * IMAGE_WIDTH_M / field


def _gray(image: QImage) -> QImage:
    return image.convertToFormat(QImage.Format.Format_Grayscale8)


def _blur(image: QImage, passes: int) -> QImage:
    """A [1 2 1] binomial blur, horizontally and vertically, ``passes`` times (each pass
    a Gaussian of σ ≈ 0.7 px), composed with QPainter."""
    for _ in range(passes):
        for dx, dy in ((1, 0), (0, 1)):
            result = image.convertToFormat(QImage.Format.Format_RGB32)
            painter = QPainter(result)
            painter.setOpacity(1 / 3)
            painter.drawImage(QPointF(-dx, -dy), image)
            painter.setOpacity(1 / 4)
            painter.drawImage(QPointF(dx, dy), image)
            painter.end()
            image = _gray(result)
    return image


def _levels(image: QImage, condition: Condition, rng: random.Random) -> QImage:
    """Contrast squeezed between ``black`` and ``white``, plus Gaussian noise."""
    width, height = image.width(), image.height()
    stride = image.bytesPerLine()
    data = bytes(image.constBits())  # type: ignore[call-overload]
    span = (condition.white - condition.black) / 255
    table = [condition.black + value * span for value in range(256)]
    out = bytearray(width * height)
    gauss = rng.gauss
    sigma = condition.noise
    for y in range(height):
        row = data[y * stride : y * stride + width]
        base = y * width
        for x, value in enumerate(row):
            level = table[value] + gauss(0.0, sigma)
            out[base + x] = 0 if level < 0 else 255 if level > 255 else int(level)
    result = QImage(bytes(out), width, height, width, QImage.Format.Format_Grayscale8)
    return result.copy()


def camera_view(wall: QImage, distance_m: float, condition: Condition, *, seed: int = 7) -> QImage:
    """What the phone's camera makes of ``wall`` (a 1920-wide rendering) at ``distance_m``."""
    rng = random.Random(seed)
    projected = _blur(_gray(wall), condition.projector_blur)
    width = max(8, round(camera_pixels(distance_m) * wall.width() / 1920))
    size = QSize(width, max(8, round(width * wall.height() / wall.width())))
    seen = projected.scaled(
        size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    seen = _blur(_gray(seen), condition.camera_blur)
    return _levels(seen, condition, rng)


def decode(image: QImage) -> list[str]:
    """Every QR code zxing-cpp reads in ``image``."""
    import zxingcpp

    gray = _gray(image)
    return [
        str(r.text) for r in zxingcpp.read_barcodes(gray, formats=zxingcpp.BarcodeFormat.QRCode)
    ]


def decodes(wall: QImage, distance_m: float, text: str) -> list[bool]:
    """For each condition, whether a phone at ``distance_m`` reads ``text`` on ``wall``."""
    return [text in decode(camera_view(wall, distance_m, c)) for c in CONDITIONS]


def main() -> None:
    import argparse
    import os
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root / "src"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="8, 12 and 20 m only")
    args = parser.parse_args()

    from PySide6.QtGui import QGuiApplication

    _ = QGuiApplication.instance() or QGuiApplication([])
    from workshopdesk import starters
    from workshopdesk.paint.join_code import room_join
    from workshopdesk.paint.themes import theme
    from workshopdesk.paint.wall import render_wall
    from workshopdesk.paint.wall_scene import View, WallScene

    url = "HTTP://192.168.1.23:8765/J/" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    workshop = starters.demo()
    distances = QUICK_DISTANCES if args.quick else DISTANCES
    print(f"Projected image {IMAGE_WIDTH_M:.0f} m wide, 12 MP camera, {FIELD_OF_VIEW:.0f}° view")
    print("conditions: " + "; ".join(f"{i + 1} {c.name}" for i, c in enumerate(CONDITIONS)))
    for view in (View.WALL, View.JOIN):
        scene = WallScene(workshop, theme("light"), view, join=room_join(url))
        wall = render_wall(scene, QSize(1920, 1080))
        label = "corner code on the wall" if view is View.WALL else "join screen"
        print(f"\n{label}:")
        for distance in distances:
            results = decodes(wall, distance, url)
            marks = " ".join("yes" if ok else " no" for ok in results)
            print(
                f"  {distance:4.0f} m  ({camera_pixels(distance):4.0f} camera px across)  "
                f"{marks}   {sum(results)}/5"
            )


if __name__ == "__main__":
    main()
