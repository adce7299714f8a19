"""Whether typed text names someone: one rule for @mentions, `--person`, the search box,
the forms' people field and duplicate checks, so a name found in one place is found in all.

Standard library only: the quick `planner-tui search` path uses it without SQLAlchemy.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Protocol


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


def fold(text: str) -> str:
    """Text as people type it when they're not careful: case (``STRASSE`` is ``Straße``)
    and accents (``Jurgen`` is ``Jürgen``) set aside, in one Unicode form."""
    bare = _ACCENTS.sub("", unicodedata.normalize("NFKD", text))
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", bare).casefold())


def name_key(text: str) -> str:
    """What spellings of one name share: :func:`fold`, with spaces and punctuation set
    aside, so ``@AnaSilva`` and ``ana  silva`` are ``Ana Silva``. A name made only of
    symbols keeps them (an emoji is a name too)."""
    folded = fold(text)
    # Letters, marks and digits: the marks are the vowels of many scripts (राम is not रम).
    letters = "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LMN")
    return letters or "".join(folded.split())


def _names(person: Named) -> list[str]:
    """The person's name, then the other names that are wholly theirs (nickname, aliases)."""
    return [person.name, person.nickname, *getattr(person, "aliases", ())]


def _first_names(person: Named) -> set[str]:
    names = (person.name, *getattr(person, "aliases", ()))
    return {name_key(name.split()[0]) for name in names if name.split()}


def people_named(typed: str, people: Sequence[Named], *, whole_only: bool = False) -> list[int]:
    """Everyone *typed* may name, by the first rule that finds anyone: the whole name, the
    nickname or an alias (a name merged into theirs); else (unless *whole_only*, as
    duplicate checks want) the first name, or an alias's."""
    key = name_key(typed)
    if not key:
        return []
    whole = [p.id for p in people
             if p.id is not None and key in {name_key(n) for n in _names(p)}]  # fmt: skip
    if whole or whole_only:
        return list(dict.fromkeys(whole))
    first = [p.id for p in people if p.id is not None and key in _first_names(p)]
    return list(dict.fromkeys(first))


def person_named(typed: str, people: Sequence[Named]) -> int | None:
    """The one person *typed* names; None for no one, or for several (say more of it)."""
    found = people_named(typed, people)
    return found[0] if len(found) == 1 else None
