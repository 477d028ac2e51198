"""ESS and non-ESS enterprises together: the smaller of the two counts (a member listed twice
counts once), as ESS enterprises associated with other enterprises are what a PTCE is.

PASS: a cooperative and a commercial company (value 1).
FAIL: ESS enterprises only (value 0).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text, plural
from ptce_check.kinds import Example
from ptce_check.metrics.base import Measure, NoParams, count_members

KIND = "ess_balance"
TARGET = Text(
    "si d'autres membres sont des entreprises de l'ESS ou hors ESS, déclarez-les avec leur forme "
    "juridique (palier suivant\u00a0: {threshold:g} de chaque côté)",
    "if more members are ESS or non-ESS enterprises, declare them with their legal form (next band: "
    "{threshold:g} on each side)",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text(
        "le plus petit des nombres d'entreprises ESS et hors ESS",
        "the smaller of the counts of ESS and non-ESS enterprises",
    )


def run(context: Context, params: NoParams) -> Measure:
    ess, other = count_members(context.ess_enterprises), count_members(context.non_ess_enterprises)
    return Measure(
        float(min(ess, other)),
        Text(
            f"{plural(ess, 'entreprise', 'entreprises')} de l'ESS et "
            f"{plural(other, 'entreprise ou groupement', 'entreprises ou groupements')} hors ESS",
            f"{plural(ess, 'ESS enterprise', 'ESS enterprises', 'en')} and "
            f"{plural(other, 'non-ESS enterprise or grouping', 'non-ESS enterprises or groupings', 'en')}",
        ),
        (("members",),),
    )


EXAMPLES = (
    Example(
        """\
        members:
          - {name: Coop, legal_form: cooperative, category: enterprise}
          - {name: Société, legal_form: commercial_company, category: enterprise}
        """,
        value=1,
    ),
    Example(
        """\
        members:
          - {name: Coop, legal_form: cooperative, category: enterprise}
          - {name: Mutuelle, legal_form: mutual, category: enterprise}
        """,
        value=0,
        passes=False,
    ),
)
