"""Whether typed text names someone: one rule for @mentions, `--person`, the search box,
the forms' people field and duplicate checks, so a name found in one place is found in all;
and what a step's words call someone (:func:`called`).

Standard library only: the quick `planner-tui search` path uses it without SQLAlchemy.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Protocol

from planner_tui.words import numbered


class Labelled(Protocol):
    @property
    def id(self) -> int | None: ...

    @property
    def name(self) -> str: ...


class Named(Labelled, Protocol):
    """Someone with a name and a nickname; and, when they have any, ``aliases``: the names
    of people merged into them, which name them as their own name does."""

    @property
    def nickname(self) -> str: ...


_ACCENTS = re.compile("[\u0300-\u036f]")
"""The combining accents of Latin, Greek and Cyrillic letters (not the vowel signs other
scripts can't spell a name without)."""


_PLAIN_LETTERS = str.maketrans({
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "ŀ": "l",
    "æ": "ae", "œ": "oe", "þ": "th", "ŋ": "n", "ĸ": "k",
})  # fmt: skip
"""Latin letters with a stroke or a joined form, which Unicode doesn't split into a letter
and an accent: typed without it as the others are (``Lukasz`` is ``Łukasz``)."""

_KEYCAP = re.compile("[0-9#*]\ufe0f?\u20e3")
"""An emoji keycap (1️⃣): a digit that is a picture, not part of a name."""


_JOINERS = frozenset("\u200c\u200d")
"""Zero-width non-joiner and joiner: invisible, yet part of how a name is written (علی‌رضا
in Persian, 👨‍👩‍👧 a family) — kept between two characters that show."""


def _tag(ch: str) -> bool:
    """An emoji tag character: the letters of a subdivision flag (🏴 England's)."""
    return "\U000e0020" <= ch <= "\U000e007f"


def written_invisibly(ch: str) -> bool:
    """An invisible character that can be part of how a name is written: a joiner, or an
    emoji flag's tag letter (which :func:`visible` keeps where it does that work)."""
    return ch in _JOINERS or _tag(ch)


def visible(text: str) -> str:
    """*text* without the invisible format characters that do no work in a name: a
    right-to-left override (U+202E, which shows a name backwards), the other direction
    marks and isolates, zero-width spaces (U+200B), word joiners (U+2060), byte-order
    marks (U+FEFF), soft hyphens. A joiner between two characters that show is kept (see
    :data:`_JOINERS`), as are an emoji flag's tag characters. One rule for every name
    saved (people, parts of life, steps, dates), however it comes in: the app, the
    command line or a vCard."""
    kept: list[str] = []
    for index, ch in enumerate(text):
        if unicodedata.category(ch) != "Cf":
            kept.append(ch)
            continue
        before = kept[-1] if kept else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        joining = ch in _JOINERS and _shows(before) and _shows(after)
        if joining or (_tag(ch) and bool(before) and not before.isspace()):
            kept.append(ch)
    return "".join(kept)


def _shows(ch: str) -> bool:
    return bool(ch) and not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc")


def fold(text: str) -> str:
    """Text as people type it when they're not careful: case (``STRASSE`` is ``Straße``)
    and accents (``Jurgen`` is ``Jürgen``, ``Lukasz`` is ``Łukasz``) set aside, in one
    Unicode form."""
    bare = _ACCENTS.sub("", unicodedata.normalize("NFKD", text))
    folded = unicodedata.normalize("NFKC", bare).casefold().translate(_PLAIN_LETTERS)
    return unicodedata.normalize("NFKC", folded)


_NUMBER = re.compile(r"\d+")
_NUMBER_WIDTH = 30
"""Digits a number in a name is padded to for sorting (longer ones sort as written)."""


def sort_key(name: str) -> tuple[str, str]:
    """Where a name goes in a list: as :func:`fold` has it, so Ångström sits with the A's
    and élodie beside Elodie (not after Zoë, as comparing code points puts them), and from
    its first letter or digit, as a reader files it ("'Tis" with the T's, "[Vera]" with
    the V's, not above Ana), numbers by their value (Person 2 before Person 10); names that
    fold alike keep one order."""
    folded = fold(name)
    first = next((i for i, ch in enumerate(folded) if unicodedata.category(ch)[0] in "LN"), 0)
    return _NUMBER.sub(lambda number: number[0].zfill(_NUMBER_WIDTH), folded[first:]), name


def _letters(folded: str) -> str:
    """Letters, digits and the marks on them: the marks are the vowels of many scripts
    (राम is not रम), but a mark on a symbol (an emoji's variation selector or skin tone)
    goes with the symbol."""
    kept: list[str] = []
    after_letter = False
    for ch in _KEYCAP.sub(" ", folded):
        kind = unicodedata.category(ch)[0]
        if kind in "LN" or (kind == "M" and after_letter):
            kept.append(ch)
            after_letter = True
        else:
            after_letter = False
    return "".join(kept)


def name_key(text: str) -> str:
    """What spellings of one name share: :func:`fold`, with spaces, punctuation and
    symbols (emoji) set aside, so ``@AnaSilva``, ``ana  silva`` and ``Ana Silva 🌻`` are
    ``Ana Silva``. A name made only of symbols keeps them (an emoji is a name too)."""
    folded = fold(text)
    return _letters(folded) or "".join(folded.split())


def alike(people: Sequence[Named]) -> set[int]:
    """The ids of those among *people* whose name (as :func:`name_key` has it) another of
    them has too: a list shows them with their number, to tell them apart."""
    return sharing_a_name((p.id, p.name) for p in people if p.id is not None)


def told_apart(names: Iterable[tuple[int, str]]) -> dict[int, str]:
    """Each (id, name) as a list of steps shows whom they are with: the name, with the
    number when another has the same name ('Sam (#2)'), as :func:`alike` tells them."""
    pairs = list(names)
    twins = sharing_a_name(pairs)
    return {pid: as_told(pid, name, twins) for pid, name in pairs}


def as_told(person_id: int, name: str, twins: Collection[int]) -> str:
    """*name* as a list or a message says it: with the number when another has it too
    (*twins*: :func:`sharing_a_name`)."""
    return numbered(name, person_id) if person_id in twins else name


def sharing_a_name(pairs: Iterable[tuple[int, str]]) -> set[int]:
    """The ids among (id, name) *pairs* whose name another of them has too."""
    pairs = list(pairs)
    count = Counter(name_key(name) for _, name in pairs)
    return {pid for pid, name in pairs if count[name_key(name)] > 1}


_APOSTROPHES = re.compile("['’]")
"""An apostrophe is inside a word of a name: ``O'Brien`` is ``obrien``, as typed."""


def _words(name: str) -> list[str]:
    """The words of a name, each as :func:`name_key` has it: punctuation and symbols part
    them, as they do for :func:`begins` (:func:`_runs`): a hyphen (``Ångström-Łukasz`` is
    ``angstrom`` and ``lukasz``), a bracket (``[bold]Zoë[/]`` is ``bold`` and ``zoe``);
    an apostrophe doesn't (:data:`_APOSTROPHES`)."""
    return _runs(_APOSTROPHES.sub("", name))


def _called(person: Named) -> list[str]:
    """What else the person is called: their nickname, and names merged into theirs
    (aliases: another card's nickname, a name they went by before)."""
    return [person.nickname, *getattr(person, "aliases", ())]


def _first_names(person: Named) -> set[str]:
    names = (person.name, *getattr(person, "aliases", ()))
    return {name_key(name.split()[0]) for name in names if name.split()}


def people_named(typed: str, people: Sequence[Named], *, whole_only: bool = False) -> list[int]:
    """Everyone *typed* may name, by the first rule that finds anyone: the whole name;
    else a nickname or an alias (a name merged into theirs) — so a person called just
    "Ana" is never hidden by someone nicknamed Ana; else the first name, or an alias's;
    else another word of the name (a surname: ``costa`` for Maria Costa). *whole_only*
    (as duplicate checks want): everyone so called, whole names first, then those who have
    it as a nickname or alias. Case, accents, spacing, punctuation and emoji are set aside
    throughout (:func:`name_key`)."""
    key = name_key(typed)
    if not key:
        return []
    tiers: list[Callable[[Named], bool]] = [
        lambda p: key == name_key(p.name),
        lambda p: key in {name_key(n) for n in _called(p)},
    ]
    if whole_only:
        return list(dict.fromkeys(p.id for t in tiers for p in people if p.id is not None and t(p)))
    tiers += [lambda p: key in _first_names(p), lambda p: key in _words(p.name)]
    for tier in tiers:
        found = list(dict.fromkeys(p.id for p in people if p.id is not None and tier(p)))
        if len(found) > 1:  # Ana, Ána and ANA: the one written just as typed is meant (nu266)
            exact = [p.id for p in people if p.id in found and _written_as(typed, p)]
            found = exact if len(exact) == 1 else found
        if found:
            return found
    return []


def _as_written(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).removeprefix("@").split())


