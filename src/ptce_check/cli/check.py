"""`ptce-check check FILE...`: one report per dossier, for applicants and CI."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, TextIO

import typer

from ptce_check.cli.common import (
    is_terminal,
    refuse_overwriting_inputs,
    resolve_format,
    resolve_lang,
    user_errors,
    write_report,
)
from ptce_check.cli.options import (
    CallOption,
    DebugOption,
    FormatOption,
    LangOption,
    MaxBytesOption,
    MaxDepthOption,
    MaxNodesOption,
    OutputFormatOption,
    OutputOption,
)
from ptce_check.decoding import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES, Limits
from ptce_check.errors import UserError
from ptce_check.i18n import Lang, Text

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
        )
        raise typer.Exit(execute(request))


def _read_stdin(limits: Limits) -> bytes:
    return sys.stdin.buffer.read(limits.max_bytes + 1)


def execute(request: CheckRequest, stdout: TextIO | None = None) -> int:
    from ptce_check.assess import assess_file, assess_source
    from ptce_check.calls import load_call
    from ptce_check.outcome_status import exit_status
    from ptce_check.reporters import REPORTERS, ReportSettings, get_reporter

    stdout = stdout or sys.stdout
    stdout_format = resolve_format(request.format, list(REPORTERS), stdout)
    file_format = (
        resolve_format(request.output_format, list(REPORTERS), stdout) if request.output_format else stdout_format
    )
    if request.call is not None:
        load_call(request.call)
    inputs = [Path(p) for p in request.paths if p != STDIN]
    for path in inputs:
        if not path.exists() and not path.is_symlink():
            raise UserError(Text(f"chemin introuvable : {path}", f"no such path: {path}"))
    if request.output is not None:
        refuse_overwriting_inputs(request.output, inputs)
    assessments = []
    for name in request.paths:
        if name == STDIN:
            assessments.append(
                assess_source(
                    _read_stdin(request.limits),
                    request.stdin_filename or "<stdin>",
                    call_override=request.call,
                    limits=request.limits,
                    debug=request.debug,
                )
            )
        else:
            assessments.append(
                assess_file(Path(name), call_override=request.call, limits=request.limits, debug=request.debug)
            )
    if request.output is not None:
        write_report(
            request.output,
            lambda stream, color: get_reporter(file_format)(assessments, stream, ReportSettings(request.lang, color)),
        )
    if request.output is None or request.output_format is not None:
        get_reporter(stdout_format)(
            assessments, stdout, ReportSettings(request.lang, None if is_terminal(stdout) else False)
        )
    return exit_status(assessments)
