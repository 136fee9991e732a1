"""The window's look in one place: colours, spacing and the style sheet.

Calm and high-contrast enough for a projector: light neutral surfaces, one accent,
green for "agreed" and amber for "still needs a solution".
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from workshopdesk.resources import resource

BOARD_BG = "#f3f4f7"
COLUMN_BG = "#e8eaef"
CARD_BG = "#ffffff"
CARD_BORDER = "#d9dce3"
TEXT = "#1b2333"
MUTED = "#5b6478"
FAINT = "#8a93a6"
ACCENT = "#4f46e5"
ACCENT_SOFT = "#e7e6fd"
AGREED = "#1f7a4d"
AGREED_BG = "#dcf3e6"
OPEN = "#9a5b00"
OPEN_BG = "#fff1d6"
BANNER_BG = "#fff4d6"
BANNER_BORDER = "#e9c46a"
DANGER = "#b42318"

COLUMN_WIDTH = 330
"""Logical pixels at zoom 1; the board scales it with the zoom."""

COLUMN_MIN_WIDTH = 240
"""How narrow a column may get (at zoom 1) so the whole board fits a smaller window."""

STATUS_MS = 8000
"""How long a passing message stays in the status bar."""

ZOOM_STEPS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)


def qcolor(value: str, alpha: float = 1.0) -> QColor:
    color = QColor(value)
    color.setAlphaF(alpha)
    return color


def style_sheet() -> str:
    CHEVRON = resource("icons", "editor-chevron-down.svg").as_posix()
    return f"""
QMainWindow, QWidget#boardPage, QWidget#startScreen {{ background: {BOARD_BG}; }}
QWidget {{ color: {TEXT}; }}
QToolBar {{
    background: #ffffff; border: none; border-bottom: 1px solid {CARD_BORDER};
    padding: 6px 10px; spacing: 6px;
}}
QToolBar QToolButton {{
    padding: 6px 12px; border-radius: 7px; border: 1px solid transparent; color: {TEXT};
}}
QToolBar QToolButton:hover {{ background: {COLUMN_BG}; }}
QToolBar QToolButton:checked {{ background: {ACCENT_SOFT}; color: {ACCENT}; }}
QToolBar QToolButton:focus {{ border: 2px solid {ACCENT}; }}
QToolBar QToolButton:disabled {{ color: {FAINT}; }}
QStatusBar {{
    background: #ffffff; border-top: 1px solid {CARD_BORDER}; color: {MUTED};
}}
QStatusBar::item {{ border: none; }}
QLabel#progressText {{ color: {TEXT}; font-weight: 600; padding: 0 10px; }}
QProgressBar#progressBar {{
    background: {COLUMN_BG}; border: none; border-radius: 4px; max-height: 8px;
    min-width: 140px; max-width: 140px;
}}
QProgressBar#progressBar::chunk {{ background: {AGREED}; border-radius: 4px; }}
QWidget#column {{ background: {COLUMN_BG}; border-radius: 12px; }}
QLabel#columnName {{ font-weight: 700; color: {TEXT}; }}
QLabel#columnCount {{
    color: {MUTED}; background: #ffffff; border-radius: 9px; padding: 1px 8px;
}}
QLabel#doneBadge {{
    color: {AGREED}; background: {AGREED_BG}; border-radius: 9px; padding: 1px 8px;
    font-weight: 600;
}}
QListView#cardList {{ background: transparent; border: none; outline: none; }}

