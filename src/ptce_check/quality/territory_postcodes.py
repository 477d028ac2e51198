"""A postcode written where a commune's INSEE code belongs (PTCE-T12, warning).

Some codes are both: 26100 is the INSEE code of Combovin and the postcode of Romans-sur-Isère
(INSEE 26281). Such a code is read as the INSEE code it is, as every other check reads it, and
this warning is given when the two readings disagree with the territory:

- a member's seat (`members[i].commune`) or a rural revitalisation commune: the INSEE reading
  is outside the territory's computed perimeter and the postcode reading is a commune inside it;
- an entry of `territory.communes` (the perimeter itself, so never "outside" it): the INSEE
  reading belongs to none of the territory's intercommunalities — those of `territory.epcis`,
  else those of the list's other communes — and the postcode reading belongs to one of them.
  A list with no other commune and no EPCI gives nothing to compare with, and a postcode reading
  in the INSEE reading's own intercommunality cannot be told apart from it: neither is reported.

Only current communes are read as INSEE codes (a former commune is PTCE-T08's business). Only
the postcodes of the communes concerned are looked at, never an index of every postcode.

PASS: a member with ``commune: '26281'`` in ``communes: ['26281', '26057']``.
FAIL: the same member with ``commune: '26100'`` (Combovin, outside; Romans-sur-Isère's postcode).
"""

from __future__ import annotations

from collections.abc import Iterator

from ptce_check.context import Context
from ptce_check.findings import Finding
from ptce_check.kinds import Example
from ptce_check.territory.postcodes import postcode_findings

CODES = ("PTCE-T12",)


def run(context: Context) -> Iterator[Finding]:
    return postcode_findings(context.view.territory, context.view.members, context.territory_facts)


_DOSSIER = """\
territory:
  name: Pays de Romans
  communes: ['26281', '26057']
members:
  - {{name: Atelier Solidaire, legal_form: association, category: enterprise, commune: '{commune}'}}
"""

EXAMPLES = (
    Example(_DOSSIER.format(commune="26281")),
    Example(_DOSSIER.format(commune="26100"), findings=(("PTCE-T12", 5),)),
)
