"""`playbook build`: load -> plan -> render -> publish."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

from generator.config.load import load
from generator.config.paths import output_problems
from generator.config.resolved import Playbook
from generator.errors import BuildError
from generator.pairing.report import pairing_summary
from generator.program.plan import ProgramPlan, plan_program
from generator.program.signup import signup_documents
from generator.publish.cache import PdfCache, RenderCache
from generator.publish.calendar_state import approved_pairs, load_state, private_folder, save
from generator.publish.files import replace_file, write_tree
from generator.publish.offline import copy_polyfill, iframe_worker, pack
from generator.publish.pdf import PdfRun, pdf_step
from generator.publish.staging import MARKER, Prepare, check_output, publish
from generator.render.calendar.invitations import invitation_files
from generator.render.calendar.published import department_calendars, site_links
from generator.render.calendar.state import CalendarState
from generator.render.context import base_context
from generator.render.environment import make_environment
from generator.render.printables import department_printables
from generator.render.runbook import runbook_files
from generator.render.site import render_site
from generator.render.tree import Tree

log = logging.getLogger(__name__)


#: A build that would lay out more PDFs than this refuses unless ``max_pdfs`` (``--max-pdfs``)
#: allows it: about 500 departments, some 25 minutes on 2 workers.
MAX_PDFS = 10_000
#: PDFs one worker lays out a second (``benchmarks/run``: 594 PDFs of 30 departments in 85 s on
#: 2 workers), for the estimate in the refusal.
PDFS_PER_SECOND = 3.5


def render_parts(
    program: ProgramPlan, cache: RenderCache | None = None, *, pdfs: bool = True
) -> tuple[Tree, Iterator[Tree]]:
    """The site's pages as a tree, and each department's printables, rendered when iterated.

    With a cache, a department's printables whose inputs did not change come from it. Without
    ``pdfs`` the pages link the print HTML instead of PDFs.
    """
    playbook = program.playbook
    templates = playbook.resolve(playbook.config.site.templates)
    jinja = cache.folder.parent / "jinja" if cache else None
    env = make_environment(templates, jinja, playbook.config.organisation.locale)
    tree = render_site(program, env, pdfs=pdfs)
    memo = cache.memo(program, templates, pdfs=pdfs) if cache else None
    context = base_context(program, pdfs=pdfs)
    return tree, department_printables(program, env, context, memo)


def render_calendars(
    program: ProgramPlan, state: CalendarState, *, pdfs: bool = True, invitations: bool = True
) -> tuple[Tree, CalendarState, Tree | None]:
    """The site's calendars, the state after issuing them, and the pairs' invitations (None
    without approved pairs in the private output, or without ``invitations``)."""
    links = site_links(program.playbook, pdfs=pdfs)
    tree, state = department_calendars(program, state, links)
    found = approved_pairs(private_folder(program.playbook)) if invitations else None
    if found is None:
        return tree, state, None
    source, pairs = found
    sent, state = invitation_files(program, pairs, state, links, str(source))
    return tree, state, sent


def render_tree(playbook: Playbook, cache: RenderCache | None = None) -> Tree:
    """Everything the site needs, as one virtual tree (the preview's and tests' view).

    The calendars number their events from the state the last build left, which this reads
    and never writes.
    """
    program = plan_program(playbook, pairing_summary(playbook))
    tree, departments = render_parts(program, cache)
    for files in departments:
        tree.update(files)
    state = load_state(private_folder(playbook))
    tree.update(render_calendars(program, state, invitations=False)[0])
    return tree


def write_departments(departments: Iterator[Tree]) -> Prepare:
    """A publish step writing each department's printables as it is rendered, then dropping
    them, so a build holds one department's print HTML at a time."""

    def step(staging: Path) -> None:
        count = 0
        for files in departments:
            write_tree(files, staging)
            count += len(files)
        log.info("Wrote %d printable files", count)

    return step


def pdf_count(program: ProgramPlan) -> int:
    """The PDFs a full build makes: the sign-up forms, every department's documents and its
    booklet."""
    signup = len(signup_documents(program.playbook))
    return signup + sum(len(plan.documents) + 1 for plan in program.departments)