def _written_as(typed: str, person: Named) -> bool:
    """Whether *typed* is one of the person's names as written, case and accents kept."""
    written = _as_written(typed)
    return any(written == _as_written(name) for name in (person.name, *_called(person)) if name)


def people_begun(typed: str, people: Sequence[Named]) -> list[int]:
    """Whom a word of their name, nickname or another name begins with *typed* (``hub``
    for Wolfe Hubert), as the wizard's list finds them: for a box that asks who, where
    :func:`people_named` finds no one."""
    return [
        p.id for p in people if p.id is not None and begins(typed, p.name, p.nickname, *_called(p))
    ]


def begins(typed: str, *names: str) -> bool:
    """Whether *typed* is the start of one of *names*, or of a word in one (``mar`` and
    ``cos`` for Maria Costa, ``anasil`` for Ana Silva), as :func:`name_key` reads both: a
    name being typed, not only a close spelling (``mo`` fits Maria Costa's letters in
    order, but begins nothing in it)."""
    key = name_key(typed)
    if _letters(key):
        return any(part.startswith(key) for name in names for part in _keys(name))
    # Only symbols typed (an emoji, a dash): they begin a name that is spelt with them first.
    return bool(key) and any("".join(fold(name).split()).startswith(key) for name in names)


CLOSE = 0.75
"""How alike (difflib's ratio) a typed name and a name, or a word of it, must be to count
as a close spelling: ``Maira`` and Maria (0.8), ``Anna`` and Ana (0.86), not ``Mo`` and
Maria (0.29)."""


