"""Patterns in a month, as plain arithmetic: no database, no UI.

Everything here describes associations between things that happened on the same days. None
of it says what caused what, and the words built from it say "often came with", never
"because".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from planner_tui import clock
from planner_tui.names import sort_key
from planner_tui.words import rounded

MIN_DAYS = 3
"""An item is compared only with at least this many scored days with it *and* without it:
fewer says nothing about a pattern."""
NOTABLE_DIFFERENCE = 0.3
"""Differences in average connectedness smaller than this are not worth a sentence."""
THEMES = 5
"""How many themes of warmth and withdrawal to show."""
MIN_THEME_ENTRIES = 2
"""A word is a theme once it appears in at least this many entries."""
HIGHER_ONLY = frozenset({"person", "context"})
"""Kinds shown only when their days went with higher scores: a person is never shown as
coming with colder days (nothing here reads as a verdict on someone), nor is a part of
life, which is its people (a family of one, a mother, showed as "Family -0.4"; nu216)."""


def may_show(kind: str, difference: float) -> bool:
    """Whether something of *kind* whose days differed by *difference* may be shown
    (:data:`HIGHER_ONLY`): the one rule for a month and for windows of months."""
    return kind not in HIGHER_ONLY or difference > 0


@dataclass(frozen=True)
class Association:
    """Average connectedness on days with an item against days without it."""

    kind: str
    """'person', 'context', 'tag', 'channel' or 'activity'."""
    name: str
    days_with: int
    average_with: float
    days_without: int
    average_without: float

    @property
    def difference(self) -> float:
        return self.average_with - self.average_without


def associations(
    day_scores: Mapping[date, float], items: Mapping[tuple[str, str], Iterable[date]]
) -> list[Association]:
    """For each (kind, name) item, compare the scored days it appears on with the scored
    days it does not. Items short of :data:`MIN_DAYS` on either side are left out, and so
    are people and parts of life whose days were no warmer (:data:`HIGHER_ONLY`); the rest come largest
    difference first."""
    total = sum(day_scores.values())
    found = []
    for (kind, name), days in items.items():
        scored = {day for day in days if day in day_scores}
        without = len(day_scores) - len(scored)
        if len(scored) < MIN_DAYS or without < MIN_DAYS:
            continue
        with_sum = sum(day_scores[day] for day in scored)
        found.append(
            Association(
                kind,
                name,
                len(scored),
                with_sum / len(scored),
                without,
                (total - with_sum) / without,
            )
        )
    found = [a for a in found if may_show(a.kind, a.difference)]
    # Of equal size, the higher first: a +4.0 #walk was left out for a -4.0 (nu220).
    return sorted(
        found, key=lambda a: (-abs(a.difference), -a.difference, a.kind, *sort_key(a.name))
    )


# --------------------------------------------------------------------------- themes

STOPWORDS = frozenset(
    """
    about after again all also always am an and any are around as at away back be
    because been before being both but by can could day did didn't do does doing don't
    down during each even ever every feel feeling felt few for from get getting got had
    has have having he her here him his how i i'm if in into is it it's its just know
    like little lot made make me more most much my myself never no not now of off on
    once one only or other our out over really same she so some something still such
    than that the their them then there these they thing things this those though
    through to today too up us very was way we went were what when where which while who
    why will with without would yesterday you your
    last next week weeks weekend month months year years time times morning afternoon
    evening night tonight tomorrow said say says told asked came come coming go going
    gone see saw seen take took bit kind sort want wanted think thought maybe quite yes
    yeah two three first
    ah aw eh er ha hi hm ho mm oh ok uh um ya ye yo pm st nd rd th
    above across against along among another behind below beneath beside besides
    between beyond despite either else inside neither nor onto outside per since toward
    towards under underneath unless until upon via within whether whom whose yet let
    may might must shall should ours yours hers itself himself herself ourselves
    yourself themselves i'd i'll i've we're we've they're they've you're you've isn't
    aren't wasn't weren't can't couldn't won't wouldn't shouldn't haven't hasn't hadn't
    doesn't
    nothing none nobody noone anything anyone anybody everything everyone everybody
    someone somebody idk dunno nah nope
    """.split()  # noqa: SIM905 (a list literal would be 220 lines)
)
"""Words too common to be a theme. Two-letter words are themes too (a friend called Bo or
Mo), so the short ones said without meaning much are here."""
PHRASE_GAP = 2
"""Little words, at most, between two words that make one theme ("walk in the park")."""
LIST_WORDS = frozenset(["and", "or", "but", "nor", "then", "so", "because", "while", "when"])
"""Little words that end a phrase rather than join one: "cooking together and eating
slowly" is two themes, not also "together and eating" (nu235)."""
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
"""A word as written: "Tom's", "warm-up" (once counted as "warm", nu216)."""


