"""report: a pairing result as data: the pairs.csv text, each pair's plain-text explanation,
and the counts the public site may show.

Nothing here writes: ``render.reports`` renders the private report pages from templates and
``commands.pair`` writes them with pairs.csv and the packets into ``<private>/pairing/`` in one
go. Participant data stays in that folder; ``public_summary`` is the only view meant for the
public site. Output depends only on the result (no timestamps): the same roster, the same text.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.config.pairing_settings import PairingSettings
from generator.config.resolved import Playbook
from generator.pairing.approved import approved_summary
from generator.pairing.cohort import Pair, PairingResult
from generator.spreadsheet import Cell, cell_value, csv_text

logger = logging.getLogger(__name__)

FOLDER = "pairing"  # under the private output folder
PAIRS_CSV = "pairs.csv"
#: The column that names the department a pair belongs to (the mentee's): the evaluation counts
#: the answers it expects per department from it.
MENTEE_DEPARTMENT = "mentee_department"
CSV_COLUMNS = (
    "mentor",
    "mentor_email",
    "mentee",
    "mentee_email",
    "mentor_department",
    MENTEE_DEPARTMENT,
    "score",
    "shared_skills",
    "rank",
)


def aggregate_summary(result: PairingResult) -> dict[str, int]:
    """Counts only, safe for the public site: no names, e-mails or skills."""
    departments = {p.mentee.department for p in result.pairs}
    departments |= {p.mentor.department for p in result.pairs}
    return {
        "pairs": len(result.pairs),
        "departments": len(departments),
        "cross_department_pairs": sum(p.cross_department for p in result.pairs),
        "unpaired": len(result.unpaired),
        "unpaired_mentees": sum(u.person.role == "mentee" for u in result.unpaired),
        "unpaired_mentors": sum(u.person.role == "mentor" for u in result.unpaired),
    }


def public_summary(result: PairingResult, settings: PairingSettings) -> dict:
    """What the public site may show: the counts, plus pair names only if ``publish_names``.

    Never e-mails, skills, scores or the unpaired list, whatever the setting.
    """
    summary: dict = dict(aggregate_summary(result))
    if settings.publish_names:
        summary["pair_names"] = [
            {"mentor": p.mentor.name, "mentee": p.mentee.name} for p in result.pairs
        ]
    return summary


# --- content ---------------------------------------------------------------------------------


def pairs_csv(result: PairingResult) -> str:
    """One row per pair, in mentee e-mail order; a cell that would be a formula is text."""
    rows: list[list[Cell]] = [
        [
            pair.mentor.name,
            pair.mentor.email,
            pair.mentee.name,
            pair.mentee.email,
            pair.mentor.department,
            pair.mentee.department,
            f"{pair.score:.3f}",
            "; ".join(pair.shared_skills),
            pair.rank,
        ]
        for pair in result.pairs
    ]
    return csv_text(CSV_COLUMNS, rows)


def why(pair: Pair) -> str:
    """A one-line plain-text explanation of why this pair was made."""
    reasons = [f"shares {', '.join(pair.shared_skills) or 'no listed skill (pinned)'}"]
    if pair.cross_department:
        departments = f"mentor: {pair.mentor.department}, mentee: {pair.mentee.department}"
        reasons.append(f"different departments ({departments})")
    else:
        reasons.append(f"same department ({pair.mentee.department})")
    if pair.same_location:
        reasons.append(f"both in {pair.mentee.location}")
    if pair.shared_languages:
        reasons.append(f"both speak {', '.join(pair.shared_languages)}")
    if pair.shared_slots:
        reasons.append(f"both free {', '.join(pair.shared_slots)}")
    reasons.append("pinned by hand" if pair.pinned else f"option {pair.rank} of {pair.options}")
    return "; ".join(reasons)


def score_breakdown(pair: Pair) -> str:
    """The score and the weighted parts it adds up from."""
    parts = pair.parts
    return (
        f"{pair.score:.3f} = {parts.skill_overlap:.3f} skills + {parts.cross_department:.3f} "
        f"cross-department + {parts.same_location:.3f} location + "
        f"{parts.shared_language:.3f} language + {parts.availability:.3f} availability"
    )


def approved_path(playbook: Playbook) -> Path:
    """Where the approved pairs live: ``<private>/pairing/pairs.csv``."""
    return playbook.resolve(playbook.config.site.private_output) / FOLDER / PAIRS_CSV


#: The site's summary while a roster is configured but no pairs are approved yet.
NOT_YET_APPROVED = {"approved": False, "pairs": 0, "departments": 0, "cross_department_pairs": 0}


def pairing_summary(playbook: Playbook) -> dict[str, Any] | None:
    """What the public site may show about the pairs: counts, names only if opted in.

    Read from the approved pairs (``<private>/pairing/pairs.csv``, as ``pair`` proposed it and
    the lead edited and checked it) as plain CSV: the build never reads the roster or solves
    the pairing again, so a rebuild costs the same with 10,000 people as with none, and the
    site counts the pairs the lead approved. With a roster but no approved file yet, the
    counts are zero and the page says pairs are not yet approved; with neither, None.
    """
    path, roster = approved_path(playbook), playbook.config.roster
    if path.is_file():
        if roster is not None and (stale := older_than_roster(path, playbook.resolve(roster.file))):
            logger.warning("%s", stale)
        return approved_summary(path, publish_names=playbook.config.pairing.publish_names)
    if roster is None:
        return None
    return dict(NOT_YET_APPROVED)


def older_than_roster(approved: Path, roster: Path) -> str:
    """A warning when the roster changed after the approved pairs were written, else ''."""
    try:
        stale = approved.stat().st_mtime < roster.stat().st_mtime
    except OSError:
        return ""
    if not stale:
        return ""
    return (
        f"{approved}: the approved pairs are older than the roster {roster.name}; "
        "run `playbook pair --check` to check them against it"
    )


def completed_csv(result: PairingResult, header: Sequence[str], extra: dict) -> str:
    """``pairs_csv`` for approved pairs, with any column the lead added kept after ours.

    ``extra`` maps (mentor e-mail, mentee e-mail) to the row's cells as read; the columns
    ``pairs_csv`` writes are filled again from the roster, the lead's own ones carried over.
    """
    written = [[cell_value(c) for c in row] for row in csv.reader(io.StringIO(pairs_csv(result)))]
    ours, *rows = written
    own = [column for column in header if column and column not in ours]
    if not own:
        return pairs_csv(result)
    for pair, row in zip(result.pairs, rows, strict=True):
        cells = extra.get((pair.mentor.email, pair.mentee.email), {})
        row += [cells.get(column, "") for column in own]
    return csv_text([*ours, *own], rows)