def write_runbook(program: ProgramPlan, private: Path) -> None:
    """The lead's runbook, as a page and a calendar, into the private output."""
    playbook = program.playbook
    templates = playbook.resolve(playbook.config.site.templates)
    env = make_environment(templates, locale=playbook.config.organisation.locale)
    for name, text in runbook_files(program, env).items():
        try:
            replace_file(private / name, text.encode("utf-8"))
        except OSError as err:
            msg = f"{private / name}: cannot write: {err.strerror or err}"
            raise BuildError(msg) from err


def check_pdf_count(program: ProgramPlan, limit: int, jobs: int | None) -> None:
    """Refuse, before anything is rendered, a build whose PDFs would take hours to lay out."""
    count = pdf_count(program)
    if count <= limit:
        return
    workers = jobs or os.cpu_count() or 1
    minutes = count / (PDFS_PER_SECOND * workers) / 60
    took = f"{minutes / 60:.1f} hours" if minutes >= 120 else f"{minutes:.0f} minutes"
    msg = (
        f"{program.playbook.config_path}: this build would make {count:,} PDFs for "
        f"{len(program.departments):,} departments, over the limit of {limit:,}: about {took} "
        f"on {workers} worker(s) (WeasyPrint lays out about {PDFS_PER_SECOND} a second per "
        "worker; PDFs unchanged since the last build come from the cache). Build the site "
        "alone with `--site-only`, split the organisation into several configs, or confirm "
        f"with `--max-pdfs {count}`"
    )
    raise BuildError(msg)


def check_target(playbook: Playbook, target: Path) -> None:
    """Refuse an output folder before anything is written, caches and staging included.

    The config's own outputs passed these rules when it loaded; an output given instead
    (``-o``) must pass them too: not the filesystem root, not the config's folder or one that
    holds it, apart from the private output. Then the folder itself: not a file, and not a
    folder with other things in it.
    """
    target = target.resolve()
    private = playbook.resolve(playbook.config.site.private_output)
    problem = next((text for _, text in output_problems(playbook.folder, target, private)), None)
    if problem:
        msg = f"cannot build into {target}: {problem}"
        raise BuildError(msg)
    check_output(playbook, target)


def build(
    config_path: Path,
    output: Path | None = None,
    jobs: int | None = None,
    *,
    cache: bool = True,
    run: PdfRun | None = None,
    site_only: bool = False,
    max_pdfs: int = MAX_PDFS,
    zip_site: bool = False,
) -> Path:
    """Build the site and printables for a config; returns the output folder.

    ``jobs`` is the number of processes rendering PDFs (default: one per CPU). With ``cache``,
    PDFs whose print HTML has not changed are copied from ``.playbook-cache/`` beside the output
    instead of laid out again. The calendars' SEQUENCE numbers come from, and go back to, the
    state in the private output; with approved pairs there, each pair's invitation is written
    beside them. ``run`` collects what the PDF step did (and draws progress).
    ``site_only`` makes no PDFs (the pages link the print HTML) and leaves the PDF cache alone;
    otherwise a build of more than ``max_pdfs`` PDFs is refused before anything is rendered.
    With ``zip_site`` the site is also packed into ``<output>.zip`` beside it.
    """
    playbook = load(config_path)
    target = (output or playbook.resolve(playbook.config.site.output)).resolve()
    check_target(playbook, target)
    shim = iframe_worker(playbook) if playbook.config.site.offline else None
    program = plan_program(playbook, pairing_summary(playbook))
    if not site_only:
        check_pdf_count(program, max_pdfs, jobs)
    run = run if run is not None else PdfRun()
    renders = RenderCache.beside(target) if cache else None
    tree, departments = render_parts(program, renders, pdfs=not site_only)
    private = private_folder(playbook)
    calendars, state, invitations = render_calendars(
        program, load_state(private), pdfs=not site_only
    )
    tree.update(calendars)
    run.departments = renders.rendered if renders else [p.slug for p in playbook.departments]
    log.info("Rendered %d site files for %d departments", len(tree), len(playbook.departments))
    steps = [write_departments(departments)]
    if shim is not None:
        steps.append(copy_polyfill(shim))
    if not site_only:
        steps.append(pdf_step(jobs, PdfCache.beside(target) if cache else None, run))
    site = publish(playbook, tree, target, prepare=tuple(steps))
    save(private, state, invitations)  # only once the site that shows these numbers is live
    write_runbook(program, private)
    if renders:
        renders.prune(renders.used)
    if zip_site:
        log.info("Site packed into %s", pack(site, skip=(MARKER,)))
    return site
