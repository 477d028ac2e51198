"""Screening an export without writing files: each imported application assessed as a dossier,
its findings located at cells (`CellPosition`)."""

from __future__ import annotations

from pathlib import Path

from ptce_check.assess import assess_document
from ptce_check.assessment import Assessment
from ptce_check.calls import CallCatalog
from ptce_check.errors import UserError
from ptce_check.i18n import Text
from ptce_check.intake.convert import ImportedDossier, ImportResult, import_export
from ptce_check.intake.form import REFERENCE_FORM, Form
from ptce_check.source import Document
from ptce_check.territory.user_lists import UserReferences
from ptce_check.textsafe import escape_all_controls


def assess_imported(
    imported: ImportedDossier,
    *,
    folder: Path | None = None,
    call_override: str | None = None,
    references: UserReferences | None = None,
    debug: bool = False,
    catalog: CallCatalog | None = None,
) -> Assessment:
    """The assessment of one imported application; `folder` is where its attachments are
    (None: existence not checked, as for standard input); `catalog` the calls known by id
    (`--calls-dir`; None: the shipped ones)."""
    document = Document(imported.data, imported.cells, annotated=False)
    return assess_document(
        document,
        imported.label,
        folder=folder,
        call_override=call_override,
        references=references,
        debug=debug,
        catalog=catalog,
    )


def assess_export(
    path: Path,
    *,
    form: Form = REFERENCE_FORM,
    call: str | None = None,
    folder: Path | None = None,
    references: UserReferences | None = None,
    debug: bool = False,
    catalog: CallCatalog | None = None,
) -> tuple[list[Assessment], list[Text]]:
    """Every application of an export assessed, and the import's warnings (to print once)."""
    result = import_export(path, form=form, call=call)
    assessments = [
        assess_imported(
            imported, folder=folder, call_override=call, references=references, debug=debug, catalog=catalog
        )
        for imported in result.dossiers
    ]
    return assessments, result.warnings


def find_application(result: ImportResult, application_id: str) -> ImportedDossier:
    """The application with this `ID` (`check EXPORT --id ID`); a UserError when there is none."""
    for imported in result.dossiers:
        if imported.application_id == application_id:
            return imported
    shown, source = escape_all_controls(application_id), escape_all_controls(result.source)
    known = ", ".join(escape_all_controls(d.application_id) for d in result.dossiers[:10])
    return _raise(
        Text(
            f"{source}\u00a0: aucun dossier d'ID « {shown} » (IDs\u00a0: {known})",
            f"{source}: no application with ID '{shown}' (IDs: {known})",
        )
    )


def _raise(message: Text) -> ImportedDossier:
    raise UserError(message)
