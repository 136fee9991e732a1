"""The app icon as each platform's installer needs it, rendered from its SVG source."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QImageReader

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import icons  # noqa: E402

SVG = ROOT / "resources" / "icons" / "workshopdesk.svg"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> Path:
    # qapp first: the test process's application must be pytest-qt's QApplication.
    out = tmp_path_factory.mktemp("icons")
    icons.render_icons(SVG, out)
    return out


def _sizes(path: Path) -> list[int]:
    reader = QImageReader(str(path))
    sizes = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        assert image.width() == image.height()
        sizes.append(image.width())
    return sizes


def test_pngs_are_square_and_drawn(rendered: Path) -> None:
    for size in icons.PNG_SIZES:
        image = QImage(str(rendered / f"workshopdesk-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        middle = image.pixelColor(size // 2, size // 2)
        corner = image.pixelColor(0, 0)
        assert middle.alpha() == 255  # the icon fills its middle...
        assert corner.alpha() < 255  # ...and has rounded, see-through corners


def test_ico_holds_every_windows_size(rendered: Path) -> None:
    assert sorted(_sizes(rendered / "workshopdesk.ico")) == sorted(icons.ICO_SIZES)


def test_icns_holds_every_macos_size(rendered: Path) -> None:
    sizes = _sizes(rendered / "workshopdesk.icns")
    assert sorted(set(sizes)) == [16, 32, 64, 128, 256, 512, 1024]
    assert len(sizes) == len(icons.ICNS_TYPES)


@pytest.mark.qt_log_ignore("Cannot read file")  # Qt's own word on the broken file, expected
def test_an_unreadable_svg_is_refused(tmp_path: Path, qapp: object) -> None:
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg")
    with pytest.raises(ValueError, match="not a readable SVG"):
        icons.render_pngs(broken, tmp_path / "out")
