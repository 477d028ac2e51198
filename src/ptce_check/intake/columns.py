"""Which column holds which form field: header rows bound to a form, with the export's own
system columns, and the sheet that holds each repeatable block."""

from __future__ import annotations

import re
from typing import Any

from msgspec import Struct

from ptce_check.errors import UserError
from ptce_check.i18n import Text
from ptce_check.intake.form import Block, FormField, sheet_name
from ptce_check.intake.values import plain_text
from ptce_check.textsafe import escape_all_controls

ID_COLUMN = "ID"
STATE_COLUMN = "État du dossier"
SUBMITTED_COLUMN = "Déposé le"
ROW_ID_COLUMN = "Dossier ID"
ROW_INDEX_COLUMN = "Ligne"
#: Columns démarches-simplifiées writes itself in the `Dossiers` sheet (never a form field).
SYSTEM_COLUMNS = frozenset(
    {
        ID_COLUMN,
        "Email",
        "FranceConnect ?",
        "Civilité",
        "Nom",
        "Prénom",
        "Dépôt pour un tiers",
        "Nom du mandataire",
        "Prénom du mandataire",
        "Archivé",
        "À archiver",
        STATE_COLUMN,
        "Dernière mise à jour le",
        "Dernière mise à jour du dossier le",
        SUBMITTED_COLUMN,
        "Passé en instruction le",
        "Traité le",
        "Motivation de la décision",
        "Instructeurs",
        "Groupe instructeur",
        "Avis",
    }
)
#: System columns of the company and association blocks (`Établissement SIRET`, `Entreprise SIREN`…).
_SYSTEM_PREFIXES = ("Établissement ", "Etablissement ", "Entreprise ", "Association ")
#: Sheets of an export that hold no block.
OTHER_SHEETS = frozenset({"Etablissements", "Avis"})
_STABLE_ID_PREFIX = re.compile(r"^\(\d+\) ")


def normal_label(label: Any) -> str:
    return " ".join(plain_text(label).split()) if label is not None else ""


def is_system_column(label: str) -> bool:
    return label in SYSTEM_COLUMNS or label.startswith(_SYSTEM_PREFIXES)


class Columns(Struct, frozen=True):
    """A sheet's header: the column of each bound field, and of each system column."""

    fields: tuple[tuple[FormField, int], ...]
    system: dict[str, int]
    unknown: tuple[str, ...]


def bind_header(
    header: list[Any], fields: tuple[FormField, ...], sheet: str, system: frozenset[str], source: str
) -> Columns:
    """Columns by label; a required field without its column is a UserError naming it."""
    by_label: dict[str, int] = {}
    for index, label in enumerate(header):
        by_label.setdefault(normal_label(label), index)
    bound = []
    for field in fields:
        found = by_label.get(normal_label(field.label))
        if found is not None:
            bound.append((field, found))
        elif field.required:
            raise missing_column(source, sheet, field.label)
    known = {normal_label(field.label) for field in fields}
    unknown = tuple(
        label
        for label in by_label
        if label and label not in known and label not in system and not is_system_column(label)
    )
    present = {label: index for label, index in by_label.items() if label in system or is_system_column(label)}
    return Columns(tuple(bound), present, unknown)


def missing_column(source: str, sheet: str, label: str) -> UserError:
    shown, where = escape_all_controls(label), escape_all_controls(f"{source}:{sheet}")
    return UserError(
        Text(
            f"{where}\u00a0: colonne obligatoire « {shown} » absente",
            f"{where}: required column '{shown}' missing",
        )
    )


def block_sheet(block: Block, names: list[str]) -> str | None:
    """The sheet of a block: named by its label (`sheet_name`), or, as démarches-simplifiées also
    writes it, by `(stable id) label` cut to the same 30 characters."""
    expected = sheet_name(block.label)
    if expected in names:
        return expected
    for name in names:
        prefix = _STABLE_ID_PREFIX.match(name)
        if prefix and name == sheet_name(prefix.group() + block.label):
            return name
    return None
