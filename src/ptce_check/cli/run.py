"""The one pipeline of `check` and `screen`: the command line as given (`arguments`) is
interpreted in one step (`settings.interpret`), then executed. Shared by the Typer commands and
the quick path; imports nothing heavy, the library being loaded when a command runs."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from msgspec.structs import replace

from ptce_check.cli.arguments import CheckArguments, ScreenArguments
from ptce_check.cli.common import is_terminal, user_errors, write_report
from ptce_check.cli.settings import STDIN, Settings, interpret, refuse_overwriting_inputs

if TYPE_CHECKING:
    from ptce_check.assessment import Assessment
    from ptce_check.reporters.base import ReportSettings
    from ptce_check.screening.batch import BatchResult
    from ptce_check.screening.discovery import ExportReading


def run_check(
    arguments: CheckArguments, stdout: TextIO | None = None, on_first_dossier: Callable[[], None] | None = None
) -> int:
    """Check the dossiers and write the reports; the exit status. A usage error is reported on
    standard error and ends the program with status 2. `on_first_dossier` runs once the first
    dossier is assessed."""
    stream = stdout or sys.stdout
    if arguments.watch:
        from ptce_check.cli.watch import watch_check

        return watch_check(arguments, run_check, stream)
    with user_errors(arguments.lang):
        settings = interpret(arguments, stream)
    with user_errors(settings.report.lang):  # the configuration file's when it gives one
        return execute_check(settings, stream, on_first_dossier)


def run_screen(arguments: ScreenArguments, stdout: TextIO | None = None) -> int:
    """Screen the paths and write the reports; the exit status (usage errors: status 2)."""
    stream = stdout or sys.stdout
    with user_errors(arguments.lang):
        settings = interpret(arguments, stream)
    with user_errors(settings.report.lang):
        return execute_screen(settings, stream)


def _stdout_settings(settings: Settings, stdout: TextIO) -> ReportSettings:
    return replace(settings.report, color=None if is_terminal(stdout) else False)


def _assess_one(settings: Settings, name: str) -> Assessment:
    from ptce_check.assess import assess_file, assess_source
    from ptce_check.cli.sourced import with_source
    from ptce_check.decoding import read_file
    from ptce_check.findings import SourceError

    call, limits, debug, references = settings.call, settings.limits, settings.debug, settings.references
    catalog = settings.catalog
    if name != STDIN:
        try:
            raw = read_file(Path(name), limits)
        except SourceError:  # assess_file reports why, as for any dossier
            return assess_file(
                Path(name), call_override=call, limits=limits, debug=debug, references=references, catalog=catalog
            )
        folder, label = Path(name).parent, name
    else:
        raw, folder, label = sys.stdin.buffer.read(limits.max_bytes + 1), None, settings.stdin_filename or "<stdin>"
    assessment = assess_source(
        raw,
        label,
        folder=folder,
        call_override=call,
        limits=limits,
        debug=debug,
        references=references,
        catalog=catalog,
    )
    return with_source(assessment, raw, limits)


def _assess_each(
    settings: Settings, kept: list[Assessment], on_first_dossier: Callable[[], None] | None
) -> Iterator[Assessment]:
    """Assess the dossiers in order, keeping each one for the exit status."""
    for name in (dossier for given in settings.inputs for dossier in _dossiers_in(given)):
        exported = _exported(settings, name)
        for assessment in [_assess_one(settings, name)] if exported is None else exported:
            kept.append(assessment)
            if on_first_dossier is not None and len(kept) == 1:
                on_first_dossier()
            yield assessment


def _dossiers_in(name: str) -> list[str]:
    """A folder given to `check` stands for the YAML files in it, found as `screen` finds them
    (sorted, links not followed out); an empty folder stays itself, which says why it is no dossier."""
    path = Path(name)
    if name == STDIN or path.is_symlink() or not path.is_dir():
        return [name]
    from ptce_check.screening.discovery import discover

    found = [candidate.name for candidate in discover([path]).candidates]
    return found or [name]


def _exported(settings: Settings, name: str) -> list[Assessment] | None:
    """An online-form export's applications (`EXPORT#ID`); None for a dossier file."""
    from ptce_check.cli.exports import assess_export_file, is_export

    if name == STDIN or not is_export(name):
        return None
    return assess_export_file(
        Path(name),
        form=settings.form,
        application_id=settings.application_id,
        call=settings.call,
        references=settings.references,
        debug=settings.debug,
        lang=settings.report.lang,
        catalog=settings.catalog,
    )


