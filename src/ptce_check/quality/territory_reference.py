"""The territory against the official reference data shipped with the tool (one COG vintage):
communes and EPCIs exist, the declared population matches the computed one, members' seats
are real places and where they stand, QPV and rural revitalisation claims agree with the
territory and with the lists given by `--reference`.

Only well-formed codes are looked up: malformed ones are PTCE-D01/D04/D05/D06's business.

PASS: ``communes: ['26281', '26057']``, ``population: 44000``, members seated in 26281.
FAIL: ``communes: ['26999']`` (PTCE-T01, with the closest real codes), ``population: 150000``
(PTCE-T03, warning), ``commune: '38305'`` (PTCE-T08, warning: merged since into 38292).

When a commune (or EPCI) of the perimeter could not be read or found, the findings judged
against the perimeter (population, members' seats, claims) follow from that first unread entry
and are linked to its finding (`caused_by`): it is the one to fix first.
"""

from __future__ import annotations

from collections.abc import Iterator

from ptce_check.context import Context
from ptce_check.findings import Finding
from ptce_check.kinds import Example
from ptce_check.quality.identifiers import siren_valid
from ptce_check.territory.checks import official_findings

CODES = (
    "PTCE-T01",
    "PTCE-T02",
    "PTCE-T03",
    "PTCE-T04",
    "PTCE-T05",
    "PTCE-T06",
    "PTCE-T07",
    "PTCE-T08",
    "PTCE-T09",
    "PTCE-T10",
    "PTCE-T11",
)


def run(context: Context) -> Iterator[Finding]:
    return official_findings(context.view, context.territory_facts, context.references, siren_valid)


_TERRITORY = """\
territory:
  name: Pays de Romans
  communes: [{communes}]
  population: {population}
"""
_MEMBER = """\
members:
  - {{name: Atelier Solidaire, legal_form: association, category: enterprise, commune: '{commune}'}}
"""

EXAMPLES = (
    Example(_TERRITORY.format(communes="'26281', '26057'", population=52000) + _MEMBER.format(commune="26281")),
    Example(
        _TERRITORY.format(communes="'26281', '26999'", population=52000) + _MEMBER.format(commune="26281"),
        findings=(("PTCE-T01", 3), ("PTCE-T03", 4)),
    ),
    Example(
        _TERRITORY.format(communes="'26281', '26057'", population=150000) + _MEMBER.format(commune="26281"),
        findings=(("PTCE-T03", 4),),
    ),
    Example(
        _TERRITORY.format(communes="'26281', '26057'", population=52000) + _MEMBER.format(commune="38305"),
        findings=(("PTCE-T08", 6), ("PTCE-T05", 6)),
    ),
)
