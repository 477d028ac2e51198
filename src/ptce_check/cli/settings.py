"""Every option of `check` and `screen` interpreted in one step, `interpret(arguments)`: the
language, the formats against the reporters' registry, the paths given, the limits, the
`--reference` lists, the exit policy and the CSV separator, into one plain frozen record that
`cli/run.py` executes. Every usage error is raised here, as a `UserError`, before any dossier is
read (but `-o` over a dossier found in a screened folder: see `run.execute_screen`)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

from msgspec import Struct
from msgspec.structs import replace

from ptce_check.cli.arguments import CheckArguments, ScreenArguments
from ptce_check.cli.common import is_terminal, resolve_lang, shown
from ptce_check.decoding import Limits
from ptce_check.errors import UserError
from ptce_check.i18n import Text
from ptce_check.outcome_status import FAIL_ON_CHOICES, FailOn
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.registry import ALIASES, Command, formats_for

if TYPE_CHECKING:
    from ptce_check.calls import CallCatalog
    from ptce_check.intake.form import Form
    from ptce_check.screening.reviews import ReviewSheet
    from ptce_check.territory.user_lists import UserReferences

STDIN = "-"
DEFAULT_FAIL_ON = "not-admissible"
CSV_SEPARATORS = (",", ";", "\t")


class Settings(Struct, frozen=True):
    """What a `check` or `screen` run does, every option interpreted and checked."""

    command: Literal["check", "screen"]
    #: `check`: the files in order (`-` is standard input); `screen`: the paths to screen.
    inputs: tuple[str, ...]
    call: str | None
    stdout_format: str
    #: The format `-o` writes (the stdout format unless `--output-format` is given).
    file_format: str
    output: Path | None
    #: Whether standard output gets a report too: without `-o`, or with `--output-format`.
    to_stdout: bool
    #: Language and CSV separator; the colour is decided for each destination.
    report: ReportSettings
    limits: Limits
    references: UserReferences | None
    fail_on: FailOn
    exit_zero: bool
    debug: bool
    stdin_filename: str | None = None
    excludes: tuple[str, ...] = ()
    jobs: int | None = None
    budget: float | None = None
    #: `--id` (one application of an export), `--mapping` read (None: the reference form).
    application_id: str | None = None
    form: Form | None = None
    #: `screen --reviews`: the reviewers' points, read and checked against the calls' criteria.
    reviews: ReviewSheet | None = None
    #: `--calls-dir`: the calls known by id (None: the shipped ones only).
    catalog: CallCatalog | None = None

    @property
    def files(self) -> list[Path]:
        """The inputs that are paths (`check`'s standard input left out)."""
        return [Path(name) for name in self.inputs if self.command == "screen" or name != STDIN]


def interpret(arguments: CheckArguments | ScreenArguments, stdout: TextIO) -> Settings:
    """The settings of a run, from its command line as given and the configuration file under
    it; `stdout` decides `-f auto`."""
    configured = with_configuration(arguments)
    with in_language(configured.lang if configured.lang != arguments.lang else None):
        return _interpret(configured, stdout)


def _interpret(arguments: CheckArguments | ScreenArguments, stdout: TextIO) -> Settings:
    command: Literal["check", "screen"] = "check" if isinstance(arguments, CheckArguments) else "screen"
    report = ReportSettings(resolve_lang(arguments.lang), csv_separator=_csv_separator(arguments))
    stdout_format = resolve_format(arguments.format, formats_for(command), stdout, command=command)
    file_format = stdout_format
    if arguments.output_format:
        file_format = resolve_format(arguments.output_format, formats_for(command), stdout, command=command)
    fail_on = resolve_fail_on(arguments.fail_on or DEFAULT_FAIL_ON)
    inputs = arguments.files if isinstance(arguments, CheckArguments) else tuple(map(str, arguments.paths))
    settings = Settings(
        command=command,
        inputs=inputs,
        call=arguments.call,
        stdout_format=stdout_format,
        file_format=file_format,
        output=arguments.output,
        to_stdout=arguments.output is None or arguments.output_format is not None,
        report=report,
        limits=Limits(arguments.max_bytes, arguments.max_depth, arguments.max_nodes),
        references=None,
        fail_on=fail_on,
        exit_zero=arguments.exit_zero,
        debug=arguments.debug,
        catalog=calls_catalog(arguments.calls_dirs),
    )
    require_inputs(settings.call, settings.files, settings.catalog)
    refuse_binary_to_stdout(settings)
    if command == "check" and settings.output is not None:
        refuse_overwriting_inputs(settings.output, settings.files)
    return replace(_command_specific(settings, arguments), references=_references(arguments.references, settings))


@contextmanager
def in_language(lang: str | None) -> Iterator[None]:
    """Usage errors in the configuration's language (None: as they are); the caller shows
    them in the language of `--lang`."""
    try:
        yield
    except UserError as error:
        if lang is None:
            raise
        message = error.text.get(resolve_lang(lang))
        raise UserError(Text(message, message)) from error


def with_configuration(arguments: CheckArguments | ScreenArguments) -> CheckArguments | ScreenArguments:
    """The command line with the configuration file's settings under it: an option given wins,
    a `--reference` given replaces the file's list of the same kind only."""
    from ptce_check.config import configuration

    config = configuration(arguments.config, isolated=arguments.isolated)
    if config is None:
        return arguments
    given_kinds = {spec.partition("=")[0].strip() for spec in arguments.references}
    inherited = tuple(spec for spec in config.references if spec.partition("=")[0] not in given_kinds)
    arguments = replace(
        arguments,
        call=config.call if arguments.call is None else arguments.call,
        lang=config.lang if arguments.lang is None else arguments.lang,
        fail_on=config.fail_on if arguments.fail_on is None else arguments.fail_on,
        references=inherited + arguments.references,
        calls_dirs=arguments.calls_dirs or config.calls_dirs,
    )
    if isinstance(arguments, ScreenArguments):
        arguments = replace(arguments, excludes=arguments.excludes or config.excludes)
    return arguments


def _command_specific(settings: Settings, arguments: CheckArguments | ScreenArguments) -> Settings:
    from ptce_check.cli.exports import load_form

    form = load_form(arguments.mapping, arguments.application_id, settings.inputs)
    settings = replace(settings, application_id=arguments.application_id, form=form)
    if isinstance(arguments, CheckArguments):
        return replace(settings, stdin_filename=arguments.stdin_filename)
    return replace(
        settings,
        excludes=arguments.excludes,
        jobs=arguments.jobs,
        budget=arguments.budget,
        reviews=_reviews(arguments.reviews, settings),
    )


def _reviews(path: Path | None, settings: Settings) -> ReviewSheet | None:
    """The reviews file read and its criteria checked against the `--call` given, else the
    shipped calls, before any dossier is read."""
    if path is None:
        return None
    from ptce_check.binding import load_call, shipped_call
    from ptce_check.calls import list_calls
    from ptce_check.screening.reviews import check_criteria, read_reviews

    sheet = read_reviews(path, settings.limits)
    catalog = settings.catalog
    calls = (
        [load_call(settings.call, catalog).call]
        if settings.call
        else [shipped_call(i, catalog).call for i in list_calls(catalog)]
    )
    check_criteria(sheet, calls)
    return sheet


def _references(given: tuple[str, ...], settings: Settings) -> UserReferences | None:
    from ptce_check.territory.user_lists import load_user_references

    return load_user_references(given, settings.limits)


def _csv_separator(arguments: CheckArguments | ScreenArguments) -> str:
    if isinstance(arguments, CheckArguments):
        return ","
    if arguments.csv_separator not in CSV_SEPARATORS:
        raise UserError(Text("--csv-sep\u00a0: ',' ';' ou tabulation", "--csv-sep: ',' ';' or tab"))
    return arguments.csv_separator


def resolve_format(
    value: str,
    choices: Sequence[str],
    stream: TextIO,
    *,
    environ: Mapping[str, str] | None = None,
    command: Command = "check",
) -> str:
    name = ALIASES.get(value, value)
    if name == "auto":
        return auto_format(stream, os.environ if environ is None else environ, command)
    if name not in choices:
        listed = ", ".join(["auto", *choices, *ALIASES])
        raise UserError(
            Text(
                f"format inconnu « {value} » (formats\u00a0: {listed})", f"unknown format '{value}' (formats: {listed})"
            )
        )
    return name


def auto_format(stream: TextIO, environ: Mapping[str, str], command: Command = "check") -> str:
    """`auto`: annotations in GitHub Actions, the report for people on a terminal, and one line
    per finding anywhere else (pipes, files, other CI systems), where tools read the output."""
    if environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    if command == "screen":
        return "rich"  # the decision table, as plain text off a terminal
    return "rich" if is_terminal(stream) else "concise"


def refuse_binary_to_stdout(settings: Settings) -> None:
    """A workbook goes to `-o FILE` only."""
    from ptce_check.reporters.batch import BINARY_FORMATS

    if settings.to_stdout and settings.stdout_format in BINARY_FORMATS:
        name = settings.stdout_format
        raise UserError(
            Text(
                f"-f {name} écrit un classeur binaire\u00a0: donnez -o FICHIER.{name}",
                f"-f {name} writes a binary workbook: give -o FILE.{name}",
            )
        )


def resolve_call_format(value: str, command: Command = "criteria") -> str:
    """`criteria -f`: its formats, `auto` and `table` being the report for people."""
    name = "rich" if value == "auto" else ALIASES.get(value, value)
    choices = formats_for(command)
    if name not in choices:
        fr, en = " ou ".join(choices), " or ".join(choices)
        raise UserError(Text(f"format inconnu « {value} » ({fr})", f"unknown format '{value}' ({en})"))
    return name


def resolve_fail_on(value: str) -> FailOn:
    for choice in FAIL_ON_CHOICES:
        if value == choice:
            return choice
    listed = ", ".join(FAIL_ON_CHOICES)
    raise UserError(Text(f"--fail-on « {value} » inconnu ({listed})", f"unknown --fail-on '{value}' ({listed})"))


def calls_catalog(folders: Sequence[Path]) -> CallCatalog | None:
    """The calls of the `--calls-dir` folders, each file bound and checked now (a broken one is a
    usage error at its line and column); None when no folder is given."""
    if not folders:
        return None
    from ptce_check.binding import shipped_call
    from ptce_check.calls import CallCatalog

    catalog = CallCatalog.of(folders)
    for call_id, _path in catalog.extra:
        shipped_call(call_id, catalog)
    return catalog


def require_inputs(call: str | None, paths: Sequence[Path], catalog: CallCatalog | None = None) -> None:
    """Usage errors found before any dossier is read: an unknown call, a path that does not
    exist (a dangling symbolic link exists: it is reported as a dossier row)."""
    if call is not None:
        from ptce_check.binding import load_call

        load_call(call, catalog)
    for path in paths:
        if _missing(path):
            where = shown(path)
            raise UserError(Text(f"chemin introuvable\u00a0: {where}", f"no such path: {where}"))


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


def refuse_overwriting_inputs(output: Path, inputs: Iterable[str | Path]) -> None:
    """`-o` may not name an input, by any path, symbolic or hard link: the same file is the same
    device and inode. One `stat` per input and no path kept: a batch may hold many thousands."""
    try:
        target = output.stat()
    except OSError:
        return  # nothing there yet: no input is it
    for name in inputs:
        try:
            found = os.stat(name)  # noqa: PTH116 - a name, not a Path per input
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (target.st_dev, target.st_ino):
            where = shown(output)
            raise UserError(
                Text(
                    f"-o {where} écraserait un dossier d'entrée\u00a0: refusé",
                    f"-o {where} would overwrite an input dossier: refused",
                )
            )
