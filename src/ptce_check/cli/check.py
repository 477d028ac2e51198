"""`ptce-check check FILE...`: one report per dossier, for applicants and CI. The declared
parameters' names are `CheckArguments`' fields; `scripts/quick_options.py` reads them to write
the quick path's table (`cli/quick_options.py`)."""

from __future__ import annotations

from typing import Annotated

import typer

from ptce_check.cli.arguments import CheckArguments
from ptce_check.cli.options import (
    CallOption,
    CallsDirOption,
    CheckFormatOption,
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
)
from ptce_check.cli.run import run_check
from ptce_check.decoding import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES


def command(
    files: Annotated[
        list[str],
        typer.Argument(metavar="FICHIER...", help="Dossiers YAML à vérifier\u00a0; « - » lit l'entrée standard."),
    ],
    call: CallOption = None,
    calls_dirs: CallsDirOption = None,
    format: CheckFormatOption = "auto",
    output: OutputOption = None,
    output_format: OutputFormatOption = None,
    lang: LangOption = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option("--stdin-filename", metavar="NOM", help="Nom affiché pour un dossier lu sur l'entrée standard."),
    ] = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    max_depth: MaxDepthOption = DEFAULT_MAX_DEPTH,
    max_nodes: MaxNodesOption = DEFAULT_MAX_NODES,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    references: ReferenceOption = None,
    application_id: IdOption = None,
    mapping: MappingOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
    watch: Annotated[
        bool, typer.Option("--watch", help="Vérifie à nouveau à chaque enregistrement, jusqu'à Ctrl-C.")
    ] = False,
) -> None:
    """Vérifie des dossiers et rend un rapport de recevabilité noté. / Checks dossiers."""
    arguments = CheckArguments(
        files=tuple(files),
        call=call,
        calls_dirs=tuple(calls_dirs or ()),
        format=format,
        output=output,
        output_format=output_format,
        lang=lang,
        stdin_filename=stdin_filename,
        max_bytes=max_bytes,
        max_depth=max_depth,
        max_nodes=max_nodes,
        fail_on=fail_on,
        exit_zero=exit_zero,
        references=tuple(references or ()),
        application_id=application_id,
        mapping=mapping,
        config=config,
        isolated=isolated,
        debug=debug,
        watch=watch,
    )
    raise typer.Exit(run_check(arguments))
