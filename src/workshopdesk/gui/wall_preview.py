"""The laptop's view of the wall: a small live preview and the controls.

The facilitator faces the room, not the projector; this panel shows exactly what the wall
shows (the same painting) and drives it: open it on a screen, pick the view and theme,
step the spotlight, and run the time-box timer.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshopdesk.core.timer import MINUTE_MS, Phase, format_clock
from workshopdesk.gui.wall_controller import WallController
from workshopdesk.paint.themes import THEMES
from workshopdesk.paint.wall import paint_wall
from workshopdesk.paint.wall_scene import View
from workshopdesk.text.ui import _

PANEL_WIDTH = 256
"""The preview's width: the panel stays narrow so the board keeps its columns."""


class ScenePreview(QWidget):
    """The wall, painted small, 16:9, centred."""

    def __init__(self, controller: WallController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setMinimumSize(240, 135)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(_("Preview of the wall"))
        controller.sceneChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(PANEL_WIDTH, round(PANEL_WIDTH * 9 / 16))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return round(width * 9 / 16)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            width = min(self.width(), self.height() * 16 / 9)
            height = width * 9 / 16
            target = QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)
            paint_wall(painter, target, self.controller.scene())
            painter.setPen(QColor(self.palette().mid().color()))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(target.adjusted(0, 0, -1, -1))
        finally:
            painter.end()


