"""Render the Follow-ups panel on the demo workshop, as at the check-in weeks later (one
follow-up done, one dropped, a few overdue), to a PNG for the docs.

    .venv/bin/python scripts/shot_follow_ups.py docs/screenshots

writes follow-ups-panel.png, and check-in-dialog.png: the check-in on 1 March 2027 in the
window, the goal on top, then the progress, then what fell due.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(folder: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from workshopdesk import starters
    from workshopdesk.core import operations as ops
    from workshopdesk.gui.app import make_application
    from workshopdesk.gui.check_in_dialog import CheckInDialog
    from workshopdesk.gui.document import Document
    from workshopdesk.gui.follow_ups_panel import FollowUpsPanel
    from workshopdesk.store.workshop_file import WorkshopFile

    app = QApplication.instance() or make_application()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "demo.workshop"
        WorkshopFile.create(path, starters.demo())
        document = Document(path)
        try:
            first, second = sorted(
                document.workshop.follow_ups.values(), key=lambda f: f.due or ""
            )[:2]
            document.do(lambda ws: ops.edit_follow_up(
                ws, first.id, status="done", outcome="SSO works for all three tenants."
            ))  # fmt: skip
            document.do(lambda ws: ops.edit_follow_up(
                ws, second.id, status="dropped", outcome="Their CFO left; new contact in April."
            ))  # fmt: skip
            panel = FollowUpsPanel()
            panel.model.today = lambda: date(2027, 3, 1)
            panel.attach(document)
            panel.resize(1400, 400)
            panel.show()
            app.processEvents()
            panel.grab().save(str(folder / "follow-ups-panel.png"))
            panel.detach()
            dialog = CheckInDialog(document, date(2027, 3, 1))
            dialog.resize(900, 860)
            dialog.show()
            app.processEvents()
            dialog.grab().save(str(folder / "check-in-dialog.png"))
            dialog.reject()
        finally:
            document.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
