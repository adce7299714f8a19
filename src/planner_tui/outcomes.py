"""What a small step's outcomes mean, named once for every count of them — standard library
only, as the quick paths (`planner-tui today`) and the pure arithmetic (learning) both
read it."""

TAKEN = frozenset({"done", "declined", "no_reply"})
"""Outcomes where you reached out (the rest of it was the other person's, or timing): the
Review's *Following through*, and Today's count of steps taken this week."""
