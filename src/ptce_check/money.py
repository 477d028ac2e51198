"""Amounts and numbers written for people, in each language's convention. Machine formats
(JSON, CSV, SARIF…) keep plain numbers (`7.4`) and do not use these."""

from __future__ import annotations

from ptce_check.i18n import Lang, Text

#: French digit groups are separated by a narrow no-break space: `1 500 000`.
THOUSANDS_FR = "\u202f"
#: French puts a no-break space between an amount and its unit: `150 000 €`, `7,4 %`.
UNIT_SPACE_FR = "\u00a0"


def _grouped(value: float, decimals: int) -> str:
    """English digits with `,` groups and at most `decimals` decimals, no trailing zeros."""
    rounded = round(value, decimals)
    if rounded == int(rounded):
        return f"{int(rounded):,}"
    return f"{rounded:,.{decimals}f}".rstrip("0").rstrip(".")


def _french(english: str) -> str:
    return english.replace(",", THOUSANDS_FR).replace(".", ",")


def euros(amount: float) -> Text:
    """`150 000 €` in French, `€150,000` in English; cents only when there are some."""
    digits = _grouped(amount, 2)
    if "." in digits and len(digits.partition(".")[2]) == 1:
        digits += "0"
    return Text(_french(digits) + UNIT_SPACE_FR + "€", "€" + digits)


def number(value: float) -> Text:
    """`1 500 000` or `8,4` in French, `1,500,000` or `8.4` in English; at most two decimals,
    no trailing zeros."""
    digits = _grouped(value, 2)
    return Text(_french(digits), digits)


def number_in(value: float, lang: Lang) -> str:
    """`number(value)` in one language."""
    return number(value).get(lang)
