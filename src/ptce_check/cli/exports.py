"""Online-form exports given to `check` and `screen`: `--mapping` read once, `--id` checked
against the inputs, and an export's applications assessed for `check` (`EXPORT#ID` each)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ptce_check.errors import UserError
from ptce_check.i18n import Lang, Text

if TYPE_CHECKING:
    from ptce_check.assessment import Assessment
    from ptce_check.calls import CallCatalog
    from ptce_check.intake.form import Form
    from ptce_check.territory.user_lists import UserReferences

EXPORT_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")


def is_export(name: str) -> bool:
    return Path(name).suffix.lower() in EXPORT_SUFFIXES


def load_form(mapping: Path | None, application_id: str | None, inputs: Sequence[str]) -> Form | None:
    """The form of `--mapping` (None: the reference form); `--id` needs an export among the inputs."""
    if application_id is not None and not any(is_export(name) for name in inputs):
        raise UserError(
            Text(
                "--id choisit un dossier d'un export (.xlsx, .ods, .xls, .csv)\u00a0: aucun export donné",
                "--id picks one application of an export (.xlsx, .ods, .xls, .csv): no export given",
            )
        )
    if mapping is None:
        return None
    from ptce_check.intake import load_mapping

    return load_mapping(mapping)


def assess_export_file(
    path: Path,
    *,
    form: Form | None,
    application_id: str | None,
    call: str | None,
    references: UserReferences | None,
    debug: bool,
    lang: Lang,
    catalog: CallCatalog | None = None,
) -> list[Assessment]:
    """The export's applications (or the one of `--id`), attachments looked up beside the export;
    the import's warnings printed once on standard error."""
    from ptce_check.cli.import_cmd import print_warnings
    from ptce_check.intake import REFERENCE_FORM, assess_imported, find_application, import_export

    result = import_export(path, form=form or REFERENCE_FORM, call=call)
    print_warnings(result.warnings, lang)
    chosen = result.dossiers if application_id is None else [find_application(result, application_id)]
    return [
        assess_imported(
            imported, folder=path.parent, call_override=call, references=references, debug=debug, catalog=catalog
        )
        for imported in chosen
    ]
