"""`playbook build`: load -> plan -> render -> publish."""

from __future__ import annotations

import logging
from pathlib import Path

from generator.config.load import load
from generator.config.paths import output_problems
from generator.config.resolved import Playbook
from generator.errors import BuildError
from generator.pairing.report import pairing_summary
from generator.program.plan import plan_program
from generator.publish.cache import PdfCache, RenderCache
from generator.publish.pdf import PdfRun, pdf_step
from generator.publish.staging import check_output, publish
from generator.render.context import base_context
from generator.render.environment import make_environment
from generator.render.printables import render_printables
from generator.render.site import render_site
from generator.render.tree import Tree

log = logging.getLogger(__name__)


def render_tree(playbook: Playbook, cache: RenderCache | None = None) -> Tree:
    """Everything the site needs, as a virtual tree.

    With a cache, a department's printables whose inputs did not change come from it.
    """
    program = plan_program(playbook, pairing_summary(playbook))
    templates = playbook.resolve(playbook.config.site.templates)
    env = make_environment(templates, cache.folder.parent / "jinja" if cache else None)
    tree = render_site(program, env)
    memo = cache.memo(program, templates) if cache else None
    tree.update(render_printables(program, env, base_context(program), memo))
    return tree


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
) -> Path:
    """Build the site and printables for a config; returns the output folder.

    ``jobs`` is the number of processes rendering PDFs (default: one per CPU). With ``cache``,
    PDFs whose print HTML has not changed are copied from ``.playbook-cache/`` beside the output
    instead of laid out again. ``run`` collects what the PDF step did (and draws progress).
    """
    playbook = load(config_path)
    target = (output or playbook.resolve(playbook.config.site.output)).resolve()
    check_target(playbook, target)
    run = run if run is not None else PdfRun()
    renders = RenderCache.beside(target) if cache else None
    tree = render_tree(playbook, renders)
    run.departments = renders.rendered if renders else [p.slug for p in playbook.departments]
    log.info("Rendered %d files for %d departments", len(tree), len(playbook.departments))
    pdfs = PdfCache.beside(target) if cache else None
    site = publish(playbook, tree, target, prepare=(pdf_step(jobs, pdfs, run),))
    if renders:
        renders.prune(renders.used)
    return site
