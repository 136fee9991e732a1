"""The bundled app's entry point: the same front door as the ``workshopdesk`` command.

Started from the Start menu, the Dock or Finder, the app gets no arguments (a double-clicked
workshop file arrives as its path): that means the window, on its start screen.
"""

import sys

from workshopdesk.cli import main

if sys.platform in ("win32", "darwin") and len(sys.argv) == 1:
    sys.argv.append("open")

raise SystemExit(main())
