"""The bundled app's entry point: the same front door as the ``workshopdesk`` command.

Started from the Start menu, the Dock or Finder, the app gets no arguments (a double-clicked
workshop file arrives as its path): that means the window, on its start screen.
"""

import os
import sys

from workshopdesk.cli import main

if sys.platform in ("win32", "darwin") and len(sys.argv) == 1:
    sys.argv.append("open")

# A windowed app on Windows has no console: what commands print goes nowhere, quietly.
if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115

raise SystemExit(main())
