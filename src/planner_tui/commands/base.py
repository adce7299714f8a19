"""What every command shares: usage errors, the argument parser, opening the database,
and finding the person or step a command names."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING, Any, NoReturn

from planner_tui import words
from planner_tui.config import DB_FILENAME, Settings
from planner_tui.errors import InvalidInput, PlannerError
from planner_tui.names import as_told, person_number

if TYPE_CHECKING:
    from sqlmodel import Session

    from planner_tui.db.engine import Database
    from planner_tui.db.models import PersonRead, StepRead


class UsageError(PlannerError):
    exit_code = 2


class Parser(argparse.ArgumentParser):
    _intermixing = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """A command's words may come before and after its options: argparse reads them
        only up to the first one ('plan Ana walk --repeat weekly tomorrow' left 'tomorrow'
        unrecognised, nu251). The top parser, whose one word picks the command, reads as
        argparse does. Words after a '--' are words: the options before it are moved ahead
        of the words (the intermixed reading takes what follows '--' for options)."""
        if self._subparsers is not None or self._intermixing:
            return super().parse_known_args(args, namespace)
        if args is not None and "--" in args:
            return super().parse_known_args(self._options_first(list(args)), namespace)
        self._intermixing = True  # (the intermixed reading calls this again, twice)
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False

    def _options_first(self, args: list[str]) -> list[str]:
        """*args* with the options before '--' (and their values) ahead of the words:
        'search walk --all -- -rain' as 'search --all walk -- -rain' (nu258)."""
        end = args.index("--")
        options: list[str] = []
        words_: list[str] = []
        given = iter(args[:end])
        for arg in given:
            action = self._option_string_actions.get(arg.split("=", 1)[0])
            if action is None or arg == "-":
                words_.append(arg)
                continue
            options.append(arg)
            values = 1 if action.nargs is None else action.nargs  # (0: a flag)
            if "=" not in arg and isinstance(values, int):
                options += islice(given, values)
        return [*options, *words_, *args[end:]]

    def error(self, message: str) -> NoReturn:
        # 'argument file: there is no folder …': a positional's name is argparse's (nu163)
        message = re.sub(r"^argument [a-z_]+: (.)", lambda m: m[1].upper(), message)
        if message.startswith("unrecognized arguments:") and re.search(
            r"(?:^|\s)--(?:home|db)\b", message
        ):  # 'today --home X': the options that say where go before the command
            raise UsageError(
                f"{message} — --home and --db go before the command: "
                f"planner-tui --home FOLDER COMMAND …"
            )
        dashed = re.search(r"^unrecognized arguments: .*?(?<!\S)(-[^-\s]\S+)", message)
        if dashed:  # 'search -walk': a word, to the person; an option, to argparse
            raise UsageError(
                f"{message} — a word that begins with '-' goes after a --: … -- {dashed[1]}"
            )
        raise UsageError(f"{message} (see {self.prog} --help)")


def location_from(settings: Settings, *, reading: bool = False) -> Any:
    from planner_tui.db.engine import Location

    return Location(
        settings.resolved_url(), settings.resolved_home(), settings.passphrase, reading=reading
    )


@contextmanager
def opened(settings: Settings, *, reading: bool = False, quick: bool = False) -> Iterator[Database]:
    """The database, checked and opened. *reading*: the command only reads, so a file that
    can't be written here is read all the same (writes are refused when tried), and one
    that isn't there is refused: its people, a search, an export or a backup of a planner
    made just now, empty, would say everything was gone. *quick*: a server is given
    :data:`~planner_tui.db.engine.QUICK_CONNECT_TIMEOUT` to answer."""
    from planner_tui.db.engine import QUICK_CONNECT_TIMEOUT, check_sqlite_file, open_database

    if reading and settings.uses_default_sqlite:
        home = settings.resolved_home()
        if not (home / DB_FILENAME).exists():  # a mistyped --home: said, not made and empty
            check_sqlite_file(home / DB_FILENAME)  # (unless it was moved or deleted: said so)
            raise InvalidInput(words.no_planner_in(str(home)))
    location = location_from(settings, reading=reading)
    if quick:
        location = replace(location, connect_timeout=QUICK_CONNECT_TIMEOUT)
    named = location.sqlite_path
    if reading and named is not None and not location.in_memory and not named.exists():
        raise InvalidInput(words.no_planner_at(str(named)))  # a mistyped --db, too (nu163)
    database = open_database(location)
    try:
        yield database
    finally:
        database.dispose()


def given(what: str) -> Any:
    """An argparse type: words that are there. An empty value (a script's unset variable)
    is refused, not taken as the option left out: `log --when ""` logged a contact now,
    `search --from ""` searched everything (nu226)."""

    def read(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(f"needs {what}, not an empty value")
        return text

    read.__name__ = what
    return read


def score(low: int, high: int) -> Any:
    """An argparse type: a whole number from *low* to *high*."""

    def read(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"should be a whole number from {low} to {high}")
        return value

    read.__name__ = f"{low}-{high}"
    return read


def find_person(session: Session, typed: str) -> PersonRead:
    """The one person on the map *typed* names, by the app's one rule
    (:func:`planner_tui.names.people_named`), or their number as `people` shows it (``#4``).
    No one, or several, is refused in one line (several: their names and numbers)."""
    from planner_tui.db.models import clean_name
    from planner_tui.services import people

    if not typed.strip() or typed.strip() == "#":
        raise InvalidInput(words.EMPTY_NAME_SHELL)
    number = person_number(typed)
    if number is not None:
        # '#4': the person numbered 4 in `planner-tui people` (two can share a name)
        if len(number) <= 9:
            found = people.list_people(
                session=session, person_ids=[int(number)], include_archived=True
            )
            if found and found[0].archived:  # "no one has the number" of someone archived
                raise InvalidInput(words.archived_person(found[0].name))
            if found:
                return found[0]
        raise InvalidInput(words.no_person_numbered(number))
    if re.fullmatch(r"#\s*[+-]\d+", typed.strip()):  # '#-1': a number no one has
        said = typed.strip().removeprefix("#")
        raise InvalidInput(words.no_person_numbered(" ".join(said.split())))
    found = people.people_called(session=session, typed=typed)
    if len(found) == 1:
        return found[0]
    if found:
        raise InvalidInput(
            words.several_called(typed, [p.name for p in found], [p.id for p in found])
        )
    archived = people.people_called(session=session, typed=typed, archived=True)
    if archived:
        raise InvalidInput(words.archived_person(archived[0].name))
    if begun := people.people_begun_by(session=session, typed=typed):
        # 'log Maxi' for Maximilian: whom it could be, as the app's lists find them — not
        # acted on, as it may be someone new (nu257: "No one called 'Maxi'")
        raise InvalidInput(
            words.several_called(typed, [p.name for p in begun], [p.id or 0 for p in begun])
        )
    from planner_tui.journal_search import context_named

    contexts = people.list_contexts(session=session)
    if (context := context_named(typed, contexts)) is not None:  # nu265: "add Choir" offered
        name = next(c.name for c in contexts if c.id == context)
        raise InvalidInput(words.a_part_of_life_not_a_person(name))
    try:
        clean_name(typed)
    except ValueError:  # `add` would refuse it: not offered
        raise InvalidInput(words.no_one_called(typed, addable=False)) from None
    raise InvalidInput(words.no_one_called(typed))


def told(session: Session, person: PersonRead) -> str:
    """*person*'s name as the command line says it back: with their number when another
    has the same name ("Saved: a contact with Sam Taylor" named neither of two)."""
    from planner_tui.services import people

    return as_told(person.id, person.name, people.sharing_a_name(session=session))


def find_step(session: Session, typed: str) -> StepRead:
    """The step *typed* names: its number (as `today` and `plan` show it, ``12`` or
    ``#12``), or a person's name for the open step of theirs due nearest to now
    (:func:`planner_tui.services.steps.steps_meant`); when that leaves a choice, the
    choices are listed with their numbers and nothing changes."""
    from planner_tui.services import steps

    number = typed.strip().removeprefix("#")
    if number.isascii() and number.isdigit():
        found = (
            steps.list_steps(session=session, step_ids=[int(number)]) if len(number) <= 9 else []
        )
        if not found:
            raise InvalidInput(words.no_such_step(number))
        return found[0]
    if re.fullmatch(r"#?\s*[+-][0-9]+", typed.strip()):  # '#-1': a number no step has
        raise InvalidInput(words.no_such_step(" ".join(number.split())))
    place = _place_only(session, typed)
    if place is not None:  # no one of that name, a part of life: the steps toward it
        name, meant = place.name, steps.steps_meant(session=session, context_id=place.id)
    else:
        person = find_person(session, typed)
        name, meant = person.name, steps.steps_meant(session=session, person_id=person.id)
    if not meant:
        raise InvalidInput(words.nothing_planned(name))
    if len(meant) > 1:
        raise InvalidInput(words.which_step(name, [(s.id, s.due_at, s.action) for s in meant]))
    return meant[0]


def _place_only(session: Session, typed: str) -> Any:
    """The part of life *typed* names when it names no one (`done Choir` said "No one
    called 'Choir' on your map"), else None: people come first."""
    from planner_tui.journal_search import context_named
    from planner_tui.services import people

    if person_number(typed) is not None or any(
        people.people_called(session=session, typed=typed, archived=archived)
        for archived in (False, True)
    ):
        return None
    contexts = people.list_contexts(session=session)
    found = context_named(typed, contexts)
    return next((c for c in contexts if c.id == found), None)


def word(typed: str) -> str:
    """An argparse type for a word from a list (`--circle Inner`, `--gave Emotional`): as
    typed, whatever its case (refused, it said "invalid choice: 'Inner'")."""
    return typed.strip().lower()
