"""`ptce-check init [PATH] [--call ID] [--force]`: a commented dossier template to fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ptce_check.cli.common import resolve_lang, user_errors
from ptce_check.cli.options import LangOption
from ptce_check.errors import UserError
from ptce_check.i18n import Text


def command(
    path: Annotated[
        Path, typer.Argument(metavar="CHEMIN", help="Fichier à créer (défaut\u00a0: dossier.yaml).")
    ] = Path("dossier.yaml"),
    call: Annotated[
        str | None, typer.Option("--call", metavar="ID", help="Appel visé (défaut\u00a0: le plus récent).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Remplace un fichier existant.")] = False,
    lang: LangOption = None,
) -> None:
    """Écrit un modèle de dossier commenté et son schéma pour l'éditeur. / Writes a dossier template."""
    from ptce_check.calls import list_calls
    from ptce_check.template import write_template

    with user_errors(lang):
        language = resolve_lang(lang)
        known = list_calls()
        call_id = call or known[-1]
        if call_id not in known:
            listed = ", ".join(known)
            raise UserError(Text(f"appel inconnu « {call_id} » ({listed})", f"unknown call '{call_id}' ({listed})"))
        done = write_template(path, call_id, force=force)
        for written in done.written:
            typer.echo(Text(f"écrit\u00a0: {written}", f"written: {written}").get(language))
        for kept in done.kept:
            typer.echo(
                Text(
                    f"conservé\u00a0: {kept} diffère du schéma de cette version (--force pour le remplacer)",
                    f"kept: {kept} differs from this version's schema (--force to replace it)",
                ).get(language),
                err=True,
            )
        typer.echo(
            Text(f"vérifiez-le\u00a0: ptce-check check {path}", f"check it: ptce-check check {path}").get(language)
        )
