"""The JSON Schema of the dossier format, for editors and other validators (draft-07).

It is generated from the Pydantic models of `dossier.py`, so it cannot drift from what the
checker reads, then adapted to how an editor sees a YAML file (YAML 1.2 core schema, as the VS
Code YAML extension reads it): booleans are `true`/`false`, numbers may also be written as
quoted decimal text, dates are text, codes are text with their pattern, and `x_…` keys are
allowed in every object. Where the schema and the checker differ, the schema is the stricter
(docs/ci.md, « Schéma JSON et éditeurs »): a dossier the schema accepts is never refused by the checker for its
shape.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ptce_check import scalars, schema_labels
from ptce_check.calls import list_calls, read_call, shipped_path
from ptce_check.dossier import FORMAT_ID, Dossier
from ptce_check.schema_walk import walk_objects
from ptce_check.textsafe import escape_invisible, escape_markdown

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

_TEXT_INT = r"^[+-]?[0-9]+$"
_TEXT_NUMBER = rf"^[+-]?{_DECIMAL}$"
_TEXT_DATE = f"^{_DATE}$"
_TEXT_DATE_TIME = f"^{_DATE}{_TIME}$"
_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s.]+$"

#: Scalar parsers of `scalars.py` whose JSON values do not depend on bounds.
_FIXED: dict[Callable[[Any], Any], JsonSchemaValue] = {
    scalars.parse_bool: {"type": "boolean"},
    scalars.parse_date: {"type": "string", "format": "date", "pattern": _TEXT_DATE},
    scalars.parse_date_or_datetime: {
        "anyOf": [
            {"type": "string", "format": "date", "pattern": _TEXT_DATE},
            {"type": "string", "format": "date-time", "pattern": _TEXT_DATE_TIME},
        ]
    },
}
#: Numeric parsers -> their JSON type and the quoted text they also read (the contract allows
#: numbers as text), limited to what the parser reads. Each becomes an `anyOf` of the two, not a
#: `type` array: strict validators (Ajv's `strictTypes`) refuse union types.
_NUMERIC: dict[Callable[[Any], Any], tuple[str, str]] = {
    scalars.parse_int: ("integer", _TEXT_INT),
    scalars.parse_number: ("number", _TEXT_NUMBER),
    scalars.parse_year: ("integer", _PATTERNS["year"]),
}
_YEAR_BOUNDS = {"minimum": 1000, "maximum": 9999}


def _unsigned(pattern: str) -> str:
    """The pattern of a number's text without its minus sign (for `ge=0`)."""
    return pattern.replace("^[+-]?", "^\\+?", 1)


#: What an editor says of a value that does not match a pattern (`patternErrorMessage`, and
#: `errorMessage` for a value of the wrong type), instead of quoting the regular expression.
_PATTERN_MESSAGES = {
    _TEXT_INT: "Nombre entier attendu, en chiffres (ex. 12).",
    _unsigned(_TEXT_INT): "Nombre entier positif ou nul attendu, en chiffres (ex. 12).",
    _TEXT_NUMBER: "Nombre attendu, en chiffres, décimales après un point (ex. 2.5).",
    _unsigned(_TEXT_NUMBER): "Nombre positif ou nul attendu, décimales après un point (ex. 2.5).",
    _COUNT: "Nombre entier de 0 à 1 000 000 000 attendu, en chiffres sans espace (ex. 52000).",
    _AMOUNT: (
        "Montant en euros attendu, en chiffres sans espace ni symbole, centimes après un point "
        "(ex. 60000 ou 60000.50)\u00a0; au plus 12 chiffres avant le point."
    ),
    _PERCENT: "Pourcentage de 0 à 100 attendu, sans le signe %, décimales après un point (ex. 12.5).",
    _PATTERNS["year"]: "Année sur 4 chiffres attendue (ex. 2015).",
    _TEXT_DATE: "Date attendue au format AAAA-MM-JJ (ex. 2015-06-15).",
    _TEXT_DATE_TIME: (
        "Date et heure attendues au format AAAA-MM-JJTHH:MM:SS, avec le fuseau (ex. 2015-06-15T10:30:00+02:00)."
    ),
    _PATTERNS["siren"]: 'SIREN attendu\u00a0: 9 chiffres sans espace, entre guillemets (ex. "781302211").',
    _PATTERNS["siret"]: 'SIRET attendu\u00a0: 14 chiffres sans espace, entre guillemets (ex. "78130221100019").',
    _EMAIL: "Adresse électronique attendue (ex. contact@exemple.fr).",
}
_COMMUNE_MESSAGE = (
    "Code commune INSEE attendu (pas le code postal)\u00a0: 5 caractères, le département (01 à 95, 2A, 2B, "
    'ou 971 à 978) puis le numéro de la commune, entre guillemets (ex. "38185").'
)
_QPV_MESSAGE = (
    "Code de quartier prioritaire attendu\u00a0: QP suivi de 6 caractères (ex. QP026003), "
    "ou QN suivi de 5 caractères et de N, M ou I (ex. QN02601N)."
)
_ZONE_MESSAGE = 'Code de zone d\'emploi attendu\u00a0: 4 chiffres ou lettres majuscules, entre guillemets (ex. "8411").'

