"""The wall's three themes: light, dark and high contrast.

Every text colour reaches a contrast of at least 7:1 (WCAG AAA) on every background it is
drawn on — :meth:`Theme.text_pairs` lists those pairs and a test checks them all. The
colours users pick (teams, cards) never colour text: they appear as swatches and borders
beside text in these colours.

Plain strings, no Qt: the phone page and the exports may use the same palette.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshopdesk.text.ui import N_

AAA = 7.0


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    label: str
    background: str
    """The wall itself."""
    surface: str
    """Cards and panels."""
    edge: str
    """Card and panel borders (a shape, not text)."""
    text: str
    muted: str
    """Secondary text: numbers, customers, labels."""
    solved: str
    """Text and marks meaning "has an agreed solution"; also the progress bar."""
    unsolved: str
    """Text and marks meaning "no agreed solution yet"."""
    track: str
    """The empty part of the progress bar (a shape)."""
    alarm: str
    """The background that says "time is up"."""
    alarm_text: str
    qr_light: str = "#FFFFFF"
    """The light modules and quiet zone of a QR code (phones need dark on light)."""
    qr_dark: str = "#000000"

    def text_pairs(self) -> list[tuple[str, str, str]]:
        """Every (what, text colour, background colour) the wall paints."""
        pairs = []
        for ground_name in ("background", "surface"):
            ground = getattr(self, ground_name)
            for ink_name in ("text", "muted", "solved", "unsolved"):
                pairs.append((f"{ink_name} on {ground_name}", getattr(self, ink_name), ground))
        pairs.append(("alarm_text on alarm", self.alarm_text, self.alarm))
        pairs.append(("QR code", self.qr_dark, self.qr_light))
        return pairs


LIGHT = Theme(
    name="light",
    label=N_("Light"),
    background="#F3F0E8",
    surface="#FFFFFF",
    edge="#C9C3B6",
    text="#16181D",
    muted="#454A52",
    solved="#17502F",
    unsolved="#8E1710",
    track="#DDD7CB",
    alarm="#8E1710",
    alarm_text="#FFFFFF",
)

DARK = Theme(
    name="dark",
    label=N_("Dark"),
    background="#101317",
    surface="#1D222A",
    edge="#3A424E",
    text="#F1F3F5",
    muted="#B8BEC6",
    solved="#7FD9A3",
    unsolved="#FFA894",
    track="#2E3540",
    alarm="#FFC94D",
    alarm_text="#101317",
)

CONTRAST = Theme(
    name="contrast",
    label=N_("High contrast"),
    background="#000000",
    surface="#000000",
    edge="#FFFFFF",
    text="#FFFFFF",
    muted="#FFFFFF",
    solved="#00FF66",
    unsolved="#FFD700",
    track="#4D4D4D",
    alarm="#FFFF00",
    alarm_text="#000000",
)

THEMES: dict[str, Theme] = {t.name: t for t in (LIGHT, DARK, CONTRAST)}
DEFAULT_THEME = LIGHT.name


def theme(name: str) -> Theme:
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r}; choose {', '.join(THEMES)}") from None


def contrast(first: str, second: str) -> float:
    """The WCAG 2 contrast ratio of two ``#RRGGBB`` colours (1 to 21)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def luminance(color: str) -> float:
    """WCAG 2 relative luminance of ``#RRGGBB``."""
    digits = color.lstrip("#")
    if len(digits) != 6:
        raise ValueError(f"not a #RRGGBB colour: {color!r}")
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
