"""rotation: which of a topic's activities and prompts each session takes up. Pure, no I/O.

A department's sessions share one ``Rotation``, so when a topic comes round again the session
takes the topic's next activities and next prompts: nothing repeats within a department while
the library has more. When a topic runs out:

- activities: its cover points follow, one "Deep dive" each (the mentor brings a real example
  of that point, the mentee tries it); after those, the general "Show, then do", the one
  activity that may come back;
- prompts: a few general questions follow, each used once per department; after those a
  session has no new conversation starters, and its agenda says to pick up open questions.

Group sessions (a lunch-and-learn, where one or more mentors lead and the leaders attend as
a group) read the library's pair wording for a group: "the mentee" becomes "each leader" and
"the pair" becomes "the group" (``for_group``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial

from generator.config.resolved import Activity, Topic

#: An activity may be shortened to this share of its guide minutes, no further: a 25-minute
#: activity still works in 20 minutes, not in 10.
SQUEEZE = 0.8

#: Guide minutes of an activity made from a cover point.
DEEP_DIVE_MINUTES = 20

#: After a topic's own prompts: questions that suit any topic, each asked once per department.
GENERAL_PROMPTS = (
    "Where has this topic come up in your work since we last met?",
    "What do you see from where you sit that I probably miss?",
    "Which idea from an earlier session have you tried, and how did it go?",
    "What would you like to be able to do by the next session?",
)

#: The activity a topic falls back on once its activities and cover points are all done.
SHOW_THEN_DO = Activity(
    "Show, then do",
    15,
    "The mentor shows one real task from their own work for five minutes. The mentee then "
    "does a similar task on their own device or material, with the mentor guiding by voice "
    "only. Finish by writing down the steps in the mentee's own words.",
)


def deep_dive(point: str) -> Activity:
    """An activity built on one of a topic's cover points."""
    return Activity(
        "Deep dive",
        DEEP_DIVE_MINUTES,
        f"{point.strip().rstrip('.')}. The mentor brings one real example of it from their "
        "own work; the mentee then tries it on their own material and names one thing to use "
        "before the next session.",
    )


@dataclass
class Rotation:
    """What one department's sessions have taken up so far, topic by topic."""

    done: dict[str, set[int]] = field(default_factory=dict)  # pool indices, by topic id
    asked: dict[str, int] = field(default_factory=dict)  # prompts used, by topic id
    general: int = 0  # general prompts used

    def activities(self, topic: Topic, minutes: int, most: int) -> list[Activity]:
        """The topic's next activities that fit in ``minutes`` (at most ``most`` of them).

        They are taken in the library's order while they fit; one too long for the time is
        skipped only when nothing has been taken yet, and waits for a longer session.
        """
        pool = [*topic.activities, *(deep_dive(point) for point in topic.cover)]
        done = self.done.setdefault(topic.id, set())
        queue = [(i, a) for i, a in enumerate(pool) if i not in done] + [(-1, SHOW_THEN_DO)]
        chosen: list[tuple[int, Activity]] = []
        total = 0
        for index, activity in queue:
            if len(chosen) < most and (total + activity.minutes) * SQUEEZE <= minutes:
                chosen.append((index, activity))
                total += activity.minutes
            elif chosen:
                break
        done.update(index for index, _ in chosen if index >= 0)
        return [activity for _, activity in chosen]

    def prompts(self, topic: Topic, count: int) -> tuple[str, ...]:
        """The topic's next ``count`` prompts, then general ones, never one asked before."""
        start = self.asked.get(topic.id, 0)
        own = topic.prompts[start : start + count]
        self.asked[topic.id] = start + len(own)
        general = GENERAL_PROMPTS[self.general : self.general + count - len(own)]
        self.general += len(general)
        return (*own, *general)


_GROUP_WORDS = (
    (re.compile(r"\bthe mentoring agreement\b", re.I), "the group agreement"),
    (re.compile(r"\bthe mentee's\b", re.I), "each leader's"),
    (re.compile(r"\bthe mentee\b", re.I), "each leader"),
    (re.compile(r"\bthe pair\b", re.I), "the group"),
    (re.compile(r"\bmentees\b", re.I), "leaders"),
    (re.compile(r"\b(?:your own|your) partner\b", re.I), "your group"),
    (re.compile(r"\beither of you\b", re.I), "any of you"),
    (re.compile(r"\bpairs\b", re.I), "groups"),
    (re.compile(r"\bpair\b", re.I), "group"),
)


def for_group(text: str) -> str:
    """Pair wording read for a group session: "The mentee drafts" -> "Each leader drafts".

    "Each leader" keeps a singular verb and "they/their", so the sentence stays grammatical.
    """
    for pattern, words in _GROUP_WORDS:
        text = pattern.sub(partial(_same_case, words), text)
    return text


def _same_case(words: str, match: re.Match[str]) -> str:
    """``words`` capitalised when the text it replaces starts a sentence."""
    return words[0].upper() + words[1:] if match[0][0].isupper() else words
