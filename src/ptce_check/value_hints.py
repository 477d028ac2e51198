"""What a value written the usual wrong way was meant to be: the text the format expects, when
there is exactly one (`30/06/2015` → `2015-06-30`, `150 000 €` → `150000`, `oui` → `true`).
The hints say it and the fixes (`ptce_check.fixes`) write it."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from ptce_check.findings import Path
from ptce_check.i18n import Text
from ptce_check.lazy import compiled_on_first_use
from ptce_check.textsafe import escape_all_controls

_BOOLEANS = {"oui": "true", "yes": "true", "non": "false", "no": "false"}
_DAY_MONTH_YEAR = compiled_on_first_use(r"(?P<day>[0-9]{1,2})[/.-](?P<month>[0-9]{1,2})[/.-](?P<year>[0-9]{4})")
#: Spaces written between thousands: ordinary, no-break and narrow no-break.
_SPACES = compiled_on_first_use("[ \u00a0\u202f\u2009]")
_CURRENCY = compiled_on_first_use(r"(?:€|EUR|euros?)$", re.IGNORECASE)
_PLAIN_NUMBER = compiled_on_first_use(r"-?[0-9]+(?:\.[0-9]+)?")
_DIGITS = compiled_on_first_use(r"[0-9]+")


def boolean_word(text: str) -> str | None:
    """`true` or `false` for a yes or no written in words (`oui`, `non`, `yes`, `no`)."""
    return _BOOLEANS.get(text.strip().lower())


def iso_date(text: str) -> str | None:
    """`2015-06-30` for a real date written day first (`30/06/2015`, `30.06.2015`, `30-06-2015`)."""
    match = _DAY_MONTH_YEAR().fullmatch(text.strip())
    if match is None:
        return None
    try:
        return date(int(match["year"]), int(match["month"]), int(match["day"])).isoformat()
    except ValueError:
        return None


def plain_number(text: str, *, whole: bool = False) -> str | None:
    """The number as the format writes it, for one written with spaces between thousands, a
    currency sign or a decimal comma (`150 000 €` → `150000`, `12,5` → `12.5`); None when the
    text is not such a number or is one already."""
    cleaned = _SPACES().sub("", _CURRENCY().sub("", text.strip()))
    if "," in cleaned:
        if cleaned.count(",") > 1:
            return None
        if "." in cleaned:  # French thousands written with dots: 1.500,50
            if cleaned.index(".") > cleaned.index(","):
                return None
            cleaned = cleaned.replace(".", "")
        cleaned = cleaned.replace(",", ".")
    if not _PLAIN_NUMBER().fullmatch(cleaned) or cleaned == text.strip():
        return None
    if whole and "." in cleaned:
        integral, _, decimals = cleaned.partition(".")
        if decimals.strip("0"):
            return None
        cleaned = integral
    return cleaned


def spaced_digits(text: str, length: int) -> str | None:
    """The digits of a SIREN (9) or SIRET (14) written with spaces, when that makes `length`."""
    cleaned = _SPACES().sub("", text.strip())
    if cleaned == text or len(cleaned) != length or not _DIGITS().fullmatch(cleaned):
        return None
    return cleaned


def email_problem(text: str) -> Text:
    """What is wrong with an e-mail address, in words."""
    value = text.strip()
    if any(char.isspace() for char in value):
        return Text("l'adresse contient une espace", "the address contains a space")
    count = value.count("@")
    if count == 0:
        return Text(
            "il manque le « @ » (exemple\u00a0: prenom.nom@exemple.org)", "the '@' is missing (e.g. name@example.org)"
        )
    if count > 1:
        return Text(
            f"l'adresse contient {count} « @ » au lieu d'un seul", f"the address holds {count} '@' instead of one"
        )
    local, _, domain = value.partition("@")
    if not local:
        return Text("rien avant le « @ »", "nothing before the '@'")
    if not domain:
        return Text("pas de domaine après le « @ »", "no domain after the '@'")
    if "." not in domain:
        shown = escape_all_controls(domain)
        return Text(
            f"le domaine « {shown} » n'a pas de point (exemple\u00a0: exemple.org)",
            f"the domain '{shown}' has no dot (e.g. example.org)",
        )
    return Text(
        "le domaine ne peut ni commencer ni finir par un point", "the domain can neither start nor end with a dot"
    )


def key_example(path: Path) -> str | None:
    """`key: value` as the template writes it at `path` (list positions read as the first
    item), on one line; None for a key the template does not hold."""
    text, document = _template()
    value: Any = document.data
    template_path: list[str | int] = []
    for step in path:
        step = 0 if isinstance(step, int) else step
        if isinstance(value, list) and isinstance(step, int) and value:
            value = value[0]
        elif isinstance(value, dict) and step in value:
            value = value[step]
        else:
            return None
        template_path.append(step)
    if not path or isinstance(path[-1], int):
        return None
    written = _one_line(text, document.source_map, tuple(template_path), value)
    return f"{path[-1]}: {written}"


_EXAMPLE_CHARS = 70


def _one_line(text: str, source_map: Any, path: Path, value: Any) -> str:
    span = source_map.scalar(path)
    if span is not None:
        written = str(text[span.start : span.end])
        if "\n" not in written:
            return written
        words = " ".join(str(value).split())  # a text over several lines: its first words
        return words if len(words) <= _EXAMPLE_CHARS else words[:_EXAMPLE_CHARS].rsplit(" ", 1)[0] + "…"
    if isinstance(value, list):
        items = [_one_line(text, source_map, (*path, index), item) for index, item in enumerate(value)]
        shown = "[" + ", ".join(items) + "]"
    elif isinstance(value, dict):
        shown = "{" + ", ".join(f"{k}: {_one_line(text, source_map, (*path, k), v)}" for k, v in value.items()) + "}"
    else:
        shown = ""
    return shown if len(shown) <= _EXAMPLE_CHARS else shown[: _EXAMPLE_CHARS - 1] + "…"


@cache
def _template() -> tuple[str, Any]:
    from ptce_check.decoding import Limits
    from ptce_check.source import parse
    from ptce_check.templates import DOSSIER_TEMPLATE

    text = DOSSIER_TEMPLATE.read_text(encoding="utf-8")
    return text, parse(text, Limits())
