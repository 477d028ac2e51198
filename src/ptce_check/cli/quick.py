"""The quick path of `ptce-check check`: the plain invocations applicants and CI hooks type
(files and the command's own options) are read here without starting Typer, whose start-up costs
more than checking one dossier. Anything else — help, an unknown or repeated option, a value
Typer would refuse, shell completion — returns None and goes to Typer, which therefore gives
every usage message. Its option table is generated from the Typer declaration
(`scripts/quick_options.py`), and `tests/test_quick.py` holds the two readings to the same
arguments."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

from ptce_check.cli.arguments import CheckArguments
from ptce_check.cli.quick_options import DEFAULTS, OPTIONS, QuickOption
from ptce_check.cli.run import run_check

COMMAND = "check"
#: Click's shell-completion request variable for this program.
COMPLETION_VARIABLE = "_PTCE_CHECK_COMPLETE"
#: The status Typer gives an interrupted command.
EXIT_INTERRUPTED = 130
#: The status Typer gives when standard output is closed under it (a pipe to `head`).
EXIT_BROKEN_PIPE = 1

VALUE_OPTIONS = {name: option.field for name, option in OPTIONS.items() if option.kind != "flag"}
FLAG_OPTIONS = {name: option.field for name, option in OPTIONS.items() if option.kind == "flag"}


def parse_check_arguments(argv: Sequence[str]) -> CheckArguments | None:
    """`check` arguments read as Typer reads them, or None when Typer must read them."""
    if not argv or argv[0] != COMMAND:
        return None
    files: list[str] = []
    values: dict[str, Any] = {}
    repeated: dict[str, list[object]] = {option.field: [] for option in OPTIONS.values() if option.repeatable}
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
        if field in repeated:
            repeated[field].append(value)
        elif field in values:
            return None
        else:
            values[field] = value
    if not files:
        return None
    given = {field: tuple(items) for field, items in repeated.items() if items}
    fields: dict[str, Any] = {**DEFAULTS, **values, **given}
    return CheckArguments(files=tuple(files), **fields)


def _option(token: str, following: Iterator[str]) -> tuple[str, object] | None:
    """The field and value of one option (`--name value`, `--name=value`, `-f value`, a flag)."""
    name, equals, attached = token.partition("=") if token.startswith("--") else (token, "", "")
    option = OPTIONS.get(name)
    if option is None:
        return None
    if option.kind == "flag":
        return None if equals else (option.field, True)
    text = attached if equals else next(following, None)
    if text is None or (not equals and text.startswith("-")):
        return None
    value = _value(option, text)
    return None if value is None else (option.field, value)


def _value(option: QuickOption, text: str) -> object:
    """The option's value as Typer converts it; None for a value Typer would refuse."""
    if option.kind == "int":
        if not (text.isascii() and text.isdigit()):
            return None
        number = int(text)
        return number if option.minimum is None or number >= option.minimum else None
    return Path(text) if option.kind == "path" else text


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
