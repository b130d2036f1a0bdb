"""Generated organisations for benchmarks: N departments with varied, valid settings.

    from benchmarks.orgs import write_organisation
    config = write_organisation(folder, departments=30)

Settings cycle with the department's index (sessions 2-6, four cadences, both formats, both
paper sizes, three of the eight built-in focus areas, some extra questions and blackouts), so a
size always yields the same config, and a larger organisation is a superset of a smaller one's
mix. ``edit_department`` changes one department's session length, the edit a benchmark times.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.config.topics import builtin_topics

TOPICS = tuple(topic.id for topic in builtin_topics())
CADENCES = ("weekly", "every 2 weeks", "every 3 weeks", "monthly")


def department(index: int) -> dict:
    """The settings of department number ``index`` (from 0)."""
    entry: dict = {
        "name": f"Department {index + 1:03d}",
        "sessions": 2 + index % 5,
        "cadence": CADENCES[index % len(CADENCES)],
        "session_minutes": (30, 45, 60, 75)[index % 4],
        "format": "group" if index % 3 == 2 else "one-to-one",
        "paper_size": "Letter" if index % 4 == 3 else "A4",
        "focus_areas": [TOPICS[(index + k) % len(TOPICS)] for k in (0, 3, 5)],
        "contact": {
            "name": f"Contact {index + 1}",
            "email": f"contact{index + 1}@bench.example",
        },
    }
    if index % 2:
        entry["extra_questions"] = [f"What will department {index + 1} try next?"]
    if index % 5 == 1:
        entry["blackout_dates"] = ["2027-03-15"]
    return entry


def organisation(departments: int) -> dict:
    """A whole config as data."""
    return {
        "organisation": {
            "name": "Bench Industries",
            "program": "Reverse Up",
            "sponsor": {"name": "Ada Bench", "title": "CEO"},
            "lead": {"name": "Lee Bench", "email": "lead@bench.example"},
        },
        "program": {"start": "2027-03-01", "sessions": 4, "cadence": "every 2 weeks"},
        "departments": [department(i) for i in range(departments)],
        "site": {"settings": "no-such-mkdocs.yml", "output": "site"},
    }


def write_organisation(folder: Path, departments: int) -> Path:
    """Write ``organisation.yaml`` for ``departments`` departments into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "organisation.yaml"
    path.write_text(yaml.safe_dump(organisation(departments), sort_keys=False), encoding="utf-8")
    return path


def edit_department(config: Path, index: int = 0) -> str:
    """Lengthen one department's sessions by five minutes; returns its slug."""
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    entry = data["departments"][index]
    entry["session_minutes"] += 5
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return entry["name"].lower().replace(" ", "-")
