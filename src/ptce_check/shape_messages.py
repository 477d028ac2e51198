"""Pydantic validation errors -> findings in plain French and English, with hints."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any

from msgspec import Struct
from pydantic import BaseModel
from pydantic_core import ErrorDetails

from ptce_check.dossier import Dossier
from ptce_check.findings import Finding, Path, Severity
from ptce_check.i18n import Text
from ptce_check.money import euros
from ptce_check.scalars import AMOUNT_CEILING_EUR
from ptce_check.suggestions import close_matches
from ptce_check.textsafe import escape_all_controls, escape_key
from ptce_check.value_hints import boolean_word, email_problem, iso_date, key_example, plain_number

_NOT_BOOLEANS = frozenset({"yes", "no", "on", "off", "y", "n", "1", "0"})
_EXPECTED = {
    "string_type": ("un texte", "a text"),
    "list_type": ("une liste", "a list"),
    "dict_type": ("un mapping (clé: valeur)", "a mapping (key: value)"),
    "model_type": ("un mapping (clé: valeur)", "a mapping (key: value)"),
    "model_attributes_type": ("un mapping (clé: valeur)", "a mapping (key: value)"),
}
_KIND_NAMES = {
    "bool": ("un booléen", "a boolean"),
    "int": ("un nombre entier", "a whole number"),
    "number": ("un nombre", "a number"),
    "date": ("une date", "a date"),
    "year": ("une année", "a year"),
}


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    text = escape_all_controls(str(value))
    return text if len(text) <= 60 else text[:57] + "…"


def _described(value: Any) -> tuple[str, str]:
    if value is None:
        return ("une valeur vide", "an empty value")
    if isinstance(value, dict):
        return ("un mapping", "a mapping")
    if isinstance(value, list):
        return ("une liste", "a list")
    return (f"« {_shown(value)} »", f"'{_shown(value)}'")


def finding_for_error(error: ErrorDetails) -> Finding:
    loc = tuple(error["loc"])
    at_key = bool(loc) and loc[-1] == "[key]"
    path: Path = tuple(loc[:-1]) if at_key else loc
    kind = error["type"]
    value = error.get("input")
    context = error.get("ctx") or {}
    code, message, hint = _explain(kind, path, value, context)
    if kind == "extra_forbidden":
        at_key = True
    return Finding(code, Severity.ERROR, message, path, hint, at_key=at_key)


Explained = tuple[str, Text, Text | None]


class _Error(Struct, frozen=True):
    """One Pydantic error as the explanations read it: its type, the key's name, what was found."""

    kind: str
    path: Path
    value: Any
    context: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.path[-1]) if self.path else ""

    @property
    def got(self) -> tuple[str, str]:
        return _described(self.value)


def _explain(kind: str, path: Path, value: Any, context: dict[str, Any]) -> Explained:
    error = _Error(kind, path, value, context)
    # A scalar of the wrong kind (a list where a date belongs) whatever the `yaml_*` type says.
    if kind.startswith("yaml_") and "got" in context:
        return _not_a_scalar_kind(error)
    return _EXPLAIN.get(kind, _invalid_value)(error)


def _missing(error: _Error) -> Explained:
    name = error.name
    example = key_example(error.path)
    hint = (
        Text(f"ajoutez la clé, par exemple\u00a0: {example}", f"add the key, for example: {example}")
        if example is not None
        else None
    )
    return "PTCE-S01", Text(f"clé obligatoire « {name} » absente", f"required key '{name}' is missing"), hint


def _extra(error: _Error) -> Explained:
    return "PTCE-S02", *_unknown_key(error.path)


def _wrong_type(error: _Error) -> Explained:
    fr, en = _EXPECTED[error.kind]
    return _must_be(error, fr, en)


def _not_a_scalar_kind(error: _Error) -> Explained:
    fr, en = _KIND_NAMES.get(str(error.context.get("kind")), ("une valeur simple", "a plain value"))
    return _must_be(error, fr, en)


