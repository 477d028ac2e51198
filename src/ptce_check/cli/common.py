"""Options and plumbing shared by the commands: language, formats, outputs, user errors."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from ptce_check.errors import UserError
from ptce_check.i18n import Lang, Text, detect_lang
from ptce_check.outcome_status import EXIT_USAGE, FAIL_ON_CHOICES, FailOn

FORMAT_ALIASES = {"table": "rich"}


def resolve_lang(value: str | None) -> Lang:
    if value is None:
        return detect_lang()
    if value not in ("fr", "en"):
        raise UserError(Text(f"langue inconnue « {value} » (fr ou en)", f"unknown language '{value}' (fr or en)"))
    return "fr" if value == "fr" else "en"


def resolve_format(
    value: str, choices: Sequence[str], stream: TextIO, *, environ: Mapping[str, str] | None = None
) -> str:
    name = FORMAT_ALIASES.get(value, value)
    if name == "auto":
        return auto_format(stream, os.environ if environ is None else environ)
    if name not in choices:
        listed = ", ".join(["auto", *choices, *FORMAT_ALIASES])
        raise UserError(
            Text(f"format inconnu « {value} » (formats : {listed})", f"unknown format '{value}' (formats: {listed})")
        )
    return name


def resolve_fail_on(value: str) -> FailOn:
    for choice in FAIL_ON_CHOICES:
        if value == choice:
            return choice
    listed = ", ".join(FAIL_ON_CHOICES)
    raise UserError(Text(f"--fail-on « {value} » inconnu ({listed})", f"unknown --fail-on '{value}' ({listed})"))


def auto_format(stream: TextIO, environ: Mapping[str, str]) -> str:
    """`auto`: annotations in GitHub Actions, the report for people on a terminal, and one line
    per finding anywhere else (pipes, files, other CI systems), where tools read the output."""
    if environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "rich" if is_terminal(stream) else "concise"


@contextmanager
def user_errors(lang_option: str | None) -> Iterator[None]:
    """Turn a UserError into its message on stderr and exit status 2."""
    try:
        yield
    except UserError as error:
        try:
            lang = resolve_lang(lang_option)
        except UserError:
            lang = detect_lang()
        from ptce_check.textsafe import escape_invisible

        # Messages quote file names and file content, escaped where they are built; this is the
        # last guard, so that no control character reaches the terminal whatever the message.
        print(f"ptce-check: {escape_invisible(error.text.get(lang))}", file=sys.stderr, flush=True)
        raise SystemExit(EXIT_USAGE) from None


def require_inputs(call: str | None, paths: Sequence[Path]) -> None:
    """Usage errors found before any dossier is read: an unknown call, a path that does not
    exist (a dangling symbolic link exists: it is reported as a dossier row)."""
    if call is not None:
        from ptce_check.binding import load_call

        load_call(call)
    for path in paths:
        if _missing(path):
            shown = _shown(path)
            raise UserError(Text(f"chemin introuvable : {shown}", f"no such path: {shown}"))


def _missing(path: Path) -> bool:
    """No entry by that name. A name the system refuses (too long) is not missing: the dossier's
    own row reports why it cannot be read."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except (OSError, ValueError):
        return False
    return False


def _shown(path: Path) -> str:
    """A file name as it may appear in a message: control characters escaped."""
    from ptce_check.textsafe import escape_all_controls

    return escape_all_controls(str(path))


def refuse_overwriting_inputs(output: Path, inputs: Sequence[Path]) -> None:
    target = output.resolve()
    for path in inputs:
        if path.resolve() == target or _same_file(output, path):
            shown = _shown(output)
            raise UserError(
                Text(
                    f"-o {shown} écraserait un dossier d'entrée : refusé",
                    f"-o {shown} would overwrite an input dossier: refused",
                )
            )


def _same_file(output: Path, path: Path) -> bool:
    """A hard link to an input is the input too."""
    try:
        return output.samefile(path)
    except OSError:
        return False


def write_report(output: Path | None, write: Callable[[TextIO, bool | None], None]) -> None:
    """Write to the file (never styled; replaced whole, see `atomic`) or to standard output
    (styled when rich decides)."""
    if output is None:
        write(sys.stdout, None)
        sys.stdout.flush()
        return
    from ptce_check.atomic import write_atomically
    from ptce_check.textsafe import escape_all_controls

    try:
        write_atomically(output, lambda stream: write(stream, False))
    except OSError as error:
        shown, reason = escape_all_controls(str(output)), error.strerror or type(error).__name__
        message = Text(f"écriture impossible dans {shown} : {reason}", f"cannot write {shown}: {reason}")
        raise UserError(message) from error


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
