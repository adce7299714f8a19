from planner_tui.cli import main

raise SystemExit(main())
