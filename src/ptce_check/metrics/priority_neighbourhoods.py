"""Priority neighbourhoods (QPV) concerned: the claimed codes that are in the computed
territory's départements (and in the `--reference` QPV list when one is given); a code listed
twice counts once.

PASS: ``priority_neighbourhoods: [QP026003]`` for a territory in the Drôme (value 1).
FAIL: ``priority_neighbourhoods: [QP075001]``, a Paris neighbourhood (value 0).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.metrics.base import DIFFICULTIES, Measure, NoParams, retained

KIND = "priority_neighbourhoods"
TARGET = Text(
    "si le projet concerne des quartiers prioritaires, déclarez leurs codes QPV (palier suivant\u00a0: {threshold:g})",
    "if the project concerns priority neighbourhoods, declare their QPV codes (next band: {threshold:g})",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text(
        "quartiers prioritaires (QPV) concernés dans le territoire",
        "priority neighbourhoods (QPV) concerned in the territory",
    )


def run(context: Context, params: NoParams) -> Measure:
    facts = context.territory_facts
    references = context.references
    kept, how = retained(facts.priority_neighbourhoods, bool(references and references.qpv), facts.meta.vintage)
    return Measure(
        kept,
        Text(
            f"quartiers prioritaires de la politique de la ville (QPV)\u00a0: {how.fr}",
            f"priority neighbourhoods (QPV): {how.en}",
        ),
        ((*DIFFICULTIES, "priority_neighbourhoods"),),
    )


def _territory(codes: str) -> str:
    return f"""\
territory:
  name: Pays de Romans
  communes: ['26281', '26057']
  difficulties: {{priority_neighbourhoods: [{codes}]}}
"""


EXAMPLES = (
    Example(_territory("QP026003, QP026003"), value=1),
    Example(_territory("QP075001"), value=0, passes=False),
)
