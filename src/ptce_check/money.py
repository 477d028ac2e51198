"""Amounts of money written for people, in each language's convention."""

from __future__ import annotations

from ptce_check.i18n import Text


def euros(amount: float) -> Text:
    """`150 000 €` in French, `€150,000` in English; cents only when there are some."""
    rounded = round(amount, 2)
    digits = f"{rounded:,.2f}" if rounded != int(rounded) else f"{rounded:,.0f}"
    return Text(digits.replace(",", " ").replace(".", ",") + " €", "€" + digits)


def number(value: float) -> Text:
    """`8,4` in French, `8.4` in English; no trailing zeros."""
    shown = f"{value:g}"
    return Text(shown.replace(".", ","), shown)
