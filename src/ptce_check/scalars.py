"""Field types that convert the text of a YAML scalar, written by the applicant, into a value.

The loader hands every scalar over as the string it was written as; each field decides what it
accepts. Booleans are only `true`/`false`, numbers are decimal digits (no NaN, no infinity, no
`1_000`), dates are ISO 8601, years are four digits, amounts are within ± `AMOUNT_CEILING_EUR`.
Errors carry their own types so that the finding says exactly what is wrong.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INTEGER = re.compile(r"[+-]?[0-9]+")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?"
    r"(?:[Zz]|[+-][0-9]{2}:?[0-9]{2})?"
)
_YEAR = re.compile(r"[0-9]{4}")


def _text(value: Any, kind: str) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool | int | float | date):  # values built in Python, not from YAML
        return str(value).lower() if isinstance(value, bool) else str(value)
    raise PydanticCustomError(
        f"yaml_{kind}", "expected a {kind}, got {got}", {"kind": kind, "got": type(value).__name__}
    )


def parse_bool(value: Any) -> bool:
    text = _text(value, "bool")
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise PydanticCustomError("yaml_bool", "'{value}' is not a boolean", {"value": text})


def _plain_digits(value: Any) -> str | None:
    """The text of a scalar written as ASCII digits alone, the common case of every count and
    amount, which both patterns below accept as it is; None for anything else."""
    if type(value) is str:
        text = value.strip()
        if text.isdigit() and text.isascii():
            return text
    return None


def parse_int(value: Any) -> int:
    digits = _plain_digits(value)
    if digits is not None:
        return int(digits)
    text = _text(value, "int")
    if _INTEGER.fullmatch(text):
        return int(text)
    raise PydanticCustomError("yaml_int", "'{value}' is not a whole number", {"value": text})


def parse_number(value: Any) -> float:
    digits = _plain_digits(value)
    if digits is not None:
        number = float(digits)
        if math.isfinite(number):
            return number
    text = digits or _text(value, "number")
    if _NUMBER.fullmatch(text):
        number = float(text)
        if math.isfinite(number):
            return number
    raise PydanticCustomError("yaml_number", "'{value}' is not a number", {"value": text})


def parse_date(value: Any) -> date:
    text = _text(value, "date")
    if _DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError as error:
            raise PydanticCustomError(
                "yaml_date", "'{value}' is not a valid date: {reason}", {"value": text, "reason": str(error)}
            ) from None
    raise PydanticCustomError("yaml_date", "'{value}' is not a date (YYYY-MM-DD)", {"value": text})


def parse_date_or_datetime(value: Any) -> date | datetime:
    text = _text(value, "date")
    if not _DATETIME.fullmatch(text):
        return parse_date(text)
    try:
        return datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError as error:
        raise PydanticCustomError(
            "yaml_date", "'{value}' is not a valid date: {reason}", {"value": text, "reason": str(error)}
        ) from None


def parse_year(value: Any) -> int:
    text = _text(value, "year")
    if _YEAR.fullmatch(text):
        return int(text)
    raise PydanticCustomError("yaml_year", "'{value}' is not a four-digit year", {"value": text})


#: The largest amount of money, in euros and of either sign, that a dossier or a call file may
#: state. No real figure comes near it: the whole envelope of the 2013 call was 3 M€, and a
#: thousand billion euros is more than any company's yearly turnover. It also keeps every sum
#: finite: a float only overflows past 1.8 × 10^308, so even billions of such amounts add up.
AMOUNT_CEILING_EUR = 10**12

Bool = Annotated[bool, BeforeValidator(parse_bool)]
#: The largest count a dossier may state (people, members, meetings, years). France has fewer than
#: 10^8 inhabitants, so no real count comes near it, and every ratio of counts stays a finite float.
COUNT_CEILING = 10**9

Int = Annotated[int, BeforeValidator(parse_int), Field(ge=0, le=COUNT_CEILING)]
Quantity = Annotated[float, BeforeValidator(parse_number), Field(ge=0)]
Amount = Annotated[float, BeforeValidator(parse_number), Field(ge=-AMOUNT_CEILING_EUR, le=AMOUNT_CEILING_EUR)]
Percentage = Annotated[float, BeforeValidator(parse_number), Field(ge=0, le=100)]
Day = Annotated[date, BeforeValidator(parse_date)]
Moment = Annotated[datetime | date, BeforeValidator(parse_date_or_datetime)]
Year = Annotated[int, BeforeValidator(parse_year)]
