"""One rule for whether typed text names someone — used by @mentions, `--person`, the
search box, the forms' people field and duplicate checks alike."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import example, given, strategies as st

from planner_tui.journal_search import mentions_in, unlinked, with_whole_names
from planner_tui.names import (
    begins,
    called,
    close_to,
    name_key,
    people_named,
    person_named,
    sort_key,
)
from planner_tui.services.journal import tags_in


@dataclass(frozen=True)
class P:
    id: int
    name: str
    nickname: str = ""


@dataclass(frozen=True)
class Aliased(P):
    aliases: tuple[str, ...] = ()


CAST = [P(1, "Ana Silva"), P(2, "Ana Costa", "Nana"), P(3, "Bo"), P(4, "Øyvind Ås"),
        P(5, "Gustav Straße"), P(6, "Ｍａｒｉ Ｏｋａ"), P(7, "🙂"), P(9, "Jürgen Müller"),
        P(10, "राम"), P(11, "Zoë Ångström-Łukasz"), P(12, "Lea Moreau 🌻"), P(13, "Kit ☀️"),
        P(14, "Sam 1️⃣ 👩🏽‍🦱"), P(15, "Mo van Dijk"), P(16, "Jo van Rijn"),
        P(17, "[bold]Kai[/] 🌻"), P(18, "Rae(Pip) Wren"), P(19, "Seán O'Brien")]  # fmt: skip

RULES = [
    # typed, who it names (None: no one, or several), the rule
    ("Ana Silva", 1, "whole name"),
    ("  ana   SILVA ", 1, "case and spacing set aside"),
    ("AnaSilva", 1, "the mention rule: the whole name without its spaces"),
    ("@ana-silva", 1, "punctuation (and the @) set aside"),
    ("nana", 2, "nickname"),
    ("Bo", 3, "a one-word name"),
    ("øyvind", 4, "first name only one person has"),
    ("GUSTAV STRASSE", 5, "case folding: STRASSE is Straße"),
    ("gustavstrasse", 5, "case folding without spaces"),
    ("Mari Oka", 6, "one Unicode form (NFKC): full-width letters"),
    ("🙂", 7, "a name of symbols only"),
    ("jurgen muller", 9, "accents set aside, as people type without them"),
    ("JÜRGEN", 9, "…and with them"),
    ("रम", None, "other scripts' vowel signs are part of the name"),
    ("Ana", None, "a first name two people share"),
    ("Silva", 1, "another word of the name that only one person has (a surname)"),
    ("COSTA", 2, "…any case"),
    ("van", None, "…but not one two people share"),
    ("dijk", 15, "…a word after a particle"),
    ("zoe angstrom-łukasz", 11, "letters Unicode doesn't split (Ł, Å) typed plainly"),
    ("Zoe Angstrom Lukasz", 11, "…with spaces for the hyphen"),
    ("lukasz", 11, "…a hyphenated surname's part"),
    ("lea moreau", 12, "a trailing emoji set aside"),
    ("Kit", 13, "…one with a variation selector (☀️)"),
    ("Sam", 14, "…keycaps and skin tones"),
    ("kai", 17, "brackets part words, as punctuation: [bold]Kai[/] is bold and kai"),
    ("@Kai", 17, "…as an @mention"),
    ("[bold]Kai[/] 🌻", 17, "…and the whole name, as written, still names them"),
    ("pip", 18, "…parentheses too, with no space beside them"),
    ("rae", 18, "…the word before them"),
    ("obrien", 19, "an apostrophe is inside a word: O'Brien is obrien"),
    ("brien", None, "…not a word of its own"),
    ("Ana S", None, "nor the start of one"),
    ("Zed", None, "no one"),
    ("", None, "nothing"),
    ("  @ ", None, "nothing but punctuation"),
]


@pytest.mark.parametrize(("typed", "expected", "rule"), RULES, ids=[r[2] for r in RULES])
def test_one_rule_names_people(typed: str, expected: int | None, rule: str) -> None:
    assert person_named(typed, CAST) == expected, rule


def test_a_whole_name_wins_over_a_nickname_and_a_nickname_over_a_first_name() -> None:
    """Someone called just "Sam" couldn't be named at all once two others had the nickname
    Sam ("'Sam' could be … say a little more of the name"), and adding a second Sam asked
    about one of the nicknamed instead."""
    cast = [P(1, "Zoë", "Sam"), P(2, "Sam"), P(3, "Eve", "sam"), P(4, "Sam Lee"), P(5, "Bo", "Eve")]
    assert person_named("sam", cast) == 2
    # A duplicate check sees everyone so called: the one of that name first.
    assert people_named("Sam", cast, whole_only=True) == [2, 1, 3]
    assert people_named("Zoë", cast, whole_only=True) == [1]
    assert person_named("Eve", cast) == 3  # the whole name, though it is Bo's nickname
    assert people_named("Sam", [P(1, "Zoë", "Sam"), P(3, "Eve", "Sam")]) == [1, 3]
    # A nickname given on purpose names that one person, not everyone of that first name.
    assert person_named("Ana", [P(1, "Ana Silva"), P(2, "Bo Chen", "Ana")]) == 2
    # A name merged into someone's (an alias) is no stronger than another's nickname: a
    # vCard's second nickname "Sammy" took Samir's nickname over without a word.
    merged = Aliased(6, "Samantha Reyes", "Sam", ("Sammy",))
    assert people_named("Sammy", [P(5, "Samir Haddad", "Sammy"), merged]) == [5, 6]


def test_of_names_alike_but_for_accents_or_case_the_one_written_as_typed_is_meant() -> None:
    """nu266: with Ana, Ána and ANA on the map, `@Ána` linked no one ("say more of the
    name", with no more to say) and `log Ana` asked which; typed as one of them is
    written, it is that one. Typed as none of them is, it is still asked."""
    cast = [P(1, "Ana"), P(7, "Ána"), P(8, "ANA", "Nana"), P(9, "Bo", "ana")]
    assert person_named("Ána", cast) == 7
    assert person_named("@ANA", cast) == 8
    assert person_named("  Ana ", cast) == 1
    assert person_named("ana", cast) is None  # Bo's nickname is a tier below the whole names
    assert person_named("aNa", cast) is None
    assert mentions_in("called @Ána about the trip, @Ana was busy", cast) == ([7, 1], [])
    assert people_named("Ána", cast, whole_only=True) == [1, 7, 8, 9]  # duplicates: all


def test_someone_whose_name_is_an_emoji_is_mentioned_with_it() -> None:
    """nu266: `@🌻` linked no one and said nothing: an @Name begins with a letter. Symbols
    alone after an @ name the one person whose name they are."""
    cast = [*CAST, P(20, "🌻")]
    assert mentions_in("Thought about @🌻, and @🙂 today", cast) == ([20, 7], [])
    assert mentions_in("a sunflower: @🌻🌻 or @☀️", cast) == ([], [])  # no one is called so
    assert mentions_in("mail@🌻.example", cast) == ([], [])  # inside a word: no mention


def test_duplicates_want_the_whole_name_and_see_every_match() -> None:
    twins = [*CAST, P(8, "ana silva")]
    assert people_named("ANA SILVA", twins, whole_only=True) == [1, 8]
    assert person_named("ANA SILVA", twins) is None  # two people: say more
    assert people_named("Øyvind", CAST, whole_only=True) == []
    # Whole names, as duplicate checks compare them: emoji and unsplittable letters aside.
    assert people_named("kit", CAST, whole_only=True) == [13]
    assert people_named("Sam", CAST, whole_only=True) == [14]
    assert people_named("ZOE ANGSTROM LUKASZ", CAST, whole_only=True) == [11]
    assert people_named("Silva", CAST, whole_only=True) == []  # a surname is not a whole name
    assert name_key("Ana Silva") == name_key("anasilva") == name_key(" ANA  SILVA ")


def test_mentions_use_the_rule_and_report_what_named_no_one() -> None:
    found, unknown = mentions_in(
        "Tea with @AnaSilva and @nana, then @Bo. Saw @Ana and @Zed. mail@example.com @øyvind",
        CAST,
    )
    assert found == [1, 2, 3, 4]
    assert unknown == ["Ana", "Zed"]
    # Why each linked no one: the people it could be, or no one (it said "no one, or
    # several" for both, where the Journal's search named them).
    assert unlinked(unknown, CAST) == (
        "Not linked: @Ana could be Ana Silva, Ana Costa (say more of the name); "
        "@Zed is no one on your map"
    )
    # The start of a name links no one (it may be someone new), but says whom it could be,
    # as the search does: "@Carl is no one on your map" beside a Carla (nu254).
    assert mentions_in("tea with @Gus", CAST) == ([], ["Gus"])
    assert unlinked(["Gus"], CAST) == (
        "Not linked: @Gus could be Gustav Straße (write it whole: @Gustav Straße)"
    )


def test_a_possessive_mention_names_the_person() -> None:
    """`@Zoë's cat` linked no one ("Not on your map: @Zoë's"); the Review counts "Tom's"
    as Tom. Someone called that whole name is still theirs first."""
    cast = [*CAST, P(20, "Kit's")]
    found, unknown = mentions_in("fed @Zoë's cat, @bo’s bike, @Kit's shop, @Zed's", cast)
    assert (found, unknown) == ([11, 3, 20], ["Zed's"])
    assert unlinked(unknown, cast) == "Not linked: @Zed's is no one on your map"
    twins = [P(2, "Ana Silva"), P(4, "Ana Silva")]  # names alone can't tell them apart
    assert unlinked(["Ana"], twins) == (
        "Not linked: @Ana could be Ana Silva (#2), Ana Silva (#4) (say more of the name, or "
        "the number: @#2)"
    )
    # …and a number says which: `@#4` (it was read as the tag #4, and linked no one).
    assert mentions_in("called @#4 and @#9, #4 #walk", twins) == ([4], ["#9"])
    assert tags_in("called @#4 and @#9, #4 #walk") == ["4", "walk"]


def test_a_mention_goes_on_over_a_space_into_someones_whole_name() -> None:
    """`@Carla B.` beside a Carla linked Carla, and `--contact` counted her in touch (nu151):
    a space ended the name. The words after an @Name are read with it when together they
    are one person's whole name (or nickname); otherwise the name ends where it did."""
    cast = [P(1, "Carla"), P(2, "Carla A."), P(3, "Carla B."), P(4, "Ana Silva"),
            P(5, "Ana Costa", "Nana"), P(6, "Mo van Dijk")]  # fmt: skip
    for text, found, unknown in (
        ("Lunch with @Carla B. today", [3], []),
        ("with @Carla A. and @Carla, then @carla b.", [2, 1, 3], []),
        ("@Carla B.'s cat, @Ana Silva's bike", [3, 4], []),
        ("@Mo van Dijk came; @Carla went home", [6, 1], []),
        ("@Ana Costa, @Ana and Bo", [5], ["Ana"]),  # "Ana and Bo" is no one
        ("@Carla\nB. on the next line", [1], []),  # a name stays on its line
    ):
        assert mentions_in(text, cast) == (found, unknown), text
    assert with_whole_names("see @Carla B. now", cast) == "see @#3 now"


@given(st.text(alphabet=st.sampled_from(list("@#CarlBab .,'s\n\t-2")), max_size=40))
@example("@Carla B.'s @Carla, @#3 @Carla\tB.")
def test_reading_whole_names_changes_only_mentions_and_links_only_people(text: str) -> None:
    cast = [P(1, "Carla"), P(2, "Carla B."), P(3, "Bab Carla")]
    read = with_whole_names(text, cast)
    if "@" not in text:
        assert read == text
    found, _unknown = mentions_in(text, cast)
    assert set(found) <= {1, 2, 3} and len(found) == len(set(found))


@dataclass(frozen=True)
class Merged:
    id: int
    name: str
    nickname: str = ""
    aliases: tuple[str, ...] = ()


def test_a_name_merged_into_someone_names_them_as_their_own_does() -> None:
    cast = [Merged(1, "Ana Silva", aliases=("Nani Costa", "Ani")), Merged(2, "Nanette")]
    assert person_named("@NaniCosta", cast) == 1  # the whole alias
    assert person_named("ani", cast) == 1
    assert person_named("Nani", cast) == 1  # an alias's first name, as a name's
    assert people_named("nani costa", cast, whole_only=True) == [1]
    assert people_named("Nani", cast, whole_only=True) == []
    assert person_named("Nanette", cast) == 2 and person_named("Costa", cast) is None


@pytest.mark.parametrize(
    ("typed", "name", "begun"),
    [
        ("Mar", "Maria Costa", True),
        ("cos", "Maria Costa", True),
        ("maria c", "Maria Costa", True),  # the whole name's start, spaces aside
        ("Mo", "Maria Costa", False),  # her letters in order, but the start of nothing
        ("jur", "Jürgen Müller", True),  # accents aside, as everywhere
        ("lukasz", "Zoë Ångström-Łukasz", True),  # a hyphen parts words
        ("[b", "[bold]Bob", True),  # only the letters: 'b' begins 'bold…'
        ("mo", "[bold]Mo[/] x", True),  # a bracket parts words too
        ("", "Ana", False),
        ("🌻", "🌻 Ana", True),  # symbols typed begin a name spelt with them first
        ("-", "-0", True),
        ("-", "Ana", False),
    ],
)
def test_what_a_name_being_typed_begins(typed: str, name: str, begun: bool) -> None:
    """The wizard's Who page: Enter takes a person whose name the typing begins, and
    otherwise offers someone new by it (planner_tui.names.begins)."""
    assert begins(typed, name) is begun


NAME_TEXT = st.text(
    st.characters(categories=("Lu", "Ll", "Nd", "Zs", "Pd")), min_size=1, max_size=30
)
"""Names of letters, digits, spaces and hyphens, in any cased script."""


@given(NAME_TEXT, st.integers(min_value=1, max_value=30))
@example("-0", 1)  # found by Hypothesis: a dash alone begins it too
def test_any_start_of_a_name_begins_it(name: str, cut: int) -> None:
    typed = name[:cut]
    if name_key(typed):
        assert begins(typed, name)


@pytest.mark.parametrize(
    ("typed", "name", "close"),
    [
        ("Maira", "Maria Costa", True),  # two letters swapped, in a word of the name
        ("Anna", "Ana Silva", True),
        ("Bo Chenn", "Bo Chen", True),  # the whole name, one letter more
        ("Mo", "Maria Costa", False),
        ("Sam", "Ana Silva", False),
        ("x", "Xi", False),  # one letter is no spelling of anything
    ],
)
def test_a_close_spelling_of_a_name(typed: str, name: str, close: bool) -> None:
    """The wizard lists such a person beside "+ someone new", so a typo isn't quietly a
    new person (planner_tui.names.close_to)."""
    assert close_to(typed, name) is close


@pytest.mark.parametrize(
    ("name", "nickname", "said"),
    [
        ("Maria Costa", "Mimi", "Mimi"),
        ("Ana Silva", "  Ana  ", "Ana"),
        ("Bo Chen", "", "Bo Chen"),
        ("Ana Silva", "A", "Ana Silva"),  # initials tell people apart; they aren't a name
        ("Ana Silva", "A.S.", "Ana Silva"),
        ("John Reed", "JR", "John Reed"),
        ("Al Green", "Al", "Al"),
        ("Zoë", "🌱", "🌱"),
    ],
)
def test_a_step_calls_someone_by_their_nickname_unless_it_is_initials(
    name: str, nickname: str, said: str
) -> None:
    assert called(name, nickname) == said


@given(st.text(max_size=30), st.text(max_size=30))
def test_what_someone_is_called_is_their_nickname_or_their_name(name: str, nickname: str) -> None:
    assert called(name, nickname) in (name, " ".join(nickname.split()))


def test_names_sort_as_a_reader_files_them_numbers_by_value() -> None:
    """People named with numbers sorted Person 1, Person 10, Person 100, Person 11."""
    names = ["Person 10", "Person 2", "élodie", "Person 1", "[Vera]", "Elodie", "Person 100"]
    assert sorted(names, key=sort_key) == [
        "Elodie", "élodie", "Person 1", "Person 2", "Person 10", "Person 100", "[Vera]"
    ]  # fmt: skip


@given(st.lists(st.integers(0, 10**12), max_size=12))
def test_a_number_in_a_name_sorts_by_its_value(numbers: list[int]) -> None:
    named = [f"Table {n}" for n in numbers]
    assert sorted(named, key=sort_key) == [f"Table {n}" for n in sorted(numbers)]
