"""`ptce-check explain [CODE]`: what a finding code means (its source, what triggers it, an
example, the fix); without a code, every code and its title."""

from __future__ import annotations

import difflib
from typing import Annotated

import typer

from ptce_check.cli.common import resolve_lang, user_errors
from ptce_check.cli.options import LangOption
from ptce_check.errors import UserError
from ptce_check.i18n import Lang, Text


def command(
    code: Annotated[
        str | None,
        typer.Argument(metavar="[CODE]", help="Code à expliquer\u00a0: PTCE-E03, E03 ou e3 (défaut\u00a0: la liste)."),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Explique un code\u00a0: source, déclencheur, exemple, correction. / Explains a finding code."""
    with user_errors(lang):
        language = resolve_lang(lang)
        typer.echo(code_list(language) if code is None else explain(code, language))


def explain(given: str, lang: Lang) -> str:
    from ptce_check.explanations import explanations, normalise_code, plain_text

    known = explanations()
    code = normalise_code(given)
    if code not in known:
        raise UserError(_unknown(given, list(known)))
    return plain_text(known[code], lang)


def code_list(lang: Lang) -> str:
    from ptce_check.explanations import explanations

    return "\n".join(f"{item.code}  {item.title.get(lang)}" for item in explanations().values())


def _unknown(given: str, codes: list[str]) -> Text:
    from ptce_check.textsafe import escape_all_controls

    shown = escape_all_controls(given)
    close = difflib.get_close_matches(given.strip().upper(), codes, n=3, cutoff=0.6)
    fr = f"code inconnu « {shown} »"
    en = f"unknown code '{shown}'"
    if close:
        fr += "\u00a0; vouliez-vous dire " + ", ".join(close) + "\u00a0?"
        en += "; did you mean " + ", ".join(close) + "?"
    return Text(fr + " (la liste\u00a0: ptce-check explain)", en + " (the list: ptce-check explain)")