def _must_be(error: _Error, fr: str, en: str) -> Explained:
    (got_fr, got_en), name = error.got, error.name
    return "PTCE-S03", Text(f"« {name} » doit être {fr}, pas {got_fr}", f"'{name}' must be {en}, not {got_en}"), None


def _not_allowed(error: _Error) -> Explained:
    (got_fr, got_en), name = error.got, error.name
    return (
        "PTCE-S04",
        Text(f"valeur {got_fr} non autorisée pour « {name} »", f"value {got_en} is not allowed for '{name}'"),
        _closest_choice(error.value, str(error.context.get("expected", ""))),
    )


def _not_a_boolean(error: _Error) -> Explained:
    (got_fr, got_en), name = error.got, error.name
    hint = (
        Text(
            "écrivez true ou false\u00a0; yes, no, on, off, y, n, 1 et 0 ne sont pas des booléens dans ce format",
            "write true or false; yes, no, on, off, y, n, 1 and 0 are not booleans in this format",
        )
        if str(error.value).strip().lower() in _NOT_BOOLEANS
        else Text("écrivez true ou false", "write true or false")
    )
    word = boolean_word(str(error.value))
    if word is not None:
        hint = Text(f"écrivez {word}\u00a0; {hint.fr}", f"write {word}; {hint.en}")
    return (
        "PTCE-S05",
        Text(f"{got_fr} n'est pas un booléen pour « {name} »", f"{got_en} is not a boolean for '{name}'"),
        hint,
    )


def _not_a_date(error: _Error) -> Explained:
    (got_fr, got_en), name = error.got, error.name
    reason = str(error.context.get("reason", ""))
    because = f" ({reason})" if reason else ""
    hint = Text(
        "format ISO 8601\u00a0: 2015-06-28 ou 2015-06-28T17:30:00+02:00",
        "ISO 8601 format: 2015-06-28 or 2015-06-28T17:30:00+02:00",
    )
    iso = iso_date(str(error.value))
    if iso is not None:
        hint = Text(f"écrivez {iso} (année-mois-jour)\u00a0; {hint.fr}", f"write {iso} (year-month-day); {hint.en}")
    return (
        "PTCE-S06",
        Text(f"date invalide {got_fr} pour « {name} »{because}", f"invalid date {got_en} for '{name}'{because}"),
        hint,
    )


def _not_a_number(error: _Error) -> Explained:
    (got_fr, got_en), name = error.got, error.name
    whole = error.kind == "yaml_int"
    hint = Text(
        "écrivez des chiffres sans espace ni unité (150000 ou 150000.50)",
        "write digits without spaces or units (150000 or 150000.50)",
    )
    number = plain_number(str(error.value), whole=whole) if isinstance(error.value, str) else None
    if number is not None:
        hint = Text(f"écrivez {number}\u00a0; {hint.fr}", f"write {number}; {hint.en}")
    return (
        "PTCE-S07",
        Text(
            f"{got_fr} n'est pas un nombre{' entier' if whole else ''} pour « {name} »",
            f"{got_en} is not a{' whole' if whole else ''} number for '{name}'",
        ),
        hint,
    )


def _not_a_year(error: _Error) -> Explained:
    got_fr, got_en = error.got
    return (
        "PTCE-S08",
        Text(f"{got_fr} n'est pas une année sur quatre chiffres", f"{got_en} is not a four-digit year"),
        Text("exemple\u00a0: 2015", "example: 2015"),
    )


def _bad_format(error: _Error) -> Explained:
    (got_fr, got_en), name = error.got, error.name
    hint = email_problem(error.value) if name == "email" and isinstance(error.value, str) else None
    return "PTCE-S08", Text(f"format invalide {got_fr} pour « {name} »", f"invalid format {got_en} for '{name}'"), hint