QLineEdit {{
    background: #ffffff; border: 1px solid {CARD_BORDER}; border-radius: 8px;
    padding: 7px 10px; selection-background-color: {ACCENT};
}}
QLineEdit:focus {{ border: 2px solid {ACCENT}; padding: 6px 9px; }}
QLineEdit#quickAdd {{ background: transparent; border: 1px dashed #c3c8d4; }}
QLineEdit#quickAdd:focus {{ background: #ffffff; border: 2px solid {ACCENT}; }}
QLineEdit:disabled {{ color: {FAINT}; }}
QLineEdit[invalid="true"], QLineEdit#quickAdd[invalid="true"] {{
    background: #ffffff; border: 2px solid {DANGER}; padding: 6px 9px;
}}
QLabel#lengthNote {{ color: {MUTED}; }}
QLabel#lengthNote[role="error"] {{ color: {DANGER}; font-weight: 600; }}
QComboBox {{
    background: #ffffff; border: 1px solid {CARD_BORDER}; border-radius: 8px;
    padding: 6px 10px; min-width: 110px;
}}
QComboBox:focus {{ border: 2px solid {ACCENT}; padding: 5px 9px; }}
QComboBox {{ padding-right: 26px; }}
QComboBox:focus {{ padding-right: 25px; }}
QComboBox::drop-down {{
    border: none; width: 24px; subcontrol-origin: padding; subcontrol-position: center right;
}}
QComboBox::down-arrow {{ image: url({CHEVRON}); width: 12px; height: 12px; }}
QComboBox QAbstractItemView {{
    background: #ffffff; border: 1px solid {CARD_BORDER}; outline: none;
    selection-background-color: {ACCENT_SOFT}; selection-color: {TEXT};
}}
QToolButton#columnMenu, QPushButton#addColumn, QPushButton#flat {{
    border: 1px solid transparent; border-radius: 7px; padding: 4px 8px; color: {MUTED};
    background: transparent;
}}
QToolButton#columnMenu:hover, QPushButton#addColumn:hover, QPushButton#flat:hover {{
    background: #dfe2e9; color: {TEXT};
}}
QToolButton#columnMenu:focus, QPushButton#addColumn:focus, QPushButton#flat:focus {{
    border: 2px solid {ACCENT};
}}
QToolButton#columnMenu::menu-indicator {{ image: none; }}
QToolButton#columnMenu {{ padding: 4px 4px; }}
QPushButton#addColumn {{
    background: {COLUMN_BG}; border-radius: 12px; padding: 12px 16px; font-weight: 600;
}}
QPushButton {{
    background: #ffffff; border: 1px solid {CARD_BORDER}; border-radius: 8px;
    padding: 7px 16px;
}}
QPushButton:hover {{ background: {COLUMN_BG}; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; padding: 6px 15px; }}
QPushButton#primary {{
    background: {ACCENT}; color: #ffffff; border: 1px solid {ACCENT}; font-weight: 600;
}}
QPushButton#primary:hover {{ background: #4338ca; }}
QPushButton#primary:focus {{ border: 2px solid #1e1b4b; }}
QFrame#banner {{
    background: {BANNER_BG}; border: 1px solid {BANNER_BORDER}; border-radius: 8px;
}}
QLabel#workshopTitle {{ font-weight: 700; color: {TEXT}; }}
QLabel#workshopMeta {{ color: {MUTED}; }}
QLabel#workshopGoal {{ color: {AGREED}; font-weight: 500; }}
QLabel#muted {{ color: {MUTED}; }}
QLabel#heading {{ font-weight: 700; color: {TEXT}; }}
QListWidget#recentList {{
    background: #ffffff; border: 1px solid {CARD_BORDER}; border-radius: 12px; padding: 6px;
    outline: none;
}}
QListWidget#recentList::item {{ padding: 10px 12px; border-radius: 8px; }}
QListWidget#recentList::item:selected {{ background: {ACCENT_SOFT}; color: {TEXT}; }}
QListWidget#recentList:focus {{ border: 2px solid {ACCENT}; }}
QPushButton#startChoice, QPushButton#startDemo {{
    text-align: left; border-radius: 10px; padding: 0; background: #ffffff;
}}
QPushButton#startChoice:hover {{ background: {BOARD_BG}; border-color: #c3c8d4; }}
QPushButton#startChoice:focus, QPushButton#startDemo:focus {{ border: 2px solid {ACCENT}; }}
QPushButton#startDemo {{ background: {ACCENT}; border: 1px solid {ACCENT}; }}
QPushButton#startDemo:hover {{ background: #4338ca; }}
QPushButton#startDemo:focus {{ border: 2px solid #1e1b4b; }}
QPushButton#startDemo QLabel {{ color: #ffffff; background: transparent; }}
QPushButton#startChoice QLabel {{ background: transparent; }}
QLabel#choiceHint {{ color: {MUTED}; }}
QPushButton#startDemo QLabel#choiceHint {{ color: #e0e7ff; }}
QLabel#emptyRecent {{
    color: {MUTED}; border: 1.5px dashed #c3c8d4; border-radius: 12px; background: {BOARD_BG};
}}
QFrame#startCard {{
    background: #ffffff; border: 1px solid {CARD_BORDER}; border-radius: 14px;
}}
QScrollArea {{ background: transparent; border: none; }}
QScrollBar:horizontal {{ height: 12px; background: transparent; margin: 2px; }}
QScrollBar:vertical {{ width: 10px; background: transparent; margin: 2px; }}
QScrollBar::handle {{ background: #c5cad5; border-radius: 4px; min-width: 30px; min-height: 30px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
"""
