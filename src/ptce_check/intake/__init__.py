"""Online-form intake: the reference form of a PTCE call, and démarches-simplifiées exports read
into dossiers whose findings are located at their cells.

The names below are re-exported lazily, on first use: a report that only asks whether a
finding sits in a cell (`cells`) does not import the export reader, the form and the writer,
which a check of a YAML dossier never uses. No submodule is named like one of these names
(`lazy_attributes` says why).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ptce_check.lazy import lazy_attributes

if TYPE_CHECKING:
    from ptce_check.intake.applications import assess_export, assess_imported, find_application
    from ptce_check.intake.cells import CellMap, CellPosition, cell_location
    from ptce_check.intake.convert import ImportedDossier, ImportResult, import_export, import_sheets
    from ptce_check.intake.form import REFERENCE_FORM, Form, FormField, form_json, sheet_name
    from ptce_check.intake.guide import form_markdown
    from ptce_check.intake.mapping import load_mapping
    from ptce_check.intake.write import dossier_yaml, write_dossiers

__all__ = [
    "REFERENCE_FORM",
    "CellMap",
    "CellPosition",
    "Form",
    "FormField",
    "ImportResult",
    "ImportedDossier",
    "assess_export",
    "assess_imported",
    "cell_location",
    "dossier_yaml",
    "find_application",
    "form_json",
    "form_markdown",
    "import_export",
    "import_sheets",
    "load_mapping",
    "sheet_name",
    "write_dossiers",
]

_LAZY = {
    "REFERENCE_FORM": "ptce_check.intake.form",
    "CellMap": "ptce_check.intake.cells",
    "CellPosition": "ptce_check.intake.cells",
    "Form": "ptce_check.intake.form",
    "FormField": "ptce_check.intake.form",
    "ImportResult": "ptce_check.intake.convert",
    "ImportedDossier": "ptce_check.intake.convert",
    "assess_export": "ptce_check.intake.applications",
    "assess_imported": "ptce_check.intake.applications",
    "cell_location": "ptce_check.intake.cells",
    "dossier_yaml": "ptce_check.intake.write",
    "find_application": "ptce_check.intake.applications",
    "form_json": "ptce_check.intake.form",
    "form_markdown": "ptce_check.intake.guide",
    "import_export": "ptce_check.intake.convert",
    "import_sheets": "ptce_check.intake.convert",
    "load_mapping": "ptce_check.intake.mapping",
    "sheet_name": "ptce_check.intake.form",
    "write_dossiers": "ptce_check.intake.write",
}


__getattr__ = lazy_attributes(__name__, _LAZY)