def execute_check(settings: Settings, stdout: TextIO, on_first_dossier: Callable[[], None] | None = None) -> int:
    """Assess the dossiers and write the reports: streamed as assessed when the stdout format
    streams and no file is asked for, else once every dossier is assessed."""
    from ptce_check.outcome_status import exit_status
    from ptce_check.reporters import STREAMING, render_dossiers, render_streaming

    assessments: list[Assessment] = []
    dossiers = _assess_each(settings, assessments, on_first_dossier)
    if settings.output is None and settings.stdout_format in STREAMING:
        render_streaming(settings.stdout_format, dossiers, stdout, _stdout_settings(settings, stdout))
    else:
        list(dossiers)
        if settings.output is not None:
            write_report(
                settings.output,
                lambda stream, color: render_dossiers(
                    settings.file_format, assessments, stream, replace(settings.report, color=color)
                ),
            )
        if settings.to_stdout:
            render_dossiers(settings.stdout_format, assessments, stdout, _stdout_settings(settings, stdout))
    return exit_status(assessments, fail_on=settings.fail_on, exit_zero=settings.exit_zero)


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


def _screen(settings: Settings) -> BatchResult:
    from ptce_check.reporters import BATCH_REPORTERS
    from ptce_check.screening.batch import screen_batch
    from ptce_check.screening.runner import Job, default_jobs

    per_dossier = any(name not in BATCH_REPORTERS for name in (settings.stdout_format, settings.file_format))
    job = Job(
        settings.call,
        settings.limits,
        settings.report.lang,
        per_dossier,
        settings.debug,
        settings.references,
        settings.catalog,
    )
    with _progress(is_terminal(sys.stderr)) as progress:
        return screen_batch(
            [Path(name) for name in settings.inputs],
            job,
            jobs=settings.jobs or default_jobs(),
            excludes=list(settings.excludes),
            budget=settings.budget,
            progress=progress,
            exports=_export_reading(settings),
            reviews=settings.reviews,
        )


def _export_reading(settings: Settings) -> ExportReading:
    from ptce_check.cli.import_cmd import print_warnings
    from ptce_check.screening.discovery import ExportReading

    lang = settings.report.lang
    return ExportReading(
        settings.form, settings.call, settings.application_id, lambda warning: print_warnings([warning], lang)
    )


def _write_batch_file(settings: Settings, output: Path, result: BatchResult) -> None:
    """The `-o` report: text formats through `write_report`, a workbook as bytes, both atomically."""
    from ptce_check.reporters import get_batch_reporter, render_batch
    from ptce_check.reporters.batch import BINARY_FORMATS

    name = settings.file_format
    if name not in BINARY_FORMATS:
        write_report(
            output, lambda stream, color: render_batch(name, result, stream, replace(settings.report, color=color))
        )
        return
    from ptce_check.atomic import write_bytes_atomically
    from ptce_check.cli.common import shown
    from ptce_check.errors import UserError
    from ptce_check.i18n import Text

    try:
        write_bytes_atomically(output, lambda stream: get_batch_reporter(name)(result, stream, settings.report))  # type: ignore[arg-type]
    except OSError as error:
        where, reason = shown(output), error.strerror or type(error).__name__
        raise UserError(
            Text(f"écriture impossible dans {where}\u00a0: {reason}", f"cannot write {where}: {reason}")
        ) from error


def execute_screen(settings: Settings, stdout: TextIO) -> int:
    """Screen the batch, then write its reports; `-o` may not name a dossier found in it."""
    from ptce_check.outcome_status import exit_status
    from ptce_check.reporters import render_batch

    result = _screen(settings)
    try:
        if settings.output is not None:
            refuse_overwriting_inputs(settings.output, (row.dossier for row in result.rows))
            _write_batch_file(settings, settings.output, result)
        if settings.to_stdout:
            render_batch(settings.stdout_format, result, stdout, _stdout_settings(settings, stdout))
    finally:
        result.close()
    return exit_status(result.rows, fail_on=settings.fail_on, exit_zero=settings.exit_zero)
