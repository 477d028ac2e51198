"""Rural territories and priority urban neighbourhoods together: the claimed QPV codes and
rural revitalisation communes (ZRR / FRR) that are retained, as `priority_neighbourhoods` and
`rural_revitalisation` retain them, added up. A pole in either kind of territory scores here.

PASS: ``priority_neighbourhoods: [QP026003]`` and ``rural_revitalisation_communes: ['26281']`` in
``communes: ['26281', '26057']`` (value 2).
FAIL: neither given (value 0).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.metrics.base import DIFFICULTIES, Measure, NoParams, retained

KIND = "rural_or_priority_neighbourhoods"
TARGET = Text(
    "si des communes de votre territoire sont classées ZRR / FRR ou s'il compte des QPV, déclarez-les "
    "(palier suivant\u00a0: {threshold:g})",
    "if communes of your territory are classified ZRR / FRR or it has QPVs, declare them (next band: {threshold:g})",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text(
        "QPV et communes de revitalisation rurale (ZRR / FRR) concernés, additionnés",
        "QPV and rural revitalisation communes (ZRR / FRR) concerned, added up",
    )


def run(context: Context, params: NoParams) -> Measure:
    facts = context.territory_facts
    references = context.references
    vintage = facts.meta.vintage
    qpv, qpv_how = retained(facts.priority_neighbourhoods, bool(references and references.qpv), vintage)
    frr, frr_how = retained(facts.rural_revitalisation, bool(references and references.frr), vintage)
    return Measure(
        qpv + frr,
        Text(
            f"QPV\u00a0: {qpv_how.fr}\u00a0; communes ZRR / FRR\u00a0: {frr_how.fr}",
            f"QPV: {qpv_how.en}; ZRR / FRR communes: {frr_how.en}",
        ),
        ((*DIFFICULTIES, "priority_neighbourhoods"), (*DIFFICULTIES, "rural_revitalisation_communes")),
    )


def _territory(difficulties: str) -> str:
    return f"""\
territory:
  name: Pays de Romans
  communes: ['26281', '26057']
  difficulties: {{{difficulties}}}
"""


EXAMPLES = (
    Example(
        _territory("priority_neighbourhoods: [QP026003], rural_revitalisation_communes: ['26281']"),
        call="ami-2025",
        value=2,
    ),
    Example(_territory("unemployment_rate: 9"), call="ami-2025", value=0, passes=False),
)
