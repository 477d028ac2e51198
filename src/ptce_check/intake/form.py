"""The reference online form of a PTCE call, as data.

The form is a Python table rather than a YAML file: it is checked by mypy, needs no parsing at
run time nor a data file in the wheel, and its drop-down options are read from the Literal types
of `ptce_check.dossier`, so the form cannot drift from the model (only their French labels are
written here, in `labels.py`)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Literal

from msgspec import Struct
from msgspec.structs import replace

from ptce_check.dossier import FORMAT_ID, Dossier
from ptce_check.intake.labels import OPTION_LABELS
from ptce_check.intake.model_paths import field_at, item_model, literal_values

FieldType = Literal[
    "text",
    "textarea",
    "integer",
    "number",
    "date",
    "datetime",
    "yes_no",
    "drop_down",
    "multiple_drop_down",
    "siret",
    "list",
]
FIELD_TYPES: tuple[FieldType, ...] = (
    "text",
    "textarea",
    "integer",
    "number",
    "date",
    "datetime",
    "yes_no",
    "drop_down",
    "multiple_drop_down",
    "siret",
    "list",
)
#: Year columns of each budget line: `amounts.{year:N}` is the N-th year of `budget.years`.
BUDGET_YEAR_COLUMNS = 5


class Option(Struct, frozen=True):
    label: str
    value: str


class Block(Struct, frozen=True):
    id: str
    label: str
    path: str


class FormField(Struct, frozen=True):
    label: str
    path: str
    type: FieldType
    block: str | None = None
    required: bool = False
    options: tuple[Option, ...] | None = None


class Form(Struct, frozen=True):
    blocks: tuple[Block, ...]
    fields: tuple[FormField, ...]

    def block(self, block_id: str) -> Block:
        return next(block for block in self.blocks if block.id == block_id)

    def fields_of(self, block_id: str | None) -> tuple[FormField, ...]:
        return tuple(field for field in self.fields if field.block == block_id)


def sheet_name(label: str) -> str:
    """The sheet an export gives a block: its label in ASCII, without ``/\\*?[]:``, 30 characters at most."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[/\\*?\[\]:]", "", ascii_label)[:30]


def _options(vocabulary: str, model: type[Any], path: str) -> tuple[Option, ...]:
    values = literal_values(field_at(model, path).annotation)
    assert values is not None, path
    labels = OPTION_LABELS[vocabulary]
    return tuple(Option(labels.get(value, value), value) for value in values)


_BLOCKS = (
    Block("members", "Membres du pôle", "members"),
    Block("mutualisations", "Mutualisations", "cooperation.mutualisations"),
    Block("activities", "Activités du projet", "project.activities"),
    Block("indicators", "Indicateurs de résultat", "project.evaluation.indicators"),
    Block("expenses", "Dépenses prévues", "budget.expenses"),
    Block("resources", "Ressources prévues", "budget.resources"),
    Block("previous_support", "Soutiens de l'État déjà reçus", "pole.previous_state_support"),
    Block("attachments", "Pièces justificatives", "attachments"),
)

