"""The JSON Schema of call files (`ptce-call/1`, draft-07), for editors: `ptce-check schema --call-file`.

Generated from the Pydantic models of `calls.py` and `citations.py`, with a French description
for every field; each rule's and criterion's `kind` lists the known kinds, and its `params` are
those of that kind's `Params` model, under `if`/`then` on `kind`, so that an editor completes
them. No union `type` arrays (Ajv's `strictTypes` refuses them): an optional value is an `anyOf`.
The descriptions of the fields and params are also what `docs/calls.md` shows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from ptce_check.calls import Call
from ptce_check.checks import RULE_KINDS
from ptce_check.citations import CHOICE_WORDS
from ptce_check.kinds import MetricKind, RuleKind
from ptce_check.metrics import METRICS
from ptce_check.schema_walk import walk_objects

SCHEMA_ID = "urn:ptce-check:schema:ptce-call-1"
DRAFT_07 = "http://json-schema.org/draft-07/schema#"

_CITED = {
    "source": "Les références citées\u00a0: `ref` (l'identifiant d'une entrée de `sources`), `at` (l'endroit du "
    "texte\u00a0: « art. 3 2° ») et `quote` (un court passage cité mot pour mot).",
    "choice": "Ce qui, dans cette entrée, est le choix du fichier d'appel et non un texte publié.",
    "rationale": "Le raisonnement derrière l'entrée\u00a0; montré par `criteria --verbose` seulement.",
}
FIELD_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "Call": {
        "format": "Le format du fichier\u00a0: `ptce-call/1`.",
        "id": "L'identifiant de l'appel, que la clé `call` d'un dossier nomme\u00a0; le nom du fichier sans `.yaml`.",
        "title": "Le titre de l'appel, en français et en anglais.",
        "summary": "Un résumé de l'appel\u00a0: dates, enveloppe, conditions, en français et en anglais.",
        "sources": "Les références que le fichier cite, par identifiant\u00a0: titre, auteur, éditeur, numéro, date, "
        "adresse.",
        "launched_on": "La date de lancement de l'appel (AAAA-MM-JJ).",
        "opens_on": "L'ouverture des dépôts\u00a0: un dossier déposé "
        "avant échoue à PTCE-E09 (une date seule ouvre à 0 h).",
        "deadline": "La clôture des dépôts, heure de Paris (une date seule clôt à minuit).",
        "deadline_source": "Les sources de la clôture.",
        "envelope_eur": "L'enveloppe de l'appel, en euros.",
        "envelope_source": "Les sources de l'enveloppe.",
        "grant_ceiling_eur": "Le plus qu'un dossier peut demander, en euros (PTCE-E14, si l'appel l'applique).",
        "grant_ceiling_source": "Les sources du plafond.",
        "grant_range": "L'éventail des subventions observées (une information, pas une règle).",
        "duration_years": "La durée du soutien, en années.",
        "duration_source": "Les sources de la durée.",
        "counts": "Les dossiers déposés, éligibles et retenus, tels que publiés.",
        "rules": "Les règles d'admissibilité\u00a0: un code, un type de règle et ses paramètres.",
        "axes": "Les axes de la grille de sélection.",
        "scoring": "Les critères de la grille\u00a0: leurs points maximum font 100 ensemble.",
    },
    "Localized": {"fr": "Le texte en français.", "en": "Le texte en anglais."},
    "Reference": {
        "title": "Le titre du texte tel que publié\u00a0; celui d'un texte juridique porte sa date.",
        "author": "La personne ou l'organisme qui l'a écrit.",
        "publisher": "Où il est publié\u00a0: site, revue, réseau.",
        "date": "La date de publication\u00a0: AAAA, AAAA-MM ou AAAA-MM-JJ.",
        "number": "Son numéro dans la publication (d'un article, d'un document).",
        "url": "L'adresse où le lire (http ou https).",
    },
    "Citation": {
        "ref": "L'identifiant d'une référence de `sources`.",
        "at": "L'endroit du texte\u00a0: « art. 3 2° », « p. 24 », « critère n° 5 ».",
        "quote": "Un court passage cité mot pour mot.",
    },
    "Figure": dict(_CITED),
    "GrantRange": {
        **_CITED,
        "min_eur": "La plus petite subvention observée, en euros.",
        "max_eur": "La plus grande, en euros.",
    },
    "Counts": {
        **_CITED,
        "filed": "Les dossiers déposés.",
        "eligible": "Les dossiers jugés éligibles.",
        "laureates": "Les lauréats.",
    },
    "Rule": {
        **_CITED,
        "code": "Le code de la règle\u00a0: PTCE-E suivi de deux chiffres.",
        "kind": "Le type de règle\u00a0: ce qu'elle vérifie (voir docs/calls.md).",
        "title": "Le titre, seulement pour un code que l'outil ne connaît pas.",
        "params": "Les paramètres du type de règle.",
    },
    "Axis": {
        **_CITED,
        "id": "L'identifiant de l'axe, que les critères nomment.",
        "title": "Le titre de l'axe.",
        "short": "Un titre court, pour les en-têtes de tableaux.",
    },
    "Band": {
        "threshold": "Le seuil de la valeur mesurée à atteindre (ou à ne pas dépasser avec `better: lower`).",
        "points": "Les points gagnés à ce seuil.",
    },
    "Criterion": {
        **_CITED,
        "id": "L'identifiant du critère (minuscules, chiffres, _).",
        "axis": "L'axe du critère (un `id` de `axes`).",
        "kind": "Le type de mesure\u00a0: ce que le critère mesure (voir docs/calls.md).",
        "title": "Le titre du critère.",
        "max_points": "Les points maximum du critère\u00a0; son meilleur palier les vaut.",
        "better": "`higher`\u00a0: plus la valeur est haute, mieux c'est\u00a0; `lower`\u00a0: l'inverse.",
        "bands": "Les paliers\u00a0: seuils et points.",
        "params": "Les paramètres du type de mesure.",
    },
}
#: The params of each kind, in words (`kind name -> param -> description`).
PARAM_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "private_legal_person": {
        "allow_carrier": "Admet un pôle sans personnalité morale porté par une personne morale de droit privé."
    },
    "legal_person_members": {"minimum": "Le nombre de membres personnes morales exigé."},
    "art9_partner_member": {
        "categories": "Les catégories de membres qui comptent (local_authority, research, higher_education, "
        "training, other)."
    },
    "innovation_described": {"min_characters": "La longueur minimale de la description de l'innovation."},
    "local_authority_share": {
        "per": "`funder`\u00a0: chaque collectivité séparément\u00a0; `total`\u00a0: toutes ensemble.",
        "max_percent": "La part maximale des dépenses, en %.",
    },
    "ecological_transition": {"sectors": "Les secteurs comptés comme de la transition écologique."},
    "evaluation": {"min_indicators": "Le nombre d'indicateurs de résultat attendu."},
    "governance": {"min_meetings_per_year": "Le nombre de réunions par an attendu."},
    "maturity": {
        "min_age_years": "L'ancienneté minimale de la structure, en années.",
        "min_staff_fte": "Les salariés propres minimum, en ETP.",
        "min_revenue_eur": "Les recettes propres minimum, en euros.",
    },
    "self_financing_final_year": {"kinds": "Les types de ressources comptés comme autofinancement."},
}
CHOICE_DESCRIPTIONS = {choice: f"Le choix porte sur\u00a0: {words.fr}." for choice, words in CHOICE_WORDS.items()}
EDITOR_KEYWORDS = ("enumDescriptions", "markdownEnumDescriptions")


def kind_description(module: RuleKind | MetricKind) -> str:
    """A kind in words: its `describe` with its first example's params."""
    return module.describe(module.Params.model_validate(module.EXAMPLES[0].params)).fr