def _out_of_range(error: _Error) -> Explained:
    (got_fr, got_en), name, context = error.got, error.name, error.context
    bound = context.get("ge", context.get("le", context.get("gt", context.get("lt"))))
    if bound in (AMOUNT_CEILING_EUR, -AMOUNT_CEILING_EUR):
        return "PTCE-S09", *_beyond_amount_ceiling(name, got_fr, got_en)
    below = error.kind.startswith("greater")
    return (
        "PTCE-S09",
        Text(
            f"{got_fr} est {'inférieur' if below else 'supérieur'} à {bound} pour « {name} »",
            f"{got_en} is {'below' if below else 'above'} {bound} for '{name}'",
        ),
        None,
    )


def _invalid_value(error: _Error) -> Explained:
    (got_fr, got_en), name = error.got, error.name
    return "PTCE-S03", Text(f"valeur {got_fr} invalide pour « {name} »", f"invalid value {got_en} for '{name}'"), None


#: The explanation of each Pydantic error type (any other type: an invalid value).
_EXPLAIN: dict[str, Callable[[_Error], Explained]] = {
    "missing": _missing,
    "extra_forbidden": _extra,
    **dict.fromkeys(_EXPECTED, _wrong_type),
    "literal_error": _not_allowed,
    "yaml_bool": _not_a_boolean,
    "yaml_date": _not_a_date,
    "yaml_int": _not_a_number,
    "yaml_number": _not_a_number,
    "yaml_year": _not_a_year,
    "string_pattern_mismatch": _bad_format,
    **dict.fromkeys(("greater_than_equal", "less_than_equal", "greater_than", "less_than"), _out_of_range),
}


def _beyond_amount_ceiling(name: str, got_fr: str, got_en: str) -> tuple[Text, Text]:
    ceiling = euros(AMOUNT_CEILING_EUR)
    return (
        Text(
            f"montant {got_fr} hors limites pour « {name} »\u00a0: au-delà de ± {ceiling.fr}",
            f"amount {got_en} out of range for '{name}': beyond ± {ceiling.en}",
        ),
        Text(
            "aucun montant réel n'en approche (l'enveloppe entière de l'appel 2013 était de 3 M€)\u00a0: "
            "vérifiez l'unité et le nombre de zéros",
            "no real amount comes near it (the whole envelope of the 2013 call was €3M): "
            "check the unit and the number of zeros",
        ),
    )


def _closest_choice(value: Any, expected: str) -> Text:
    choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
    close = close_matches(str(value), choices)
    allowed = ", ".join(choices)
    if close:
        return Text(
            f"vouliez-vous dire « {close[0]} »\u00a0? Valeurs permises\u00a0: {allowed}",
            f"did you mean '{close[0]}'? Allowed values: {allowed}",
        )
    return Text(f"valeurs permises\u00a0: {allowed}", f"allowed values: {allowed}")


def _unknown_key(path: Path) -> tuple[Text, Text]:
    key = escape_key(str(path[-1]))
    known = sorted(_fields_at(path[:-1]))
    close = close_matches(str(path[-1]), known)
    message = Text(f"clé inconnue « {key} »", f"unknown key '{key}'")
    if close:
        return message, Text(
            f"vouliez-vous dire « {close[0]} »\u00a0? (préfixez par x_ une note personnelle)",
            f"did you mean '{close[0]}'? (prefix a personal note with x_)",
        )
    listed = ", ".join(known)
    return message, Text(
        f"clés permises ici\u00a0: {listed}\u00a0; préfixez par x_ une note personnelle",
        f"keys allowed here: {listed}; prefix a personal note with x_",
    )


def _fields_at(path: Path) -> set[str]:
    """The keys the contract allows at `path`, found by walking the models."""
    model: Any = Dossier
    for step in path:
        if isinstance(step, int) or not (isinstance(model, type) and issubclass(model, BaseModel)):
            continue
        info = model.model_fields.get(step)
        if info is None:
            return set()
        model = _inner_model(info.annotation)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return set(model.model_fields)
    return set()


def _inner_model(annotation: Any) -> Any:
    """Unwrap Optional, list and dict down to a model class, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) in (typing.Union, list, dict):
        for argument in typing.get_args(annotation):
            inner = _inner_model(argument)
            if inner is not None:
                return inner
    return None
