"""`ptce-check diff OLD NEW [-f rich|json|markdown]`: what changed between two versions of a
dossier (`ptce_check.diffing`): the score per criterion, the findings fixed, new and unchanged.
Exit 0 when the new version is admissible, 1 otherwise, 2 for a usage error."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ptce_check.cli.common import is_terminal, resolve_lang, shown, user_errors
from ptce_check.cli.options import CallOption, LangOption
from ptce_check.errors import UserError
from ptce_check.i18n import Text

FORMATS = ("rich", "json", "markdown")


def command(
    old: Annotated[Path, typer.Argument(metavar="ANCIEN", help="La version précédente du dossier.")],
    new: Annotated[Path, typer.Argument(metavar="NOUVEAU", help="La nouvelle version du dossier.")],
    format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="Format\u00a0: auto, rich, json ou markdown.")
    ] = "auto",
    call: CallOption = None,
    lang: LangOption = None,
) -> None:
    """Compare deux versions d'un dossier\u00a0: score, constats corrigés et nouveaux. / Compares two versions."""
    from ptce_check.assess import assess_file
    from ptce_check.diffing import diff_assessments
    from ptce_check.reporters.diff_report import render

    with user_errors(lang):
        language = resolve_lang(lang)
        chosen = ("rich" if is_terminal(sys.stdout) else "markdown") if format == "auto" else format
        if chosen not in FORMATS:
            raise UserError(
                Text(
                    f"format inconnu « {format} » (auto, {', '.join(FORMATS)})",
                    f"unknown format '{format}' (auto, {', '.join(FORMATS)})",
                )
            )
        for path in (old, new):
            if not path.exists():
                raise UserError(Text(f"chemin introuvable\u00a0: {shown(path)}", f"no such path: {shown(path)}"))
        if call is not None:
            from ptce_check.binding import load_call

            load_call(call)
        change = diff_assessments(assess_file(old, call_override=call), assess_file(new, call_override=call))
        render(change, chosen, sys.stdout, language)
    raise typer.Exit(0 if change.new_verdict.value == "admissible" else 1)
