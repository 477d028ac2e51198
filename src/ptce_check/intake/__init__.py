"""Online-form intake: the reference form of a PTCE call, and démarches-simplifiées exports read
into dossiers whose findings are located at their cells."""

from ptce_check.intake.assess_export import assess_export, assess_imported, find_application
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