#: Maps whose keys are years (`amounts: {2015: 60000}`).
_BY_YEAR = {("Expense", "amounts"), ("Resource", "amounts")}

_TITLES = {
    "Dossier": ("Dossier de candidature PTCE", f"Un dossier de candidature à un appel à projets PTCE ({FORMAT_ID})."),
    "Pole": ("Pôle", "Le pôle territorial de coopération économique, candidat."),
    "Contact": ("Contact", "La personne à contacter pour le dossier."),
    "Carrier": ("Structure porteuse", "La personne morale qui porte un pôle sans personnalité morale."),
    "PreviousSupport": ("Soutien antérieur", "Un soutien de l'État reçu lors d'un appel PTCE précédent."),
    "Territory": ("Territoire", "Le territoire d'activité\u00a0: communes ou intercommunalités."),
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
    "AmiPhase1": ("Phase 1 de l'AMI", "La situation du pôle en phase 1 de l'AMI « PTCE émergents »."),
    "Evaluation": ("Évaluation", "La méthode d'évaluation des résultats du projet et ses indicateurs."),
    "Indicator": ("Indicateur", "Un indicateur de résultat\u00a0: valeur de départ, cible et unité."),
}


def _territory_patterns() -> tuple[str, str, str]:
    """The patterns of commune, QPV and employment zone codes: the data checks' own expressions."""
    from ptce_check.territory.codes import COMMUNE, EMPLOYMENT_ZONE, QPV

    commune, qpv, zone = (f"^(?:{p.pattern})$" for p in (COMMUNE, QPV, EMPLOYMENT_ZONE))
    return commune, qpv, zone


def pattern_messages() -> dict[str, str]:
    """Every pattern of the schema -> the French message an editor shows when a value fails it."""
    commune, qpv, zone = _territory_patterns()
    return {**_PATTERN_MESSAGES, commune: _COMMUNE_MESSAGE, qpv: _QPV_MESSAGE, zone: _ZONE_MESSAGE}


def _code_patterns() -> dict[tuple[str, str], str]:
    """(object, key) -> the pattern of the codes it holds."""
    commune, qpv, zone = _territory_patterns()
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
        if function in _FIXED or function in _NUMERIC:
            return {"x-scalar": function.__name__}
        return super().function_before_schema(schema)

    def field_title_should_be_set(self, schema: Any) -> bool:
        # Property titles would be the English key names again; descriptions say it in French.
        return False


def _finish_scalar(node: dict[str, Any]) -> None:
    """Replace a scalar marker by its schema, turning Pydantic's `ge`/`le` into JSON Schema bounds."""
    parser = getattr(scalars, node.pop("x-scalar"))
    low, high = node.pop("ge", None), node.pop("le", None)
    if parser in _FIXED:
        node.update(copy.deepcopy(_FIXED[parser]))
        return
    json_type, text = _NUMERIC[parser]
    bounds, text = (_YEAR_BOUNDS, text) if parser is scalars.parse_year else _bounded(low, high, text)
    message = _PATTERN_MESSAGES[text]
    node["anyOf"] = [
        {"type": json_type, **bounds, "errorMessage": message},
        {"type": "string", "pattern": text, "errorMessage": message},
    ]


