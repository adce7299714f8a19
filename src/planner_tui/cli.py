"""The command line: parse arguments → settings → database → the app or a subcommand.

Every failure is one line on stderr and exit code 1 (2 for a usage mistake); never a
traceback. Heavy modules are imported inside the commands so opening the app stays quick.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner_tui import __version__, clock, words
from planner_tui.commands import loop, today
from planner_tui.commands.base import (
    Parser,
    UsageError,
    given,
    location_from,
    opened,
    score,
    word,
)
from planner_tui.config import Settings
from planner_tui.errors import DamagedFile, InvalidInput, PlannerError, StorageError
from planner_tui.terminal import (
    back_to_line_mode,
    monochrome,
    plain,
    prepare_streams,
    say,
    shorten,
    write_export,
)
from planner_tui.words import (
    OPEN_WHILE_DELETING,
    OPEN_WHILE_ENCRYPTING,
    OPEN_WHILE_RESTORING,
    check_in_saved,
    copy_taken,
    database_given_to_import,
    export_given_to_restore,
    made_for_reading,
    own_database_given_to_import,
    plural,
    sentence,
    wrote,
)

if TYPE_CHECKING:
    from planner_tui.db.engine import Database
    from planner_tui.services.vcard import Card

PROG = "planner-tui"
SUPPORT_POINTER = (
    "If things feel heavy: planner-tui support prints crisis lines and other support, "
    "the same ones as the app's help (?)."
)
A_DAY = "a day, month or year, such as 2026-11-23, 2026-11 or 2026"
A_MONTH = "a month, such as 2026-11"
SEARCH_SHOWN = 50
"""How many entries `search` prints unless told (it says when there are more)."""


def user_path(text: str) -> Path:
    """A path typed on the command line: not empty, no NUL, not absurdly long."""
    if not text.strip():
        raise argparse.ArgumentTypeError("needs a path, not an empty one")
    if "\x00" in text:
        raise argparse.ArgumentTypeError("a path can't contain a NUL character")
    if len(text) > 4096:
        raise argparse.ArgumentTypeError("that path is longer than any system allows")
    return Path(text)


def written_path(text: str) -> Path:
    """A :func:`user_path` to write to: one typed with a slash at its end is a folder, and
    must be there (without this, `backup nofolder/` wrote a file named nofolder)."""
    path = user_path(text)
    if text.endswith(("/", os.sep)) and not path.is_dir():
        raise argparse.ArgumentTypeError(
            f"there is no folder {plain(text, keep_newlines=False)}; make it first, or choose "
            "another place"
        )
    return path


def database_url(text: str) -> str:
    """A database address typed on the command line: an empty one (a script's unset
    variable) opened the planner in the default folder instead."""
    if not text.strip():
        raise argparse.ArgumentTypeError("needs a database URL, not an empty one")
    looks_like_a_file = "/" in text or text.endswith((".db", ".sqlite", ".sqlite3"))
    if "://" not in text and not text.startswith("sqlite:") and looks_like_a_file:  # nu163
        file = Path(text).expanduser().absolute()
        raise argparse.ArgumentTypeError(
            f"needs a database URL, not a file's path: for that file, --db "
            f"sqlite:///{plain(str(file), keep_newlines=False)}"
        )
    return text


@functools.cache  # built once a process: main() may run many times in one (the tests do)
def build_parser() -> Parser:
    parser = Parser(
        prog=PROG,
        description="Small, low-pressure steps toward the people in your life. "
        "Run without a command to open the app.",
        epilog=SUPPORT_POINTER,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--home", type=user_path, help="folder for your data (default: user data dir)"
    )
    parser.add_argument(
        "--db", type=database_url, metavar="URL", help="database URL instead of the SQLite file"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    demo = sub.add_parser(
        "demo", help="fill an empty planner (only an empty one) with a made-up sample life"
    )
    demo.add_argument(
        "--years",
        type=demo_years,
        default=1.0,
        help="how many years (default 1, at most 200: about a second a year)",
    )
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")

    export = sub.add_parser("export", help="write your data as JSON, Markdown or iCalendar")
    export.add_argument(
        "--format",
        type=word,
        choices=["json", "markdown", "ics"],
        help="default: as -o's name ends (.md, .ics), else json",
    )
    export.add_argument("--month", type=given(A_MONTH),
                        help="only this month, YYYY-MM or 'nov 2026' (markdown)")  # fmt: skip
    export.add_argument(
        "--per-month", action="store_true", help="markdown: one file per month, into -o FOLDER"
    )
    # Read in cmd_export: a slash at its end is a folder to make with --per-month only.
    export.add_argument("-o", "--output", help="file to write (default, or -: stdout)")
    export.add_argument("--replace", action="store_true",
                        help="write over a text file there that isn't an earlier export")  # fmt: skip

    imp = sub.add_parser(
        "import",
        help="load a JSON export into an empty database, people from a .vcf file, or a jrnl "
        "or Day One journal (a file or folder)",
    )
    imp.add_argument("file", type=user_path)
    imp.add_argument(
        "--preview", action="store_true", help="vCard: list who would be added; change nothing"
    )
    imp.add_argument(
        "--merge",
        action="store_true",
        help="vCard: fold cards for people already here into their records (default: skip)",
    )

    review = sub.add_parser("review", help="print a month's review as Markdown")
    review.add_argument("--month", type=given(A_MONTH),
                        help="YYYY-MM or 'nov 2026' (default: this month)")  # fmt: skip

    search = sub.add_parser(
        "search",
        help="print journal entries that match",
        description='The query reads like the app\'s search box: words, "a phrase", OR, '
        "-word to leave out entries with it (after --: search walk -- -rain), and filters "
        "such as @Ana, #walk, in:Choir, 2026-10, 'last month', mood>=4, connected<=2. The "
        "options below say the same things.",
    )
    search.add_argument(
        "query", nargs="*", help='words; "a phrase"; OR; -word; filters (no quotes needed)'
    )
    search.add_argument("--person", help="only entries that mention this person")
    search.add_argument("--tag", help="only entries with this #tag")
    search.add_argument("--context", help="only entries about this context")
    search.add_argument("--from", dest="start", type=given(A_DAY),
                        help="from this day (YYYY-MM-DD, YYYY-MM, nov 2026 or YYYY)")  # fmt: skip
    search.add_argument("--until", dest="end", type=given(A_DAY),
                        help="up to and including this day, month or year")  # fmt: skip
    for scale in ("mood", "connected"):
        search.add_argument(f"--{scale}", metavar="RANGE", type=given("a score or a range"),
                            help="e.g. 4, 3-5, >=4 or <=2")  # fmt: skip
    shown = search.add_mutually_exclusive_group()
    shown.add_argument("--limit", type=int, default=SEARCH_SHOWN, metavar="N",
                       help=f"show at most N entries (default {SEARCH_SHOWN})")  # fmt: skip
    shown.add_argument("--all", action="store_true", help="show every matching entry")

    entry = sub.add_parser(
        "journal",
        help="add a check-in from the shell (the text, or stdin when piped)",
        description="Adds a journal entry. @Name links someone on your map; #word is a tag.",
    )
    entry.add_argument("text", nargs="?", help="what you want to write (default: stdin)")
    entry.add_argument("--day", help="today, yesterday, 2026-11-20... (default: today; "
                       "before 4am, the day just gone)")  # fmt: skip
    entry.add_argument("--anyway", action="store_true", help="a day over a year ago, as meant")
    for flag, meaning in SCALE_FLAGS.items():
        entry.add_argument(f"--{flag}", type=score(1, 5), metavar="1-5", help=meaning)
    entry.add_argument("--warmth", default="", help="what brought warmth that day")
    entry.add_argument("--withdraw", default="", help="what made you want to withdraw")
    entry.add_argument("--contact", action="store_true",
                       help="the people named were in touch with you that day")  # fmt: skip

    backup = sub.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument("file", nargs="?", type=written_path, help="where (default: HOME/backups/)")

    restore = sub.add_parser(
        "restore",
        help="put a backup copy in place of the database (the current one is kept first)",
    )
    restore.add_argument("file", type=user_path, help="the backup, e.g. HOME/backups/daily-….db")
    restore.add_argument("--yes", action="store_true", help="don't ask (for scripts)")

    sub.add_parser(
        "encrypt",
        help="encrypt the database file with a passphrase (needs the encryption extra: README, Privacy)",
        description="Encrypts the SQLite file in place with SQLCipher. The passphrase comes "
        "from PLANNER_TUI_PASSPHRASE, or is asked for twice. Afterwards set "
        "PLANNER_TUI_PASSPHRASE to open it; without the passphrase the data can't be read.",
    )

    sub.add_parser(
        "support",
        help="print support and crisis lines (the ones the app's help, ?, shows)",
        description="Crisis lines first, then support that isn't only for crises — from "
        "support.toml in your planner folder if you keep one, else the one shipped.",
    )

    erase = sub.add_parser(
        "delete-all",
        help="delete all your planner-tui data: database, backups, drafts (asks first)",
    )
    erase.add_argument("--yes", action="store_true", help="don't ask (for scripts)")
    today.add_parsers(sub)
    loop.add_parsers(sub)
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    settings = Settings(home=args.home, database_url=args.db or None)
    settings.check_home()
    return settings


def write_output(data: str | bytes | Iterable[str], output: Path | None) -> None:
    """*data* to the file *output* (whole or not at all), or to stdout; in pieces, each is
    written as it comes."""
    if output is None:
        write_export(data)
        return
    from planner_tui.services.exchange import write_file

    again = output.is_file()  # an earlier export, or a file --replace allowed
    write_file(output, data)
    print(plain(wrote("Wrote", output, again)), file=sys.stderr)


def check_replaced(path: Path, kind: str, *, replace: bool) -> None:
    """What an export may write over (exchange.check_replaceable); and, since the command
    line can't ask as the app does, a file there only when it is an earlier export of the
    same *kind*, or with --replace (a mistyped `-o ~/notes.txt` replaced the notes, and a
    calendar export the JSON one, without a word)."""
    from planner_tui.services import exchange

    exchange.check_replaceable(path)
    if replace:
        return
    if (why := exchange.kept_because(path, kind)) is not None:
        raise PlannerError(
            f"{path} is there already and {why}, so it was left as it is. Choose another "
            "name, or add --replace to write over it."
        )


def parse_day(text: str, *, end: bool = False) -> date:
    """A day, month or year as the search's own ``from:``/``to:`` read it
    (:func:`journal_search.edge`; `--from yesterday` was refused, nu226): its first day.
    With end=True, the first day after it — after 31 December 9999, the last day a date
    can be, ``date.max``: the search's sign for no end at all (journal_search.NO_END)."""
    from planner_tui.journal_search import day_after, edge

    span = edge(text, clock.today())
    if isinstance(span, str):
        raise InvalidInput(span)
    return day_after(span[1]) if end else span[0]


