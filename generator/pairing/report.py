"""report: a pairing result as data: the pairs.csv text, each pair's plain-text explanation,
and the counts the public site may show.

Nothing here writes: ``render.reports`` renders the private report pages from templates and
``commands.pair`` writes them with pairs.csv and the packets into ``<private>/pairing/`` in one
go. Participant data stays in that folder; ``public_summary`` is the only view meant for the
public site. Output depends only on the result (no timestamps): the same roster, the same text.
"""

from __future__ import annotations

from typing import Any

from generator.config.pairing_settings import PairingSettings
from generator.config.resolved import Playbook
from generator.pairing.cohort import Pair, PairingResult, pair_cohort
from generator.pairing.roster import read_config_roster
from generator.spreadsheet import Cell, csv_text

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
    reasons.append("pinned by hand" if pair.pinned else f"option {pair.rank} of {pair.options}")
    return "; ".join(reasons)


def score_breakdown(pair: Pair) -> str:
    """The score and the weighted parts it adds up from."""
    parts = pair.parts
    return (
        f"{pair.score:.3f} = {parts.skill_overlap:.3f} skills + {parts.cross_department:.3f} "
        f"cross-department + {parts.same_location:.3f} location + "
        f"{parts.shared_language:.3f} language"
    )


def pairing_summary(playbook: Playbook) -> dict[str, Any] | None:
    """What the public site may show about the pairs: counts, names only if opted in.

    None when the config names no roster. A roster that cannot be read is the user's to fix,
    so its error stops the build like any other config error.
    """
    config = playbook.config
    if config.roster is None:
        return None
    people = read_config_roster(playbook)
    result = pair_cohort(people, config.pairing, playbook.source)
    return public_summary(result, config.pairing)
