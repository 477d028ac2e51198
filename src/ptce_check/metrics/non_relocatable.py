"""Non-relocatable jobs: `jobs.non_relocatable` is true.

PASS: ``non_relocatable: true`` (value 1).
FAIL: ``non_relocatable: false`` (value 0); not given (nothing to measure).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.metrics.base import NOT_GIVEN, Measure, NoParams

KIND = "non_relocatable"
TARGET = Text(
    "si les emplois du projet ne peuvent pas être délocalisés, déclarez-le (jobs.non_relocatable)",
    "if the project's jobs cannot be relocated, state it (jobs.non_relocatable)",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text("emplois non délocalisables\u00a0: 1 oui, 0 non", "non-relocatable jobs: 1 yes, 0 no")


def run(context: Context, params: NoParams) -> Measure:
    jobs = context.view.jobs
    if jobs is None or jobs.non_relocatable is None:
        return Measure(None, NOT_GIVEN)
    return Measure(
        1.0 if jobs.non_relocatable else 0.0,
        Text(
            "emplois non délocalisables" if jobs.non_relocatable else "emplois délocalisables",
            "non-relocatable jobs" if jobs.non_relocatable else "relocatable jobs",
        ),
        (("jobs", "non_relocatable"),),
    )


EXAMPLES = (
    Example("jobs: {created_fte: 6, non_relocatable: true}", value=1),
    Example("jobs: {created_fte: 6, non_relocatable: false}", value=0, passes=False),
    Example("jobs: {created_fte: 6}", value=None, passes=False),
)
