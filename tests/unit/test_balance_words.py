"""Who tends to reach out, in words (issue 16: "Mostly them reaching out with Lea A." read
oddly): one sentence for each case — mostly you, mostly them, leaning one way (issue 19: 13 against
3 is not "both ways"), both ways, too few contacts to
say — said the same way in the review and on someone's page."""

from __future__ import annotations

import pytest

from planner_tui import words
from planner_tui.services.gaps import ONE_SIDED_SHARE

from .test_wording import HARSH


@pytest.mark.parametrize(
    ("me", "them", "together", "enough", "said"),
    [
        (6, 1, 1, 3, "You were usually the one to reach out to Lea A. "
                     "(you 6, them 1, together 1)."),
        (1, 6, 1, 3, "Lea A. was usually the one to reach out to you "
                     "(you 1, them 6, together 1)."),
        (3, 0, 0, 3, "You were usually the one to reach out to Lea A. "
                     "(you 3, them 0, together 0)."),
        (0, 3, 0, 3, "Lea A. was usually the one to reach out to you "
                     "(you 0, them 3, together 0)."),
        (3, 3, 1, 3, "Reaching out goes both ways with Lea A. (you 3, them 3, together 1)."),
        (4, 2, 0, 3, "With Lea A., reaching out leans your way (you 4, them 2, together 0)."),
        (13, 3, 4, 3, "With Lea A., reaching out leans your way (you 13, them 3, together 4)."),
        (3, 7, 4, 3, "With Lea A., reaching out leans their way (you 3, them 7, together 4)."),
        (5, 4, 2, 3, "Reaching out goes both ways with Lea A. (you 5, them 4, together 2)."),
        (3, 2, 6, 3, "Reaching out goes both ways with Lea A. (you 3, them 2, together 6)."),
        (2, 0, 9, 3, "With Lea A., reaching out leans your way (you 2, them 0, together 9)."),
        (1, 1, 6, 3, "Reaching out goes both ways with Lea A. (you 1, them 1, together 6)."),
        (2, 0, 0, 3, "Too soon to see a pattern with Lea A. — 2 contacts so far."),
        (1, 0, 0, 3, "Too soon to see a pattern with Lea A. — 1 contact so far."),
        (6, 1, 0, 8, "Too soon to see a pattern with Lea A. — 7 contacts so far."),
        (0, 0, 0, 3, "Nothing logged with Lea A. yet."),
    ],
)  # fmt: skip
def test_each_case_reads_as_a_sentence(
    me: int, them: int, together: int, enough: int, said: str
) -> None:
    sentence = words.reaching_out(
        "Lea A.", me=me, them=them, together=together, enough=enough, lean=ONE_SIDED_SHARE
    )
    assert sentence == said
    assert not HARSH.search(sentence)
    assert "Mostly" not in sentence and "them reaching" not in sentence
