"""The JSON Schema of the dossier format, for editors and other validators (draft-07).

It is generated from the Pydantic models of `dossier.py`, so it cannot drift from what the
checker reads, then adapted to how an editor sees a YAML file (YAML 1.2 core schema, as the VS
Code YAML extension reads it): booleans are `true`/`false`, numbers may also be written as
quoted decimal text, dates are text, codes are text with their pattern, and `x_…` keys are
allowed in every object. Where the schema and the checker differ, the schema is the stricter
(README, « Schéma JSON »): a dossier the schema accepts is never refused by the checker for its
shape.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ptce_check import scalars
from ptce_check.calls import list_calls
from ptce_check.dossier import FORMAT_ID, Dossier

SCHEMA_ID = "urn:ptce-check:schema:ptce-dossier-1"
DRAFT_07 = "http://json-schema.org/draft-07/schema#"
SCHEMA_FILE_NAME = "ptce-dossier.schema.json"

_DECIMAL = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
#: An amount as text: at most 12 digits before the decimal point, within the amount ceiling.
_AMOUNT = r"^[+-]?(?:[0-9]{1,12}(?:\.[0-9]*)?|\.[0-9]+)$"
_PERCENT = r"^\+?(?:100(?:\.0*)?|[0-9]{1,2}(?:\.[0-9]*)?|\.[0-9]+)$"
#: A whole number from 0 to `scalars.COUNT_CEILING` (10^9), leading zeros allowed as the model does.
_COUNT = r"^\+?0*(?:[0-9]{1,9}|1000000000)$"
_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_TIME = r"[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:[Zz]|[+-][0-9]{2}:?[0-9]{2})?"
_PATTERNS = {
    "siren": r"^[0-9]{9}$",
    "siret": r"^[0-9]{14}$",
    "year": r"^[0-9]{4}$",
}

#: Each scalar parser of `scalars.py` -> the JSON values an editor may hold for it. Numbers take
#: quoted text too (the contract allows it), limited to what the parser reads.
_SCALARS: dict[Callable[[Any], Any], JsonSchemaValue] = {
    scalars.parse_bool: {"type": "boolean"},
    scalars.parse_int: {"type": ["integer", "string"], "pattern": r"^[+-]?[0-9]+$"},
    scalars.parse_number: {"type": ["number", "string"], "pattern": rf"^[+-]?{_DECIMAL}$"},
    scalars.parse_date: {"type": "string", "format": "date", "pattern": f"^{_DATE}$"},
    scalars.parse_date_or_datetime: {
        "anyOf": [
            {"type": "string", "format": "date", "pattern": f"^{_DATE}$"},
            {"type": "string", "format": "date-time", "pattern": f"^{_DATE}{_TIME}$"},
        ]
    },
    scalars.parse_year: {"type": ["integer", "string"], "pattern": _PATTERNS["year"], "minimum": 1000, "maximum": 9999},
}

#: Maps whose keys are years (`amounts: {2015: 60000}`).
_BY_YEAR = {("Expense", "amounts"), ("Resource", "amounts")}

_TITLES = {
    "Dossier": ("Dossier de candidature PTCE", f"Un dossier de candidature à un appel à projets PTCE ({FORMAT_ID})."),
    "Pole": ("Pôle", "Le pôle territorial de coopération économique, candidat."),
    "Contact": ("Contact", "La personne à contacter pour le dossier."),
    "Carrier": ("Structure porteuse", "La personne morale qui porte un pôle sans personnalité morale."),
    "PreviousSupport": ("Soutien antérieur", "Un soutien de l'État reçu lors d'un appel PTCE précédent."),
    "Territory": ("Territoire", "Le territoire d'activité : communes ou intercommunalités."),
    "Difficulties": ("Difficultés", "Les difficultés du territoire que l'appel prend en compte."),
    "Member": ("Membre", "Une organisation ou une personne membre du pôle."),
    "EsusApproval": ("Agrément ESUS", "L'agrément « entreprise solidaire d'utilité sociale » d'un membre."),
    "Grouping": ("Groupement d'entreprises", "Les effectifs d'un membre qui est un groupement d'entreprises."),
    "Cooperation": ("Coopération", "La stratégie commune, la gouvernance et les moyens mutualisés."),
    "Governance": ("Gouvernance", "Les instances et les règles de la gouvernance partagée."),
    "Mutualisation": ("Mutualisation", "Un moyen mis en commun par plusieurs membres."),
    "Project": ("Projet", "Le projet économique du pôle."),
    "Innovation": ("Innovation", "L'innovation sociale ou technologique du projet."),
    "Activity": ("Activité", "Une activité à créer ou à développer."),
    "Jobs": ("Emplois", "Les emplois créés ou consolidés."),
    "Budget": ("Budget", "Le budget prévisionnel de l'action soutenue, équilibré chaque année."),
    "Expense": ("Dépense", "Une ligne de dépenses, montant par année."),
    "Resource": ("Ressource", "Une ligne de ressources, montant par année."),
    "Attachment": ("Pièce jointe", "Une pièce justificative jointe au dossier."),
}


def _code_patterns() -> dict[tuple[str, str], str]:
    """(object, key) -> the pattern of the codes it holds: the data checks' own expressions."""
    from ptce_check.territory.codes import COMMUNE, EMPLOYMENT_ZONE, QPV

    commune, qpv, zone = (f"^(?:{p.pattern})$" for p in (COMMUNE, QPV, EMPLOYMENT_ZONE))
    return {
        ("Pole", "siren"): _PATTERNS["siren"],
        ("Carrier", "siren"): _PATTERNS["siren"],
        ("Member", "siren"): _PATTERNS["siren"],
        ("Member", "siret"): _PATTERNS["siret"],
        ("Member", "commune"): commune,
        ("Territory", "communes"): commune,
        ("Territory", "epcis"): _PATTERNS["siren"],
        ("Territory", "employment_zones"): zone,
        ("Difficulties", "priority_neighbourhoods"): qpv,
        ("Difficulties", "rural_revitalisation_communes"): commune,
    }


