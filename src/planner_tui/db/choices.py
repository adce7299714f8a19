"""The choices the data offers (how close someone is, kinds of context, ways of being in
touch, who reached out, how a step went…) and the words each is said in.

Standard library only: the quick paths (`planner-tui today`, the Today view's first read)
name them without loading the data layer. Stored as short strings (see models)."""

from __future__ import annotations

from enum import StrEnum


class Circle(StrEnum):
    """The convoy model: how close someone is."""

    INNER = "inner"
    MIDDLE = "middle"
    OUTER = "outer"


class ContextKind(StrEnum):
    FAMILY = "family"
    FRIENDS = "friends"
    WORK = "work"
    SCHOOL = "school"
    NEIGHBOURHOOD = "neighbourhood"
    VOLUNTEERING = "volunteering"
    FAITH = "faith"
    HOBBY = "hobby"
    ONLINE = "online"
    OTHER = "other"


class Channel(StrEnum):
    IN_PERSON = "in_person"
    CALL = "call"
    TEXT = "text"
    SOCIAL = "social"
    OTHER = "other"


class Initiator(StrEnum):
    ME = "me"
    THEM = "them"
    MUTUAL = "mutual"


class StepStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    DECLINED = "declined"
    NO_REPLY = "no_reply"
    RESCHEDULED = "rescheduled"
    SKIPPED = "skipped"


class Effort(StrEnum):
    TINY = "tiny"
    SMALL = "small"
    BIGGER = "bigger"
    OWN = "own"


class LonelyHowOften(StrEnum):
    """The direct question, kept as its own category (never summed with the scale)."""

    NEVER = "never"
    HARDLY_EVER = "hardly_ever"
    OCCASIONALLY = "occasionally"
    SOME_OF_THE_TIME = "some_of_the_time"
    OFTEN = "often"


LABELS: dict[tuple[type[StrEnum], str], str] = {
    (Circle, Circle.INNER): "inner",
    (Circle, Circle.MIDDLE): "middle",
    (Circle, Circle.OUTER): "outer",
    (ContextKind, ContextKind.FAMILY): "family",
    (ContextKind, ContextKind.FRIENDS): "friends",
    (ContextKind, ContextKind.WORK): "work",
    (ContextKind, ContextKind.SCHOOL): "school",
    (ContextKind, ContextKind.NEIGHBOURHOOD): "neighbourhood",
    (ContextKind, ContextKind.VOLUNTEERING): "volunteering",
    (ContextKind, ContextKind.FAITH): "faith / culture",
    (ContextKind, ContextKind.HOBBY): "hobby / group",
    (ContextKind, ContextKind.ONLINE): "online",
    (ContextKind, ContextKind.OTHER): "other",
    (Channel, Channel.IN_PERSON): "in person",
    (Channel, Channel.CALL): "call / video",
    (Channel, Channel.TEXT): "text / message",
    (Channel, Channel.SOCIAL): "social media",
    (Channel, Channel.OTHER): "letter / other",
    (Initiator, Initiator.ME): "I reached out",
    (Initiator, Initiator.THEM): "they reached out",
    (Initiator, Initiator.MUTUAL): "both / arranged together",
    (StepStatus, StepStatus.PLANNED): "planned",
    (StepStatus, StepStatus.DONE): "done",
    (StepStatus, StepStatus.DECLINED): "not now",  # as the key says (l, "Not now")
    (StepStatus, StepStatus.NO_REPLY): "no reply yet",
    (StepStatus, StepStatus.RESCHEDULED): "another time",
    (StepStatus, StepStatus.SKIPPED): "let go",
    (Effort, Effort.TINY): "tiny",
    (Effort, Effort.SMALL): "small",
    (Effort, Effort.BIGGER): "bigger",
    (Effort, Effort.OWN): "my own idea",
    (LonelyHowOften, LonelyHowOften.NEVER): "never",
    (LonelyHowOften, LonelyHowOften.HARDLY_EVER): "hardly ever",
    (LonelyHowOften, LonelyHowOften.OCCASIONALLY): "occasionally",
    (LonelyHowOften, LonelyHowOften.SOME_OF_THE_TIME): "some of the time",
    (LonelyHowOften, LonelyHowOften.OFTEN): "often or always",
}
"""Words for each value, keyed by its enumeration as well as its value: ``other`` is a
kind of context and a way of being in touch, and each says it its own way."""


def label(value: StrEnum) -> str:
    return LABELS.get((type(value), value.value), value.value)
