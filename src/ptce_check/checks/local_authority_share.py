"""Caps on local-authority co-financing, as a share of all expenses over all years (2013 call:
each local authority at most 20 % of eligible costs, all of them together at most 50 %).

With ``per: funder`` each funder's `local_authority` lines are summed and compared with the cap;
the finding points at the funder's first line. With ``per: total`` all such lines together.
PASS (per funder, 20 %): expenses 300 000 €, Région 60 000 €.
FAIL (per funder, 20 %): expenses 300 000 €, Région 75 000 € (25 %).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ptce_check.checks.base import Failure, RuleOutcome, local_lines_unread, not_evaluated, passed, unread
from ptce_check.context import Context
from ptce_check.dossier import Budget
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.money import euros, number

KIND = "local_authority_share"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    per: Literal["funder", "total"]
    max_percent: float = Field(gt=0, le=100)


def describe(params: Params) -> Text:
    """What the rule checks, with its params, in words."""
    percent = number(params.max_percent)
    if params.per == "funder":
        return Text(
            f"chaque collectivité finance au plus {percent.fr} % des dépenses",
            f"each local authority funds at most {percent.en}% of the expenses",
        )
    return Text(
        f"les collectivités ensemble financent au plus {percent.fr} % des dépenses",
        f"local authorities together fund at most {percent.en}% of the expenses",
    )


def run(context: Context, params: Params) -> RuleOutcome:
    budget = context.view.budget
    aside = context.view.set_aside
    cause = aside.about(("budget",)) or aside.within(("budget", "expenses"))
    if cause is not None:
        return unread(cause, Text("le total des dépenses", "the total of expenses"))
    cause = local_lines_unread(context.view, ("amounts", "funder", "label"))
    if cause is not None:
        return unread(cause, Text("une ligne de ressource des collectivités", "a local-authority resource line"))
    total = context.total_expenses
    if budget is None or total <= 0:
        return not_evaluated(Text("dépenses totales inconnues ou nulles", "total expenses unknown or zero"))
    groups = _funded(budget, params)
    failures = [
        _over_cap(funder, first, amount, total, params)
        for funder, (first, amount) in groups.items()
        if 100 * amount / total > params.max_percent + 1e-9
    ]
    if failures:
        return RuleOutcome("failed", failures[0].message, tuple(failures))
    biggest = max((amount for _, amount in groups.values()), default=0.0)
    largest = round(100 * biggest / total, 1)
    return passed(
        Text(
            f"part maximale {number(largest).fr} % ≤ {number(params.max_percent).fr} %",
            f"largest share {largest:g}% ≤ {params.max_percent:g}%",
        )
    )


def _funded(budget: Budget, params: Params) -> dict[str, tuple[int, float]]:
    """Funder (or "" for all together) -> (index of its first line, amount over all years)."""
    groups: dict[str, tuple[int, float]] = {}
    for index, line in enumerate(budget.resources):
        if line.kind != "local_authority":
            continue
        key = "" if params.per == "total" else (line.funder or line.label)
        first, amount = groups.get(key, (index, 0.0))
        groups[key] = (first, amount + sum(line.amounts.values()))
    return groups


def _over_cap(funder: str, first: int, amount: float, total: float, params: Params) -> Failure:
    share = 100 * amount / total
    who_fr = f"la collectivité « {funder} »" if funder else "l'ensemble des collectivités"
    who_en = f"local authority '{funder}'" if funder else "all local authorities together"
    return Failure(
        ("budget", "resources", first),
        Text(
            f"{who_fr} finance {number(round(share, 1)).fr} % des dépenses ({euros(amount).fr} sur "
            f"{euros(total).fr}), plafond {number(params.max_percent).fr} %",
            f"{who_en} fund {share:.1f}% of expenses ({euros(amount).en} of {euros(total).en}), "
            f"cap {params.max_percent:g}%",
        ),
        Text(
            "réduisez cette part ou augmentez les autres financements",
            "reduce this share or raise the other resources",
        ),
    )


EXAMPLES = (
    Example(
        """\
    budget:
      years: [2014]
      expenses:
        - {label: Animation, category: animation, amounts: {2014: 300000}}
      resources:
        - {label: Région, kind: local_authority, funder: Région, amounts: {2014: 60000}}
        - {label: Subvention, kind: state_grant_requested, amounts: {2014: 240000}}
      requested_grant_eur: 240000
""",
        params={"per": "funder", "max_percent": 20},
        call="ptce-2013",
        status="passed",
    ),
    Example(
        """\
    budget:
      years: [2014]
      expenses:
        - {label: Animation, category: animation, amounts: {2014: 300000}}
      resources:
        - {label: Région, kind: local_authority, funder: Région, amounts: {2014: 75000}}
        - {label: Subvention, kind: state_grant_requested, amounts: {2014: 225000}}
      requested_grant_eur: 225000
""",
        params={"per": "funder", "max_percent": 20},
        call="ptce-2013",
        status="failed",
    ),
)
