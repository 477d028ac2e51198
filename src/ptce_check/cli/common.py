"""Plumbing shared by the commands: the language option, user errors, writing a report."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from ptce_check.errors import UserError
from ptce_check.i18n import Lang, Text, detect_lang
from ptce_check.outcome_status import EXIT_USAGE

LANGUAGES: dict[str, Lang] = {"fr": "fr", "en": "en"}


def resolve_lang(value: str | None) -> Lang:
    if value is None:
        return detect_lang()
    if value not in LANGUAGES:
        raise UserError(Text(f"langue inconnue « {value} » (fr ou en)", f"unknown language '{value}' (fr or en)"))
    return LANGUAGES[value]


@contextmanager
def user_errors(lang_option: str | None) -> Iterator[None]:
    """Turn a UserError into its message on stderr and exit status 2."""
    try:
        yield
    except UserError as error:
        lang = LANGUAGES.get(lang_option or "") or detect_lang()
        from ptce_check.textsafe import escape_invisible

        # Messages quote file names and file content, escaped where they are built; this is the
        # last guard, so that no control character reaches the terminal whatever the message.
        print(f"ptce-check: {escape_invisible(error.text.get(lang))}", file=sys.stderr, flush=True)
        raise SystemExit(EXIT_USAGE) from None


def shown(path: Path) -> str:
    """A file name as it may appear in a message: control characters escaped."""
    from ptce_check.textsafe import escape_all_controls

    return escape_all_controls(str(path))


def write_report(output: Path | None, write: Callable[[TextIO, bool | None], None]) -> None:
    """Write to the file (never styled; replaced whole, see `atomic`) or to standard output
    (styled when rich decides)."""
    if output is None:
        write(sys.stdout, None)
        sys.stdout.flush()
        return
    from ptce_check.atomic import write_atomically

    try:
        write_atomically(output, lambda stream: write(stream, False))
    except OSError as error:
        where, reason = shown(output), error.strerror or type(error).__name__
        message = Text(f"écriture impossible dans {where}\u00a0: {reason}", f"cannot write {where}: {reason}")
        raise UserError(message) from error


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
