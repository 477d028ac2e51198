"""Formats of territorial codes: INSEE commune codes (PTCE-D04), QPV codes (PTCE-D05),
employment zones (PTCE-D06), and no code listed twice (PTCE-D17).

PASS: ``communes: ['38563', '2A004', '97411']``, ``priority_neighbourhoods: ['QP026003', 'QN02601N']``.
FAIL: ``communes: ['3856']`` or ``['38 563']``; ``priority_neighbourhoods: ['QPV26']``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ptce_check.context import Context
from ptce_check.findings import Finding
from ptce_check.kinds import Example
from ptce_check.territory.checks import format_findings

CODES = ("PTCE-D04", "PTCE-D05", "PTCE-D06", "PTCE-D17")


def run(context: Context) -> Iterator[Finding]:
    return format_findings(context.view.territory, context.view.members)


EXAMPLES = (
    Example(
        """\
        territory:
          name: Voironnais
          communes: ['38563', '2A004', '97411']
          difficulties: {priority_neighbourhoods: [QP026003, QN02601N]}
        """
    ),
    Example(
        """\
        territory:
          name: Voironnais
          communes:
            - '3856'
            - '38563'
            - '38563'
          employment_zones: ['84 1']
          difficulties:
            priority_neighbourhoods: [QPV26]
        """,
        findings=(("PTCE-D04", 4), ("PTCE-D17", 6), ("PTCE-D06", 7), ("PTCE-D05", 9)),
    ),
)
