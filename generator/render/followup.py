"""followup: the nudges, and every message due by a day. Pure, like ``render.outbox``.

- to anyone whose form is overdue, as far as `playbook collect` can tell (``render.progress``:
  a named form not returned, or an anonymous one no one in the department returned), dated the
  day after it was due, with the form attached again;
- to both people of a pair whose named answer said "not a good fit", dated the day that form
  was due;
- to the lead, a note dated the Monday of the ``--as-of`` week listing the pairs with nothing
  returned for ``outbox.quiet_weeks`` weeks, and how many anonymous answers said "not a good
  fit" in each department.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from generator.render.filters import longdate
from generator.render.mail import Mail, Recipient, render_parts, wording
from generator.render.outbox import (
    Outgoing,
    PairFiles,
    form_attachments,
    in_sentence,
    introduction,
    recipient,
    reminders,
)
from generator.render.progress import (
    FormDue,
    PairProgress,
    Returned,
    anonymous_flags,
    pair_progress,
)


def overdue(out: Outgoing, files: PairFiles, owed: FormDue) -> Mail:
    """A nudge to one person about one overdue form."""
    values = {"program": out.program, "form": in_sentence(owed.label), "date": longdate(owed.due)}
    words = wording(out.content.messages["overdue"], values)
    documents = [doc for doc in files.plan.documents if doc.form.id == owed.form.id][:1]
    attachments = form_attachments(out, files, documents)
    context = {
        "words": words,
        "person": owed.person,
        "role": owed.role,
        "form": owed.label,
        "due": owed.due,
        "attached": bool(attachments),
        "lead": out.lead,
        "program": out.program,
    }
    text, html = render_parts(out.env, "overdue", context)
    return Mail(
        kind="overdue",
        key=f"{files.name}:{owed.role}:{owed.form.id}:{owed.session}",
        to=(recipient(owed.person),),
        day=owed.due + dt.timedelta(days=1),
        zone=files.plan.department.settings.timezone,
        subject=words["subject"],
        text=text,
        html=html,
        attachments=tuple(attachments),
    )


def fit(out: Outgoing, files: PairFiles, progress: PairProgress) -> Mail:
    """A check-in to both people of a pair whose named answer said 'not a good fit'."""
    first = progress.flags[0]
    dues = [f.due for f in progress.forms if f.form.id == first.form]
    day = min(dues) if dues else files.plan.schedule[0].date
    words = wording(out.content.messages["fit"], {"program": out.program})
    pair = files.pair
    context = {"words": words, "mentor": pair.mentor, "mentee": pair.mentee, "lead": out.lead}
    text, html = render_parts(out.env, "fit", context)
    return Mail(
        kind="fit",
        key=f"{files.name}:{first.form}:{first.session}",
        to=(recipient(pair.mentee), recipient(pair.mentor)),
        day=day,
        zone=files.plan.department.settings.timezone,
        subject=words["subject"],
        text=text,
        html=html,
    )


def quiet_note(
    out: Outgoing,
    progress: Sequence[PairProgress],
    returned: Sequence[Returned],
    as_of: dt.date,
    zone: str,
) -> Mail | None:
    """The lead's note of quiet pairs and anonymous 'not a good fit' answers, if any."""
    quiet = [p for p in progress if p.quiet]
    flags = sorted(anonymous_flags(returned).items())
    if not quiet and not flags:
        return None
    weeks = str(out.quiet_weeks)
    words = wording(out.content.messages["quiet"], {"program": out.program, "weeks": weeks})
    context = {"words": words, "quiet": quiet, "flags": flags, "lead": out.lead, "as_of": as_of}
    text, html = render_parts(out.env, "quiet", context)
    year, week, _ = as_of.isocalendar()
    return Mail(
        kind="quiet",
        key=f"{year}-W{week:02d}",
        to=(Recipient(out.lead.name, out.lead.email),),
        day=as_of - dt.timedelta(days=as_of.weekday()),
        zone=zone,
        subject=words["subject"],
        text=text,
        html=html,
    )


def progress_of(
    out: Outgoing, pairs: Sequence[PairFiles], returned: Sequence[Returned], as_of: dt.date
) -> list[PairProgress]:
    """Each pair's progress on ``as_of``."""
    triples = [(files.pair, files.plan, files.name) for files in pairs]
    return pair_progress(triples, returned, as_of, out.quiet_weeks)


def due_messages(
    out: Outgoing,
    pairs: Sequence[PairFiles],
    as_of: dt.date,
    returned: Sequence[Returned] = (),
    *,
    collected: bool = False,
) -> list[Mail]:
    """Every message due on or before ``as_of``, in date order. Nudges only once `playbook
    collect` has run (``collected``): before it, every form would look overdue."""
    mails = []
    progress = progress_of(out, pairs, returned, as_of)
    for files, state in zip(pairs, progress, strict=True):
        mails.append(introduction(out, files))
        mails.extend(reminders(out, files))
        if collected:
            mails.extend(overdue(out, files, owed) for owed in state.overdue)
            if state.flags:
                mails.append(fit(out, files, state))
    if collected and pairs:
        note = quiet_note(
            out, progress, returned, as_of, pairs[0].plan.department.settings.timezone
        )
        mails.extend([note] if note else [])
    due = [mail for mail in mails if mail.day <= as_of]
    return sorted(due, key=lambda mail: (mail.day, mail.kind, mail.key))
