"""The few exception types that reach the user.

Every one is a ``click.ClickException``, so the CLI needs no try/except: click prints
``Error: <message>`` and exits with the class's ``exit_code``. Messages always name a place
(file:line:column and key path, template and line, roster row and column). Any other exception
reaching the CLI is a bug: it is shown as an :class:`InternalError` (see ``cli.PlaybookGroup``).
"""

from __future__ import annotations

import click


class PlaybookError(click.ClickException):
    """Base of every error the user is meant to read."""

    exit_code = 1


class ConfigError(PlaybookError):
    """The organisation config is invalid; the message lists every problem found, located."""


class RosterError(PlaybookError):
    """A roster file is invalid; the message names row and column."""


class InputFileError(PlaybookError):
    """A file the config names cannot be read or is not what it should be.

    The logo, the site settings (``site.settings``) and the evaluation aggregates that
    ``playbook collect`` wrote; the message names the file, and the config key where there is one.
    """


class TemplateError(PlaybookError):
    """A template failed to render; the message names the template and line."""


class BuildError(PlaybookError):
    """The site engine or PDF rendering failed; the previous output is left untouched."""


class FormFieldError(PlaybookError):
    """A fillable PDF lacks fields its form's catalogue names; the message names the PDF file
    and every missing field."""


class MailError(PlaybookError):
    """Sending the outbox failed: the server could not be reached, refused the login, a
    recipient or a message. The message names the server, or the outbox file and the address;
    what was sent before it stays recorded, the rest stays in the outbox."""


class InternalError(PlaybookError):
    """Anything else that went wrong: a bug in playbook, or a library failing unexpectedly.

    The CLI turns such an exception into this one-line message (no traceback) unless
    ``--verbose`` was given; the second line says how to report it.
    """

    def __init__(self, err: BaseException) -> None:
        detail = str(err).strip().splitlines()
        text = f"{type(err).__name__}: {detail[0]}" if detail else type(err).__name__
        super().__init__(
            f"internal error: {text}\n"
            "This is a bug in playbook, not a mistake in your files. Please report it with the "
            "output of the same command run again with --verbose (playbook --verbose ...)."
        )
