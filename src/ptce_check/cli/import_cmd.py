"""`ptce-check import EXPORT -o DIR [--call ID] [--mapping FILE] [--force]`: one dossier YAML per
application of a démarches-simplifiées export, named by its `ID`, with its provenance."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ptce_check.cli.common import resolve_lang, shown, user_errors
from ptce_check.cli.options import LangOption, MappingOption
from ptce_check.errors import UserError
from ptce_check.i18n import Lang, Text

if TYPE_CHECKING:
    from ptce_check.intake import ImportedDossier


def command(
    export: Annotated[Path, typer.Argument(metavar="EXPORT", help="Export XLSX, ODS ou CSV de la démarche.")],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="RÉPERTOIRE", help="Répertoire où écrire un dossier par candidature."),
    ],
    call: Annotated[
        str | None, typer.Option("--call", metavar="ID", help="Appel auquel répondent les dossiers (ptce-2015…).")
    ] = None,
    mapping: MappingOption = None,
    force: Annotated[bool, typer.Option("--force", help="Remplace les dossiers déjà écrits.")] = False,
    lang: LangOption = None,
) -> None:
    """Importe un export de démarches-simplifiées en dossiers YAML. / Imports an online-form export."""
    from ptce_check.binding import load_call
    from ptce_check.intake import REFERENCE_FORM, import_export, load_mapping, write_dossiers

    with user_errors(lang):
        language = resolve_lang(lang)
        if call is not None:
            load_call(call)
        form = REFERENCE_FORM if mapping is None else load_mapping(mapping)
        result = import_export(export, form=form, call=call)
        print_warnings(result.warnings, language)
        _refuse_existing(result.dossiers, output, force)
        try:
            written = write_dossiers(result.dossiers, output, force=force)
        except OSError as error:
            reason = error.strerror or type(error).__name__
            where = shown(output)
            raise UserError(
                Text(f"écriture impossible dans {where}\u00a0: {reason}", f"cannot write {where}: {reason}")
            ) from None
        count = len(written)
        typer.echo(
            Text(
                f"{count} dossier(s) écrit(s) dans {shown(output)}", f"{count} dossier(s) written to {shown(output)}"
            ).get(language)
        )


def print_warnings(warnings: list[Text], lang: Lang) -> None:
    """Each warning of an import once, on standard error (their texts are escaped where built)."""
    for warning in warnings:
        typer.echo(
            Text(f"ptce-check\u00a0: avertissement\u00a0: {warning.fr}", f"ptce-check: warning: {warning.en}").get(
                lang
            ),
            err=True,
        )


def _refuse_existing(dossiers: list[ImportedDossier], folder: Path, force: bool) -> None:
    """Checked before anything is written, so that a refused import writes nothing."""
    from ptce_check.intake.write import file_name

    names: dict[str, str] = {}
    for imported in dossiers:
        name = file_name(imported.application_id)
        if name in names:
            first, second = shown(Path(names[name])), shown(Path(imported.application_id))
            raise UserError(
                Text(
                    f"les ID « {first} » et « {second} » donnent le même fichier {name}",
                    f"IDs '{first}' and '{second}' give the same file {name}",
                )
            )
        names[name] = imported.application_id
        target = folder / name
        if not force and (target.exists() or target.is_symlink()):
            where = shown(target)
            raise UserError(
                Text(
                    f"{where} existe déjà (--force pour le remplacer)",
                    f"{where} already exists (--force to replace it)",
                )
            )
