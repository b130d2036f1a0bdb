"""The built-in topic library (topics.yaml beside this module) and custom topics from config."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from generator.config.model import CustomTopic
from generator.config.resolved import Activity, Topic
from generator.config.spelling import DEFAULT, spell

TOPICS_FILE = Path(__file__).with_name("topics.yaml")


@cache
def builtin_topics(locale: str = DEFAULT) -> tuple[Topic, ...]:
    """The topic library shipped with the package, in its published order and the
    organisation's spelling."""
    entries = yaml.safe_load(spell(TOPICS_FILE.read_text(encoding="utf-8"), locale))
    return tuple(_topic(entry) for entry in entries)


def _topic(entry: dict) -> Topic:
    activities = tuple(Activity(**item) for item in entry.get("activities", ()))
    return Topic(
        id=entry["id"],
        title=entry["title"],
        icon=entry.get("icon", "material/lightbulb-on-outline"),
        summary=entry.get("summary", ""),
        why=entry.get("why", ""),
        cover=tuple(entry.get("cover", ())),
        prompts=tuple(entry.get("prompts", ())),
        activities=activities,
        pitfalls=tuple(entry.get("pitfalls", ())),
    )


def custom_topic(topic: CustomTopic) -> Topic:
    """A config-defined topic as a library entry."""
    return Topic(
        id=topic.id,
        title=topic.title,
        icon=topic.icon,
        summary=topic.summary,
        why=topic.why,
        cover=tuple(topic.cover),
        prompts=tuple(topic.prompts),
        activities=tuple(Activity(a.title, a.minutes, a.description) for a in topic.activities),
        pitfalls=tuple(topic.pitfalls),
        custom=True,
    )


def topic_library(custom: list[CustomTopic], locale: str = DEFAULT) -> dict[str, Topic]:
    """Every topic by id: built-in ones first, then the organisation's own (as written)."""
    library = {topic.id: topic for topic in builtin_topics(locale)}
    library.update((topic.id, custom_topic(topic)) for topic in custom)
    return library
