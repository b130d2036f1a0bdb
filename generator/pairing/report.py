"""Write a pairing result to a private folder: pairs.csv and a Markdown and HTML report.

Participant data stays in that folder; ``aggregate_summary`` is the only view meant for the public
site (counts, no names). Every file is rendered in memory first, then written to a temporary
folder beside the targets and moved into place, so a failure leaves nothing half written.
Output bytes depend only on the result (no timestamps), so the same roster gives the same files.
"""

from __future__ import annotations

import csv
import html
import io
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from generator.config.pairing_settings import PairingSettings
from generator.config.resolved import Playbook
from generator.errors import BuildError
from generator.pairing.cohort import Pair, PairingResult, pair_cohort
from generator.pairing.roster import read_roster

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


def run_pairing(roster_path: Path, settings: PairingSettings, out_dir: Path) -> PairingResult:
    """Read the roster, pair the cohort and write the private reports into ``out_dir``."""
    result = pair_cohort(read_roster(Path(roster_path)), settings)
    write_reports(result, Path(out_dir))
    return result


def write_reports(result: PairingResult, out_dir: Path) -> list[Path]:
    """Write pairs.csv, pairing-report.md and pairing-report.html; return their paths."""
    files = {
        "pairs.csv": pairs_csv(result),
        "pairing-report.md": report_markdown(result),
        "pairing-report.html": report_html(result),
    }
    return _write_atomically(Path(out_dir), files)


def _write_atomically(out_dir: Path, files: dict[str, str]) -> list[Path]:
    """Stage every file in a temporary folder inside ``out_dir``, then move each into place."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".pairing-", dir=out_dir))
    except OSError as err:
        msg = f"{out_dir}: cannot create the private output folder: {err.strerror or err}"
        raise BuildError(msg) from err
    try:
        for name, text in files.items():
            (staging / name).write_bytes(text.encode("utf-8"))
        for name in files:  # same filesystem: each replace is atomic
            os.replace(staging / name, out_dir / name)
    except OSError as err:
        msg = f"{out_dir}: cannot write the pairing reports: {err.strerror or err}"
        raise BuildError(msg) from err
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [out_dir / name for name in files]


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
    """One row per pair, in mentee e-mail order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for pair in result.pairs:
        writer.writerow(
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
        )
    return buffer.getvalue()


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


def _summary_lines(result: PairingResult) -> list[str]:
    counts = aggregate_summary(result)
    lines = [
        f"Pairs: {counts['pairs']} ({counts['cross_department_pairs']} across departments)",
        f"Departments involved: {counts['departments']}",
        f"Mentees without a mentor: {counts['unpaired_mentees']}",
        f"Mentors without a mentee: {counts['unpaired_mentors']}",
    ]
    if result.fairness_floor is not None:
        lines.append(
            f"Fairness mode: every optimised pair scores at least {result.fairness_floor:.3f}"
        )
    return lines


def _md(text: object) -> str:
    """Escape text for a Markdown table cell (roster text is data, never markup)."""
    out = str(text)
    for char in "\\`*_[]<>|#":
        out = out.replace(char, "\\" + char)
    return out.replace("\n", " ")


