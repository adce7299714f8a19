"""planner-tui: small, low-pressure steps toward connection, in the terminal."""

__version__ = "0.1.0"
