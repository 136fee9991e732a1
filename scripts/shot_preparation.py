"""Render the preparation dialogs on the demo workshop to PNGs for the docs.

    .venv/bin/python scripts/shot_preparation.py docs/screenshots

writes preparation-people.png, preparation-goal.png and preparation-invitation.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(folder: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from workshopdesk import starters
    from workshopdesk.gui.document import Document
    from workshopdesk.gui.preparation import GoalDialog, InvitationDialog, PeopleDialog
    from workshopdesk.store.workshop_file import WorkshopFile

    app = QApplication.instance() or QApplication([])
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "demo.workshop"
        WorkshopFile.create(path, starters.demo())
        document = Document(path)
        try:
            for name, cls in (
                ("people", PeopleDialog),
                ("goal", GoalDialog),
                ("invitation", InvitationDialog),
            ):
                dialog = cls(document)
                dialog.show()
                app.processEvents()
                out = folder / f"preparation-{name}.png"
                dialog.grab().save(str(out))
                print(f"Wrote {out}")
                dialog.reject()
        finally:
            document.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
