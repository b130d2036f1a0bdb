"""The few exception types that reach the user.

Every one is a ``click.ClickException``, so the CLI needs no try/except: click prints
``Error: <message>`` and exits with the class's ``exit_code``. Messages always name a place
(file:line:column and key path, template and line, roster row and column).
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
