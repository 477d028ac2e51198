"""`ptce-check schema [--call-file] [-o PATH]`: the JSON Schema of the dossier format, or of call
files, for editors and validators."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, TextIO

import typer

from ptce_check.cli.common import user_errors, write_report


def command(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="CHEMIN", help="Écrit le schéma dans CHEMIN au lieu de la sortie standard."
        ),
    ] = None,
    call_file: Annotated[
        bool, typer.Option("--call-file", help="Le schéma des fichiers d'appel (ptce-call/1) au lieu des dossiers.")
    ] = False,
) -> None:
    """Écrit le schéma JSON (draft-07) du format de dossier. / Writes the dossier format's JSON Schema."""
    from ptce_check.call_schema import call_schema_text
    from ptce_check.schema import schema_text

    def write(stream: TextIO, _color: bool | None) -> None:
        stream.write(call_schema_text() if call_file else schema_text())

    with user_errors(None):
        write_report(output, write)
