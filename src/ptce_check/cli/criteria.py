"""`ptce-check criteria [ID]`: the calls known, or one call's rules and scoring grid."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ptce_check.cli.common import is_terminal, resolve_lang, user_errors
from ptce_check.cli.options import CriteriaFormatOption, LangOption
from ptce_check.cli.settings import resolve_call_format


def command(
    call_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="Identifiant de l'appel (ex. ptce-2015).")
    ] = None,
    format: CriteriaFormatOption = "rich",
    lang: LangOption = None,
) -> None:
    """Liste les appels, ou les règles et la grille d'un appel. / Lists calls, or a call's rules."""
    from ptce_check.reporters import ReportSettings, render_call

    with user_errors(lang):
        settings = ReportSettings(resolve_lang(lang), None if is_terminal(sys.stdout) else False)
        render_call(resolve_call_format(format), call_id, sys.stdout, settings)
