"""Cooperation towards a shared offer or a value chain: `cooperation.value_chain` described.

PASS: ``value_chain: Une filière bois locale, de la coupe au meuble.`` (value 1).
FAIL: no `value_chain`, or blank (value 0).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.metrics.base import NOT_GIVEN, Measure, NoParams

KIND = "value_chain"
TARGET = Text(
    "si les membres construisent une offre mutualisée ou une filière, décrivez-la (cooperation.value_chain)",
    "if the members build a shared offer or value chain, describe it (cooperation.value_chain)",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text(
        "coopération vers une offre commune ou une filière\u00a0: 1 décrite, 0 non",
        "cooperation towards a shared offer or value chain: 1 described, 0 not",
    )


def run(context: Context, params: NoParams) -> Measure:
    cooperation = context.view.cooperation
    if cooperation is None:
        return Measure(None, NOT_GIVEN)
    described = bool((cooperation.value_chain or "").strip())
    return Measure(
        1.0 if described else 0.0,
        Text(
            "offre mutualisée ou filière décrite" if described else "pas de filière ou d'offre commune décrite",
            "shared offer or value chain described" if described else "no shared offer or value chain described",
        ),
        (("cooperation", "value_chain"),),
    )


EXAMPLES = (
    Example(
        """\
        cooperation:
          strategy: Mutualiser.
          value_chain: Une filière bois locale, de la coupe au meuble.
        """,
        value=1,
    ),
    Example(
        """\
        cooperation:
          strategy: Mutualiser.
          value_chain: "  "
        """,
        value=0,
        passes=False,
    ),
)
