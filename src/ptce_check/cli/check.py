"""`ptce-check check FILE...`: one report per dossier, for applicants and CI."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

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
from ptce_check.cli.options import (
    CallOption,
    DebugOption,
    ExitZeroOption,
    FailOnOption,
    FormatOption,
    LangOption,
    MaxBytesOption,
    MaxDepthOption,
    MaxNodesOption,
    OutputFormatOption,
    OutputOption,
    ReferenceOption,
)
from ptce_check.decoding import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES, Limits
from ptce_check.i18n import Lang

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ptce_check.assessment import Assessment
    from ptce_check.reference.user_lists import UserReferences

STDIN = "-"


@dataclass(frozen=True)
class CheckRequest:
    paths: list[str]
    call: str | None
    format: str
    output: Path | None
    output_format: str | None
    lang: Lang
    stdin_filename: str | None
    limits: Limits
    debug: bool
    fail_on: str = "not-admissible"
    exit_zero: bool = False
    #: `--reference KIND=FILE.csv` as given; read and checked by `execute`.
    references: tuple[str, ...] = ()


def command(
    files: Annotated[
        list[str], typer.Argument(metavar="FILE...", help="Dossiers YAML à vérifier ; « - » lit l'entrée standard.")
    ],
    call: CallOption = None,
    format: FormatOption = "auto",
    output: OutputOption = None,
    output_format: OutputFormatOption = None,
    lang: LangOption = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option("--stdin-filename", metavar="NAME", help="Nom affiché pour un dossier lu sur l'entrée standard."),
    ] = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    max_depth: MaxDepthOption = DEFAULT_MAX_DEPTH,
    max_nodes: MaxNodesOption = DEFAULT_MAX_NODES,
    fail_on: FailOnOption = "not-admissible",
    exit_zero: ExitZeroOption = False,
    reference: ReferenceOption = None,
    debug: DebugOption = False,
) -> None:
    """Vérifie des dossiers et rend un rapport de recevabilité noté. / Checks dossiers."""
    with user_errors(lang):
        request = CheckRequest(
            files,
            call,
            format,
            output,
            output_format,
            resolve_lang(lang),
            stdin_filename,
            Limits(max_bytes, max_depth, max_nodes),
            debug,
            fail_on,
            exit_zero,
            references=tuple(reference or ()),
        )
        raise typer.Exit(execute(request))


def _read_stdin(limits: Limits) -> bytes:
    return sys.stdin.buffer.read(limits.max_bytes + 1)


def _assess_each(
    request: CheckRequest, kept: list[Assessment], references: UserReferences | None = None
) -> Iterator[Assessment]:
    """Assess the dossiers in order, keeping each one for the exit status."""
    from ptce_check.assess import assess_file, assess_source

    call, limits, debug = request.call, request.limits, request.debug
    for name in request.paths:
        if name == STDIN:
            label = request.stdin_filename or "<stdin>"
            assessment = assess_source(
                _read_stdin(limits), label, call_override=call, limits=limits, debug=debug, references=references
            )
        else:
            assessment = assess_file(Path(name), call_override=call, limits=limits, debug=debug, references=references)
        kept.append(assessment)
        yield assessment


def execute(request: CheckRequest, stdout: TextIO | None = None) -> int:
    from ptce_check.outcome_status import exit_status
    from ptce_check.reference.user_lists import load_user_references
    from ptce_check.reporters import REPORTERS, STREAMING, ReportSettings, get_reporter, get_streaming_reporter

    stdout = stdout or sys.stdout
    stdout_format = resolve_format(request.format, list(REPORTERS), stdout)
    file_format = (
        resolve_format(request.output_format, list(REPORTERS), stdout) if request.output_format else stdout_format
    )
    inputs = [Path(p) for p in request.paths if p != STDIN]
    require_inputs(request.call, inputs)
    if request.output is not None:
        refuse_overwriting_inputs(request.output, inputs)
    references = load_user_references(request.references)
    assessments: list[Assessment] = []
    policy = resolve_fail_on(request.fail_on)
    terminal_settings = ReportSettings(request.lang, None if is_terminal(stdout) else False)
    if request.output is None and stdout_format in STREAMING:
        get_streaming_reporter(stdout_format)(_assess_each(request, assessments, references), stdout, terminal_settings)
        return exit_status(assessments, fail_on=policy, exit_zero=request.exit_zero)
    list(_assess_each(request, assessments, references))
    if request.output is not None:
        write_report(
            request.output,
            lambda stream, color: get_reporter(file_format)(assessments, stream, ReportSettings(request.lang, color)),
        )
    if request.output is None or request.output_format is not None:
        get_reporter(stdout_format)(assessments, stdout, terminal_settings)
    return exit_status(assessments, fail_on=policy, exit_zero=request.exit_zero)
