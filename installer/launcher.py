"""The bundled app's entry point: the same front door as the ``workshopdesk`` command."""

from workshopdesk.cli import main

raise SystemExit(main())
