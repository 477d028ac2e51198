"""`ptce-check criteria [ID]`: the calls known, or one call's rules and scoring grid."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ptce_check.cli.common import is_terminal, resolve_lang, user_errors
from ptce_check.cli.options import FormatOption, LangOption


def command(
    call_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="Identifiant de l'appel (ex. ptce-2015).")
    ] = None,
    format: FormatOption = "rich",
    lang: LangOption = None,
) -> None:
    """Liste les appels, ou les règles et la grille d'un appel. / Lists calls, or a call's rules."""
    from ptce_check.criteria_report import render_call, render_calls

    with user_errors(lang):
        language = resolve_lang(lang)
        color = None if is_terminal(sys.stdout) else False
        if call_id is None:
            render_calls(sys.stdout, format, language, color)
        else:
            render_call(call_id, sys.stdout, format, language, color)
