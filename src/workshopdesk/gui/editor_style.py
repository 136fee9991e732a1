"""The calm look shared by the problem editor and the preparation dialogs.

One style sheet, set on each dialog (never on the application), in device-independent
pixels so it scales with the screen. Roles are dynamic properties: ``role`` on labels
(heading, section, hint, error), ``primary`` on the main button, ``card`` on frames.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from workshopdesk.paint.fonts import font
from workshopdesk.resources import resource
from workshopdesk.text.ui import N_

INK = "#1d2433"
MUTED = "#5d6778"
LINE = "#d3d8e0"
SURFACE = "#f6f7f9"
ACCENT = "#3b5bdb"
AGREED = "#12a150"
REJECTED = "#98a2b3"
ERROR = "#c4320a"

STATUS_COLOURS = {"proposed": ACCENT, "agreed": AGREED, "rejected": REJECTED}

CARD_COLOURS: tuple[tuple[str, str], ...] = (
    ("#f2cc8f", N_("Sand")),
    ("#fde68a", N_("Yellow")),
    ("#fecaca", N_("Rose")),
    ("#bbf7d0", N_("Mint")),
    ("#bfdbfe", N_("Sky")),
    ("#ddd6fe", N_("Lavender")),
    ("#e5e7eb", N_("Grey")),
)

_STYLE = """
QDialog {{ background: {SURFACE}; color: {INK}; }}
QLabel {{ color: {INK}; }}
QLabel[role="heading"] {{ font-size: 16pt; font-weight: 600; }}
QLabel[role="section"] {{ font-size: 11.5pt; font-weight: 600; padding-top: 6px; }}
QLabel[role="field"] {{ color: {MUTED}; font-weight: 600; }}
QLabel[role="hint"] {{ color: {MUTED}; }}
QLabel[role="error"] {{ color: {ERROR}; }}
QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QDateTimeEdit, QSpinBox {{
    background: white; border: 1px solid {LINE}; border-radius: 6px;
    padding: 4px 6px; color: {INK}; selection-background-color: #c5d2fb;
    selection-color: {INK};
}}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QDateEdit:focus,
QDateTimeEdit:focus, QSpinBox:focus {{ border: 1px solid {ACCENT}; }}
QLineEdit:read-only, QPlainTextEdit[readOnly="true"] {{ background: #eef0f3; }}
QLineEdit:disabled, QComboBox:disabled, QDateEdit:disabled, QSpinBox:disabled,
QDateTimeEdit:disabled {{ background: #eef0f3; color: #98a2b3; }}
*[invalid="true"] {{ border: 1px solid {ERROR}; }}
QPushButton, QToolButton {{
    background: white; border: 1px solid {LINE}; border-radius: 6px;
    padding: 5px 12px; color: {INK};
}}
QPushButton:hover, QToolButton:hover {{ background: #eef1f6; }}
QPushButton:focus, QToolButton:focus {{ border: 2px solid {ACCENT}; padding: 4px 11px; }}
QPushButton:disabled, QToolButton:disabled {{ color: #a8b0bd; background: #f1f2f4; }}
QPushButton[primary="true"] {{ background: {ACCENT}; border-color: {ACCENT}; color: white;
    font-weight: 600; }}
QPushButton[primary="true"]:hover {{ background: #3450c4; }}
QPushButton[primary="true"]:disabled {{ background: #b4bfe8; border-color: #b4bfe8; }}
QPushButton[primary="true"]:focus {{ border: 2px solid #17264f; }}
QPushButton[segment="true"] {{ border-radius: 0px; padding: 4px 10px; }}
QPushButton[segment="true"]:checked {{ background: #e6ebfb; border-color: {ACCENT};
    color: #233a91; }}
QPushButton[segment="true"][status="agreed"]:checked {{ background: #dcf5e6;
    border-color: {AGREED}; color: #0b6b35; }}
QPushButton[segment="true"][status="rejected"]:checked {{ background: #eceef2;
    border-color: #7a8494; color: #4a5262; }}
QPushButton[flat="true"] {{ border: none; background: transparent; color: {MUTED}; }}
QPushButton[flat="true"]:hover {{ color: {ERROR}; background: #fbeae5; }}
QPushButton[flat="true"]:focus {{ border: 2px solid {ACCENT}; }}
QPushButton[flat="true"]:disabled {{ color: #b8bfca; background: transparent; }}
QFrame[card="true"] {{ background: white; border: 1px solid #e1e5eb; border-radius: 10px; }}
QFrame[card="true"][status="agreed"] {{ border: 1px solid #8fd6ad; background: #fbfefc; }}
QFrame[card="true"][status="rejected"] {{ background: #fafafb; }}
QFrame[banner="info"] {{ background: #eaf0ff; border: 1px solid #b9c8f5; border-radius: 8px; }}
QFrame[banner="warning"] {{ background: #fff5e0; border: 1px solid #f1c87a; border-radius: 8px; }}
QFrame[banner="error"] {{ background: #fdecea; border: 1px solid #f0a79b; border-radius: 8px; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
QTableView, QListView {{ background: white; border: 1px solid {LINE}; border-radius: 8px;
    gridline-color: #eceff3; selection-background-color: #dfe6fb; selection-color: {INK}; }}
QListView::item {{ padding: 6px 8px; border-bottom: 1px solid #eef0f3; color: {INK}; }}
QListView::item:selected {{ background: #dfe6fb; }}
QTableView:focus, QListView:focus {{ border: 1px solid {ACCENT}; }}
QHeaderView::section {{ background: #f0f2f5; color: {MUTED}; border: none;
    border-bottom: 1px solid {LINE}; padding: 5px 8px; font-weight: 600; }}
QCheckBox {{ color: {INK}; spacing: 6px; }}
QComboBox {{ padding-right: 22px; }}
QComboBox QLineEdit {{ border: none; padding: 0px; background: transparent; }}
QComboBox::drop-down, QDateEdit::drop-down, QDateTimeEdit::drop-down {{
    border: none; width: 22px; subcontrol-origin: padding; subcontrol-position: center right; }}
QComboBox::down-arrow, QDateEdit::down-arrow, QDateTimeEdit::down-arrow {{
    image: url({CHEVRON}); width: 12px; height: 12px; }}
QComboBox::down-arrow:disabled, QDateEdit::down-arrow:disabled {{ image: none; }}
QComboBox QAbstractItemView {{ background: white; border: 1px solid {LINE};
    selection-background-color: #dfe6fb; selection-color: {INK}; outline: none; }}
QCheckBox::indicator, QTableView::indicator {{ width: 16px; height: 16px; border-radius: 4px;
    border: 1px solid #b8c0cc; background: white; }}
QCheckBox::indicator:checked, QTableView::indicator:checked {{ background: {ACCENT};
    border-color: {ACCENT}; image: url({CHECK}); }}
QCheckBox::indicator:focus {{ border: 2px solid {ACCENT}; }}
QCheckBox::indicator:disabled {{ background: #eef0f3; border-color: #d3d8e0; }}
QCheckBox::indicator:checked:disabled {{ background: #a9b6e6; }}
QSpinBox[votes="true"] {{ padding: 4px 2px; }}
QSpinBox::up-button, QSpinBox::down-button {{ width: 0px; border: none; }}
QToolButton[stepper="true"] {{ padding: 3px 8px; min-width: 12px; }}
QToolButton[stepper="true"]:focus {{ padding: 2px 7px; }}
"""


@cache
def style_sheet() -> str:
    names = {k: v for k, v in globals().items() if k.isupper() and isinstance(v, str)}
    names["CHEVRON"] = resource("icons", "editor-chevron-down.svg").as_posix()
    names["CHECK"] = resource("icons", "editor-check.svg").as_posix()
    return _STYLE.format(**names)


def apply_style(widget: QWidget) -> None:
    """Give a dialog the shared font and style sheet."""
    widget.setFont(font(10.0))
    widget.setStyleSheet(style_sheet())


def set_role(widget: QWidget, name: str, value: str | bool) -> None:
    """Set a styling property and make the style sheet notice it."""
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def readable_on(background: str) -> str:
    """Black or white text, whichever reads better on ``background``."""
    colour = QColor(background)
    if not colour.isValid():
        return INK
    luminance = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return INK if luminance > 150 else "#ffffff"


def heading_font() -> QFont:
    return font(16.0, QFont.Weight.DemiBold)