# (label, path, type, required, vocabulary of the options or None)
_Row = tuple[str, str, FieldType, bool, str | None]
_DOSSIER_FIELDS: tuple[_Row, ...] = (
    ("Nom du pôle", "pole.name", "text", True, None),
    ("Forme juridique du pôle", "pole.legal_form", "drop_down", True, "legal_form"),
    ("SIREN du pôle", "pole.siren", "text", False, None),
    ("Date de création du pôle", "pole.created_on", "date", False, None),
    ("Stade du pôle", "pole.stage", "drop_down", True, "stage"),
    ("Structure porteuse : nom", "pole.carrier.name", "text", False, None),
    ("Structure porteuse : forme juridique", "pole.carrier.legal_form", "drop_down", False, "legal_form"),
    ("Structure porteuse : SIREN", "pole.carrier.siren", "text", False, None),
    ("Contact : nom", "pole.contact.name", "text", True, None),
    ("Contact : courriel", "pole.contact.email", "text", True, None),
    ("Contact : téléphone", "pole.contact.phone", "text", False, None),
    ("Salariés propres du pôle (ETP)", "pole.staff_fte", "number", False, None),
    ("Recettes propres du pôle au dernier exercice (€)", "pole.revenue_eur", "number", False, None),
    ("Nom du territoire", "territory.name", "text", True, None),
    ("Communes du territoire (codes INSEE)", "territory.communes", "list", False, None),
    ("Intercommunalités (SIREN des EPCI)", "territory.epcis", "list", False, None),
    ("Population du territoire", "territory.population", "integer", False, None),
    ("Zones d'emploi (codes INSEE)", "territory.employment_zones", "list", False, None),
    ("Quartiers prioritaires (codes QPV)", "territory.difficulties.priority_neighbourhoods", "list", False, None),
    (
        "Communes en revitalisation rurale (codes INSEE)",
        "territory.difficulties.rural_revitalisation_communes",
        "list",
        False,
        None,
    ),
    ("Bassin désindustrialisé", "territory.difficulties.deindustrialised", "yes_no", False, None),
    ("Taux de chômage de la zone (%)", "territory.difficulties.unemployment_rate", "number", False, None),
    ("Difficultés du territoire : précisions", "territory.difficulties.notes", "textarea", False, None),
    ("Stratégie commune de coopération", "cooperation.strategy", "textarea", True, None),
    ("Instances de gouvernance", "cooperation.governance.bodies", "list", False, None),
    ("Charte de coopération signée", "cooperation.governance.charter_signed", "yes_no", False, None),
    ("Réunions de gouvernance par an", "cooperation.governance.meetings_per_year", "integer", False, None),
    ("Offre commune ou filière", "cooperation.value_chain", "textarea", False, None),
    ("Titre du projet", "project.title", "text", True, None),
    ("Résumé du projet", "project.summary", "textarea", True, None),
    ("Nature de l'innovation", "project.innovation.kind", "drop_down", True, "innovation_kind"),
    ("Description de l'innovation", "project.innovation.description", "textarea", True, None),
    ("Secteurs d'activité", "project.sectors", "multiple_drop_down", False, "sector"),
    ("Contribution à la transition écologique", "project.ecological_transition", "textarea", False, None),
    ("Méthode d'évaluation des résultats", "project.evaluation.method", "textarea", False, None),
    ("Horizon des prévisions d'emploi (années)", "jobs.horizon_years", "integer", False, None),
    ("Emplois créés (ETP)", "jobs.created_fte", "number", True, None),
    ("Emplois consolidés (ETP)", "jobs.consolidated_fte", "number", False, None),
    ("Personnes en parcours d'insertion", "jobs.insertion_paths", "integer", False, None),
    ("Emplois non délocalisables", "jobs.non_relocatable", "yes_no", False, None),
    ("Emplois : précisions", "jobs.notes", "textarea", False, None),
    ("Années du budget", "budget.years", "list", True, None),
    ("Subvention demandée à l'appel (€)", "budget.requested_grant_eur", "number", True, None),
)


def _amount_rows() -> tuple[_Row, ...]:
    return tuple(
        (f"Montant année {n} (€)", f"amounts.{{year:{n}}}", "number", n == 1, None)
        for n in range(1, BUDGET_YEAR_COLUMNS + 1)
    )


