"""Rural revitalisation communes (ZRR / FRR) concerned: the claimed communes that are in the
computed territory (and in the `--reference` FRR list when one is given); a commune listed
twice counts once.

PASS: ``rural_revitalisation_communes: ['26281']`` in ``communes: ['26281', '26057']`` (value 1).
FAIL: ``rural_revitalisation_communes: ['38333']``, outside the territory (value 0).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.metrics.base import DIFFICULTIES, Measure, NoParams, retained

KIND = "rural_revitalisation"
TARGET = Text(
    "si des communes de votre territoire sont classées ZRR / FRR, déclarez-les (palier suivant\u00a0: {threshold:g})",
    "if communes of your territory are classified ZRR / FRR, declare them (next band: {threshold:g})",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text(
        "communes de revitalisation rurale (ZRR / FRR) concernées dans le territoire",
        "rural revitalisation communes (ZRR / FRR) concerned in the territory",
    )


def run(context: Context, params: NoParams) -> Measure:
    facts = context.territory_facts
    references = context.references
    kept, how = retained(facts.rural_revitalisation, bool(references and references.frr), facts.meta.vintage)
    return Measure(
        kept,
        Text(
            f"communes en zone de revitalisation rurale (ZRR / FRR)\u00a0: {how.fr}",
            f"rural revitalisation communes (ZRR / FRR): {how.en}",
        ),
        ((*DIFFICULTIES, "rural_revitalisation_communes"),),
    )


def _territory(codes: str) -> str:
    return f"""\
territory:
  name: Pays de Romans
  communes: ['26281', '26057']
  difficulties: {{rural_revitalisation_communes: [{codes}]}}
"""


EXAMPLES = (
    Example(_territory("'26281'"), value=1),
    Example(_territory("'38333'"), value=0, passes=False),
)
