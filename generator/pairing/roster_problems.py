"""roster_problems: everything wrong with a roster as one message, fit for 10,000 people.

Each problem is one located line (file, row, column). Problems of one kind that fill more than
``EXAMPLES`` lines are summarised as one line counting the rows, followed by the first few as
examples, so a roster with a misspelt department on 412 rows prints five lines, not 412.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from generator.errors import RosterError

#: How many lines of one kind are listed in full; more are summarised with this many examples.
EXAMPLES = 3


@dataclass(frozen=True)
class Problem:
    """One located problem; ``kind`` (plural, after "N rows") groups lines for the summary."""

    text: str
    kind: str = ""
    #: the rows this line stands for (one line may name every row with the same unknown value)
    rows: int = 1


def raise_problems(path: Path, problems: Sequence[Problem], row_word: str = "row") -> NoReturn:
    """Raise one RosterError listing ``problems``, kinds with many lines summarised."""
    count = f"{len(problems)} problem" + ("s" if len(problems) > 1 else "")
    lines = [f"{path.name}: {count} in the roster:"]
    by_kind: dict[str, list[Problem]] = {}
    for problem in problems:
        by_kind.setdefault(problem.kind, []).append(problem)
    shown: set[str] = set()
    for problem in problems:
        group = by_kind[problem.kind]
        if not problem.kind or len(group) <= EXAMPLES:
            lines.append(f"  - {problem.text}")
        elif problem.kind not in shown:
            shown.add(problem.kind)
            lines.append(f"  - {_summary(group, row_word)}, e.g.:")
            lines += [f"      {example.text}" for example in group[:EXAMPLES]]
    raise RosterError("\n".join(lines))


def _summary(group: list[Problem], row_word: str) -> str:
    rows = sum(problem.rows for problem in group)
    plural = "entries" if row_word == "entry" else f"{row_word}s"
    text = f"{rows:,} {plural if rows > 1 else row_word} {group[0].kind}"
    return text if rows == len(group) else f"{text} ({len(group):,} different values)"
