"""`ptce-check screen PATH...`: batch screening of a folder of submissions, for reviewers."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, TextIO

import typer

from ptce_check.cli.common import (
    is_terminal,
    refuse_overwriting_inputs,
    require_inputs,
    resolve_fail_on,
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
from ptce_check.errors import UserError
from ptce_check.i18n import Lang, Text
from ptce_check.scalars import AMOUNT_CEILING_EUR


@dataclass(frozen=True)
class ScreenRequest:
    paths: list[Path]
    excludes: list[str]
    jobs: int | None
    call: str | None
    format: str
    output: Path | None
    output_format: str | None
    csv_separator: str
    budget: float | None
    lang: Lang
    limits: Limits
    debug: bool
    fail_on: str = "not-admissible"
    exit_zero: bool = False
    references: tuple[str, ...] = ()


def command(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Dossiers YAML et répertoires à examiner.")],
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", metavar="GLOB", help="Motif de chemins à ignorer (répétable).")
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Processus de travail (défaut : nombre de cœurs).")
    ] = None,
    call: CallOption = None,
    format: FormatOption = "auto",
    output: OutputOption = None,
    output_format: OutputFormatOption = None,
    csv_sep: Annotated[
        str,
        typer.Option("--csv-sep", metavar="SEP", help="Séparateur CSV : ',' (défaut) ou ';' (tableurs en français)."),
    ] = ",",
    budget: Annotated[
        float | None,
        typer.Option(
            "--budget",
            metavar="EUR",
            min=0,
            max=AMOUNT_CEILING_EUR,
            help="Enveloppe à simuler (défaut : celle de l'appel).",
        ),
    ] = None,
    lang: LangOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    max_depth: MaxDepthOption = DEFAULT_MAX_DEPTH,
    max_nodes: MaxNodesOption = DEFAULT_MAX_NODES,
    debug: DebugOption = False,
    fail_on: FailOnOption = "not-admissible",
    exit_zero: ExitZeroOption = False,
    reference: ReferenceOption = None,
) -> None:
    """Examine un répertoire de dossiers : tableau classé, synthèse, exports. / Screens a batch."""
    with user_errors(lang):
        if csv_sep not in (",", ";", "\t"):
            raise UserError(Text("--csv-sep : ',' ';' ou tabulation", "--csv-sep: ',' ';' or tab"))
        request = ScreenRequest(
            paths,
            exclude or [],
            jobs,
            call,
            format,
            output,
            output_format,
            csv_sep,
            budget,
            resolve_lang(lang),
            Limits(max_bytes, max_depth, max_nodes),
            debug,
            fail_on,
            exit_zero,
            tuple(reference or ()),
        )
        raise typer.Exit(execute(request))


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int], Callable[[int], None]] | None]:
    """A progress bar on standard error, only when it is a terminal."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:

        def start(total: int) -> Callable[[int], None]:
            task = bar.add_task("examen / screening", total=total)
            return lambda done: bar.advance(task, done)

        yield start


def execute(request: ScreenRequest, stdout: TextIO | None = None) -> int:
    from ptce_check.cli.common import resolve_format
    from ptce_check.outcome_status import exit_status
    from ptce_check.reporters import REPORTERS, ReportSettings, get_reporter
    from ptce_check.screening.batch import screen_batch
    from ptce_check.screening.reports import BATCH_REPORTERS, BatchSettings, get_batch_reporter
    from ptce_check.screening.runner import Job, default_jobs
    from ptce_check.territory.user_lists import load_user_references

    stdout = stdout or sys.stdout
    policy = resolve_fail_on(request.fail_on)
    choices = list(dict.fromkeys([*BATCH_REPORTERS, *REPORTERS]))
    stdout_format = resolve_format(request.format, choices, stdout)
    file_format = resolve_format(request.output_format, choices, stdout) if request.output_format else stdout_format
    require_inputs(request.call, request.paths)
    references = load_user_references(request.references, request.limits)
    per_dossier = {f for f in (stdout_format, file_format) if f not in BATCH_REPORTERS}
    job = Job(request.call, request.limits, request.lang, bool(per_dossier), request.debug, references)
    with _progress(is_terminal(sys.stderr)) as progress:
        result = screen_batch(
            request.paths,
            job,
            jobs=request.jobs or default_jobs(),
            excludes=request.excludes,
            budget=request.budget,
            progress=progress,
        )
    try:
        if request.output is not None:
            refuse_overwriting_inputs(request.output, [Path(row.dossier) for row in result.rows])

        def write(name: str, stream: TextIO, color: bool | None) -> None:
            if name in BATCH_REPORTERS:
                get_batch_reporter(name)(result, stream, BatchSettings(request.lang, color, request.csv_separator))
            else:
                get_reporter(name)(result.assessments, stream, ReportSettings(request.lang, color))

        if request.output is not None:
            write_report(request.output, lambda stream, color: write(file_format, stream, color))
        if request.output is None or request.output_format is not None:
            write(stdout_format, stdout, None if is_terminal(stdout) else False)
    finally:
        result.close()
    return exit_status(result.rows, fail_on=policy, exit_zero=request.exit_zero)
