"""What `ptce-check check` does once its command line is read, shared by the Typer command and
the quick path (`cli/quick.py`). Imports nothing heavy: the library is loaded when it runs."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ptce_check.cli.common import (
    is_terminal,
    refuse_overwriting_inputs,
    require_inputs,
    resolve_fail_on,
    resolve_format,
    resolve_lang,
    user_errors,
    write_report,
)
from ptce_check.decoding import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES, Limits

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from ptce_check.assessment import Assessment
    from ptce_check.territory.user_lists import UserReferences

STDIN = "-"


@dataclass(frozen=True)
class CheckArguments:
    """The `check` command line as given, before any of it is interpreted."""

    files: tuple[str, ...]
    call: str | None = None
    format: str = "auto"
    output: Path | None = None
    output_format: str | None = None
    lang: str | None = None
    stdin_filename: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = DEFAULT_MAX_DEPTH
    max_nodes: int = DEFAULT_MAX_NODES
    fail_on: str = "not-admissible"
    exit_zero: bool = False
    #: `--reference KIND=FILE.csv` as given; read and checked when the command runs.
    references: tuple[str, ...] = ()
    debug: bool = False

    @property
    def limits(self) -> Limits:
        return Limits(self.max_bytes, self.max_depth, self.max_nodes)


def run_check(
    arguments: CheckArguments, stdout: TextIO | None = None, on_first_dossier: Callable[[], None] | None = None
) -> int:
    """Check the dossiers and write the reports; the exit status. A usage error is reported on
    standard error and ends the program with status 2. `on_first_dossier` runs once the first
    dossier is assessed."""
    with user_errors(arguments.lang):
        return _execute(arguments, stdout or sys.stdout, on_first_dossier)


def _read_stdin(limits: Limits) -> bytes:
    return sys.stdin.buffer.read(limits.max_bytes + 1)


def _assess_each(
    arguments: CheckArguments,
    kept: list[Assessment],
    references: UserReferences | None,
    on_first_dossier: Callable[[], None] | None,
) -> Iterator[Assessment]:
    """Assess the dossiers in order, keeping each one for the exit status."""
    from ptce_check.assess import assess_file, assess_source

    call, limits, debug = arguments.call, arguments.limits, arguments.debug
    for name in arguments.files:
        if name == STDIN:
            label = arguments.stdin_filename or "<stdin>"
            assessment = assess_source(
                _read_stdin(limits), label, call_override=call, limits=limits, debug=debug, references=references
            )
        else:
            assessment = assess_file(Path(name), call_override=call, limits=limits, debug=debug, references=references)
        kept.append(assessment)
        if on_first_dossier is not None and len(kept) == 1:
            on_first_dossier()
        yield assessment


def _execute(arguments: CheckArguments, stdout: TextIO, on_first_dossier: Callable[[], None] | None) -> int:
    from ptce_check.outcome_status import exit_status
    from ptce_check.reporters import REPORTERS, STREAMING, ReportSettings, get_reporter, get_streaming_reporter
    from ptce_check.territory.user_lists import load_user_references

    lang = resolve_lang(arguments.lang)
    stdout_format = resolve_format(arguments.format, list(REPORTERS), stdout)
    file_format = (
        resolve_format(arguments.output_format, list(REPORTERS), stdout) if arguments.output_format else stdout_format
    )
    inputs = [Path(p) for p in arguments.files if p != STDIN]
    require_inputs(arguments.call, inputs)
    if arguments.output is not None:
        refuse_overwriting_inputs(arguments.output, inputs)
    references = load_user_references(arguments.references, arguments.limits)
    policy = resolve_fail_on(arguments.fail_on)
    assessments: list[Assessment] = []
    terminal_settings = ReportSettings(lang, None if is_terminal(stdout) else False)
    if arguments.output is None and stdout_format in STREAMING:
        get_streaming_reporter(stdout_format)(
            _assess_each(arguments, assessments, references, on_first_dossier), stdout, terminal_settings
        )
        return exit_status(assessments, fail_on=policy, exit_zero=arguments.exit_zero)
    list(_assess_each(arguments, assessments, references, on_first_dossier))
    if arguments.output is not None:
        write_report(
            arguments.output,
            lambda stream, color: get_reporter(file_format)(assessments, stream, ReportSettings(lang, color)),
        )
    if arguments.output is None or arguments.output_format is not None:
        get_reporter(stdout_format)(assessments, stdout, terminal_settings)
    return exit_status(assessments, fail_on=policy, exit_zero=arguments.exit_zero)
