"""One export cell to the text a dossier holds, as the YAML loader would give it.

The loader keeps every scalar as the text it was written as, and each model field decides what
it accepts; so a cell that cannot be read as its type is passed on as its text, and validation
reports it (with the same code as in a YAML file), located at the cell."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time
from typing import Any

from ptce_check.intake.form import FormField

_YES = frozenset({"oui", "yes", "true"})
_NO = frozenset({"non", "no", "false"})
SEPARATOR = ", "


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def number_text(value: float | int) -> str:
    """`150000` for 150000.0, `8.4` for 8.4: the shortest text that reads back as the number."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)


def plain_text(value: Any) -> str:
    """Any cell as text: numbers without a trailing `.0`, dates in ISO 8601."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number_text(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat()
    return str(value)


def _day_text(value: Any) -> str:
    if isinstance(value, datetime) and value.time() == time(0, 0):
        return value.date().isoformat()
    return plain_text(value).strip()


def _yes_no_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    text = plain_text(value).strip()
    if text.casefold() in _YES:
        return "true"
    if text.casefold() in _NO:
        return "false"
    return text


def _option_value(field: FormField, label: str) -> str:
    """The dossier value of an option label (or of the value itself); an unknown label as it is."""
    options = field.options or ()
    for option in options:
        if label == option.label:
            return option.value
    folded = label.casefold()
    for option in options:
        if folded in (option.label.casefold(), option.value.casefold()):
            return option.value
    return label


def split_joined(text: str, known: Collection[str] = ()) -> list[str]:
    """Values one per line, or else joined with ", "; a known value that itself holds ", " (a
    member's name) is kept whole."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1:
        return lines
    parts = [part.strip() for part in text.split(SEPARATOR)]
    parts = [part for part in parts if part]
    # The longest known value spans this many parts: no longer run is tried.
    widest = max((value.count(SEPARATOR) + 1 for value in known), default=1)
    if widest == 1:
        return parts
    values: list[str] = []
    start = 0
    while start < len(parts):
        last = min(len(parts), start + widest)
        end = next(
            (end for end in range(last, start + 1, -1) if SEPARATOR.join(parts[start:end]) in known),
            start + 1,
        )
        values.append(SEPARATOR.join(parts[start:end]))
        start = end
    return values


def cell_value(field: FormField, value: Any, member_names: Collection[str] = ()) -> str | list[str] | None:
    """The dossier value of one cell; None for an empty cell (the key stays absent)."""
    if is_blank(value):
        return None
    kind = field.type
    if kind in ("integer", "number", "siret"):
        return plain_text(value).strip()
    if kind == "date":
        return _day_text(value)
    if kind == "datetime":
        return plain_text(value).strip()
    if kind == "yes_no":
        return _yes_no_text(value)
    if kind == "drop_down":
        return _option_value(field, plain_text(value).strip())
    if kind == "multiple_drop_down":
        labels = [option.label for option in field.options or ()]
        return [_option_value(field, label) for label in split_joined(plain_text(value), labels)]
    if kind == "list":
        return split_joined(plain_text(value), member_names)
    return plain_text(value)
