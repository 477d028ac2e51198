"""`ptce-check criteria [ID]`: the calls known, or one call's rules and scoring grid;
`ptce-check criteria --validate FILE...`: each problem of call files at its line and column."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ptce_check.cli.common import is_terminal, resolve_lang, user_errors
from ptce_check.cli.options import CallsDirOption, CriteriaFormatOption, LangOption
from ptce_check.cli.settings import resolve_call_format
from ptce_check.errors import UserError
from ptce_check.i18n import Lang, Text

EXIT_USAGE = 2


def command(
    call_ids: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[ID | FICHIER...]",
            help="Identifiant de l'appel (ex. ptce-2015)\u00a0; avec --validate, les fichiers d'appel à vérifier.",
        ),
    ] = None,
    validate: Annotated[
        bool,
        typer.Option(
            "--validate",
            help="Vérifie des fichiers d'appel\u00a0: rien et 0, ou FICHIER:LIGNE:COL\u00a0: message et 2.",
        ),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="Ajoute le type de chaque règle et critère, ses paramètres et son raisonnement."
        ),
    ] = False,
    calls_dirs: CallsDirOption = None,
    format: CriteriaFormatOption = "rich",
    lang: LangOption = None,
) -> None:
    """Liste les appels, ou les règles et la grille d'un appel. / Lists calls, or a call's rules."""
    from ptce_check.cli.settings import calls_catalog
    from ptce_check.reporters import CallOptions, ReportSettings, render_call

    with user_errors(lang):
        language = resolve_lang(lang)
        names = call_ids or []
        if validate:
            raise SystemExit(_validate([Path(name) for name in names], language))
        if len(names) > 1:
            raise UserError(
                Text("un seul appel à la fois (ou --validate FICHIER...)", "one call at a time (or --validate FILE...)")
            )
        settings = ReportSettings(language, None if is_terminal(sys.stdout) else False)
        options = CallOptions(calls_catalog(calls_dirs or []), verbose)
        render_call(resolve_call_format(format), names[0] if names else None, sys.stdout, settings, options)


def _validate(paths: list[Path], lang: Lang) -> int:
    """0 when every call file is valid; else 2, each problem a line `FILE:LINE:COL: message`."""
    from ptce_check.binding import file_problems
    from ptce_check.textsafe import escape_invisible

    if not paths:
        raise UserError(
            Text("--validate attend au moins un fichier d'appel", "--validate needs at least one call file")
        )
    problems = [line for path in paths for line in file_problems(path)]
    for line in problems:
        print(escape_invisible(line.get(lang)), flush=True)
    return EXIT_USAGE if problems else 0
