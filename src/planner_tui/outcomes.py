"""What a small step's outcomes mean, named once for every count of them — standard library
only, as the quick paths (`planner-tui today`) and the pure arithmetic (learning) both
read it."""

TAKEN = frozenset({"done", "declined", "no_reply"})
"""Outcomes where you reached out (the rest of it was the other person's, or timing): the
Review's *Following through*, and Today's count of steps taken this week."""


def taken(status: str, person_id: int | None) -> bool:
    """Whether a step with this outcome was reached out on: a "not this time" toward a place,
    with no one, was not gone to (nu176: it was counted, and praised as reaching out)."""
    return status in TAKEN and not (status == "declined" and person_id is None)


def not_now(status: str, person_id: int | None) -> bool:
    """Whether a step's outcome is someone's "not now": a place's "not this time" is no
    one's answer, and was counted among the 'not now's that could become a yes (nu228)."""
    return status == "declined" and person_id is not None


NOT_THIS_TIME = "not this time"
"""A step toward a place declined: how it is named wherever outcomes are listed."""


def named(status: str, person_id: int | None, label: str) -> str:
    """How a step's outcome is listed: *label*, its status's name, except a place's
    decline, "not this time" (the Markdown export said "not now", nu274)."""
    return NOT_THIS_TIME if status == "declined" and person_id is None else label


TAKEN_SQL = (
    "step.status IN ({}) AND NOT (step.status = 'declined' AND step.person_id IS NULL)".format(
        ", ".join(f"'{status}'" for status in sorted(TAKEN))
    )
)
""":func:`taken` as SQL on the step table (the same on SQLite and PostgreSQL)."""