class _EditorView(GenerateJsonSchema):
    """Pydantic's generator, with our scalar fields described as an editor holds them."""

    def function_before_schema(self, schema: core_schema.BeforeValidatorFunctionSchema) -> JsonSchemaValue:
        function = schema["function"]["function"]
        if function in _SCALARS:
            return {"x-scalar": function.__name__}
        return super().function_before_schema(schema)

    def field_title_should_be_set(self, schema: Any) -> bool:
        # Property titles would be the English key names again; descriptions say it in French.
        return False


def _finish_scalar(node: dict[str, Any]) -> None:
    """Replace a scalar marker by its schema, turning Pydantic's `ge`/`le` into JSON Schema
    bounds. `minimum` and `maximum` do not apply to text, so the text a bounded number may be is
    narrowed by its pattern instead: unsigned for `ge=0`, at most 100 for a percentage, at most
    12 integer digits for an amount, at most 10^9 for a count."""
    parser = getattr(scalars, node.pop("x-scalar"))
    node.update(_SCALARS[parser])
    low, high = node.pop("ge", None), node.pop("le", None)
    if (low, high) == (-scalars.AMOUNT_CEILING_EUR, scalars.AMOUNT_CEILING_EUR):
        node["minimum"], node["maximum"], node["pattern"] = low, high, _AMOUNT
        return
    if (low, high) == (0, scalars.COUNT_CEILING):
        node["minimum"], node["maximum"], node["pattern"] = low, high, _COUNT
        return
    if low is not None:
        if low != 0:
            raise ValueError(f"no text pattern for a lower bound of {low}")
        node["minimum"] = low
        node["pattern"] = node["pattern"].replace("^[+-]?", "^\\+?", 1)
    if high is not None:
        if (low, high) != (0, 100):
            raise ValueError(f"no text pattern for the bounds {low}..{high}")
        node["maximum"] = high
        node["pattern"] = _PERCENT


def _walk(node: Any, visit: Callable[[dict[str, Any]], None]) -> None:
    if isinstance(node, dict):
        visit(node)
        for value in node.values():
            _walk(value, visit)
    elif isinstance(node, list):
        for value in node:
            _walk(value, visit)


def _strings_in(node: dict[str, Any]) -> list[dict[str, Any]]:
    """The string schemas a property holds, directly, as `str | None` or as list items."""
    if node.get("type") == "string":
        return [node]
    found: list[dict[str, Any]] = []
    for child in [*node.get("anyOf", []), *([node["items"]] if "items" in node else [])]:
        found += _strings_in(child)
    return found


def _finish_object(name: str, node: dict[str, Any], patterns: dict[tuple[str, str], str]) -> None:
    title, description = _TITLES[name]
    node["title"], node["description"] = title, description
    node["patternProperties"] = {"^x_": {"description": "Note du candidat, conservée et ignorée."}}
    for key, prop in node["properties"].items():
        if prop.get("default", "") is None:
            del prop["default"]  # says nothing to a reader, and completion would insert `null`
        for text in _strings_in(prop) if (name, key) in patterns else []:
            text["pattern"] = patterns[(name, key)]
        if (name, key) in _BY_YEAR:
            prop["propertyNames"] = {"pattern": _PATTERNS["year"]}


def dossier_schema() -> dict[str, Any]:
    """The whole schema, as a JSON-ready dict."""
    generated = Dossier.model_json_schema(schema_generator=_EditorView, ref_template="#/definitions/{model}")
    definitions = generated.pop("$defs")
    _walk([generated, definitions], lambda node: _finish_scalar(node) if "x-scalar" in node else None)
    patterns = _code_patterns()
    for name, node in [("Dossier", generated), *definitions.items()]:
        _finish_object(name, node, patterns)
    generated["properties"]["call"]["enum"] = list_calls()
    return {"$schema": DRAFT_07, "$id": SCHEMA_ID, **generated, "definitions": dict(sorted(definitions.items()))}


def schema_text() -> str:
    return json.dumps(dossier_schema(), ensure_ascii=False, allow_nan=False, indent=2) + "\n"
