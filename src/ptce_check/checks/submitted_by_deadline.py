"""Submitted by the call's deadline, when both are known (cahier des charges). Deadlines are
inclusive and in Paris time; a datetime without an offset is Paris time; a bare date is on
time when it is on or before the deadline's date.

PASS (ptce-2015): ``submitted_at: 2015-06-30`` or ``2015-06-30T23:59:00+02:00``.
FAIL (ptce-2015): ``submitted_at: 2015-07-01``.
"""

from __future__ import annotations

from datetime import datetime

from ptce_check.checks.base import RuleOutcome, failed, not_evaluated, passed, unread
from ptce_check.context import Context
from ptce_check.dates import as_paris
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.params import NoParams

KIND = "submitted_by_deadline"
Params = NoParams


def run(context: Context, params: NoParams) -> RuleOutcome:
    deadline = context.call.deadline_paris
    submitted = context.view.submitted_at
    if deadline is None:
        return not_evaluated(Text("date limite de l'appel inconnue", "the call's deadline is unknown"))
    cause = context.view.set_aside.about(("submitted_at",))
    if cause is not None:
        return unread(cause, Text("la date de dépôt (submitted_at)", "the submission date (submitted_at)"))
    if submitted is None:
        return not_evaluated(
            Text("date de dépôt (submitted_at) non renseignée", "submission date (submitted_at) not given")
        )
    closing = f"{deadline:%Y-%m-%d %H:%M} (Paris)"
    on_time = as_paris(submitted) <= deadline if isinstance(submitted, datetime) else submitted <= deadline.date()
    if on_time:
        return passed(
            Text(
                f"déposé le {submitted.isoformat()}, avant la clôture du {closing}",
                f"submitted on {submitted.isoformat()}, before the {closing} deadline",
            )
        )
    return failed(
        ("submitted_at",),
        Text(
            f"déposé le {submitted.isoformat()}, après la clôture du {closing}",
            f"submitted on {submitted.isoformat()}, after the {closing} deadline",
        ),
    )


EXAMPLES = (
    Example(
        """\
    submitted_at: 2015-06-30
""",
        status="passed",
    ),
    Example(
        """\
    submitted_at: 2015-06-30T23:59:00+02:00
""",
        status="passed",
    ),
    Example(
        """\
    submitted_at: 2015-07-01
""",
        status="failed",
    ),
)
