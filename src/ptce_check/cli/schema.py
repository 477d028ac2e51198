"""`ptce-check schema [-o PATH]`: the JSON Schema of the dossier format, for editors and validators."""

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
) -> None:
    """Écrit le schéma JSON (draft-07) du format de dossier. / Writes the dossier format's JSON Schema."""
    from ptce_check.schema import schema_text

    def write(stream: TextIO, _color: bool | None) -> None:
        stream.write(schema_text())

    with user_errors(None):
        write_report(output, write)