# --------------------------------------------------------------------------- commands


def cmd_demo(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui.services import demo

    demo.check_years(args.years)  # refused, it leaves no empty planner behind (nu150)
    with opened(settings) as database, database.write() as session:
        summary = demo.generate(session=session, years=args.years, seed=args.seed)
    print(
        f"Added a sample life: {plural(summary.people, 'person', 'people')} in "
        f"{plural(summary.contexts, 'context')}, {plural(summary.interactions, 'interaction')}, "
        f"{plural(summary.entries, 'journal entry', 'journal entries')}, "
        f"{plural(summary.steps, 'small step')}."
    )


EXPORT_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".ics": "ics", ".json": "json"}
"""The format an export takes from the name it is written to, when none is given."""


def cmd_export(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui.services import exchange
    from planner_tui.services.review import parse_month

    if args.output == "-":  # the usual name for standard output (it wrote a file "-")
        args.output = None
    if args.output is not None:  # `--per-month -o months/` makes the folder, as without /
        try:
            args.output = (user_path if args.per_month else written_path)(args.output)
        except argparse.ArgumentTypeError as error:
            raise UsageError(f"argument -o/--output: {error}") from None

    if args.format is None:  # `-o notes.md` wrote JSON into a file named Markdown
        suffix = args.output.suffix.casefold() if args.output is not None else ""
        args.format = EXPORT_SUFFIXES.get(suffix, "markdown" if args.per_month else "json")
    month = parse_month(args.month) if args.month else None
    if (month is not None or args.per_month) and args.format != "markdown":
        raise UsageError("--month and --per-month go with --format markdown")
    if args.per_month:
        if args.output is None or month is not None:
            raise UsageError("--per-month writes into a folder: give -o FOLDER (and no --month)")
        exchange.make_folder(args.output)
        with opened(settings, reading=True) as database, database.session() as session:
            months = exchange.months_with_data(session=session)
            # strftime says "1-01" in the year 1
            files = {
                first: args.output / f"{first.year:04d}-{first.month:02d}.md" for first in months
            }
            for path in files.values():  # every file can be written, or none is
                check_replaced(path, args.format, replace=args.replace)
            # Said, as for one file: words added to a month's file by hand went without one
            # (nu218).
            again = sum(path.is_file() for path in files.values())
            for first, path in files.items():
                pieces = exchange.export_markdown_pieces(session=session, month=first)
                exchange.write_file(path, pieces)
        replaced = f" ({again} in place of the files there before)" if again else ""
        print(
            plain(f"Wrote {plural(len(months), 'month')} into {args.output}{replaced}"),
            file=sys.stderr,
        )
        return
    with opened(settings, reading=True) as database, database.session() as session:
        if args.output is not None:  # before anything is read (the planner's own: named)
            check_replaced(args.output, args.format, replace=args.replace)
        data: str | bytes | Iterable[str]
        if args.format == "json":  # written as it is read: memory stays flat
            data = exchange.export_json_pieces(session=session)
        elif args.format == "markdown":
            data = exchange.export_markdown_pieces(session=session, month=month)
        else:
            from planner_tui.services import calendar  # icalendar: only for a calendar

            made = calendar.export(session=session, alarm_minutes=settings.alarm_minutes or 0)
            data, note = made.data, made.left_out_note()
            if note:
                print(plain(note), file=sys.stderr)
        write_output(data, args.output)


def cmd_import(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui.db.engine import looks_encrypted, looks_like_sqlite
    from planner_tui.files import read_named, refuse_spreadsheet
    from planner_tui.services import exchange, jrnl

    path: Path = args.file
    if path.suffix.lower() in (".vcf", ".vcard"):
        import_vcard(settings, path, preview=args.preview, merge=args.merge)
        return
    refuse_spreadsheet(path)  # said first, with --preview too: a careful first try (nu207)
    if args.preview or args.merge:
        raise UsageError("--preview and --merge go with a .vcf file")
    if looks_like_sqlite(path) or (path.suffix.casefold() == ".db" and looks_encrypted(path)):
        own = location_from(settings).sqlite_path  # the home's file, or the one --db names
        if own is not None and path.resolve() == own.resolve():
            raise PlannerError(own_database_given_to_import(path))
        raise PlannerError(database_given_to_import(path, settings.home))
    if jrnl.claims(path):  # a .json file is read to see whether it is Day One's
        import_journal(settings, path)
        return
    try:
        text = jrnl.decode_import(read_named(path), path)
    except FileNotFoundError:
        raise PlannerError(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise PlannerError(f"{path} is a folder, not a file.") from None
    except OSError as error:
        raise PlannerError(f"Can't read {path}: {error.strerror or error}.") from None
    rows = exchange.checked_export(text)  # before opening: a refused file leaves no database
    with opened(settings) as database, database.write() as session:
        counts = exchange.import_checked(session=session, rows=rows)
    print(
        f"Imported {plural(counts.get('person', 0), 'person', 'people')}, "
        f"{plural(counts.get('context', 0), 'part of life', 'parts of life')}, "
        f"{plural(counts.get('interaction', 0), 'interaction')}, "
        f"{plural(counts.get('journal_entry', 0), 'journal entry', 'journal entries')} and "
        f"{plural(counts.get('step', 0), 'step')}."
    )


def import_journal(settings: Settings, path: Path) -> None:
    from planner_tui.services import jrnl

    journal = jrnl.load(path)
    with opened(settings) as database, database.write() as session:
        result = jrnl.import_entries(session=session, entries=journal.entries)
    print(
        f"Added {plural(result.added, 'journal entry', 'journal entries')} from the "
        f"{journal.kind} {path.name}; {result.skipped:,} "
        f"{'was' if result.skipped == 1 else 'were'} already here and skipped."
    )
    if journal.wordless:
        print(
            f"{plural(journal.wordless, 'Day One entry', 'Day One entries')} with no words (a "
            f"photo or a recording alone) {'was' if journal.wordless == 1 else 'were'} left out."
        )
    if result.linked:
        print(plain(sentence(f"Linked: {', '.join(result.linked)}")))  # "Ada A." last
    if result.not_linked:  # kept as tags, as jrnl reads an @word; said, not silent (nu158)
        print(plain(sentence(f"{result.not_linked}; kept as tags")))


def import_vcard(settings: Settings, path: Path, *, preview: bool, merge: bool) -> None:
    from planner_tui.services import vcard

    if not path.is_file():
        raise PlannerError(f"There is no file {path}.")
    contents = vcard.load(path)
    cards, left_out = contents.cards, contents.summary()
    if not cards:
        raise PlannerError(" ".join([f"{path.name} has no cards with a name in it.", *left_out]))
    with _preview_database(settings) if preview else opened(settings) as database:
        if preview:
            with database.session() as session:
                rows = vcard.preview(session=session, cards=cards)
            for row in rows:
                said = f"{row.card.name}  ({row.status(merge)}){_dates(row.card)}"
                print(plain(said, keep_newlines=False))
            for line in left_out:
                print(line)
            new = sum(1 for row in rows if row.duplicate_of is None)
            unsure = sum(1 for row in rows if row.could_be)  # never merged unasked
            others = len(rows) - new - unsure
            counted = [f"{new:,} of {len(rows):,} would be added"]
            if others:  # "the others are folded in" had counted the unsure ones too (nu196)
                counted.append(
                    f"{others:,} folded into theirs"
                    if merge
                    else f"{others:,} left out (--merge folds them into theirs)"
                )
            if unsure:
                counted.append(f"{unsure:,} left out: the name could be more than one person here")
            print(f"{'; '.join(counted)}. Nothing was changed.")
            return
        with database.write() as session:
            result = vcard.import_cards(
                session=session, cards=cards, duplicates="merge" if merge else "skip"
            )
    print(plain(result.said()))
    for line in left_out:
        print(line)


@contextlib.contextmanager
def _preview_database(settings: Settings) -> Iterator[Database]:
    """The planner a preview compares the cards with: a new, empty one while there is none
    yet — in a folder of its own, removed after — so a preview leaves nothing behind (it
    made the planner it said nothing had changed in, nu236)."""
    import tempfile

    from planner_tui.config import DB_FILENAME
    from planner_tui.db.engine import Location, open_database

    if not settings.uses_default_sqlite or (settings.resolved_home() / DB_FILENAME).exists():
        with opened(settings) as database:
            yield database
        return
    with tempfile.TemporaryDirectory(prefix="planner-tui-preview-") as folder:
        empty = Path(folder)
        database = open_database(Location(f"sqlite:///{empty / DB_FILENAME}", empty))
        try:
            yield database
        finally:
            database.dispose()


def _dates(card: Card) -> str:
    """'  birthday 12 April 1985, anniversary 3 June' (read from the card; kept as dates)."""
    dates = [f"{what} {day}" for what, day in
             (("birthday", card.birthday), ("anniversary", card.anniversary)) if day]  # fmt: skip
    return "  " + ", ".join(dates) if dates else ""


def cmd_review(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui import review_report
    from planner_tui.services import review

    month = review.parse_month(args.month)
    with opened(settings, reading=True) as database, database.session() as session:
        data = review.review_month(session=session, month=month)
    say(review_report.to_markdown(data, settings.resolved_home()), end="")


SCALE_FLAGS = {
    "connected": "how connected you felt",
    "mood": "your mood",
    "supported": "how supported you felt",
    "giving": "comfort giving help",
    "receiving": "comfort receiving help",
}
SCALE_FIELDS = dict(zip(SCALE_FLAGS, ("connectedness", "mood", "support", "comfort_giving",
                                     "comfort_receiving"), strict=True))  # fmt: skip
_RANGE = re.compile(r"^\s*(?:(>=|<=|>|<)?\s*([1-5])|([1-5])\s*-\s*([1-5]))\s*$")


def score_range(text: str, flag: str) -> tuple[int | None, int | None]:
    match = _RANGE.match(text)
    if not match:
        # The scale said as everywhere else (9 "is a score", and it said only "like 4").
        raise UsageError(f"--{flag} takes a score from 1 to 5, or a range like 3-5, >=4 or <=2")
    if match[3]:  # 5-3 is 3-5 (it matched nothing)
        first, last = sorted((int(match[3]), int(match[4])))
        return first, last
    value, op = int(match[2]), match[1] or "="
    low = value + (op == ">") if op in (">=", ">", "=") else None
    high = value - (op == "<") if op in ("<=", "<", "=") else None
    return low, high


def print_match(day: date, mood: int | None, connected: int | None, snippet: str) -> None:

    scores = " ".join(
        f"{name}:{value}"
        for name, value in (("mood", mood), ("connected", connected))
        if value is not None
    )
    print(f"{day.isoformat()}  {scores}".rstrip())
    print(f"    {plain(snippet)}")


def cmd_search(settings: Settings, args: argparse.Namespace) -> None:
    """One search, two ways in: the local SQLite file through the standard library's
    sqlite3 (no data layer to import: quick), or the data layer's own connection (a server,
    an encrypted file, an old schema). Both run :func:`journal_search.search`."""
    from planner_tui import journal_search
    from planner_tui.config import DB_FILENAME

    if args.limit < 1:
        raise UsageError("--limit should be 1 or more")
    args.limit = min(args.limit, 2**62)  # more than any journal holds; SQL's integers end
    for flag in ("person", "tag", "context"):  # an empty one was passed over, unsaid
        if getattr(args, flag) is not None and not getattr(args, flag).strip():
            raise UsageError(f"--{flag} needs a {'#tag' if flag == 'tag' else 'name'}")
    filters = (args.person, args.tag, args.context, args.start, args.end, args.mood,
               args.connected)  # fmt: skip
    if not "".join(args.query).strip() and not any(filters):
        raise UsageError(  # it said "No entries match." with entries there
            "search needs words to look for, or a filter: --person, --tag, --from…"
        )
    limit = 2**62 if args.all else args.limit
    options: dict[str, Any] = {
        "today": clock.today(), "limit": limit, "ranks_all": limit > journal_search.RANKED,
        "person": args.person or "",
        "context": args.context or "", "tag": args.tag or None,
        "start": parse_day(args.start) if args.start else None,
        "end": parse_day(args.end, end=True) if args.end else None,
    }  # fmt: skip
    if options["start"] and options["end"] and options["start"] >= options["end"]:
        raise InvalidInput(  # it said only "No entries match."
            f"--from {plain(args.start)} is after --until {plain(args.end)}: those dates "
            "leave no day between them."
        )
    for flag, field in (("mood", "mood"), ("connected", "connectedness")):
        if getattr(args, flag):
            options[f"min_{field}"], options[f"max_{field}"] = score_range(
                getattr(args, flag), flag
            )
    query = " ".join(args.query)  # `search walk ben` as `search "walk ben"`
    database = settings.resolved_home() / DB_FILENAME
    found = None
    if settings.plain_file and database.is_file():
        found = journal_search.search_file(database, query, **options)
    if found is None:
        from planner_tui.services import journal

        with (
            opened(settings, reading=True) as opened_database,
            opened_database.session() as session,
        ):
            connection, dialect = journal.driver_connection(session)
            found = journal_search.search(connection, query, dialect=dialect, **options)
    matches, problems, total = found
    if problems:
        raise InvalidInput(" ".join(problems))
    if not matches:
        print("No entries match.", file=sys.stderr)
    for match in matches:
        print_match(match.day, match.mood, match.connectedness, match.snippet)
    if len(matches) < total:  # said after the entries, where the eye ends up
        shown = f"Showing {len(matches):,} of {plural(total, 'matching entry', 'matching entries')}"
        if len(matches) < limit:  # words alone rank only the newest matches
            print(f"{shown}: the best among the newest. Add a filter (--from, --person, "
                  "--tag…) to reach the others.", file=sys.stderr)  # fmt: skip
        else:
            print(f"{shown}; --limit N or --all shows more.", file=sys.stderr)


def demo_years(text: str) -> float:
    """An argparse type: the demo's span, refused as a usage error, exit 2, as other
    options out of range are (it was 1, nu243)."""
    from planner_tui.services.demo import check_years

    try:
        years = float(text)
        check_years(years)
    except (ValueError, InvalidInput):
        raise argparse.ArgumentTypeError(
            "should be more than 0 and at most 200 (e.g. 0.5, 2, 10)"
        ) from None
    return years


def text_piped_in() -> bool:
    """Whether text waits on stdin, piped in (not a terminal): looked at without waiting
    for a program that keeps stdin open and writes nothing."""
    stream = sys.stdin
    if stream is None or stream.isatty():
        return False
    try:
        fd = stream.fileno()
    except (OSError, ValueError):  # a stand-in with no file (a test's): read it
        return bool(stream.read(1))
    import select

    ready, _, _ = select.select([fd], [], [], 0)
    return bool(ready) and bool(os.read(fd, 1))


def read_stdin_text() -> str:
    """Piped text, which must be UTF-8: a journal is kept exactly, so other bytes are
    refused rather than guessed at (a UTF-8 byte-order mark is passed over). Windows' line
    ends (CR LF) are line ends (kept, their CR showed as ␍ in the app, nu190). The line end
    that closes the last line (`echo` adds one) ends the text; it is not part of it."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # text already (a test's stand-in): nothing to decode
        text = str(sys.stdin.read()).removeprefix("\ufeff")
    else:
        raw: bytes = buffer.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise InvalidInput(
                f"The text isn't UTF-8 (from byte {error.start + 1} on), so nothing was saved. "
                "Convert it first, e.g. iconv -f latin1 -t utf-8."
            ) from None
    return text.replace("\r\n", "\n").removesuffix("\n").removesuffix("\r")


def check_text_arguments(args: argparse.Namespace) -> None:
    """Bytes in an argument that aren't UTF-8 reach Python as lone surrogates; text is
    refused here, before anything is saved (a path may be any bytes: it is left alone)."""
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and any("\ud800" <= ch <= "\udfff" for ch in v) for v in values):
            flag = name.replace("_", "-")
            raise UsageError(f"The {flag} given isn't UTF-8 text; nothing was changed.")


def cmd_journal(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui.journal_search import mentions_in, unlinked
    from planner_tui.services import journal, people
    from planner_tui.when import check_year, parse_when

    body = args.text
    if body in (None, "-"):  # "-": stdin, as for most commands (it was saved as "-", nu203)
        if sys.stdin.isatty():
            raise UsageError('say what to write: planner-tui journal "text" (or pipe it in)')
        body = read_stdin_text()
    elif text_piped_in():  # the piped words were dropped unsaid (nu243)
        raise UsageError('give the text one way: as "TEXT", or piped in (or with - for it)')
    scores = {SCALE_FIELDS[flag]: getattr(args, flag) for flag in SCALE_FLAGS}
    if not (body.strip() or args.warmth.strip() or args.withdraw.strip()) and not any(
        v is not None for v in scores.values()
    ):
        raise InvalidInput("There is nothing to save: write something or give a score.")
    if args.day is None:
        day = clock.check_in_day()  # past midnight, the day just gone (as c takes it)
    elif not args.day.strip():  # a script's empty variable: not quietly today
        raise UsageError("--day needs a day (today, yesterday, 2026-11-20), not an empty one")
    else:
        day = parse_when(args.day, lean="past", day=True).date()
    if day > clock.today():
        raise InvalidInput("A check-in is for a day that has begun.")
    check_year(day, said=args.day or "", anyway=args.anyway)
    with opened(settings) as database, database.write() as session:
        everyone = people.list_people(session=session)
        found, unknown = mentions_in(" ".join((body, args.warmth, args.withdraw)), everyone)
        if args.contact and not found:  # saved, it would have counted no one
            counts = "--contact counts those the words name with @ as in touch that day"
            if unknown:  # why each linked no one: no one by that name, or several (nu152)
                raise InvalidInput(
                    f"{counts}, and they link no one. {unlinked(unknown, everyone)}. Nothing "
                    "was saved: name them so they link, or leave --contact out."
                )
            raise InvalidInput(
                f"{counts}, and they name no one: add @Name, or leave --contact out."
            )
        entry = journal.save_entry(
            session=session,
            data={
                "day": day,
                "body": body,
                "warmth_note": args.warmth,
                "withdraw_note": args.withdraw,
                "person_ids": found,
                "contact_person_ids": found if args.contact else [],
                **scores,
            },
        )
        that_day = journal.entries_on(session=session, day=entry.day)
    print(check_in_saved(entry.day, *entry.people_by_contact(), that_day))
    if entry.felt_heavy:
        print(SUPPORT_POINTER)
    if unknown:
        print(plain(unlinked(unknown, everyone)), file=sys.stderr)


def cmd_backup(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui.db.engine import SERVER_BACKUPS, backup_name
    from planner_tui.services.exchange import check_folder

    if location_from(settings).sqlite_path is None:  # said alone: not "a copy can go
        raise StorageError(SERVER_BACKUPS)  # anywhere: planner-tui backup FILE" (nu217)
    if args.file is not None and args.file.is_dir() and not args.file.is_symlink():
        args.file = args.file / backup_name("planner")  # a folder: the copy goes in it
    if args.file is not None:  # a mistyped folder is named, as for an export, not made
        check_folder(args.file.parent)
        # `backup all.json` wrote a database under a name that says JSON
        misnamed = words.backup_named_as_export(args.file, args.file.suffix)
        if misnamed:
            raise UsageError(misnamed)
    with opened(settings, reading=True) as database:  # a backup only reads
        target = args.file or database.location.backups / backup_name("planner")
        again = target.exists()  # an earlier backup, taken again (anything else is refused)
        try:
            written = database.backup_to(target)
        except StorageError as error:
            if args.file is not None or isinstance(error, DamagedFile):  # elsewhere, as damaged
                raise
            raise StorageError(  # a home that can't be written, say: it can go elsewhere
                f"{error} A copy can go anywhere you can write: planner-tui backup FILE."
            ) from None
    replaced = " (in place of the earlier backup there)" if again else ""
    print(plain(f"Backed up to {written}{replaced}", keep_newlines=False))


def confirmed(args: argparse.Namespace, question: str, word: str) -> bool:
    """--yes, or the word typed at the prompt; without a terminal to ask, refuse."""
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise PlannerError(f"{question} Nothing was changed; add --yes to confirm.")
    try:
        answer = input(f"{question}\nType {word!r} to go on (anything else stops): ")
    except EOFError:  # ctrl+d: anything else, too (it was an unexpected error, a crash.log)
        print()
        return False
    return answer.strip().casefold() == word


def cmd_restore(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui.db import backups
    from planner_tui.db.engine import copy_holds, looks_like_sqlite, open_database
    from planner_tui.services import exchange

    location = location_from(settings)
    args.file = backups.named_copy(location, args.file)  # a name the advice gives
    given: Path = args.file.expanduser()
    if given.suffix.casefold() in (".json", ".vcf", ".vcard") and not looks_like_sqlite(given):
        own = location.sqlite_path
        new_home = given.suffix.casefold() == ".json" and (own is None or own.exists())
        raise PlannerError(
            export_given_to_restore(
                args.file,
                settings.home,
                new_home=new_home,
                contacts=given.suffix.casefold() != ".json",
            )
        )
    kind = exchange.export_kind(given) if given.is_file() else None
    if kind is not None and kind != "json":  # not "damaged, or encrypted"
        raise PlannerError(
            f"{made_for_reading(args.file, exchange.EXPORT_KINDS[kind])}, and not a "
            "backup: restore puts back a planner-tui backup (a .db file)."
        )
    backups.check_backup(location, args.file)  # before asking: a wrong file is said at once
    taken = datetime.fromtimestamp(given.stat().st_mtime, UTC)  # how much a restore takes back
    held = copy_holds(given, location.passphrase)  # an empty one is said (nu188)
    question = (
        f"Replace the data in {location.display} with the copy in {args.file} "
        f"({copy_taken(taken)}; it holds {held})? What was written since goes with it, "
        "drafts of unsaved words too."  # a check-in's draft went without a word (nu168)
    )
    app_open = backups.looks_open(location)
    if app_open:
        question += f" {OPEN_WHILE_RESTORING}"
    target = location.sqlite_path
    # Into a home with no planner yet (as the README shows, to look inside a copy) nothing
    # is replaced: it asked whether to replace "your data" and drafts that weren't there.
    new_planner = target is not None and not location.in_memory and not target.exists()
    if not new_planner and not confirmed(args, question, "restore"):
        print("Nothing was changed.")
        return
    emptied = target is not None and target.is_file() and target.stat().st_size == 0
    kept = backups.restore(location, args.file)
    if app_open and args.yes:  # not asked: said (a damaged file is refused instead)
        print(plain(f"planner-tui: {OPEN_WHILE_RESTORING}"), file=sys.stderr)
    open_database(location).dispose()  # checks it, and brings an older copy up to date
    print(plain(f"Restored from {args.file}" + (
        f" into a new planner at {location.display}." if new_planner else ".")))  # fmt: skip
    if kept:
        print(plain(f"The data as it was before is kept in {kept}."))
    elif emptied:  # said, as a kept copy is: nothing was in it to keep
        print(
            "The planner it replaced was an empty file (0 bytes): there was nothing in it to keep."
        )


def cmd_encrypt(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui.db import backups, encryption
    from planner_tui.db.engine import passphrase_problem, sqlcipher

    # Before the passphrase is asked: the app open on it went on writing to the file it
    # had, called the encrypted one damaged and offered an unencrypted copy (nu206).
    if location_from(settings).sqlite_path is None:  # before a passphrase is asked (nu217)
        raise StorageError(encryption.SERVER_ENCRYPTION)
    if backups.looks_open(location_from(settings)):
        raise PlannerError(OPEN_WHILE_ENCRYPTING)
    sqlcipher()  # installed, before a passphrase is asked for twice (nu223)
    encryption.refuse_if_encrypted(location_from(settings))
    passphrase = settings.passphrase
    if passphrase is None:
        if not sys.stdin.isatty():
            raise PlannerError(
                "Give the passphrase in PLANNER_TUI_PASSPHRASE, or run this in a terminal."
            )
        import getpass

        passphrase = getpass.getpass("New passphrase: ")
        if problem := passphrase_problem(passphrase):  # before asking for it again (nu267)
            raise StorageError(problem)
        if getpass.getpass("The same again: ") != passphrase:
            raise PlannerError("The two passphrases differ; nothing was changed.")
    unencrypted = encryption.encrypt(location_from(settings), passphrase)
    print(
        "Encrypted. From now on the app asks for the passphrase when it starts; the command line reads PLANNER_TUI_PASSPHRASE."
    )
    if unencrypted:
        print(
            plain(
                f"Earlier backups in {unencrypted[0].parent} are not encrypted "
                f"({plural(len(unencrypted), 'file')}); delete them when you no longer need them."
            )
        )


def cmd_delete_all(settings: Settings, args: argparse.Namespace) -> None:
    from planner_tui.db import backups

    home = settings.resolved_home()
    location = location_from(settings)
    if backups.looks_open(location):  # before asking: the answer couldn't be carried out
        raise PlannerError(OPEN_WHILE_DELETING)
    question = (
        f"Delete ALL your planner-tui data — people, journal, steps, reviews, drafts and "
        f"every backup in {home}? This can't be undone."
        if location.is_sqlite  # a server's: its rows, not this computer's folder (nu220)
        else f"Delete ALL your planner-tui data — every row of people, journal, steps, "
        f"reviews and drafts in {location.display}? This can't be undone."
    )
    if not confirmed(args, question, "delete everything"):
        print("Nothing was deleted.")
        return
    if backups.looks_open(location):  # again: the app may have been opened meanwhile
        raise PlannerError(OPEN_WHILE_DELETING)
    if location.is_sqlite:  # no need to open it: a damaged file can be deleted too
        removed = backups.delete_everything(location)
    else:
        with opened(settings) as database:
            removed = backups.delete_everything(location, database)
    print(plain("Deleted: " + (", ".join(removed) or "nothing was there")))


def cmd_support(settings: Settings, args: argparse.Namespace) -> None:
    """The lines the app's help shows, from the same place and with the same note when
    the person's own support.toml was set aside — the people you trust first, as there
    (they were left out). Works even when the planner can't be opened: then it is their
    lines alone."""
    from planner_tui.services import support

    found = support.load_support(settings.resolved_home())
    trusted: list[str] = []
    with (
        contextlib.suppress(PlannerError),
        opened(settings, reading=True) as database,
        database.session() as session,
    ):
        trusted = support.trusted_lines(session=session)
    lines = ["People you trust:", *trusted, ""] if trusted else []
    lines += found.text()
    if found.problem:
        lines += ["", found.problem]
    say("\n".join(lines))


def cmd_app(settings: Settings, args: argparse.Namespace) -> None:
    if not sys.stdout.isatty() and not os.environ.get("PLANNER_TUI_FORCE_APP"):
        raise PlannerError("The app needs a terminal. For scripts, see planner-tui --help.")
    from planner_tui.ui import collector

    collector.hold_until_started()
    if monochrome(os.environ.get("TERM", "")):  # painted in greys, as with NO_COLOR (nu189)
        os.environ.setdefault("NO_COLOR", "1")
    from planner_tui.ui.app import PlannerApp

    app = PlannerApp(settings=settings)
    app.run()
    if app.startup_error:
        raise PlannerError(app.startup_error)
    if app.threads.stuck:
        raise PlannerError(words.CLOSED_WITHOUT_WAITING)
    if app.return_code:
        raise SystemExit(app.return_code)


COMMANDS: dict[str | None, Callable[[Settings, argparse.Namespace], None]] = {
    None: cmd_app,
    "demo": cmd_demo,
    "export": cmd_export,
    "import": cmd_import,
    "review": cmd_review,
    "search": cmd_search,
    "journal": cmd_journal,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "encrypt": cmd_encrypt,
    "delete-all": cmd_delete_all,
    "support": cmd_support,
}


def crash_note(settings: Settings | None, error: BaseException) -> str:
    """Keep the traceback in a file for a bug report; tell the person where it is. Before
    the command line is read, in the home the environment (or the default) names: it was
    the folder the command ran in."""
    from planner_tui import crashlog

    try:
        home = (settings or Settings()).resolved_home()
    except Exception:  # the environment names no home that can be read
        home = Path.cwd()
    log = crashlog.write(home, error)
    return f" Details for a bug report are in {log}." if log else ""


def main(argv: Sequence[str] | None = None) -> int:
    settings: Settings | None = None
    prepare_streams()
    try:
        parser = build_parser()
        args, extra = parser.parse_known_args(argv)
        if extra:  # said by the command's own parser, so its help is the one named
            commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
            command = commands.choices.get(args.command or "", parser)
            command.error(f"unrecognized arguments: {' '.join(extra)}")
        check_text_arguments(args)
        clock.now()  # a clock set wrongly (PLANNER_TUI_NOW) is said before anything is touched
        if zone := clock.zone_problem():  # said, not refused: the times still make sense
            say(f"{PROG}: {zone}", stream=sys.stderr)
        settings = settings_from(args)
        run = getattr(args, "run", None) or COMMANDS[args.command]
        if run is not cmd_app:
            back_to_line_mode()  # see planner_tui.start: keys typed ahead are the app's
        run(settings, args)
        return 0
    except PlannerError as error:
        say(f"{PROG}: {plain(str(error), keep_newlines=False)}", stream=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except UnicodeError:  # text that can't be stored or shown as UTF-8
        say(
            f"{PROG}: some of that text isn't valid UTF-8, so nothing was changed.",
            stream=sys.stderr,
        )
        return 1
    except OSError as error:  # the file system said no: a name too long, a missing folder…
        said = error.strerror or error
        if error.filename:
            print(plain(f"{PROG}: can't use {shorten(str(error.filename), 120)}: {said}."),
                  file=sys.stderr)  # fmt: skip
        else:  # the output itself, full ('> /dev/full'): it was "can't use a file" (nu251)
            print(plain(f"{PROG}: couldn't write: {said}."), file=sys.stderr)
        return 1
    except Exception as error:
        print(
            f"{PROG}: something unexpected went wrong ({type(error).__name__}). "
            f"What was saved before is safe.{crash_note(settings, error)}",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