def close_to(typed: str, *names: str) -> bool:
    """Whether *typed* may be a slip for one of *names*, or a word in one (``Bo Chenn`` for
    Bo Chen): offered beside "someone new", so a typo isn't quietly a new person."""
    key = name_key(typed)
    if len(key) < 2:
        return False
    matcher = SequenceMatcher(None, "", key)  # the typed key analysed once, for every name
    for name in names:
        for part in _keys(name):
            matcher.set_seq1(part)
            if matcher.real_quick_ratio() >= CLOSE and matcher.ratio() >= CLOSE:
                return True
    return False


@lru_cache(maxsize=4096)
def _keys(name: str) -> tuple[str, ...]:
    """A name's :func:`name_key` and its words' (:func:`_runs`), worked out once per name:
    the wizard asks :func:`begins` and :func:`close_to` of everyone at every keystroke."""
    return tuple(part for part in (name_key(name), *_runs(name)) if part)


def _runs(name: str) -> list[str]:
    """The runs of letters, digits and their marks in *name*, as :func:`fold` has them:
    anything else parts words (a bracket too: ``[bold]Mo[/]`` has ``bold`` and ``mo``)."""
    spaced = "".join(
        ch if unicodedata.category(ch)[0] in "LNM" else " " for ch in _KEYCAP.sub(" ", fold(name))
    )
    return [key for key in map(_letters, spaced.split()) if key]


def person_number(typed: str) -> str | None:
    """The digits of a person's number as typed (``#4``: as `planner-tui people` and a list
    of two people of one name show it); None when *typed* is not one."""
    typed = typed.strip().rstrip(",;:!?.")  # `@#2,` in a sentence (nu152: "No one called '#2,'")
    number = typed.removeprefix("#")
    return number if typed.startswith("#") and number.isascii() and number.isdigit() else None


def people_meant(typed: str, people: Sequence[Named]) -> list[int]:
    """:func:`people_named`, or the one numbered as typed (:func:`person_number`)."""
    number = person_number(typed)
    if number is not None:
        return [p.id for p in people if p.id is not None and str(p.id) == number.lstrip("0")]
    return people_named(typed, people)


def person_named(typed: str, people: Sequence[Named]) -> int | None:
    """The one person *typed* names; None for no one, or for several (say more of it)."""
    found = people_named(typed, people)
    return found[0] if len(found) == 1 else None


_INITIALS = re.compile(r"(?:[A-Z]\.?\s*){1,4}")
"""A nickname that is only initials ('A', 'A.S.', 'JR'): a way to tell people apart, not
a name to call someone by."""


def called(name: str, nickname: str = "") -> str:
    """What a step's words call someone ('send Mimi a voice note'): their nickname, unless
    it is only initials, else their name as on the map."""
    nickname = " ".join(nickname.split())
    return nickname if nickname and not _INITIALS.fullmatch(nickname) else name
