"""Jobs created over the horizon, in full-time equivalents (`jobs.created_fte`).

PASS: ``jobs: {created_fte: 15}`` (value 15).
FAIL: ``jobs: {created_fte: 0}`` (value 0).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.metrics.base import NOT_GIVEN, Measure, NoParams

KIND = "created_fte"
TARGET = Text(
    "si le projet crée des emplois, déclarez-les en ETP dans "
    "jobs.created_fte (palier suivant\u00a0: {threshold:g} ETP)",
    "if the project creates jobs, state them in FTE in jobs.created_fte (next band: {threshold:g} FTE)",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text("emplois créés, en équivalents temps plein", "jobs created, in full-time equivalents")


def run(context: Context, params: NoParams) -> Measure:
    jobs = context.view.jobs
    if jobs is None:
        return Measure(None, NOT_GIVEN)
    return Measure(
        jobs.created_fte,
        Text(
            f"{jobs.created_fte:g} ETP créés en {jobs.horizon_years} ans",
            f"{jobs.created_fte:g} FTE created over {jobs.horizon_years} years",
        ),
        (("jobs", "created_fte"),),
    )


EXAMPLES = (
    Example("jobs: {created_fte: 15}", value=15),
    Example("jobs: {created_fte: 0}", value=0, passes=False),
)
