"""Export/import round trip; Markdown files."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from planner_tui import clock
from planner_tui.db.engine import Database
from planner_tui.errors import InvalidInput
from planner_tui.services import exchange, journal, people, review, steps


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=clock.local_zone())


@pytest.fixture
def month(db: Database) -> Database:
    """November 2026 by hand: 3 entries on 2 days, 3 interactions with 2 people, 2 steps."""
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "[bold]Ana"}).id
        ben = people.create_person(session=s, data={"name": "Ben"}).id
        for day, mood, connected in ((1, 2, 2), (1, 4, 4), (15, 3, None)):
            journal.save_entry(
                session=s,
                data={"day": date(2026, 11, day), "mood": mood, "connectedness": connected},
            )
        journal.save_entry(session=s, data={"day": date(2026, 10, 31), "mood": 1})
        for when, who, channel, by in (
            ("2026-11-01T00:30", [ana], "in_person", "me"),  # just after midnight local
            ("2026-11-12T12:00", [ana, ben], "call", "them"),
            ("2026-11-30T23:30", [ben], "text", "me"),  # late on the last evening
            ("2026-12-01T00:10", [ben], "text", "me"),  # next month
        ):
            people.log_interaction(
                session=s,
                data={"occurred_at": local(when), "person_ids": who, "channel": channel,
                      "initiator": by},
            )  # fmt: skip
        done = steps.create_step(
            session=s,
            data={"person_id": ana, "action": "call", "due_at": local("2026-11-05T18:00")},
        )
        steps.record_outcome(session=s, step_id=done.id, outcome={"status": "done"})
        steps.create_step(
            session=s,
            data={"person_id": ben, "action": "text", "due_at": local("2026-11-29T18:00")},
        )
        review.save_month_notes(
            session=s, data={"month": "2026-10", "intentions": ["walk with Ben", "[/]choir"]}
        )
    return db


def test_json_round_trip_is_lossless(month: Database, sqlite_db: Database) -> None:
    with month.session() as s:
        first = exchange.export_json(session=s)
    with sqlite_db.write() as s:
        counts = exchange.import_json(session=s, text=first)
    assert counts["person"] == 2 and counts["journal_entry"] == 4
    with sqlite_db.session() as s:
        again = exchange.export_json(session=s)
    assert json.loads(first)["tables"] == json.loads(again)["tables"]


def test_an_import_keeps_this_homes_own_settings_it_does_not_carry(
    month: Database, sqlite_db: Database
) -> None:
    """Imported into a home the app had opened, an export took away its settings: the
    welcome came again (nu128). The export's own settings win; this home's others stay."""
    from planner_tui.services import drafts

    with month.write() as s:
        drafts.set_setting(session=s, key="theme", value="nord")
    with month.session() as s:
        text = exchange.export_json(session=s)
    with sqlite_db.write() as s:
        drafts.set_setting(session=s, key="first_run_notice_seen", value=True)
        drafts.set_setting(session=s, key="theme", value="gruvbox")
    with sqlite_db.write() as s:
        exchange.import_json(session=s, text=text)
    with sqlite_db.session() as s:
        assert drafts.get_setting(session=s, key="first_run_notice_seen") is True
        assert drafts.get_setting(session=s, key="theme") == "nord"


def test_import_refuses_to_mix_and_bad_files(month: Database) -> None:
    with month.session() as s:
        text = exchange.export_json(session=s)
    with pytest.raises(InvalidInput, match="already holds data"), month.write() as s:
        exchange.import_json(session=s, text=text)
    for bad, message in (("{nope", "not valid JSON"), ("[]", "not a planner-tui export"),
                         (" \n", "That file is empty"),  # it said "not valid JSON (line 1…"
                         ('{"format": "planner-tui", "version": 99}', "version 99")):  # fmt: skip
        with pytest.raises(InvalidInput, match=message), month.write() as s:
            exchange.import_json(session=s, text=bad)


def test_markdown_export_escapes_user_text(month: Database) -> None:
    with month.session() as s:
        text = exchange.export_markdown(session=s, month=date(2026, 11, 1))
    assert "\\[bold\\]Ana" in text and "[bold]Ana" not in text.replace("\\[bold\\]", "")
    assert "## Journal" in text and "## Contacts" in text


def test_a_contact_in_markdown_says_its_part_of_life_and_the_support_each_way(
    db: Database,
) -> None:
    """A contact's part of life and support were in the JSON only: Markdown, kept as a
    readable record, lost them (a new user's trial)."""
    with db.write() as s:
        bo = people.create_person(session=s, data={"name": "Bo Chen"}).id
        work = people.create_context(session=s, data={"name": "Work [team]"}).id
        people.log_interaction(session=s, data={
            "occurred_at": local("2026-11-03T12:00"), "person_ids": [bo], "context_id": work,
            "channel": "call", "initiator": "them", "warmth": 4, "got_emotional": True,
            "gave_practical": True, "note": "about the move\n# not a heading\n- nor a contact"})  # fmt: skip
        people.log_interaction(session=s, data={
            "occurred_at": local("2026-11-04T09:00"), "person_ids": [], "context_id": work})  # fmt: skip
    with db.session() as s:
        text = exchange.export_markdown(session=s, month=date(2026, 11, 1))
    lines = [line for line in text.splitlines() if line.startswith("- 2026-11-0")]
    assert lines[0] == (
        "- 2026-11-03 12:00: Bo Chen at Work \\[team\\] (call / video, they reached out, "
        "warmth 4/5; I helped out; they listened to me) — about the move\\"
    ), lines
    # the note's other lines stay inside its item, unable to start a heading or an item
    assert "\n  \\# not a heading\\\n  \\- nor a contact\n" in text
    assert lines[1].startswith("- 2026-11-04 09:00: a small moment at Work \\[team\\] ("), lines


def test_a_step_in_markdown_keeps_the_note_on_how_it_went(db: Database) -> None:
    """The JSON export kept an outcome's note, the readable one not (nu226)."""
    with db.write() as s:
        bo = people.create_person(session=s, data={"name": "Bo"}).id
        step = steps.create_step(session=s, data={"person_id": bo, "action": "call Bo",
                                 "due_at": local("2026-11-05T18:00")}).id  # fmt: skip
        steps.record_outcome(session=s, step_id=step, outcome={
            "status": "skipped", "note": "[bold]bye[/]\nanother day"})  # fmt: skip
    with db.session() as s:
        text = exchange.export_markdown(session=s, month=date(2026, 11, 1))
    assert (
        "- 2026-11-05 18:00: call Bo — Bo (let go) — \\[bold\\]bye\\[/\\]\\\n  another day\n"
        in text
    )


def test_markdown_shows_control_characters_and_json_keeps_them(db: Database) -> None:
    """A note holding terminal escapes (pasted, or typed on purpose) reads as visible
    symbols in Markdown, meant to be read — `cat` on it can't recolour the terminal —
    while the JSON export keeps every byte."""
    painted = "\x1b[31mred\x1b[0m and \x1b]0;title\x07 bell"
    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        journal.save_entry(session=s, data={"day": date(2026, 11, 3), "body": painted})
        people.log_interaction(
            session=s,
            data={"occurred_at": local("2026-11-03T12:00"), "person_ids": [ana], "note": painted},
        )
    with db.session() as s:
        text = exchange.export_markdown(session=s, month=date(2026, 11, 1))
        data = exchange.export_json(session=s)
    assert "\x1b" not in text and "\x07" not in text
    assert "␛\\[31mred␛\\[0m and ␛\\]0;title␇ bell" in text  # the body, and the note
    assert text.count("␛\\[31mred") == 2
    assert painted in json.loads(data)["tables"]["journal_entry"][0]["body"]


def test_markdown_keeps_every_score_the_parts_of_life_and_each_line(db: Database) -> None:
    """The comfort scores and the parts of life ticked were left out, and a pasted list's
    lines ran together into one paragraph once rendered."""
    from markdown_it import MarkdownIt

    with db.write() as s:
        choir = people.create_context(session=s, data={"name": "Choir"}).id
        journal.save_entry(session=s, data={
            "day": date(2026, 11, 3), "mood": 4, "comfort_giving": 5, "comfort_receiving": 2,
            "context_ids": [choir], "body": "three good things:\ntea\n- a walk\n\nthe end",
        })  # fmt: skip
    with db.session() as s:
        text = exchange.export_markdown(session=s, month=date(2026, 11, 1))
    assert "mood 4/5, comfort giving help 5/5, comfort receiving help 2/5" in text
    assert "- Parts of life: Choir" in text
    html = MarkdownIt().render(text)
    assert "<p>three good things:<br />\ntea<br />\n- a walk</p>\n<p>the end</p>" in html


def test_markdown_keeps_each_months_review_in_ones_own_words(db: Database) -> None:
    """The wins, intentions and note written in a review, and its loneliness check, were
    in the JSON export but not the Markdown one: a readable record without them (nu161)."""
    with db.write() as s:
        review.save_month_notes(session=s, data={
            "month": "2026-10", "wins": "Rang Nadia\n[b]twice[/b]", "note": "a calm month",
            "intentions": ["say yes to one invitation", "walk on Sundays"]})  # fmt: skip
        review.save_loneliness_check(session=s, data={
            "month": "2026-11", "lack_companionship": 2, "left_out": 1, "isolated": 2,
            "how_often": "some_of_the_time"})  # fmt: skip
    with db.session() as s:
        whole = exchange.export_markdown(session=s)
        november = exchange.export_markdown(session=s, month=date(2026, 11, 1))
    reviews = whole.split("## Your monthly reviews\n\n")[1]
    assert reviews == (
        "### October 2026\n\n- Wins: Rang Nadia\\\n  \\[b\\]twice\\[/b\\]\n"
        "- Intentions for November:\n  - say yes to one invitation\n  - walk on Sundays\n"
        "- Note: a calm month\n\n"
        "### November 2026\n\n- Loneliness check: 5 on the scale from 3 to 9; how often "
        "lonely: some of the time\n\n"
    )
    assert "October" not in november.split("## Your monthly reviews")[1]
    assert "- Loneliness check: 5" in november


def test_markdown_escapes_only_what_would_format() -> None:
    from planner_tui.markdown import markdown_inline, markdown_line

    plain = "Dr. Ana (3+1) met me at 5-6 pm #walk! Good."
    assert markdown_line(plain) == markdown_inline(plain) == plain  # reads as typed
    assert markdown_inline("**bold** [a](b) <i> `x` a|b") == (
        "\\*\\*bold\\*\\* \\[a\\](b) \\<i\\> \\`x\\` a\\|b"
    )
    for line, safe in (("# not a heading", "\\# not a heading"), ("1. not a list", "1\\. not a list"),
                       ("> not a quote", "\\> not a quote"), ("- nor this", "\\- nor this")):  # fmt: skip
        assert markdown_line(line) == safe


def test_the_learning_answers_travel_and_an_export_from_before_them_imports(
    db: Database, tmp_path: Path
) -> None:
    """Schema 0009's step fields (the appreciation guess and response, made smaller) are in
    the JSON export and come back; an export from before them imports with none."""
    from planner_tui.db.engine import Location, open_database

    with db.write() as s:
        ana = people.create_person(session=s, data={"name": "Ana"}).id
        step = steps.create_step(session=s, data={
            "person_id": ana, "action": "call", "due_at": local("2026-11-05T18:00"),
            "appreciation_forecast": 2, "shrunk": True})  # fmt: skip
        steps.record_outcome(
            session=s, step_id=step.id, outcome={"status": "done", "appreciation_response": 5}
        )
    with db.session() as s:
        text = exchange.export_json(session=s)
    [row] = json.loads(text)["tables"]["step"]
    assert (row["appreciation_forecast"], row["appreciation_response"], row["shrunk"]) == (
        2, 5, True)  # fmt: skip
    older = json.loads(text)
    for kept in older["tables"]["step"]:
        for key in ("appreciation_forecast", "appreciation_response", "shrunk"):
            del kept[key]
    for n, document in enumerate((text, json.dumps(older))):
        home = tmp_path / f"home{n}"
        other = open_database(Location(f"sqlite:///{home / 'planner.db'}", home))
        try:
            with other.write() as s:
                exchange.import_json(session=s, text=document)
            with other.session() as s:
                back = steps.get_step(session=s, step_id=step.id)
        finally:
            other.dispose()
        wanted = (2, 5, True) if n == 0 else (None, None, False)
        assert (back.appreciation_forecast, back.appreciation_response, back.shrunk) == wanted


def test_a_check_in_in_markdown_says_who_was_in_touch_and_who_only_mentioned(db: Database) -> None:
    """One "People:" line mixed those the check-in counted as in touch with those its
    words only mentioned, as the check-in's own toast tells apart."""
    with db.write() as s:
        ben, ana = (people.create_person(session=s, data={"name": n}).id for n in ("Ben", "Ana"))
        journal.save_entry(session=s, data={
            "day": date(2026, 11, 20), "body": "tea, and I miss @Ana", "person_ids": [ben, ana],
            "contact_person_ids": [ben]})  # fmt: skip
    with db.session() as s:
        text = "".join(exchange.export_markdown_pieces(session=s))
    assert "- In touch with: Ben\n- Mentioned: Ana\n" in text