_BLOCK_FIELDS: dict[str, tuple[_Row, ...]] = {
    "members": (
        ("Nom du membre", "name", "text", True, None),
        ("Forme juridique", "legal_form", "drop_down", True, "legal_form"),
        ("Catégorie (article 9 de la loi 2014-856)", "category", "drop_down", True, "category"),
        ("SIRET", "siret", "siret", False, None),
        ("SIREN", "siren", "text", False, None),
        ("Commune du siège (code INSEE)", "commune", "text", False, None),
        ("Statuts d'entreprise de l'ESS (société commerciale)", "ess_statutes", "yes_no", False, None),
        ("Agrément ESUS : date d'obtention", "esus_approval.granted_on", "date", False, None),
        ("Groupement : nombre d'entreprises membres", "grouping.members_total", "integer", False, None),
        ("Groupement : dont entreprises de l'ESS", "grouping.members_ess", "integer", False, None),
        ("Effectif salarié", "headcount", "integer", False, None),
        ("Chiffre d'affaires (€)", "turnover_eur", "number", False, None),
        ("Engagement signé", "commitment", "drop_down", False, "commitment"),
        ("Rôle dans le pôle", "role", "drop_down", False, "role"),
    ),
    "mutualisations": (
        ("Nature de la mutualisation", "kind", "drop_down", True, "mutualisation_kind"),
        ("Description de la mutualisation", "description", "textarea", True, None),
        ("Membres concernés", "members", "list", True, None),
    ),
    "activities": (
        ("Intitulé de l'activité", "title", "text", True, None),
        ("Description de l'activité", "description", "textarea", False, None),
    ),
    "indicators": (
        ("Intitulé de l'indicateur", "name", "text", True, None),
        ("Valeur de départ", "baseline", "number", False, None),
        ("Valeur visée", "target", "number", False, None),
        ("Unité", "unit", "text", False, None),
    ),
    "expenses": (
        ("Intitulé de la dépense", "label", "text", True, None),
        ("Catégorie de dépense", "category", "drop_down", True, "expense_category"),
        *_amount_rows(),
    ),
    "resources": (
        ("Intitulé de la ressource", "label", "text", True, None),
        ("Nature de la ressource", "kind", "drop_down", True, "resource_kind"),
        ("Financeur", "funder", "text", False, None),
        *_amount_rows(),
    ),
    "previous_support": (
        ("Appel PTCE du soutien (ex. ptce-2013)", "call", "text", True, None),
        ("Année du soutien", "year", "integer", False, None),
        ("Montant reçu (€)", "amount_eur", "number", False, None),
    ),
    "attachments": (
        ("Nature de la pièce", "kind", "drop_down", True, "attachment_kind"),
        ("Fichier", "path", "text", True, None),
        ("Membre concerné", "member", "text", False, None),
    ),
}

#: Optional paths the form fills only when the dossier model has them (fields added to the
#: format after this table was written appear once `dossier.py` defines them).
_IF_DEFINED: tuple[_Row, ...] = (
    ("Phase 1 de l'AMI : situation du pôle", "pole.ami_phase1.status", "drop_down", False, "ami_phase1_status"),
    ("Phase 1 de l'AMI : année de la décision", "pole.ami_phase1.year", "integer", False, None),
)


def _defined(path: str) -> bool:
    try:
        field_at(Dossier, path)
    except KeyError:
        return False
    return True


def _field(row: _Row, block: Block | None) -> FormField:
    label, path, kind, required, vocabulary = row
    model: Any = Dossier
    if block is not None:
        model = item_model(field_at(Dossier, block.path).annotation)
    options = _options(vocabulary, model, path) if vocabulary else None
    return FormField(label, path, kind, block.id if block else None, required, options)


def _build() -> Form:
    fields = [_field(row, None) for row in _DOSSIER_FIELDS]
    fields += [_field(row, None) for row in _IF_DEFINED if _defined(row[1])]
    for block in _BLOCKS:
        fields += [_field(row, block) for row in _BLOCK_FIELDS[block.id]]
    return Form(_BLOCKS, tuple(fields))


REFERENCE_FORM = _build()


def with_labels(form: Form, labels: dict[tuple[str | None, str], str]) -> Form:
    """The form with some fields relabelled, keyed by (block id, path)."""
    return replace(form, fields=tuple(replace(f, label=labels.get((f.block, f.path), f.label)) for f in form.fields))


def form_json(form: Form = REFERENCE_FORM) -> dict[str, Any]:
    """The form as the contract's JSON object: `{"form", "blocks", "fields"}`."""
    return {
        "form": FORMAT_ID,
        "blocks": [{"id": b.id, "label": b.label, "path": b.path} for b in form.blocks],
        "fields": [
            {
                "label": f.label,
                "path": f.path,
                "type": f.type,
                "block": f.block,
                "required": f.required,
                "options": None if f.options is None else [{"label": o.label, "value": o.value} for o in f.options],
            }
            for f in form.fields
        ],
    }
