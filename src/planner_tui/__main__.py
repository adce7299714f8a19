from planner_tui.start import main

raise SystemExit(main())
