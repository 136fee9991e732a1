"""`workshopdesk FILE` paints the board without loading what the first frame does not show:
the phone server, the exports, the wall's painting, the room's panels and the dialogs load
when first wanted. Run in a fresh process, as a facilitator starts the app, so what other
tests loaded does not count."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Started as `workshopdesk FILE` does; at the cards' first paint it prints what is loaded.
START = """
import importlib.util, sys
from pathlib import Path

class Watch:
    def find_spec(self, name, path, target=None):
        if name != "workshopdesk.gui.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            probe(module)

        spec.loader.exec_module = exec_module
        return spec

def probe(gui_app):
    from PySide6.QtCore import QEvent, QObject, QTimer
    from workshopdesk.gui.app_settings import isolated_settings

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not hasattr(self, "seen"):
                import gc
                self.seen = True
                print("collecting", gc.isenabled())
                print("docks", window.phone_docks.built)
                print("start_screen", window._start is not None)
                print("loaded", *sorted(sys.modules))
                QTimer.singleShot(300, self.later)
            return False

        def later(self):
            import gc
            print("collecting_later", gc.isenabled())
            sys.stdout.flush()
            os._exit(0)

    class Probe(gui_app.MainWindow):
        def open_file(self, path):
            global window
            window = self
            opened = super().open_file(path)
            self.watcher = FirstPaint()
            for column in self.page.board.columns.values():
                column.cards.viewport().installEventFilter(self.watcher)
            return opened

    gui_app.MainWindow = Probe
    gui_app.user_settings = lambda: isolated_settings(Path(sys.argv[2]))

import os
sys.meta_path.insert(0, Watch())
import workshopdesk.cli
sys.exit(workshopdesk.cli.main([sys.argv[1]]))
"""

NOT_AT_START = (
    "aiohttp",  # the phone server
    "qrcode",
    "PIL",
    "vobject",
    "icalendar",
    "workshopdesk.server",
    "workshopdesk.export",
    "workshopdesk.imports",
    "workshopdesk.paint.wall",  # the wall's painting: when the wall or its preview shows
    "workshopdesk.paint.pdf_report",
    "workshopdesk.paint.posters",
    "workshopdesk.paint.qr",
    "workshopdesk.core.share_link",
    "workshopdesk.gui.share_panel",
    "workshopdesk.gui.wall_controller",
    "workshopdesk.gui.wall_window",
    "workshopdesk.gui.ideas_panel",
    "workshopdesk.gui.round_panel",
    "workshopdesk.gui.activity_panel",
    "workshopdesk.gui.follow_ups_panel",
    "workshopdesk.gui.start_screen",
    "workshopdesk.gui.problem_editor",
    "workshopdesk.gui.preparation",
    "workshopdesk.gui.check_in_dialog",
    "workshopdesk.gui.export_dialog",
    "workshopdesk.gui.import_dialog",
    "workshopdesk.gui.preferences_dialog",
    "workshopdesk.core.operations",  # the board's edits: on the first one
)


def test_the_first_paint_of_the_board_loads_only_what_it_shows(
    demo_path: Path, tmp_path: Path
) -> None:
    settings = tmp_path / "settings"
    settings.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", START, str(demo_path), str(settings)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert "loaded" in lines, result.stderr[-2000:]
    loaded = lines["loaded"].split()
    assert "workshopdesk.gui.board" in loaded and "PySide6.QtWidgets" in loaded  # it ran
    too_early = [
        name
        for name in loaded
        for heavy in NOT_AT_START
        if name.split(".")[: heavy.count(".") + 1] == heavy.split(".")
    ]
    assert too_early == [], "loaded before the board's first paint"
    assert lines["docks"] == "False", "the room's panels are built after the first paint"
    assert lines["start_screen"] == "False", "a workshop opened at start never needs it"
    assert lines["collecting"] == "False", "the cycle collector waits for the first paint"
    assert lines["collecting_later"] == "True", "and is back on just after it"
