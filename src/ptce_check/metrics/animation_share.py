"""How much of the requested grant the animation and coordination of the pole can take: the
budget's `category: animation` expenses over all years, as a percentage of
`budget.requested_grant_eur`, at most 100 (animation costs beyond the grant are financed
otherwise and earn nothing more).

PASS: 80 000 € of animation for a 100 000 € grant (value 80); 120 000 € of animation (value 100).
FAIL: no animation line (value 0); no grant requested (nothing to measure).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.metrics.base import NOT_GIVEN, Measure, NoParams
from ptce_check.money import euros

KIND = "animation_share"
TARGET = Text(
    "si des dépenses d'animation sont prévues, déclarez-les au budget (category: animation)\u00a0; palier "
    "suivant\u00a0: {threshold:g} % de la subvention demandée",
    "if animation expenses are planned, declare them in the budget (category: animation); next band: "
    "{threshold:g}% of the requested grant",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text(
        "part de la subvention demandée allant à l'animation et à la coordination (%)",
        "share of the requested grant going to animation and coordination (%)",
    )


def run(context: Context, params: NoParams) -> Measure:
    budget = context.view.budget
    if budget is None:
        return Measure(None, NOT_GIVEN)
    grant = budget.requested_grant_eur
    if not grant > 0:
        return Measure(
            None, Text("aucune subvention demandée", "no grant requested"), (("budget", "requested_grant_eur"),)
        )
    animation = sum(sum(line.amounts.values()) for line in budget.expenses if line.category == "animation")
    value = min(100.0, 100.0 * animation / grant)
    return Measure(
        value,
        Text(
            f"dépenses d'animation {euros(animation).fr} pour une subvention de {euros(grant).fr} ({value:.0f} %)",
            f"animation expenses {euros(animation).en} for a {euros(grant).en} grant ({value:.0f}%)",
        ),
        (("budget", "expenses"), ("budget", "requested_grant_eur")),
    )


def _budget(animation: int, staff: int, grant: int) -> str:
    return f"""\
budget:
  years: [2023]
  expenses:
    - {{label: Coordination, category: animation, amounts: {{2023: {animation}}}}}
    - {{label: Atelier, category: staff, amounts: {{2023: {staff}}}}}
  resources:
    - {{label: Subvention, kind: state_grant_requested, amounts: {{2023: {grant}}}}}
    - {{label: Ventes, kind: own_revenue, amounts: {{2023: {animation + staff - grant}}}}}
  requested_grant_eur: {grant}
"""


EXAMPLES = (
    Example(_budget(80000, 60000, 100000), value=80),
    Example(_budget(120000, 0, 100000), value=100),
    Example(_budget(0, 120000, 100000), value=0, passes=False),
    Example(_budget(0, 10, 0), value=None, passes=False),
)
