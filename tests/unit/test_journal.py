"""Journal entries, links, search (both engines) and drafts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from planner_tui.db.engine import Database
from planner_tui.errors import InvalidInput
from planner_tui.journal_search import SearchQuery, snippet
from planner_tui.services import drafts, journal, people


@pytest.fixture
def filled(db: Database) -> dict[str, int]:
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        first = journal.save_entry(
            session=s,
            data={
                "day": date(2026, 11, 1),
                "body": "A long walk by the river with Ana. #walk",
                "connectedness": 5,
                "mood": 4,
                "person_ids": [ana],
            },
        ).id
        second = journal.save_entry(
            session=s,
            data={
                "day": date(2026, 11, 10),
                "body": "Rain all day. Stayed in.",
                "withdraw_note": "tired after the river walk home",
                "connectedness": 2,
                "context_ids": [choir],
                "tags": ["Tired"],
            },
        ).id
        third = journal.save_entry(
            session=s,
            data={"day": date(2026, 10, 3), "body": "Choir rehearsal, walking back together"},
        ).id
    return {"ana": ana, "choir": choir, "first": first, "second": second, "third": third}


def ids(db: Database, query: SearchQuery) -> list[int]:
    with db.session() as s:
        return [hit.entry.id for hit in journal.search(session=s, query=query)]


def test_entry_links_people_contexts_and_tags(db: Database, filled: dict[str, int]) -> None:
    with db.session() as s:
        first = journal.get_entry(session=s, entry_id=filled["first"])
        second = journal.get_entry(session=s, entry_id=filled["second"])
    assert first.people == ["Ana"] and first.tags == ["walk"]
    assert second.contexts == ["Choir"] and second.tags == ["tired"]


def test_search_finds_words_in_every_field_best_first(db: Database, filled: dict[str, int]) -> None:
    assert set(ids(db, SearchQuery("river"))) == {filled["first"], filled["second"]}
    assert ids(db, SearchQuery("rain")) == [filled["second"]]
    # Best first: "walk" is twice in the first entry, once in the newer second one (a search
    # that only sorted newest first would put the second first) — among entries most of
    # which don't say it (a word nearly every entry says ranks them by day, below).
    with db.write() as s:
        for day in (2, 3, 4):
            journal.save_entry(session=s, data={"day": date(2026, 9, day), "body": "tea"})
    assert ids(db, SearchQuery("walk")) == [filled["first"], filled["second"]]
    assert set(ids(db, SearchQuery("rain OR rehearsal"))) == {filled["second"], filled["third"]}
    assert ids(db, SearchQuery('"walk by the river"')) == [filled["first"]]


def test_search_filters(db: Database, filled: dict[str, int]) -> None:
    assert ids(db, SearchQuery("river", person_ids=[filled["ana"]])) == [filled["first"]]
    assert ids(db, SearchQuery("", tag="#TIRED")) == [filled["second"]]
    assert ids(db, SearchQuery("", context_id=filled["choir"])) == [filled["second"]]
    assert ids(db, SearchQuery("", start=date(2026, 10, 1), end=date(2026, 11, 1))) == [
        filled["third"]
    ]
    assert ids(db, SearchQuery("river", min_connectedness=4)) == [filled["first"]]
    assert ids(db, SearchQuery("", max_connectedness=2)) == [filled["second"]]


RIVER = ("first", "second")
"""The entries with the word "river" (the first's text, the second's withdraw note)."""


@pytest.mark.parametrize(
    ("odd", "found"),
    [('"unbalanced', ()), ("AND OR NOT", ()), ("(((", ()), ("*", ()), ("NEAR(river", ()),
     ("body:river", ()), ("river)", RIVER), ("^river", RIVER), ("-river", ("third",)),
     ("'; DROP TABLE journal_entry; --", ()), ("rain AND", ("second",)), ("(rain", ("second",)),
     ("\x00", ()), ("🌧️", ()), ("", ())],
)  # fmt: skip
def test_odd_queries_are_read_as_plain_words(
    db: Database, filled: dict[str, int], odd: str, found: tuple[str, ...]
) -> None:
    """Operators the search doesn't offer are plain words ("NOT" must be in the entry, "^" is
    dropped; "-river" leaves out what has "river", as web searches read it; "AND" is what words side by side mean already: "river AND walk" looked
    for "and" too, and found nothing, nu126); a query with no word in it finds nothing. The
    entries are all intact."""
    assert sorted(ids(db, SearchQuery(odd))) == sorted(filled[name] for name in found)
    with db.session() as s:
        bodies = [e.body for e in journal.list_entries(session=s)]
    assert sorted(bodies) == sorted(["A long walk by the river with Ana. #walk",
                                     "Rain all day. Stayed in.",
                                     "Choir rehearsal, walking back together"])  # fmt: skip


def test_words_inside_odd_queries_still_match(db: Database, filled: dict[str, int]) -> None:
    assert ids(db, SearchQuery("(rain)")) == [filled["second"]]
    assert ids(db, SearchQuery("rain*")) == [filled["second"]]
    assert ids(db, SearchQuery('"rain')) == [filled["second"]]


def test_snippet_is_plain_text_around_the_match(db: Database, filled: dict[str, int]) -> None:
    with db.session() as s:
        [hit] = journal.search(session=s, query=SearchQuery("rain"))
    assert "Rain all day" in hit.snippet and hit.terms == ["rain"]


def test_an_excerpt_marks_where_it_cuts_the_text() -> None:
    """An excerpt cut short ends in …, as one that starts inside the text begins with it
    (a person's page showed entries cut mid-word with nothing to say so)."""
    long = "Walked by the river with Ana and talked about her new job for an hour " * 3
    assert snippet([long], [], width=30).endswith("…")
    assert snippet(["short words  "], [], width=30) == "short words"
    middle = snippet([long], ["talked"], width=30)
    assert middle.startswith("…") and middle.endswith("…") and "talked" in middle
    assert snippet([long], ["hour"], width=500) == " ".join(long.split())
    # A match near the end of a text a little longer than the line is a third of the way
    # in, not at the line's end, past a narrower column ("…Later saw a he…", nu254).
    late = "Morning routine, nothing much. Coffee alone. " * 2 + "Later saw a heron."
    shown = snippet([late], ["heron"], width=90)
    assert shown.startswith("…") and shown.index("heron") <= 40, shown


def test_an_excerpt_finds_the_word_as_the_search_does_whatever_its_accents() -> None:
    """ "cafe" found the entry with "café" in its warmth note, and showed its first line
    instead (nu159); "STRASSE" is "Straße", even far into the text."""
    assert snippet(["Rehearsal with Zoë", "a café with Ana"], ["cafe"]) == "a café with Ana"
    far = "ß" * 300 + " at the Straße market"
    assert snippet([far], ["strasse"], width=30).endswith("at the Straße market")


@given(
    before=st.text(min_size=0, max_size=60),
    after=st.text(min_size=0, max_size=20),
    width=st.integers(min_value=1, max_value=120),
)
def test_a_text_that_fits_is_shown_whole_and_the_match_is_always_in_it(
    before: str, after: str, width: int
) -> None:
    """A short entry whose match came late lost its start (`search '[bold]'` showed
    "…up with @Ana…" for a line of 40 characters)."""
    text = f"{before}[bold]{after}"
    shown = snippet([text], ["[bold]"], width=width)
    if len(text) <= width:
        assert shown == " ".join(text.split())
    elif width >= 40:  # room for a third of the line before it, and the match itself
        assert "[bold]" in shown


def test_updating_an_entry_replaces_its_links_in_one_go(
    db: Database, filled: dict[str, int]
) -> None:
    with db.write() as s:
        journal.save_entry(
            session=s,
            entry_id=filled["first"],
            data={"day": date(2026, 11, 1), "body": "Quiet #home"},
        )
    with db.session() as s:
        entry = journal.get_entry(session=s, entry_id=filled["first"])
    assert entry.people == [] and entry.tags == ["home"]
    assert ids(db, SearchQuery("river")) == [filled["second"]]  # the index followed the edit


def test_huge_and_odd_text_is_kept_exactly(db: Database) -> None:
    body = ("مرحبا 🌱 [bold]x[/] \x1b[31m e\u0301 " * 4000)[:100_000]
    with db.write() as s:
        entry = journal.save_entry(session=s, data={"day": date(2026, 11, 2), "body": body})
    with db.session() as s:
        assert journal.get_entry(session=s, entry_id=entry.id).body == body
    with pytest.raises(InvalidInput, match="NUL"), db.write() as s:
        journal.save_entry(session=s, data={"day": date(2026, 11, 2), "body": "a\x00b"})


def test_a_failed_save_leaves_nothing_behind(db: Database) -> None:
    with pytest.raises(InvalidInput), db.write() as s:
        journal.save_entry(
            session=s, data={"day": date(2026, 11, 2), "body": "x", "person_ids": [42]}
        )
    with db.session() as s:
        assert journal.list_entries(session=s) == []


def test_drafts_are_kept_until_discarded(db: Database) -> None:
    with db.write() as s:
        drafts.save_draft(session=s, key="journal:new", payload={"body": "half a thought"})
        drafts.save_draft(session=s, key="journal:new", payload={"body": "half a thought, more"})
    with db.session() as s:
        assert drafts.load_draft(session=s, key="journal:new") == {"body": "half a thought, more"}
    with db.write() as s:
        drafts.discard_draft(session=s, key="journal:new")
    with db.session() as s:
        assert drafts.load_draft(session=s, key="journal:new") is None


def test_the_search_box_reads_filters_and_leaves_the_words(
    db: Database, filled: dict[str, int]
) -> None:
    def read(text: str) -> tuple[SearchQuery, list[str]]:
        with db.session() as s:
            return journal.read_search(session=s, text=text, today=date(2026, 11, 23))

    query, problems = read("river @ana #walk mood>=4 connected<=5 2026-11")
    assert problems == [] and query.groups == [["river"]]
    assert (query.person_ids, query.tag) == ([filled["ana"]], "walk")
    assert (query.min_mood, query.max_connectedness) == (4, 5)
    assert (query.start, query.end) == (date(2026, 11, 1), date(2026, 12, 1))
    assert ids(db, query) == [filled["first"]]
    query, _ = read("in:cho")
    assert query.context_id == filled["choir"] and ids(db, query) == [filled["second"]]
    query, _ = read("connected<=2 mood=4")
    assert ids(db, query) == []  # the low-connectedness day had no mood
    query, _ = read("last month")
    assert (query.start, query.end) == (date(2026, 10, 1), date(2026, 11, 1))
    assert ids(db, query) == [filled["third"]]
    query, _ = read("from:2026-11-05 to:yesterday walk")
    assert (query.start, query.end) == (date(2026, 11, 5), date(2026, 11, 23))
    assert ids(db, query) == [filled["second"]]
    query, problems = read('@Nobody in:"no such place" from:31-feb "river')
    assert len(problems) == 3 and query.groups == [["river"]]  # the words still search
    assert query.person_ids == [] and query.context_id is None and query.start is None
    # A day and a month's name after from: or to: are one date ("to:31 feb" was read as
    # to:31 and the word "feb", and found nothing, without a word about the date).
    query, problems = read("walk from:5 nov to:22 November")
    assert problems == [] and query.groups == [["walk"]]
    assert (query.start, query.end) == (date(2026, 11, 5), date(2026, 11, 23))
    query, problems = read("walk to:31 feb")
    assert problems == ["'31 feb' is not a day on the calendar."] and query.groups == [["walk"]]
    query, problems = read("to:3 walks")  # not a month's name: the number alone is the day
    assert query.groups == [["walks"]]


def test_prompts_rotate_by_day_and_ones_own_file_replaces_them(tmp_path: object) -> None:
    from pathlib import Path

    home = Path(str(tmp_path))
    shipped = journal.load_prompts(home)
    assert len(shipped) >= 10
    first = journal.prompt_for(date(2026, 11, 23), shipped)
    assert journal.prompt_for(date(2026, 11, 24), shipped) != first
    assert journal.prompt_for(date(2026, 11, 23), shipped, turn=1) != first
    (home / "prompts.toml").write_text('prompts = ["Only mine [b]?[/b]"]', encoding="utf-8")
    assert journal.load_prompts(home) == ["Only mine [b]?[/b]"]
    (home / "prompts.toml").write_text("prompts = [", encoding="utf-8")
    # One's own copy with a typo: the shipped prompts, not none.
    assert journal.load_prompts(home) == journal.load_prompts() and journal.load_prompts()
    assert journal.prompt_for(date(2026, 1, 1), []) == ""


def test_a_deleted_entry_comes_back_whole(db: Database, filled: dict[str, int]) -> None:
    from planner_tui.services.undo import revert

    with db.session() as s:
        before = journal.get_entry(session=s, entry_id=filled["second"])
    with db.write() as s:
        removed = journal.delete_entry(session=s, entry_id=filled["second"])
    assert ids(db, SearchQuery("rain")) == []
    with db.write() as s:
        revert(session=s, change=removed)
    with db.session() as s:
        assert journal.get_entry(session=s, entry_id=filled["second"]) == before
    assert ids(db, SearchQuery("rain")) == [filled["second"]]  # searchable again


def test_very_common_words_rank_the_newest_matches_and_filters_reach_back(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's full-text ranking, capped for speed (PostgreSQL ranks every match)."""
    from planner_tui import journal_search

    db = sqlite_db

    monkeypatch.setattr(journal_search, "RANKED", 2)
    with db.write() as s:
        old = journal.save_entry(session=s, data={"day": date(2026, 1, 5),
                                 "body": "walk walk walk by the sea"}).id  # fmt: skip
        newer = [journal.save_entry(session=s, data={"day": date(2026, 11, d),
                 "body": f"a walk on day {d}, and other words"}).id for d in (1, 2)]  # fmt: skip
    assert set(ids(db, SearchQuery("walk"))) == set(newer)  # the old entry ranks best, but
    with db.session() as s:  # a filter reaches back to it
        query, _ = journal.read_search(session=s, text="walk 2026-01", today=date(2026, 11, 23))
    assert ids(db, query) == [old]


def test_a_word_in_nearly_every_entry_ranks_by_day_not_by_shortness(sqlite_db: Database) -> None:
    """ "walk" in 130 short routine lines and two entries about a walk: the two came last,
    beyond the 120 shown (nu240). A word nearly every entry has tells none apart (SQLite's
    ranking weighs it at almost nothing, then prefers the shortest): they come newest
    first, as a list with no words does; a word few entries have still ranks them."""
    db = sqlite_db
    with db.write() as s:
        for n in range(130):
            journal.save_entry(session=s, data={"day": date(2026, 7, 12) + timedelta(days=n),
                               "body": f"Routine day number {n}, quiet walk #routine"})  # fmt: skip
        for n in range(14):
            journal.save_entry(session=s, data={"day": date(2026, 11, 20) + timedelta(days=n % 10),
                               "body": f"tea with Bo {n}"})  # fmt: skip
        river = journal.save_entry(session=s, data={"day": date(2026, 11, 24),
            "body": "Long walk by the river with Ana #walk", "warmth_note": "the walk"}).id  # fmt: skip
        home = journal.save_entry(session=s, data={"day": date(2026, 12, 1),
            "body": "Climbing session", "warmth_note": "café afterward, then a walk home"}).id  # fmt: skip
        rare = journal.save_entry(session=s, data={"day": date(2026, 7, 3),
                                  "body": "tea tea tea"}).id  # fmt: skip
    assert ids(db, SearchQuery("walk"))[:2] == [home, river]
    assert ids(db, SearchQuery("tea"))[0] == rare


def test_an_excerpt_shows_the_word_that_matched_and_begins_at_a_word() -> None:
    """ "star" showed "…once I started…" where "*star*" was what matched; excerpts began
    part-way through a word ("…houlders were tense")."""
    text = "once I started a long long walk by the river and then, with the *star* over the hills"
    assert "*star*" in snippet([text], ["star"], width=40)
    text = "x" * 60 + " the shoulders were tense after a long day"
    cut = snippet([text], ["tense"], width=30)
    assert cut.removeprefix("…").split()[0] in text.split(), cut  # a whole word


@given(
    st.text(alphabet="ab cd", min_size=0, max_size=200),
    st.text(alphabet="ab cd", min_size=0, max_size=200),
    st.sampled_from(["star", "Walk", "tea"]),
)
def test_an_excerpt_always_holds_the_term_it_found(before: str, after: str, term: str) -> None:
    shown = snippet([f"{before} {term} {after}"], [term.casefold()], width=60)
    assert term in shown, shown
