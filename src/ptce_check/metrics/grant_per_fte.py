"""Cost per job: the requested grant divided by the jobs created (lower is better).

PASS: ``requested_grant_eur: 60000`` and ``created_fte: 12`` (value 5 000).
FAIL: ``created_fte: 0`` (no cost per job: nothing to measure).
"""

from __future__ import annotations

import math

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.metrics.base import NOT_GIVEN, Measure, NoParams
from ptce_check.money import euros

KIND = "grant_per_fte"
TARGET = Text(
    "si le projet crée des emplois, déclarez-les tous\u00a0: le palier suivant est d'au plus {threshold:,.0f} "
    "€ de subvention par ETP créé",
    "if the project creates jobs, declare them all: the next band is at most €{threshold:,.0f} of grant "
    "per FTE created",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text(
        "subvention demandée par emploi créé (€, le plus bas est le mieux)",
        "requested grant per job created (€, lower is better)",
    )


def run(context: Context, params: NoParams) -> Measure:
    jobs, budget = context.view.jobs, context.view.budget
    if jobs is None or budget is None:
        return Measure(None, NOT_GIVEN)
    if jobs.created_fte <= 0:
        return Measure(
            None,
            Text("aucun emploi créé\u00a0: pas de coût par emploi", "no job created: no cost per job"),
            (("jobs", "created_fte"),),
        )
    cost = budget.requested_grant_eur / jobs.created_fte
    if not math.isfinite(cost):
        # A vanishing number of jobs (1e-310 FTE) makes the quotient overflow: no figure to score.
        return Measure(
            None,
            Text("nombre d'ETP créés trop faible pour un coût par emploi", "too few FTE created for a cost per job"),
            (("jobs", "created_fte"),),
        )
    return Measure(
        cost,
        Text(
            f"{euros(cost).fr} de subvention demandée par ETP créé",
            f"{euros(cost).en} of requested grant per FTE created",
        ),
        (("budget", "requested_grant_eur"), ("jobs", "created_fte")),
    )


EXAMPLES = (
    Example("jobs: {created_fte: 12}", value=5000),
    Example("jobs: {created_fte: 0}", value=None, passes=False),
    Example("jobs: {created_fte: 1.0e-310}", value=None, passes=False),
)
