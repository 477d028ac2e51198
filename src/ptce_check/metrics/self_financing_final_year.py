"""Self-financing in the budget's last year: the share of that year's resources of the given
kinds (default `own_revenue` and `private`).

PASS: in 2016, 20 000 € of sales out of 50 000 € of resources (value 40).
FAIL: only the requested grant (value 0); no resource that year (nothing to measure).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example, listed
from ptce_check.metrics.base import NOT_GIVEN, Measure

KIND = "self_financing_final_year"
TARGET = Text(
    "si des recettes propres sont prévues la dernière année, déclarez-les au budget (palier suivant\u00a0: "
    "{threshold:g} % d'autofinancement)",
    "if own revenue is planned for the last year, declare it in the budget (next band: {threshold:g}% self-financing)",
)
RESOURCE_WORDS = {
    "state_grant_requested": Text("subvention demandée", "requested grant"),
    "state_other": Text("autre financement de l'État", "other State funding"),
    "local_authority": Text("collectivités", "local authorities"),
    "eu": Text("fonds européens", "EU funds"),
    "other_public": Text("autre financement public", "other public funding"),
    "private": Text("financement privé", "private funding"),
    "own_revenue": Text("recettes propres", "own revenue"),
    "in_kind": Text("contributions en nature", "in-kind contributions"),
}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    kinds: list[str] = ["own_revenue", "private"]


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    shown = listed(params.kinds, RESOURCE_WORDS)
    return Text(
        f"part des ressources de la dernière année venant de\u00a0: {shown.fr} (%)",
        f"share of the last year's resources coming from: {shown.en} (%)",
    )


def run(context: Context, params: Params) -> Measure:
    budget = context.view.budget
    if budget is None or not budget.years:
        return Measure(None, NOT_GIVEN)
    year = max(budget.years)
    total = sum(line.amounts.get(year, 0.0) for line in budget.resources)
    own = sum(line.amounts.get(year, 0.0) for line in budget.resources if line.kind in params.kinds)
    if total <= 0:
        return Measure(None, Text(f"aucune ressource en {year}", f"no resources in {year}"))
    value = 100.0 * own / total
    return Measure(
        value,
        Text(
            f"autofinancement {year}\u00a0: {value:.0f} % des ressources ({', '.join(params.kinds)})",
            f"self-financing in {year}: {value:.0f}% of resources ({', '.join(params.kinds)})",
        ),
        (("budget", "resources"),),
    )


def _budget(resources: str, grant: int) -> str:
    return f"""\
budget:
  years: [2015, 2016]
  expenses:
    - {{label: Animation, category: animation, amounts: {{2015: 50000, 2016: 50000}}}}
  resources:
{resources}
  requested_grant_eur: {grant}
"""


EXAMPLES = (
    Example(
        _budget(
            "    - {label: Subvention, kind: state_grant_requested, amounts: {2015: 30000, 2016: 30000}}\n"
            "    - {label: Ventes, kind: own_revenue, amounts: {2015: 20000, 2016: 20000}}",
            60000,
        ),
        value=40,
    ),
    Example(
        _budget("    - {label: Subvention, kind: state_grant_requested, amounts: {2015: 50000, 2016: 50000}}", 100000),
        value=0,
        passes=False,
    ),
    Example(
        _budget("    - {label: Subvention, kind: state_grant_requested, amounts: {2015: 0, 2016: 0}}", 0),
        value=None,
        passes=False,
    ),
)
