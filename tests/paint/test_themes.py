"""Every theme is readable from the back of the room: text reaches 7:1 (WCAG AAA)."""

from __future__ import annotations

import pytest

from workshopdesk.paint.themes import AAA, THEMES, Theme, contrast, theme


@pytest.mark.parametrize("wall_theme", THEMES.values(), ids=list(THEMES))
def test_every_text_colour_reaches_seven_to_one_on_its_background(wall_theme: Theme) -> None:
    pairs = wall_theme.text_pairs()
    assert len(pairs) >= 10
    for what, ink, ground in pairs:
        ratio = contrast(ink, ground)
        assert ratio >= AAA, f"{wall_theme.name}: {what} is only {ratio:.2f}:1"


def test_contrast_follows_wcag() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_there_are_light_dark_and_high_contrast_themes() -> None:
    assert set(THEMES) == {"light", "dark", "contrast"}
    assert theme("dark").name == "dark"
    with pytest.raises(ValueError, match="choose light, dark, contrast"):
        theme("sepia")