def _bounded(low: Any, high: Any, text: str) -> tuple[dict[str, Any], str]:
    """The numeric bounds of `ge`/`le`, and the pattern of the text the number may be written as.
    `minimum` and `maximum` do not apply to text, so the text is narrowed by its pattern instead:
    unsigned for `ge=0`, at most 100 for a percentage, at most 12 integer digits for an amount, at
    most 10^9 for a count."""
    if (low, high) == (-scalars.AMOUNT_CEILING_EUR, scalars.AMOUNT_CEILING_EUR):
        return {"minimum": low, "maximum": high}, _AMOUNT
    if (low, high) == (0, scalars.COUNT_CEILING):
        return {"minimum": low, "maximum": high}, _COUNT
    if (low, high) == (0, 100):
        return {"minimum": low, "maximum": high}, _PERCENT
    if high is not None:
        raise ValueError(f"no text pattern for the bounds {low}..{high}")
    if low is None:
        return {}, text
    if low != 0:
        raise ValueError(f"no text pattern for a lower bound of {low}")
    return {"minimum": low}, _unsigned(text)


def _strings_in(node: dict[str, Any]) -> list[dict[str, Any]]:
    """The string schemas a property holds, directly, as `str | None` or as list items."""
    if node.get("type") == "string":
        return [node]
    found: list[dict[str, Any]] = []
    for child in [*node.get("anyOf", []), *([node["items"]] if "items" in node else [])]:
        found += _strings_in(child)
    return found


def _finish_object(name: str, node: dict[str, Any], patterns: dict[tuple[str, str], str]) -> None:
    # A model not yet given a French title keeps its name (tests/test_schema.py asks for one).
    title, description = _TITLES.get(name, (name, node.get("description", name)))
    node["title"], node["description"] = title, description
    node["patternProperties"] = {"^x_": {"description": "Note du candidat, conservée et ignorée."}}
    for key, prop in node["properties"].items():
        if prop.get("default", "") is None:
            del prop["default"]  # says nothing to a reader, and completion would insert `null`
        for text in _strings_in(prop) if (name, key) in patterns else []:
            text["pattern"] = patterns[(name, key)]
        if (name, key) in _BY_YEAR:
            prop["propertyNames"] = {"type": "string", "pattern": _PATTERNS["year"]}


def _explain_pattern(node: dict[str, Any], messages: dict[str, str]) -> None:
    message = messages.get(node["pattern"])
    if message is not None:
        node["patternErrorMessage"] = message


def _describe_values(node: dict[str, Any], markdown: dict[str, str], plain: dict[str, str]) -> None:
    """Per-value descriptions of an enum, as VS Code reads them (Markdown, and plain text)."""
    node["markdownEnumDescriptions"] = [markdown[value] for value in node["enum"]]
    node["enumDescriptions"] = [plain[value] for value in node["enum"]]


def _finish_values(node: dict[str, Any], messages: dict[str, str]) -> None:
    if "pattern" in node:
        _explain_pattern(node, messages)
    descriptions = schema_labels.descriptions_for(node["enum"]) if "enum" in node else None
    if descriptions is not None:  # an enum without a table is left as it is; a test asks for one
        _describe_values(node, descriptions, {value: text.replace("`", "") for value, text in descriptions.items()})


def _describe_calls(node: dict[str, Any]) -> None:
    """The shipped calls, each with its French title (from its call file, hence escaped)."""
    node["enum"] = list_calls()
    titles = {call_id: read_call(shipped_path(call_id)).call.title.fr for call_id in node["enum"]}
    _describe_values(
        node,
        {call_id: escape_markdown(title) for call_id, title in titles.items()},
        {call_id: escape_invisible(title) for call_id, title in titles.items()},
    )


def dossier_schema() -> dict[str, Any]:
    """The whole schema, as a JSON-ready dict."""
    generated = Dossier.model_json_schema(schema_generator=_EditorView, ref_template="#/definitions/{model}")
    definitions = generated.pop("$defs")
    walk_objects([generated, definitions], lambda node: _finish_scalar(node) if "x-scalar" in node else None)
    patterns = _code_patterns()
    for name, node in [("Dossier", generated), *definitions.items()]:
        _finish_object(name, node, patterns)
    messages = pattern_messages()
    walk_objects([generated, definitions], lambda node: _finish_values(node, messages))
    _describe_calls(generated["properties"]["call"])
    return {"$schema": DRAFT_07, "$id": SCHEMA_ID, **generated, "definitions": dict(sorted(definitions.items()))}


def schema_text() -> str:
    return json.dumps(dossier_schema(), ensure_ascii=False, allow_nan=False, indent=2) + "\n"
