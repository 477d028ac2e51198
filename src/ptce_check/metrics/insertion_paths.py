"""Integration paths: how many people follow an integration-through-work path
(`jobs.insertion_paths`).

PASS: ``insertion_paths: 8`` (value 8).
FAIL: ``insertion_paths: 0`` (value 0); not given (nothing to measure).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.metrics.base import NOT_GIVEN, Measure, NoParams

KIND = "insertion_paths"
TARGET = Text(
    "si le projet propose des parcours d'insertion, déclarez-les dans jobs.insertion_paths (palier "
    "suivant\u00a0: {threshold:g})",
    "if the project offers integration paths, state them in jobs.insertion_paths (next band: {threshold:g})",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text("parcours d'insertion par l'activité économique", "integration-through-work paths")


def run(context: Context, params: NoParams) -> Measure:
    jobs = context.view.jobs
    if jobs is None or jobs.insertion_paths is None:
        return Measure(None, NOT_GIVEN)
    return Measure(
        float(jobs.insertion_paths),
        Text(
            f"{jobs.insertion_paths} parcours d'insertion par l'activité économique",
            f"{jobs.insertion_paths} integration-through-work paths",
        ),
        (("jobs", "insertion_paths"),),
    )


EXAMPLES = (
    Example("jobs: {created_fte: 6, insertion_paths: 8}", value=8),
    Example("jobs: {created_fte: 6, insertion_paths: 0}", value=0, passes=False),
    Example("jobs: {created_fte: 6}", value=None, passes=False),
)
