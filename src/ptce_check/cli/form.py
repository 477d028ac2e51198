"""`ptce-check form [-f json|markdown] [--mapping FILE] [-o PATH]`: the reference online form of a
PTCE call, as the contract's JSON object or as a guide for the funder who sets the procedure up."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, TextIO

import typer

from ptce_check.cli.common import resolve_lang, user_errors, write_report
from ptce_check.cli.options import LangOption, MappingOption
from ptce_check.errors import UserError
from ptce_check.i18n import Text

FORM_FORMATS = ("json", "markdown")


def command(
    format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="json (défaut) ou markdown (guide du financeur).")
    ] = "json",
    mapping: MappingOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="CHEMIN", help="Écrit le formulaire dans CHEMIN au lieu de la sortie standard."
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Écrit le formulaire en ligne de référence d'un appel PTCE. / Writes the reference online form."""
    from ptce_check.intake import REFERENCE_FORM, form_json, form_markdown, load_mapping

    with user_errors(lang):
        language = resolve_lang(lang)
        if format not in FORM_FORMATS:
            raise UserError(
                Text(f"format inconnu « {format} » (json ou markdown)", f"unknown format '{format}' (json or markdown)")
            )
        form = REFERENCE_FORM if mapping is None else load_mapping(mapping)
        text = (
            json.dumps(form_json(form), ensure_ascii=False, indent=2) + "\n"
            if format == "json"
            else form_markdown(language, form)
        )

        def write(stream: TextIO, _color: bool | None) -> None:
            stream.write(text)

        write_report(output, write)
