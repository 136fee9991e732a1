from workshopdesk.cli import main

raise SystemExit(main())
