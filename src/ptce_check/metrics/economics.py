"""Metrics of the economic model: value-chain cooperation and self-financing."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.metrics.base import NOT_GIVEN, Measure, Metric


def _value_chain(context: Context, params: object) -> Measure:
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


class SelfFinancingParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    kinds: list[str] = ["own_revenue", "private"]


def _self_financing(context: Context, params: SelfFinancingParams) -> Measure:
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
            f"autofinancement {year} : {value:.0f} % des ressources ({', '.join(params.kinds)})",
            f"self-financing in {year}: {value:.0f}% of resources ({', '.join(params.kinds)})",
        ),
        (("budget", "resources"),),
    )


METRICS = (
    Metric(
        "value_chain",
        _value_chain,
        Text(
            "décrire l'offre mutualisée ou la filière (cooperation.value_chain)",
            "describe the shared offer or value chain (cooperation.value_chain)",
        ),
    ),
    Metric(
        "self_financing_final_year",
        _self_financing,
        Text(
            "au moins {threshold:g} % d'autofinancement la dernière année du budget",
            "at least {threshold:g}% self-financing in the budget's last year",
        ),
        SelfFinancingParams,
    ),
)
