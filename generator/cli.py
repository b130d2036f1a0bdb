"""The `playbook` command: parses arguments and calls the stages; nothing else."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from generator import __version__
from generator.commands.build import MAX_PDFS, build
from generator.commands.init import init_program, schema_json
from generator.commands.templates import templates_reference
from generator.commands.validate import validate_program
from generator.errors import InternalError, PlaybookError
from generator.publish.files import write_output
from generator.publish.pdf import PdfRun

DEFAULT_CONFIGS = ("organisation.yaml", "playbook/organisation.yaml")

config_argument = click.argument(
    "config", required=False, type=click.Path(dir_okay=False, path_type=Path)
)


def find_config(config: Path | None) -> Path:
    """The config given, else organisation.yaml here, else playbook/organisation.yaml."""
    if config is not None:
        return config
    for candidate in DEFAULT_CONFIGS:
        if Path(candidate).is_file():
            return Path(candidate)
    return Path(DEFAULT_CONFIGS[0])


class PlaybookGroup(click.Group):
    """click's group, plus one rule: an exception no one meant the user to read (a bug, or a
    library failing unexpectedly) becomes a short :class:`InternalError` message, exit 1.

    An OSError about a path (no such folder, no permission, a full disk) names the path
    instead. ``playbook --verbose`` lets either through, so its traceback is shown for a bug
    report. click's own handling stays as it is: usage errors exit 2, Ctrl-C prints
    "Aborted!", a closed pipe is quiet. While the command runs, SIGTERM unwinds it.
    """

    def invoke(self, ctx: click.Context) -> object:
        try:
            with sigterm_unwinds():
                return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, EOFError):
            raise
        except Exception as err:
            if ctx.params.get("verbose") or is_broken_pipe(err):
                raise
            if isinstance(err, OSError) and err.filename:
                raise path_error(err) from err
            raise InternalError(err) from err


def path_error(err: OSError) -> PlaybookError:
    """A file or folder the system refused (no such folder, no permission, a full disk): most
    likely the path or the machine, so the message names the path first."""
    return PlaybookError(
        f"{err.filename}: {err.strerror or err}\n"
        "Check the path, its permissions and the free space; if they are right, this is a bug "
        "in playbook: run the same command again with --verbose and report the output."
    )


#: The exit status of a process ended by SIGTERM, as a shell reports it.
TERMINATED = 128 + signal.SIGTERM


@contextlib.contextmanager
def sigterm_unwinds() -> Iterator[None]:
    """While a command runs, SIGTERM (``kill``, a service or CI job being stopped) raises
    SystemExit instead of ending the process on the spot, so every ``finally`` runs: a build
    removes its staging folder and its PDF workers, a preview its temporary folder.

    Only the first one raises; a second one while cleaning up is ignored, so it cannot cut the
    cleanup short (SIGKILL still ends everything).
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers belong to the main thread
        return

    def stop(signum: int, frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise SystemExit(TERMINATED)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def is_broken_pipe(err: Exception) -> bool:
    """``playbook schema | head``: click quietens this one itself."""
    return isinstance(err, OSError) and err.errno == errno.EPIPE


@click.group(cls=PlaybookGroup)
@click.version_option(__version__, prog_name="playbook")
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Show progress messages, and the traceback of an internal error.",
)
def main(verbose: bool) -> None:
    """Turn one YAML file into a reverse-mentoring program site and printables."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )


@main.command()
@click.argument("directory", type=click.Path(path_type=Path))  # a file there: init_program says
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def init(directory: Path, force: bool) -> None:
    """Write a working example program into DIRECTORY."""
    written = init_program(directory, force=force)
    for path in written:
        click.echo(f"  wrote {path}")
    click.echo(f"Next: cd {directory} && playbook build")


@main.command()
@config_argument
def validate(config: Path | None) -> None:
    """Check CONFIG; list every problem with file:line:column."""
    path = find_config(config)
    playbook, warnings = validate_program(path)
    for warning in warnings:
        click.echo(f"Warning: {warning.text(playbook.source)}", err=True)
    count = len(playbook.departments)
    notes = f", {len(warnings)} design warning(s)" if warnings else ""
    click.echo(f"{path}: OK ({count} department{'s' if count != 1 else ''}{notes})")


@main.command("build")
@config_argument
@click.option(
    "-o", "--output", type=click.Path(file_okay=False, path_type=Path), help="Site folder."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes that render PDFs in parallel.  [default: one per CPU]",
)
@click.option(
    "--cache/--no-cache",
    default=True,
    show_default=True,
    help="Reuse unchanged PDFs from .playbook-cache/ beside the output.",
)
@click.option(
    "--site-only",
    is_flag=True,
    help="Make no PDFs: the pages link each document's print HTML instead (a quick check).",
)
@click.option(
    "--max-pdfs",
    type=click.IntRange(min=0),
    default=MAX_PDFS,
    show_default=True,
    help="Refuse a build that would make more PDFs than this (hours of layout).",
)
@click.option(
    "--zip",
    "zip_site",
    is_flag=True,
    help="Also pack the site into <site>.zip beside it, for a file share or e-mail "
    "(build it with site.offline: true so it works unzipped from disk).",
)
def build_command(
    config: Path | None,
    output: Path | None,
    jobs: int | None,
    cache: bool,
    site_only: bool,
    max_pdfs: int,
    zip_site: bool,
) -> None:
    """Build the site and printables for CONFIG."""
    run = PdfRun(progress=progress_bar if show_progress() else None)
    site = build(
        find_config(config),
        output,
        jobs=jobs,
        cache=cache,
        run=run,
        site_only=site_only,
        max_pdfs=max_pdfs,
        zip_site=zip_site,
    )
    if zip_site:
        click.echo(f"Site packed into {site.with_name(site.name + '.zip')}")
    if site_only:
        click.echo(f"Site built in {site} without PDFs (--site-only)")
        return
    click.echo(f"Site built in {site} ({len(run.rendered)} PDFs made, {len(run.reused)} reused)")


def show_progress() -> bool:
    """A progress bar only for a person at a terminal: not in CI, not into a pipe or log."""
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextlib.contextmanager
def progress_bar(total: int) -> Iterator[Callable[[], None]]:
    """A click progress bar on stderr, advanced by one per call of the yielded function."""
    with click.progressbar(length=total, label="PDFs", file=sys.stderr) as bar:
        yield lambda: bar.update(1)


def check_address(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """HOST:PORT checked before anything is written (``address_problem`` says why)."""
    from generator.commands.serve import address_problem

    if problem := address_problem(value):
        raise click.BadParameter(problem)
    return value


@main.command()
@config_argument
@click.option(
    "-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, callback=check_address
)
def serve(config: Path | None, dev_addr: str) -> None:
    """Preview the site; rebuilds when CONFIG or a template changes."""
    from generator.commands.serve import serve_program

    serve_program(find_config(config), dev_addr)


@main.command()
@click.argument("roster", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-c",
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The organisation config (weights, rules, output folders).",
)
@click.option("--fairness/--no-fairness", default=None, help="Raise the weakest pair first.")
@click.option(
    "--check",
    "approved",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[FILE]",
    help="Check the approved pairs (default: the private pairing/pairs.csv) against every "
    "rule; when clean, the report and packets follow them.",
)
def pair(
    roster: Path | None, config: Path | None, fairness: bool | None, approved: str | None
) -> None:
    """Propose pairs from ROSTER (private pairs.csv, report and packets), or --check the
    approved pairs after review."""
    from generator.commands.pair import check_program, pair_program, pairing_summary

    if approved is None:
        outcome = pair_program(find_config(config), roster, fairness)
    else:
        outcome = check_program(find_config(config), Path(approved) if approved else None, roster)
    if outcome.stale:
        click.echo(f"Warning: {outcome.stale}", err=True)
    for line in pairing_summary(outcome):
        click.echo(line)


@main.command()
@click.argument("forms", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-c",
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The organisation config (departments, evaluation settings, output folders).",
)
@click.option(
    "--department",
    metavar="NAME",
    help="The department of a survey export's rows that have no Department column.",
)
@click.option(
    "--role",
    type=click.Choice(["mentee", "mentor"]),
    help="The role of a survey export's rows, when its questions are the same for both.",
)
@click.option(
    "--compare",
    "previous",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The last round's evaluation/aggregates.json: each question's mean then and now.",
)
@click.option(
    "--roster",
    type=click.Path(dir_okay=False, path_type=Path),
    help="An HR export to merge sign-ups with (default: the config's roster); it wins on "
    "department and manager.",
)
def collect(
    forms: tuple[Path, ...],
    config: Path | None,
    department: str | None,
    role: str | None,
    previous: Path | None,
    roster: Path | None,
) -> None:
    """Read filled feedback forms and sign-up forms (PDF, survey export as CSV or XLSX) under
    FORMS; write a private evaluation report and a two-page sponsor summary, and from sign-ups
    the roster `playbook pair` reads."""
    from generator.commands.collect import collect_lines, collect_program

    outcome = collect_program(find_config(config), list(forms), department, role, previous, roster)
    for text, err in collect_lines(outcome, len(forms)):
        click.echo(text, err=err)


as_of_option = click.option(  # the one place the outbox and status read the clock
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    callback=lambda ctx, param, value: value.date() if value else dt.date.today(),
    metavar="YYYY-MM-DD",
    help="Take this day as today (default: today).",
)


@main.command()
@config_argument
@as_of_option
def outbox(config: Path | None, as_of: dt.date) -> None:
    """Write every message due by today (or --as-of) and not yet sent to the private outbox/:
    introductions with invitations and packets, reminders, nudges."""
    from generator.commands.outbox import outbox_program, outbox_summary

    for line in outbox_summary(outbox_program(find_config(config), as_of), as_of):
        click.echo(line)


@main.command()
@config_argument
@as_of_option
def status(config: Path | None, as_of: dt.date) -> None:
    """Where the cohort stands today (or --as-of): per pair, sessions passed, forms returned
    and overdue, fit flags, and what to do next; also as the private status.html."""
    from generator.commands.status import status_program
    from generator.render.status import summary_lines

    outcome = status_program(find_config(config), as_of)
    for line in summary_lines(outcome.status):
        click.echo(line)
    click.echo(f"Status page: {outcome.page}")


#: ``-o FILE`` of the commands that print a document; its folder must exist.
output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead (in a folder that exists).",
)


@main.command()
@output_option
def schema(output: Path | None) -> None:
    """Print (or write) the JSON Schema of the config, for editor autocompletion."""
    text = schema_json()
    if output is None:
        click.echo(text, nl=False)
    else:
        write_output(output, text)
        click.echo(f"Schema written to {output}")


@main.command()
@output_option
def templates(output: Path | None) -> None:
    """Print (or write) the template reference: names, objects, filters and blocks."""
    text = templates_reference()
    if output is None:
        click.echo(text, nl=False)
    else:
        write_output(output, text)
        click.echo(f"Template reference written to {output}")


@main.group()
def forms() -> None:
    """The program's forms, for use outside the printables."""


@forms.command("export")
@config_argument
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write to.  [default: forms-for-surveys/ in the private output]",
)
def forms_export(config: Path | None, output: Path | None) -> None:
    """Write each feedback form's questions as text to paste into a survey tool."""
    from generator.commands.forms import export_forms

    folder, written = export_forms(find_config(config), output)
    for path in written:
        click.echo(f"  wrote {path}")
    click.echo(f"{len(written)} form(s) in {folder}; `playbook collect` reads their exports back")


@main.command()
@config_argument
@click.option("--smtp", metavar="HOST:PORT", help="The SMTP server instead of the config's.")
@click.option("--dry-run", is_flag=True, help="List what would be sent; connect to nothing.")
def send(config: Path | None, smtp: str | None, dry_run: bool) -> None:
    """Deliver the outbox through an SMTP server, each message once (login from the
    PLAYBOOK_SMTP_USER and PLAYBOOK_SMTP_PASSWORD environment variables)."""
    from generator.commands import send as sending

    if dry_run:
        click.echo(sending.dry_run(find_config(config), smtp), nl=False)
        return
    progress = sending.progress(click.echo)
    plan, delivery = sending.send_outbox(find_config(config), smtp, on_sent=progress)
    click.echo(sending.summary(plan, delivery))