def params_schema(kind: str, model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of a kind's params, with the French description of each."""
    generated = model.model_json_schema()
    _strip_titles(generated)
    properties: dict[str, Any] = generated.get("properties", {})
    for name, node in properties.items():
        node["description"] = PARAM_DESCRIPTIONS[kind][name]
    return {"type": "object", "additionalProperties": False, **{k: v for k, v in generated.items() if k != "type"}}


def _strip_titles(node: Any) -> None:
    """English titles derived from field names go; the French descriptions say what a field is."""
    if isinstance(node, dict):
        node.pop("title", None)
        if "ge" in node:
            node["minimum"] = node.pop("ge")
        if "le" in node:
            node["maximum"] = node.pop("le")
        for key, value in node.items():
            if key != "properties":
                _strip_titles(value)
            else:
                for child in value.values():
                    _strip_titles(child)
    elif isinstance(node, list):
        for value in node:
            _strip_titles(value)


def _kind_branches(registry: Mapping[str, RuleKind] | Mapping[str, MetricKind]) -> list[dict[str, Any]]:
    return [
        {
            "if": {"type": "object", "properties": {"kind": {"const": kind}}, "required": ["kind"]},
            "then": {"type": "object", "properties": {"params": params_schema(kind, module.Params)}},
        }
        for kind, module in registry.items()
    ]


def _kind_enum(registry: Mapping[str, RuleKind] | Mapping[str, MetricKind]) -> dict[str, Any]:
    descriptions = [kind_description(module) for module in registry.values()]
    return {
        "type": "string",
        "enum": list(registry),
        "enumDescriptions": descriptions,
        "markdownEnumDescriptions": descriptions,
    }


def _describe(name: str, node: dict[str, Any]) -> None:
    for field, child in node.get("properties", {}).items():
        child["description"] = FIELD_DESCRIPTIONS[name][field]


def _with_kinds(definitions: dict[str, Any]) -> None:
    for name, registry in (("Rule", RULE_KINDS), ("Criterion", METRICS)):
        node = definitions[name]
        description = node["properties"]["kind"]["description"]
        node["properties"]["kind"] = {**_kind_enum(registry), "description": description}
        node["allOf"] = _kind_branches(registry)


def _with_choices(node: dict[str, Any]) -> None:
    items = node.get("items", {})
    if isinstance(items, dict) and "enum" in items and set(items["enum"]) == set(CHOICE_WORDS):
        described = [CHOICE_DESCRIPTIONS[choice] for choice in items["enum"]]
        items["enumDescriptions"] = items["markdownEnumDescriptions"] = described


def call_schema() -> dict[str, Any]:
    """The schema of call files, as a JSON-ready dict."""
    generated = Call.model_json_schema(by_alias=True, ref_template="#/definitions/{model}")
    generated["properties"].pop("path")
    definitions: dict[str, Any] = generated.pop("$defs")
    _strip_titles([generated, definitions])
    for name, node in [("Call", generated), *definitions.items()]:
        _describe(name, node)
    _with_kinds(definitions)
    walk_objects([generated, definitions], _with_choices)
    return {
        "$schema": DRAFT_07,
        "$id": SCHEMA_ID,
        "title": "Fichier d'appel PTCE",
        "description": "Un appel à projets PTCE écrit comme un fichier (ptce-call/1)\u00a0: règles, grille et sources.",
        **generated,
        "definitions": dict(sorted(definitions.items())),
    }


def call_schema_text() -> str:
    return json.dumps(call_schema(), ensure_ascii=False, allow_nan=False, indent=2) + "\n"
