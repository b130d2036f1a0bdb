"""The recruitment step of `playbook collect`: returned sign-up forms to
``<private>/recruitment/roster.csv`` (the roster `playbook pair` reads) and a private report of
who was left out, replaced or in conflict with the HR export."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.config.resolved import Playbook
from generator.evaluation.recruitment import (
    FOLDER,
    ROSTER_CSV,
    HrRecord,
    Recruitment,
    recruit,
    roster_csv,
)
from generator.evaluation.signup import SignUps, read_signups
from generator.pairing.roster import read_config_roster
from generator.program.documents import program_slug
from generator.program.signup import signup_catalogue
from generator.publish.files import replace_folder
from generator.render.environment import make_environment, render_template
from generator.render.tree import Tree

REPORT = "recruitment-report"


@dataclass(frozen=True)
class RecruitOutcome:
    """What the recruitment step read and wrote."""

    signups: SignUps
    result: Recruitment
    folder: Path

    @property
    def roster(self) -> Path:
        """The roster written."""
        return self.folder / ROSTER_CSV

    def lines(self) -> list[tuple[str, bool]]:
        """What to tell the lead, as (text, to standard error)."""
        result = self.result
        found = [(f"  skipped sign-up {s.source}: {s.reason}", True) for s in result.skipped]
        return [
            *found,
            (
                f"{len(self.signups.people)} sign-up(s) read: {result.count('mentor')} "
                f"mentor(s) and {result.count('mentee')} mentee(s) in {self.roster}; "
                f"{len(result.left_out)} left out, {len(result.replaced)} replaced, "
                f"{len(result.conflicts)} conflict(s) with the HR export",
                False,
            ),
            (f"Recruitment report: {self.folder / f'{REPORT}.html'}", False),
        ]


def hr_records(playbook: Playbook, path: Path | None) -> tuple[dict[str, HrRecord], str]:
    """The HR export's department and manager by e-mail (``path``, else the config's roster;
    none without either), and the file's name."""
    if path is None and playbook.config.roster is None:
        return {}, ""
    source = path or playbook.resolve(playbook.config.roster.file)  # type: ignore[union-attr]
    people = read_config_roster(playbook, path)
    records = {
        p.email.casefold(): HrRecord(p.department, p.manager or "", f"{source}, row {p.row}")
        for p in people
    }
    return records, str(source)


def report_tree(playbook: Playbook, outcome: Recruitment) -> dict[str, str]:
    """The report as HTML and Markdown, from ``templates/report/``."""
    config = playbook.config
    env = make_environment(
        playbook.resolve(config.site.templates), locale=config.organisation.locale
    )
    context = {"r": outcome, "program": config.organisation.program, "roster": ROSTER_CSV}
    return {
        f"{REPORT}.html": render_template(env, "report/recruitment.html", **context),
        f"{REPORT}.md": render_template(env, "report/recruitment.md", **context),
    }


def recruit_program(
    playbook: Playbook, paths: list[Path], roster: Path | None = None
) -> RecruitOutcome | None:
    """Read the sign-ups under ``paths`` and write the roster and report; None (nothing
    written) when there are none, so a collect of feedback forms alone leaves the last
    roster alone."""
    forms = signup_catalogue(playbook)
    signups = read_signups(paths, forms, program_slug(playbook.config.organisation.program))
    if not signups.sources:
        return None
    hr, source = hr_records(playbook, roster)
    topics = {topic_id: topic.title for topic_id, topic in playbook.topics.items()}
    result = recruit(signups, topics, hr, source)
    folder = playbook.resolve(playbook.config.site.private_output) / FOLDER
    tree: Tree = {ROSTER_CSV: roster_csv(result), **report_tree(playbook, result)}
    replace_folder(tree, folder)
    return RecruitOutcome(signups, result, folder)
