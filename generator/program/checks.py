"""Design checks: warnings (not errors) when a program goes against what makes programs last.

Each warning says why it matters and how to silence it deliberately: list its code under
``accept_warnings`` in the program defaults or in the department concerned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.config.resolved import Settings
from generator.config.yamlsource import KeyPath, SourceMap, format_key_path
from generator.program.plan import ProgramPlan
from generator.program.schedule import MIDPOINT, Session

MAX_SESSION_MINUTES = 90
MIN_SESSIONS = 4
MAX_PROGRAM_DAYS = 366


@dataclass(frozen=True)
class DesignWarning:
    """One design warning, located at the key it is about."""

    code: str
    key_path: KeyPath
    message: str
    why: str

    def text(self, source: SourceMap | None) -> str:
        """``file:line:column: key: message`` with the reason and how to silence it."""
        where = f"{source.where(self.key_path)}: " if source else ""
        return (
            f"{where}{format_key_path(self.key_path)}: {self.message}\n"
            f"    why it matters: {self.why}\n"
            f"    to accept it: add '{self.code}' to accept_warnings"
        )


def design_warnings(program: ProgramPlan) -> list[DesignWarning]:
    """Warnings for the program defaults and each department, minus the accepted ones.

    A department repeats a warning only when it differs from the defaults' own, so one
    short default program gives one warning, not one per department.
    """
    playbook = program.playbook
    defaults = list(_settings_warnings(("program",), playbook.defaults, program.schedule))
    found = [w for w in defaults if w.code not in playbook.defaults.accept_warnings]
    seen = {(w.code, w.message) for w in defaults}
    for i, plan in enumerate(program.departments):
        settings = plan.department.settings
        for warning in _settings_warnings(("departments", i), settings, plan.schedule):
            if warning.code in settings.accept_warnings or (warning.code, warning.message) in seen:
                continue
            found.append(warning)
    return found


def _settings_warnings(
    where: KeyPath, settings: Settings, sessions: tuple[Session, ...]
) -> Iterable[DesignWarning]:
    if settings.sessions < MIN_SESSIONS:
        yield DesignWarning(
            "few-sessions",
            (*where, "sessions"),
            f"{settings.sessions} session(s) is fewer than {MIN_SESSIONS}",
            "trust takes a few meetings to build; pairs with fewer than four sessions rarely get "
            "past introductions to real learning",
        )
    if settings.session_minutes > MAX_SESSION_MINUTES:
        yield DesignWarning(
            "long-sessions",
            (*where, "session_minutes"),
            f"sessions of {settings.session_minutes} minutes are longer than {MAX_SESSION_MINUTES}",
            "senior diaries rarely hold long blocks, so long sessions get cancelled; shorter, "
            "regular sessions keep the rhythm",
        )
    has_midpoint = any(s.kind == MIDPOINT for s in sessions)
    if not has_midpoint and not settings.cohort.midpoint_debrief:
        yield DesignWarning(
            "no-midpoint",
            (*where, "cohort"),
            "there is no mid-point review",
            "a mid-point check is where a stuck pair gets noticed and helped while there is "
            "still time to change course",
        )
    elif not has_midpoint:
        yield DesignWarning(
            "no-midpoint",
            (*where, "sessions"),
            "the program is too short for a mid-point review session",
            "a mid-point check is where a stuck pair gets noticed and helped while there is "
            "still time to change course",
        )
    if not settings.cohort.training:
        yield DesignWarning(
            "no-training",
            (*where, "cohort"),
            "there is no training before the first session",
            "both roles need a short induction; training only one side, or neither, leaves "
            "pairs to work out the reversed roles alone",
        )
    if not settings.agreement:
        yield DesignWarning(
            "no-agreement",
            (*where, "agreement"),
            "pairs will not sign a mentoring agreement",
            "the agreement is where a pair settles confidentiality, cadence and how to end "
            "without blame; without it, problems surface late",
        )
    days = (sessions[-1].date - settings.start).days
    if days > MAX_PROGRAM_DAYS:
        yield DesignWarning(
            "long-program",
            (*where, "sessions"),
            f"the program runs {days} days, longer than 12 months",
            "energy fades over long programs; two shorter rounds with a fresh pairing "
            "usually achieve more",
        )