def report_markdown(result: PairingResult) -> str:
    """The private pairing report as Markdown."""
    lines = ["# Pairing report", ""]
    lines += [f"- {line}" for line in _summary_lines(result)]
    lines += ["", "## Pairs", ""]
    if result.pairs:
        lines += ["| Mentee | Mentor (teaches) | Score | Why |", "|---|---|---|---|"]
        lines += [
            f"| {_md(p.mentee.name)} | {_md(p.mentor.name)} | {_md(score_breakdown(p))} "
            f"| {_md(why(p))} |"
            for p in result.pairs
        ]
    else:
        lines.append("No pairs could be made.")
    lines += ["", "## Unpaired", ""]
    if result.unpaired:
        lines += ["| Person | Role | Reason |", "|---|---|---|"]
        lines += [
            f"| {_md(u.person.name)} | {u.person.role} | {_md(u.reason)} |" for u in result.unpaired
        ]
    else:
        lines.append("Everyone has a partner.")
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;
color:#1f2933;line-height:1.45;padding:0 1rem}
h1{font-size:1.8rem;margin-bottom:.5rem}h2{margin-top:2rem;border-bottom:1px solid #d9e2ec}
.summary{display:flex;flex-wrap:wrap;gap:1rem;padding:0;list-style:none}
.summary li{background:#f0f4f8;border-radius:.5rem;padding:.75rem 1rem;min-width:10rem}
.summary strong{display:block;font-size:1.6rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;vertical-align:top;padding:.5rem;border-bottom:1px solid #e4e7eb}
th{background:#f5f7fa}td.num{font-variant-numeric:tabular-nums;min-width:9rem}
small{color:#52606d}.private{color:#9b1c1c;font-weight:600}
""".strip()


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def report_html(result: PairingResult) -> str:
    """The private pairing report as one self-contained HTML page (inline CSS, no scripts)."""
    counts = aggregate_summary(result)
    tiles = [
        ("pairs", counts["pairs"]),
        ("across departments", counts["cross_department_pairs"]),
        ("mentees without a mentor", counts["unpaired_mentees"]),
        ("mentors without a mentee", counts["unpaired_mentors"]),
    ]
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Pairing report</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>",
        "<h1>Pairing report</h1>",
        '<p class="private">Private: contains participant names. Do not publish.</p>',
        '<ul class="summary">',
        *[f"<li><strong>{n}</strong>{_e(label)}</li>" for label, n in tiles],
        "</ul>",
    ]
    if result.fairness_floor is not None:
        floor = f"{result.fairness_floor:.3f}"
        parts.append(f"<p>Fairness mode: every optimised pair scores at least {floor}.</p>")
    parts += _html_pairs(result) + _html_unpaired(result) + ["</body>\n</html>"]
    return "\n".join(parts) + "\n"


def _html_pairs(result: PairingResult) -> list[str]:
    rows = [
        f"<tr><td>{_e(p.mentee.name)}<br><small>{_e(p.mentee.department)}</small></td>"
        f"<td>{_e(p.mentor.name)}<br><small>{_e(p.mentor.department)}</small></td>"
        f'<td class="num"><strong>{p.score:.3f}</strong><br>'
        f"<small>{_e(score_breakdown(p))}</small></td>"
        f"<td>{_e(why(p))}</td></tr>"
        for p in result.pairs
    ]
    head = (
        "<thead><tr><th>Mentee</th><th>Mentor (teaches)</th><th>Score</th><th>Why</th></tr></thead>"
    )
    body = (
        ["<table>", head, "<tbody>", *rows, "</tbody>", "</table>"]
        if rows
        else ["<p>No pairs could be made.</p>"]
    )
    return ["<h2>Pairs</h2>", *body]


def _html_unpaired(result: PairingResult) -> list[str]:
    rows = [
        f"<tr><td>{_e(u.person.name)}</td><td>{u.person.role}</td><td>{_e(u.reason)}</td></tr>"
        for u in result.unpaired
    ]
    head = "<thead><tr><th>Person</th><th>Role</th><th>Reason</th></tr></thead>"
    body = (
        ["<table>", head, "<tbody>", *rows, "</tbody>", "</table>"]
        if rows
        else ["<p>Everyone has a partner.</p>"]
    )
    return ["<h2>Unpaired</h2>", *body]


def pairing_summary(playbook: Playbook) -> dict[str, Any] | None:
    """What the public site may show about the pairs: counts, names only if opted in.

    None when the config names no roster. A roster that cannot be read is the user's to fix,
    so its error stops the build like any other config error.
    """
    config = playbook.config
    if config.roster is None:
        return None
    roster = playbook.resolve(config.roster)
    result = pair_cohort(read_roster(roster), config.pairing)
    return public_summary(result, config.pairing)
