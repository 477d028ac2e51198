"""`ptce-check screen PATH...`: batch screening of a folder of submissions, for reviewers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ptce_check.cli.arguments import ScreenArguments
from ptce_check.cli.options import (
    CallOption,
    CallsDirOption,
    ConfigOption,
    DebugOption,
    ExitZeroOption,
    FailOnOption,
    IdOption,
    IsolatedOption,
    LangOption,
    MappingOption,
    MaxBytesOption,
    MaxDepthOption,
    MaxNodesOption,
    OutputFormatOption,
    OutputOption,
    ReferenceOption,
    ReviewsOption,
    ScreenFormatOption,
)
from ptce_check.cli.run import run_screen
from ptce_check.decoding import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES
from ptce_check.scalars import AMOUNT_CEILING_EUR

ExcludeOption = Annotated[
    list[str] | None, typer.Option("--exclude", metavar="MOTIF", help="Motif de chemins à ignorer (répétable).")
]
JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, metavar="ENTIER", help="Processus de travail (défaut\u00a0: nombre de cœurs)."),
]
CsvSeparatorOption = Annotated[
    str,
    typer.Option("--csv-sep", metavar="SEP", help="Séparateur CSV\u00a0: ',' (défaut) ou ';' (tableurs en français)."),
]
BudgetOption = Annotated[
    float | None,
    typer.Option(
        "--budget",
        metavar="EUR",
        min=0,
        max=AMOUNT_CEILING_EUR,
        help="Enveloppe à simuler (défaut\u00a0: celle de l'appel).",
    ),
]


def command(
    paths: Annotated[list[Path], typer.Argument(metavar="CHEMIN...", help="Dossiers YAML et répertoires à examiner.")],
    excludes: ExcludeOption = None,
    jobs: JobsOption = None,
    call: CallOption = None,
    calls_dirs: CallsDirOption = None,
    format: ScreenFormatOption = "auto",
    output: OutputOption = None,
    output_format: OutputFormatOption = None,
    csv_separator: CsvSeparatorOption = ",",
    budget: BudgetOption = None,
    lang: LangOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    max_depth: MaxDepthOption = DEFAULT_MAX_DEPTH,
    max_nodes: MaxNodesOption = DEFAULT_MAX_NODES,
    debug: DebugOption = False,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    references: ReferenceOption = None,
    application_id: IdOption = None,
    mapping: MappingOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    reviews: ReviewsOption = None,
) -> None:
    """Examine un répertoire de dossiers\u00a0: tableau classé, synthèse, exports. / Screens a batch."""
    arguments = ScreenArguments(
        paths=tuple(paths),
        excludes=tuple(excludes or ()),
        jobs=jobs,
        call=call,
        calls_dirs=tuple(calls_dirs or ()),
        format=format,
        output=output,
        output_format=output_format,
        csv_separator=csv_separator,
        budget=budget,
        lang=lang,
        max_bytes=max_bytes,
        max_depth=max_depth,
        max_nodes=max_nodes,
        debug=debug,
        fail_on=fail_on,
        exit_zero=exit_zero,
        references=tuple(references or ()),
        application_id=application_id,
        mapping=mapping,
        config=config,
        isolated=isolated,
        reviews=reviews,
    )
    raise typer.Exit(run_screen(arguments))
