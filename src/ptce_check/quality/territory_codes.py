"""Formats of territorial codes: INSEE commune codes (PTCE-D04), QPV codes (PTCE-D05),
employment zones (PTCE-D06), and no code listed twice (PTCE-D17).

PASS: ``communes: ['38563', '2A004', '97411']``, ``priority_neighbourhoods: ['QP026003', 'QN02601N']``.
FAIL: ``communes: ['3856']`` or ``['38 563']``; ``priority_neighbourhoods: ['QPV26']``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ptce_check.context import Context
from ptce_check.findings import Finding, Path
from ptce_check.i18n import Text
from ptce_check.quality.base import finding
from ptce_check.textsafe import escape_all_controls

COMMUNE = re.compile(r"(?:0[1-9]|[1-8][0-9]|9[0-5]|2[AB])[0-9]{3}|97[1-8][0-9]{2}")
_DEPARTMENT = r"(?:0[0-9]{2}|02[AB]|97[0-9])"
QPV = re.compile(rf"QP{_DEPARTMENT}[0-9]{{3}}|QN{_DEPARTMENT}[0-9]{{2}}[NMI]")
EMPLOYMENT_ZONE = re.compile(r"[0-9A-Z]{4}")


def _codes(
    values: list[str], path: Path, pattern: re.Pattern[str], code: str, what: Text, example: str
) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, value in enumerate(values):
        shown = escape_all_controls(value)
        if not pattern.fullmatch(value):
            yield finding(
                code,
                (*path, index),
                Text(f"{what.fr} « {shown} » mal formé", f"malformed {what.en} '{shown}'"),
                Text(f"exemple : {example}", f"example: {example}"),
            )
        elif value in seen:
            yield finding(
                "PTCE-D17",
                (*path, index),
                Text(f"{what.fr} « {shown} » cité deux fois", f"{what.en} '{shown}' listed twice"),
            )
        seen.add(value)


_COMMUNE = Text("code commune", "commune code")
_COMMUNE_EXAMPLE = "'38563' (code INSEE / INSEE code, ≠ code postal / postcode)"


def run(context: Context) -> Iterator[Finding]:
    territory = context.view.territory
    if territory is not None:
        yield from _codes(
            territory.communes or [], ("territory", "communes"), COMMUNE, "PTCE-D04", _COMMUNE, _COMMUNE_EXAMPLE
        )
        yield from _codes(
            territory.employment_zones or [],
            ("territory", "employment_zones"),
            EMPLOYMENT_ZONE,
            "PTCE-D06",
            Text("code de zone d'emploi", "employment zone code"),
            "'8401'",
        )
        difficulties = territory.difficulties
        if difficulties is not None:
            base = ("territory", "difficulties")
            yield from _codes(
                difficulties.priority_neighbourhoods or [],
                (*base, "priority_neighbourhoods"),
                QPV,
                "PTCE-D05",
                Text("code QPV", "QPV code"),
                "'QP026003', 'QN02601N'",
            )
            yield from _codes(
                difficulties.rural_revitalisation_communes or [],
                (*base, "rural_revitalisation_communes"),
                COMMUNE,
                "PTCE-D04",
                _COMMUNE,
                _COMMUNE_EXAMPLE,
            )
    for index, member in enumerate(context.view.members):
        if member.commune is not None and not COMMUNE.fullmatch(member.commune):
            shown = escape_all_controls(member.commune)
            yield finding(
                "PTCE-D04",
                ("members", index, "commune"),
                Text(f"code commune « {shown} » mal formé", f"malformed commune code '{shown}'"),
                Text(f"exemple : {_COMMUNE_EXAMPLE}", f"example: {_COMMUNE_EXAMPLE}"),
            )
