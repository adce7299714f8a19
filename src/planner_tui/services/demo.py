"""A realistic, deterministic sample life for trying the app and for the benchmarks.

The data carries patterns for the review to find: in-person time and walks come with
warmer days, volunteering widens the circle, some relationships run one way, a few
people drift, and steps are usually less awkward than expected.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from planner_tui import clock
from planner_tui.db.models import (
    Channel,
    Circle,
    Context,
    ContextKind,
    Effort,
    Initiator,
    Interaction,
    InteractionPersonLink,
    JournalContextLink,
    JournalEntry,
    JournalPersonLink,
    JournalTag,
    LonelinessCheck,
    MonthReview,
    Person,
    PersonContextLink,
    Step,
    StepStatus,
)
from planner_tui.errors import InvalidInput
from planner_tui.services.common import reset_sequences
from planner_tui.services.exchange import is_empty

CONTEXTS = [
    ("Family", ContextKind.FAMILY),
    ("Old friends", ContextKind.FRIENDS),
    ("Work", ContextKind.WORK),
    ("Evening class", ContextKind.SCHOOL),
    ("Neighbours", ContextKind.NEIGHBOURHOOD),
    ("Food bank", ContextKind.VOLUNTEERING),
    ("Community choir", ContextKind.FAITH),
    ("Climbing club", ContextKind.HOBBY),
    ("Book forum", ContextKind.ONLINE),
    ("Allotment", ContextKind.OTHER),
]
FIRST = [
    "Ada",
    "Amir",
    "Ana",
    "Ben",
    "Bea",
    "Carla",
    "Chen",
    "Dara",
    "Dev",
    "Elif",
    "Emma",
    "Femi",
    "Finn",
    "Gita",
    "Hana",
    "Hugo",
    "Ines",
    "Ivan",
    "Jade",
    "Jon",
    "Kai",
    "Kemi",
    "Lars",
    "Lea",
    "Lina",
    "Luca",
    "Maya",
    "Maria",
    "Mo",
    "Nadia",
    "Nils",
    "Noor",
    "Omar",
    "Olga",
    "Pia",
    "Priya",
    "Quinn",
    "Rafa",
    "Rosa",
    "Sam",
    "Sana",
    "Theo",
    "Tomas",
    "Uma",
    "Vera",
    "Wei",
    "Yara",
    "Yusuf",
    "Zoe",
    "Zeynep",
]
ACTIONS = [
    ("send a short text to say hi", Effort.TINY, Channel.TEXT),
    ("share a song that made me think of them", Effort.TINY, Channel.TEXT),
    ("react kindly to their post", Effort.TINY, Channel.SOCIAL),
    ("make a ten-minute call", Effort.SMALL, Channel.CALL),
    ("send a voice note", Effort.SMALL, Channel.TEXT),
    ("suggest a quick coffee", Effort.SMALL, Channel.IN_PERSON),
    ("ask them along for a walk", Effort.SMALL, Channel.IN_PERSON),
    ("invite them round for a meal", Effort.BIGGER, Channel.IN_PERSON),
    ("offer a hand with their move", Effort.BIGGER, Channel.IN_PERSON),
    ("ask their advice about the garden", Effort.BIGGER, Channel.CALL),
]
WARM = [
    "a long walk by the river with {p}",
    "laughing with {p} over something silly",
    "{p} remembered what I told them last week",
    "cooking together and eating slowly",
    "singing in the choir, feeling part of something",
    "helping at the food bank and chatting between boxes",
    "a message from {p} out of the blue",
    "sitting in the garden with a neighbour",
]
WITHDRAW = [
    "a long day at the screen and no energy left",
    "scrolling and comparing myself to others",
    "a plan fell through and I stayed in",
    "feeling like I always have to make the first move",
    "a tense moment at work",
    "tired, the flat felt very quiet",
]
SENTENCES = [
    "Woke up slowly and made tea before anything else.",
    "The weather changed twice before lunch.",
    "I noticed I was putting off a reply again, then sent it anyway.",
    "It helps to write this down, even a few lines.",
    "Work was busy but I took a proper break outside.",
    "I thought about who I have not seen in a while.",
    "A small conversation at the shop lifted the afternoon.",
    "I kept the evening simple: food, a book, an early night.",
    "Some days are just quiet, and that is allowed.",
    "I want to keep making small invitations without overthinking them.",
    "Listening more than talking felt good today.",
    "I was surprised how easy it was once I started.",
    "My shoulders were tense until the walk home.",
    "Planning one small thing for tomorrow feels manageable.",
    "I told someone how I was really doing, which is new for me.",
]
TAGS_WARM = ["walk", "choir", "cooking", "garden", "volunteering"]
TAGS_LOW = ["tired", "screens", "work"]


def settled(status: StepStatus, due: datetime) -> datetime | None:
    """When a sample step was settled, as the app records it: one done, when it happened
    (its contact's time, at its time here); another, an hour after its time."""
    if status is StepStatus.PLANNED:
        return None
    return due if status is StepStatus.DONE else due + timedelta(hours=1)


@dataclass
class DemoSummary:
    contexts: int
    people: int
    interactions: int
    entries: int
    steps: int


def check_years(years: float) -> None:
    """Refuses a span of years the demo can't make (before anything is opened or made)."""
    if not 0 < years <= 200:
        raise InvalidInput("--years should be more than 0 and at most 200 (e.g. 0.5, 2, 10).")


def generate(*, session: Session, years: float = 1, seed: int = 1) -> DemoSummary:
    """Fill an empty database. Refuses to mix into one that holds someone's data."""
    check_years(years)
    if not is_empty(session=session):
        raise InvalidInput(
            "This database already holds data, so the demo was not added. "
            "Try it in a fresh folder: planner-tui --home /tmp/planner-demo demo"
        )
    return _Builder(random.Random(seed), years).write(session)


class _Builder:
    def __init__(self, rng: random.Random, years: float) -> None:
        self.rng = rng
        self.today = clock.today()
        self.now = clock.utcnow()
        """Nothing that happened is after this: a contact later today would be one that
        hasn't happened yet (and its form would refuse the time it shows)."""
        self.days = max(1, round(365 * years))
        self.first_day = self.today - timedelta(days=self.days - 1)
        self.zone = clock.local_zone()
        self.rows: dict[str, list[dict[str, Any]]] = {}

    def add(self, table: Any, **row: Any) -> int:
        rows = self.rows.setdefault(table.__tablename__, [])
        rows.append(row)
        return len(rows)

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), tzinfo=self.zone).astimezone(UTC)

    def past(self, moment: datetime) -> datetime:
        """*moment*, or now if it is still to come (when something was written down)."""
        return min(moment, self.now)

    def write(self, session: Session) -> DemoSummary:
        self.build()
        tables = [
            Context, Person, PersonContextLink, Step, Interaction, InteractionPersonLink,
            JournalEntry, JournalPersonLink, JournalContextLink, JournalTag,
            LonelinessCheck, MonthReview,
        ]  # fmt: skip
        for table in tables:
            rows = self.rows.get(str(table.__tablename__), [])  # type: ignore[attr-defined]
            for chunk in range(0, len(rows), 5000):
                session.execute(sa.insert(table), rows[chunk : chunk + 5000])
        reset_sequences(session)
        session.flush()
        return DemoSummary(
            contexts=len(self.rows["context"]),
            people=len(self.rows["person"]),
            interactions=len(self.rows.get("interaction", [])),
            entries=len(self.rows.get("journal_entry", [])),
            steps=len(self.rows.get("step", [])),
        )

    def build(self) -> None:
        rng = self.rng
        created = self.past(self.at(self.first_day, 9))
        for name, kind in CONTEXTS:
            self.add(Context, id=len(self.rows.get("context", [])) + 1, name=name, kind=kind,
                     archived=False, created_at=created)  # fmt: skip
        # People: about 300 over ten years, fewer for shorter spans (but never a handful).
        count = max(24, min(300, round(30 * self.days / 365)))
        self.people: list[dict[str, Any]] = []
        for index in range(count):
            circle = Circle.INNER if index < 6 else Circle.MIDDLE if index < 30 else Circle.OUTER
            cadence = {Circle.INNER: 7, Circle.MIDDLE: 30, Circle.OUTER: None}[circle]
            name = f"{FIRST[index % len(FIRST)]} {chr(65 + (index // len(FIRST)) % 26)}."
            pid = self.add(Person, id=index + 1, name=name, nickname="", circle=circle,
                           cadence_days=cadence if rng.random() < 0.9 else 90, notes="",
                           boundaries="prefers texts in the evening" if index % 7 == 0 else "",
                           archived=index % 97 == 96, snoozed_until=None,
                           created_at=created, updated_at=created)  # fmt: skip
            contexts = rng.sample(range(1, len(CONTEXTS) + 1), k=1 + (index % 3 == 0))
            if circle is Circle.INNER:
                contexts = [1, 2][: 1 + index % 2]
            for cid in contexts:
                self.add(PersonContextLink, person_id=pid, context_id=cid)
            self.people.append({"id": pid, "circle": circle, "contexts": contexts,
                                "one_sided": index % 11 == 5, "fading": index % 13 == 3})  # fmt: skip
        weights = [6.0 if p["circle"] is Circle.INNER else 2.0 if p["circle"] is Circle.MIDDLE
                   else 0.4 for p in self.people]  # fmt: skip
        interactions_per_day = 16_300 / 3650
        steps_per_day = 6_000 / 3650
        for offset in range(self.days):
            day = self.first_day + timedelta(days=offset)
            self.build_day(day, offset, weights, interactions_per_day, steps_per_day)
        self.build_months()

    def build_day(
        self, day: date, offset: int, weights: list[float], per_day: float, steps_per_day: float
    ) -> None:
        rng = self.rng
        recent = offset > self.days - 60
        seen: list[dict[str, Any]] = []
        in_person = False
        volunteering = False
        n = int(per_day) + (rng.random() < per_day - int(per_day))
        if day.weekday() >= 5:
            n += rng.random() < 0.5
        for _ in range(n):
            person = rng.choices(self.people, weights=weights)[0]
            if person["fading"] and recent:
                continue
            channel = rng.choices(list(Channel), weights=[4, 2, 5, 2, 0.3])[0]
            if person["one_sided"]:
                initiator = Initiator.ME if rng.random() < 0.85 else Initiator.THEM
            else:
                initiator = rng.choices(list(Initiator), weights=[4, 4, 2])[0]
            context = rng.choice(person["contexts"])
            warmth = min(
                5, max(1, round(rng.gauss(3.3 + 0.6 * (channel is Channel.IN_PERSON), 0.9)))
            )
            occurred = self.at(day, rng.randint(8, 21), rng.choice((0, 15, 30, 45)))
            support = {"gave_emotional": rng.random() < 0.2, "gave_practical": rng.random() < 0.1,
                       "got_emotional": rng.random() < 0.2, "got_practical": rng.random() < 0.08}  # fmt: skip
            if occurred > self.now:
                continue  # later today: it hasn't happened yet (the same draws, so the rest
                # of the sample life stays as it was)
            iid = self.add(Interaction, id=len(self.rows.get("interaction", [])) + 1,
                           occurred_at=occurred, context_id=context, channel=channel,
                           initiator=initiator, warmth=warmth, **support, note="", step_id=None,
                           created_at=self.past(self.at(day, 22)))  # fmt: skip
            self.add(InteractionPersonLink, interaction_id=iid, person_id=person["id"])
            seen.append(person)
            in_person |= channel is Channel.IN_PERSON
            volunteering |= context == 6
        self.build_steps(day, steps_per_day)
        if rng.random() < 0.995 or offset == self.days - 1:
            self.build_entry(day, seen, in_person, volunteering)

    def build_steps(self, day: date, per_day: float) -> None:
        rng = self.rng
        n = int(per_day) + (rng.random() < per_day - int(per_day))
        future = day >= self.today
        for _ in range(n):
            person = rng.choice(self.people[:60])
            action, effort, channel = rng.choice(ACTIONS)
            expected = rng.randint(2, 5)
            due = self.at(day, rng.choice((10, 12, 18, 19, 20)))
            status = StepStatus.PLANNED if future or day == self.today else rng.choices(
                [StepStatus.DONE, StepStatus.DECLINED, StepStatus.NO_REPLY, StepStatus.SKIPPED,
                 StepStatus.RESCHEDULED], weights=[62, 9, 14, 8, 7])[0]  # fmt: skip
            done = status is StepStatus.DONE
            sid = len(self.rows.get("step", [])) + 1
            rrule = "FREQ=WEEKLY" if rng.random() < 0.03 else None
            confidence = rng.randint(5, 10)
            felt = max(1, expected - rng.randint(0, 2)) if done else None
            warmth = rng.randint(3, 5) if done else None
            # Every other step has the appreciation answers (no draw of their own, so the
            # rest of the sample stays as it was): guessed low, seen as warm as it felt.
            forecast = max(1, 6 - expected) if sid % 2 else None
            sid = self.add(Step, id=sid, uid=f"demo-step-{sid}@planner-tui", person_id=person["id"],
                           action=action, effort=effort, channel=channel, due_at=due, cue="",
                           backup="", rrule=rrule, expected_awkwardness=expected,
                           confidence=confidence, status=status, outcome_note="",
                           felt_awkwardness=felt, warmth=warmth, appreciation_forecast=forecast,
                           appreciation_response=warmth if forecast else None, shrunk=False,
                           resolved_at=settled(status, due), previous_id=None, sequence=0,
                           recurrence_id=None,
                           created_at=due - timedelta(days=2))  # fmt: skip
            if done:  # the contact as warm as the step: a draw of its own had them apart
                rng.randint(3, 5)  # (nu246); still drawn, so the rest of the life is as it was
                self.contact_for(sid, due, person, action, channel, warmth)
            if status is StepStatus.RESCHEDULED:
                self.moved(sid, person, due)

    def moved(self, sid: int, person: dict[str, Any], due: datetime) -> None:
        """A step moved to another time goes on as a copy at that time, as `later` plans it
        (the sample had moved steps with nothing at their new time). Its draws are its own,
        so the rest of the sample life stays as it was."""
        rng = random.Random(sid)
        first = self.rows["step"][sid - 1]
        new_due = due + timedelta(days=rng.randint(1, 4))
        status = StepStatus.PLANNED if new_due > self.now else rng.choices(
            [StepStatus.DONE, StepStatus.DECLINED, StepStatus.NO_REPLY, StepStatus.SKIPPED],
            weights=[62, 9, 14, 8])[0]  # fmt: skip
        done = status is StepStatus.DONE
        warmth = rng.randint(3, 5) if done else None
        copy = self.add(Step, **{
            **first, "id": len(self.rows["step"]) + 1, "due_at": new_due, "rrule": None,
            "status": status, "previous_id": sid, "sequence": first["sequence"] + 1,
            "recurrence_id": due if first["rrule"] else None, "created_at": due,
            "felt_awkwardness": max(1, first["expected_awkwardness"] - rng.randint(0, 2))
            if done else None, "warmth": warmth,
            "appreciation_response": warmth if first["appreciation_forecast"] else None,
            "resolved_at": settled(status, new_due),
        })  # fmt: skip
        if done:
            self.contact_for(copy, new_due, person, first["action"], first["channel"], warmth)

    def contact_for(
        self,
        sid: int,
        due: datetime,
        person: dict[str, Any],
        action: str,
        channel: Channel,
        warmth: int | None,
    ) -> None:
        """The contact a step done was."""
        iid = self.add(Interaction, id=len(self.rows["interaction"]) + 1, occurred_at=due,
                       context_id=person["contexts"][0], channel=channel, initiator=Initiator.ME,
                       warmth=warmth, gave_emotional=False, gave_practical=False,
                       got_emotional=False, got_practical=False, note=action, step_id=sid,
                       created_at=due)  # fmt: skip
        self.add(InteractionPersonLink, interaction_id=iid, person_id=person["id"])

    def build_entry(
        self, day: date, seen: list[dict[str, Any]], in_person: bool, volunteering: bool
    ) -> None:
        rng = self.rng
        base = 2.4 + 1.1 * in_person + 0.6 * volunteering + 0.2 * min(len(seen), 4)
        walk = rng.random() < (0.35 if in_person else 0.1)
        base += 0.5 * walk
        connected = min(5, max(1, round(rng.gauss(base, 0.7))))
        mood = min(5, max(1, round(rng.gauss(base - 0.1, 0.8))))
        names = {p["id"]: self.rows["person"][p["id"] - 1]["name"] for p in seen}
        who = names[seen[0]["id"]].split()[0] if seen else "someone"
        warmth_note = rng.choice(WARM).format(p=who) if connected >= 3 else ""
        withdraw_note = rng.choice(WITHDRAW) if connected <= 3 else ""
        tags = []
        if walk:
            tags.append("walk")
        if volunteering:
            tags.append("volunteering")
        if connected >= 4 and rng.random() < 0.4:
            tags.append(rng.choice(TAGS_WARM))
        if connected <= 2:
            tags.append(rng.choice(TAGS_LOW))
        words = rng.randint(50, 250)
        body: list[str] = []
        while sum(len(s.split()) for s in body) < words:
            body.append(rng.choice(SENTENCES))
        if walk:
            body.insert(1, f"Went for a walk with {who} and talked about everything and nothing.")
        body.append(" ".join(f"#{t}" for t in dict.fromkeys(tags)))
        stamp = self.past(self.at(day, 21, 30))
        eid = self.add(JournalEntry, id=len(self.rows.get("journal_entry", [])) + 1, day=day,
                       body=" ".join(body).strip(), mood=mood, connectedness=connected,
                       support=min(5, max(1, connected + rng.choice((-1, 0, 0, 1)))),
                       comfort_giving=rng.randint(3, 5), comfort_receiving=rng.randint(1, 4),
                       warmth_note=warmth_note, withdraw_note=withdraw_note,
                       created_at=stamp, updated_at=stamp)  # fmt: skip
        for pid in list(dict.fromkeys(p["id"] for p in seen))[:2]:
            self.add(JournalPersonLink, entry_id=eid, person_id=pid, counts_as_contact=False)
        if seen:
            self.add(JournalContextLink, entry_id=eid, context_id=seen[0]["contexts"][0])
        for tag in dict.fromkeys(tags):
            self.add(JournalTag, entry_id=eid, tag=tag)

    def build_months(self) -> None:
        rng = self.rng
        month = self.first_day.replace(day=1)
        this_month = self.today.replace(day=1)
        level = 7.0
        while month < this_month:
            level = max(3.0, min(9.0, level + rng.gauss(-0.08, 0.6)))
            items = [max(1, min(3, round(level / 3 + rng.gauss(0, 0.4)))) for _ in range(3)]
            key = clock.strftime(month, "%Y-%m")
            taken = self.at(month + timedelta(days=27), 20)
            self.add(LonelinessCheck, id=len(self.rows.get("loneliness_check", [])) + 1, month=key,
                     lack_companionship=items[0], left_out=items[1], isolated=items[2],
                     how_often=None, taken_at=taken)  # fmt: skip
            self.add(MonthReview, id=len(self.rows.get("month_review", [])) + 1, month=key,
                     wins="kept up the Thursday walks", note="",
                     intentions=rng.sample(["call Gita on Sundays", "try the choir again",
                                            "say yes to one invitation", "text Ben first",
                                            "one evening a week away from screens"], k=2),
                     updated_at=taken)  # fmt: skip
            month = (month + timedelta(days=32)).replace(day=1)
