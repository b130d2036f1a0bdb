"""Design checks: warnings (not errors) when a program goes against what makes programs last.

Each warning says why it matters and how to silence it deliberately: list its code under
``accept_warnings`` in the program defaults or in the department concerned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from generator.config.resolved import Settings
from generator.config.yamlsource import KeyPath, SourceMap, format_key_path
from generator.program.plan import ProgramPlan
from generator.program.schedule import MIDPOINT, Session, schedule

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
    defaults = [
        *_settings_warnings(("program",), playbook.defaults, program.schedule),
        *_focus_warnings(
            ("program", "focus_areas"), "the program", playbook.defaults, program.schedule
        ),
    ]
    found = [w for w in defaults if w.code not in playbook.defaults.accept_warnings]
    seen = {(w.code, w.message) for w in defaults}
    default_focus = _focus_left_out(playbook.defaults, program.schedule)
    for i, plan in enumerate(program.departments):
        department = plan.department
        settings = department.settings
        warnings = list(_settings_warnings(("departments", i), settings, plan.schedule))
        # This one names the department, so it is compared by what it is about, not its words.
        if _focus_left_out(settings, plan.schedule) != default_focus:
            key = "sessions" if "focus_areas" not in department.overrides else "focus_areas"
            where = ("departments", i, key)
            warnings += _focus_warnings(where, department.name, settings, plan.schedule)
        for warning in warnings:
            if warning.code in settings.accept_warnings or (warning.code, warning.message) in seen:
                continue
            found.append(warning)
    return found


def _focus_left_out(
    settings: Settings, sessions: tuple[Session, ...]
) -> tuple[int, tuple[str, ...]]:
    """How many sessions take up a topic, and the ids of the focus areas none of them takes up."""
    taken = {session.topic.id for session in sessions if session.topic is not None}
    count = sum(session.topic is not None for session in sessions)
    return count, tuple(area.id for area in settings.focus_areas if area.id not in taken)


def _focus_warnings(
    key_path: KeyPath, who: str, settings: Settings, sessions: tuple[Session, ...]
) -> Iterable[DesignWarning]:
    """More focus areas than topic sessions: the last ones listed never get a session."""
    count, left_out = _focus_left_out(settings, sessions)
    if not left_out:
        return
    areas = len(settings.focus_areas)
    taking = f"only {count}" if count else "none"
    missing = _listed([f"'{area}'" for area in left_out])
    more = _sessions_needed(settings) - settings.sessions
    yield DesignWarning(
        "unused-focus-areas",
        key_path,
        f"{who} lists {areas} focus areas but {taking} of its {settings.sessions} sessions "
        f"{'takes' if count <= 1 else 'take'} up a topic, so {missing} "
        f"{'gets' if len(left_out) == 1 else 'get'} no session; add "
        f"{more} session{'s' if more != 1 else ''}, or drop from focus_areas what you can do "
        "without (sessions take them up in the order listed, so put first what matters most)",
        "the department page and the printables promise every focus area, but a pair only "
        "reaches the topics its sessions bring up",
    )


def _sessions_needed(settings: Settings) -> int:
    """The fewest sessions that take up every focus area (``schedule`` decides which do)."""
    sessions = settings.sessions
    while _focus_left_out(settings, schedule(replace(settings, sessions=sessions)))[1]:
        sessions += 1
    return sessions


def _listed(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


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