class WallPreview(QWidget):
    def __init__(self, controller: WallController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAccessibleName(_("Wall mode"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.preview = ScenePreview(controller, self)
        layout.addWidget(self.preview)

        self.show_button = QPushButton(_("Show on projector"), self)
        self.show_button.setCheckable(True)
        self.show_button.setToolTip(_("Open the wall full screen (F5); Esc on the wall closes it"))
        self.show_button.toggled.connect(controller.toggle_wall)
        self.screen_box = QComboBox(self)
        self.screen_box.setAccessibleName(_("Screen for the wall"))
        self.screen_box.activated.connect(self._screen_chosen)
        self.screen_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.screen_box.setMinimumContentsLength(8)
        layout.addWidget(self.show_button)
        layout.addWidget(self.screen_box)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        views = QGridLayout()
        views.setSpacing(4)
        self.view_buttons: dict[View, QToolButton] = {}
        for view, text, tip in (
            (View.WALL, _("Wall"), _("The whole wall (W)")),
            (View.SPOTLIGHT, _("Spotlight"), _("One problem and its solutions, large")),
            (View.RULES, _("Goal && rules"), _("The shared goal and the ground rules (R)")),
            (View.JOIN, _("QR code"), _("The join QR code full screen, for the back row (Q)")),
            (
                View.CHECK_IN,
                _("Check-in"),
                _("The goal, the progress and the follow-ups due, for a check-in (C)"),
            ),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, v=view: controller.set_view(v))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.view_buttons[view] = button
            place = len(self.view_buttons) - 1
            views.addWidget(button, place // 2, place % 2)
        form.addRow(_("Show:"), views)

        steps = QHBoxLayout()
        self.previous_button = QToolButton(self)
        self.previous_button.setText(_("◀ Previous"))
        self.previous_button.setToolTip(_("Previous problem (PageUp)"))
        self.previous_button.clicked.connect(lambda: controller.step(-1))
        self.next_button = QToolButton(self)
        self.next_button.setText(_("Next ▶"))
        self.next_button.setToolTip(_("Next problem (PageDown)"))
        self.next_button.clicked.connect(lambda: controller.step(1))
        steps.addWidget(self.previous_button)
        steps.addWidget(self.next_button)
        steps.addStretch(1)
        form.addRow(_("Spotlight:"), steps)

        self.theme_box = QComboBox(self)
        self.theme_box.setAccessibleName(_("Wall theme"))
        for name, theme in THEMES.items():
            self.theme_box.addItem(_(theme.label), name)
        self.theme_box.activated.connect(
            lambda index: controller.set_theme(str(self.theme_box.itemData(index)))
        )
        form.addRow(_("Theme:"), self.theme_box)
        layout.addLayout(form)

        layout.addWidget(self._timer_controls())
        layout.addStretch(1)

        controller.sceneChanged.connect(self.refresh)
        controller.shownChanged.connect(self.refresh)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._fill_screens)
            app.screenRemoved.connect(self._fill_screens)
        self._fill_screens()
        self.refresh()

    def _timer_controls(self) -> QWidget:
        box = QWidget(self)
        grid = QVBoxLayout(box)
        grid.setContentsMargins(0, 8, 0, 0)
        heading = QLabel(_("Time-box timer"), box)
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        grid.addWidget(heading)
        top = QHBoxLayout()
        self.clock_label = QLabel(box)
        self.clock_label.setAccessibleName(_("Time left"))
        font = self.clock_label.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.clock_label.setFont(font)
        top.addWidget(self.clock_label)
        top.addStretch(1)
        self.minutes = QSpinBox(box)
        self.minutes.setRange(1, 240)
        self.minutes.setSuffix(" " + _("min"))
        self.minutes.setAccessibleName(_("Time-box minutes"))
        self.minutes.setToolTip(_("Minutes for the time-box; press Enter or Set"))
        self.minutes.editingFinished.connect(self._minutes_edited)
        self.minutes_set_button = QToolButton(box)
        self.minutes_set_button.setText(_("Set"))
        self.minutes_set_button.clicked.connect(self._set_minutes)
        top.addWidget(self.minutes)
        top.addWidget(self.minutes_set_button)
        grid.addLayout(top)

        buttons = QHBoxLayout()
        self.start_button = QPushButton(_("Start"), box)
        self.start_button.clicked.connect(self.controller.timer.toggle)
        self.reset_button = QPushButton(_("Reset"), box)
        self.reset_button.clicked.connect(self.controller.timer.reset)
        self.plus_button = QPushButton(_("+1 min"), box)
        self.plus_button.setToolTip(_("One more minute"))
        self.plus_button.clicked.connect(self.controller.timer.add_minute)
        self.beep_box = QCheckBox(_("Beep at zero"), box)
        self.beep_box.setChecked(self.controller.timer.beep_enabled)
        self.beep_box.toggled.connect(self.controller.set_beep)
        for widget in (self.start_button, self.reset_button, self.plus_button):
            widget.setStyleSheet("QPushButton { padding: 6px 10px; }")
            buttons.addWidget(widget)
        grid.addLayout(buttons)
        grid.addWidget(self.beep_box)
        return box

    # -- keeping up ---------------------------------------------------------------------
    def refresh(self) -> None:
        controller = self.controller
        shown = controller.scene().view
        for view, button in self.view_buttons.items():
            button.setChecked(view is shown)
        self.view_buttons[View.JOIN].setEnabled(controller.join is not None)
        if self.show_button.isChecked() != controller.is_up:
            self.show_button.blockSignals(True)
            self.show_button.setChecked(controller.is_up)
            self.show_button.blockSignals(False)
        self.show_button.setText(
            _("Close the wall") if controller.is_up else _("Show on projector")
        )
        index = self.theme_box.findData(controller.theme.name)
        if index >= 0 and index != self.theme_box.currentIndex():
            self.theme_box.setCurrentIndex(index)
        timer = controller.timer
        state = timer.state
        if timer.is_finished():
            self.clock_label.setText(_("Time's up"))
        else:
            self.clock_label.setText(format_clock(timer.remaining()))
        self.start_button.setText(
            _("Pause") if state.phase is Phase.RUNNING and not timer.is_finished() else _("Start")
        )
        if not self.minutes.hasFocus():
            self.minutes.blockSignals(True)
            self.minutes.setValue(max(1, round(state.duration_ms / MINUTE_MS)))
            self.minutes.blockSignals(False)

    def _set_minutes(self) -> None:
        self.controller.timer.set_minutes(self.minutes.value())

    def _minutes_edited(self) -> None:
        # Leaving the field must not reset a running timer: only a new length does.
        if round(self.controller.timer.state.duration_ms / MINUTE_MS) != self.minutes.value():
            self._set_minutes()

    def _fill_screens(self) -> None:
        self.screen_box.clear()
        chosen = self.controller.chosen_screen()
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            size = screen.geometry().size()
            label = _("Screen {number} ({width}×{height})").format(
                number=number, width=size.width(), height=size.height()
            )
            self.screen_box.addItem(label, screen.name())
            self.screen_box.setItemData(number - 1, screen.name(), Qt.ItemDataRole.ToolTipRole)
            if screen is chosen:
                self.screen_box.setCurrentIndex(number - 1)

    def _screen_chosen(self, index: int) -> None:
        screens = QGuiApplication.screens()
        if 0 <= index < len(screens):
            self.controller.choose_screen(screens[index])
