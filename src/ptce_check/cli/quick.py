"""The quick path of `ptce-check check`: the plain invocations applicants and CI hooks type
(files and the command's own options) are read here without starting Typer, whose start-up costs
more than checking one dossier. Anything else — help, an unknown or repeated option, a value
Typer would refuse, shell completion — returns None and goes to Typer, which therefore gives
every usage message. `tests/test_quick.py` holds the two readings to the same arguments."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn

from ptce_check.cli.checking import CheckArguments, run_check

COMMAND = "check"
#: Click's shell-completion request variable for this program.
COMPLETION_VARIABLE = "_PTCE_CHECK_COMPLETE"
#: The status Typer gives an interrupted command.
EXIT_INTERRUPTED = 130
#: The status Typer gives when standard output is closed under it (a pipe to `head`).
EXIT_BROKEN_PIPE = 1

VALUE_OPTIONS = {
    "--call": "call",
    "--format": "format",
    "-f": "format",
    "--output": "output",
    "-o": "output",
    "--output-format": "output_format",
    "--lang": "lang",
    "--stdin-filename": "stdin_filename",
    "--max-bytes": "max_bytes",
    "--max-depth": "max_depth",
    "--max-nodes": "max_nodes",
    "--fail-on": "fail_on",
    "--reference": "references",
}
FLAG_OPTIONS = {"--exit-zero": "exit_zero", "--debug": "debug"}
POSITIVE_INTEGERS = frozenset({"max_bytes", "max_depth", "max_nodes"})
#: The one option that may be given several times, its values kept in order.
REPEATABLE = "references"


def parse_check_arguments(argv: Sequence[str]) -> CheckArguments | None:
    """`check` arguments read as Typer reads them, or None when Typer must read them."""
    if not argv or argv[0] != COMMAND:
        return None
    files: list[str] = []
    values: dict[str, Any] = {}
    references: list[str] = []
    tokens = iter(argv[1:])
    for token in tokens:
        if token == "--":
            files.extend(tokens)
            break
        if token == "-" or not token.startswith("-"):
            files.append(token)
            continue
        option = _option(token, tokens)
        if option is None:
            return None
        field, value = option
        if field == REPEATABLE:
            references.append(str(value))
        elif field in values:
            return None
        else:
            values[field] = value
    if not files:
        return None
    return replace(CheckArguments(files=tuple(files), references=tuple(references)), **values)


def _option(token: str, following: Iterator[str]) -> tuple[str, object] | None:
    """The field and value of one option (`--name value`, `--name=value`, `-f value`, a flag)."""
    name, equals, attached = token.partition("=") if token.startswith("--") else (token, "", "")
    if name in FLAG_OPTIONS and not equals:
        return FLAG_OPTIONS[name], True
    if name not in VALUE_OPTIONS:
        return None
    field, text = VALUE_OPTIONS[name], attached if equals else next(following, None)
    if text is None or (not equals and text.startswith("-")):
        return None
    if field in POSITIVE_INTEGERS:
        return (field, int(text)) if text.isascii() and text.isdigit() and int(text) >= 1 else None
    return field, Path(text) if field == "output" else text


def run(argv: Sequence[str]) -> int | None:
    """Run a plain `check` invocation and give its exit status; None when Typer must run it.

    The cyclic garbage collector is paused while the program starts (modules, models and
    reference data only ever grow then) and resumed after the first dossier, with what exists
    by then frozen out of later collections."""
    if COMPLETION_VARIABLE in os.environ:
        return None
    arguments = parse_check_arguments(argv)
    if arguments is None:
        return None
    gc.disable()
    try:
        return run_check(arguments, on_first_dossier=_resume_collection)
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else 1
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_BROKEN_PIPE
    finally:
        _resume_collection()


def _resume_collection() -> None:
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def end_process(status: int) -> NoReturn:
    """End the program after a quick `check` without the interpreter's teardown of every module
    and object, which costs a tenth of a one-dossier run: the reports are written and their
    files closed by now, and nothing registered to run at exit is ours."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            status = status or EXIT_BROKEN_PIPE
    os._exit(status)