def says_something(note: str) -> bool:
    """Whether *note* has a word beyond the little ones: "nothing much", "not really" or
    "-" under *what brought warmth* is no warm moment to show back (nu166)."""
    return any(word.casefold() not in STOPWORDS for word in WORD.findall(note))


def themes(notes: Iterable[str], *, limit: int = THEMES) -> list[tuple[str, int]]:
    """The words that come back most often across *notes*, each counted once per note,
    ignoring very common words; only words found in :data:`MIN_THEME_ENTRIES` notes. Words
    that come back side by side ("empty flat", "helping at the food bank") are one theme,
    in place of each word, or shorter run of them, where it came only within the longer
    (they read as a word cloud, nu216; and "helping at the food (2), food bank (2)" as two
    cut phrases, nu246)."""
    counts: Counter[str] = Counter()
    spelt: dict[str, Counter[str]] = {}
    for note in notes:
        # "Tom's" is about Tom (as the Journal's search reads it); "that's" is "that"
        found: dict[str, str] = {}
        run: list[tuple[int, int]] = []  # where each word kept side by side begins, ends
        little = 0  # little words since the last one ("a cup of tea": one)
        for match in WORD.finditer(note):
            word = match[0].replace("’", "'")
            word = word[:-2] if word.casefold().endswith("'s") else word
            key = word.casefold()
            if len(key) < 2 or key in STOPWORDS:
                little += 1
                continue
            found.setdefault(key, word)
            between = note[run[-1][1] : match.start()] if run else ""
            joined = bool(run) and little <= PHRASE_GAP and WORD.sub("", between).strip() == ""
            if not joined or LIST_WORDS & {w.casefold() for w in WORD.findall(between)}:
                run = []  # a comma, a stop, "and", or too many little words: a new phrase
            run.append((match.start(), match.end()))
            for start, _ in run[:-1]:  # every phrase of the run that ends here ("tea at Tom")
                phrase = " ".join(f"{note[start : match.start()]}{word}".replace("’", "'").split())
                found.setdefault(phrase.casefold(), phrase)
            little = 0
        for key, word in found.items():
            counts[key] += 1
            spelt.setdefault(key, Counter())[word] += 1
    longest_first = sorted(counts, key=lambda key: -key.count(" "))
    for phrase in [key for key in longest_first if " " in key]:
        if counts.get(phrase, 0) < MIN_THEME_ENTRIES:
            continue
        for part in [key for key in counts if key != phrase and f" {key} " in f" {phrase} "]:
            if counts[part] == counts[phrase]:  # never without the longer one
                del counts[part]
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def as_written(key: str) -> str:  # a friend's name as it is written most: "Tom"
        return min(spelt[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]

    return [(as_written(key), count) for key, count in ranked if count >= MIN_THEME_ENTRIES][:limit]


# --------------------------------------------------------------------------- comparisons


def compared(now: float | None, before: float | None, *, digits: int = 0) -> str:
    """Neutral words for a change: 'up 2', 'down 0.4', 'same', or '' when either is missing.
    Worked out from the figures as shown, so 4.2 beside 4.2 always reads 'same' and the
    arithmetic can be checked on the page."""
    if now is None or before is None:
        return ""
    diff = rounded(now, digits) - rounded(before, digits)
    if diff == 0:
        return "same"
    return f"up {diff}" if diff > 0 else f"down {-diff}"


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# --------------------------------------------------------------------------- loneliness


def loneliness_compared(now: int, before: tuple[date, int] | None) -> str:
    """Neutral words for a total against the previous check: (its month, its total)."""
    if before is None:
        return "This is the first check to compare with."
    month, total = before
    if now == total:
        return f"The same as in {clock.strftime(month, '%B %Y')}."
    return f"{'Lower' if now < total else 'Higher'} than in {clock.strftime(month, '%B %Y')} ({total})."
