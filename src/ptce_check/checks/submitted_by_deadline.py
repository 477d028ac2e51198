"""Submitted within the call's window, when the submission date and a bound of the window are
known (cahier des charges): on or after the opening (`opens_on`, when the call gives one) and
by the deadline. Both bounds are inclusive and in Paris time; a datetime without an offset is
Paris time; a bare date is on time when it is on or after the opening's date and on or before
the deadline's date. The message says which bound a submission misses.

PASS (ptce-2015): ``submitted_at: 2015-06-30`` or ``2015-06-30T23:59:00+02:00``.
FAIL (ptce-2015): ``submitted_at: 2015-07-01``, after the deadline.
PASS (ami-2023, open 2023-06-01 to 2023-07-31): ``submitted_at: 2023-06-01``.
FAIL (ami-2023): ``submitted_at: 2023-05-31``, before the opening.
"""

from __future__ import annotations

from datetime import date, datetime

from ptce_check.checks.base import RuleOutcome, failed, not_evaluated, passed, unread
from ptce_check.context import Context
from ptce_check.dates import as_paris
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.params import NoParams

KIND = "submitted_by_deadline"
Params = NoParams


def run(context: Context, params: NoParams) -> RuleOutcome:
    opening, deadline = context.call.opens_paris, context.call.deadline_paris
    submitted = context.view.submitted_at
    if deadline is None and opening is None:
        return not_evaluated(Text("date limite de l'appel inconnue", "the call's deadline is unknown"))
    cause = context.view.set_aside.about(("submitted_at",))
    if cause is not None:
        return unread(cause, Text("la date de dépôt (submitted_at)", "the submission date (submitted_at)"))
    if submitted is None:
        return not_evaluated(
            Text("date de dépôt (submitted_at) non renseignée", "submission date (submitted_at) not given")
        )
    shown = submitted.isoformat()
    if opening is not None and _before(submitted, opening):
        return failed(
            ("submitted_at",),
            Text(
                f"déposé le {shown}, avant l'ouverture de l'appel le {_paris(opening)}",
                f"submitted on {shown}, before the call opened on {_paris(opening)}",
            ),
        )
    if deadline is not None and _after(submitted, deadline):
        return failed(
            ("submitted_at",),
            Text(
                f"déposé le {shown}, après la clôture du {_paris(deadline)}",
                f"submitted on {shown}, after the {_paris(deadline)} deadline",
            ),
        )
    return passed(_on_time(shown, opening, deadline))


def _paris(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} (Paris)"


def _before(submitted: date | datetime, opening: datetime) -> bool:
    if isinstance(submitted, datetime):
        return as_paris(submitted) < opening
    return submitted < opening.date()


def _after(submitted: date | datetime, deadline: datetime) -> bool:
    if isinstance(submitted, datetime):
        return as_paris(submitted) > deadline
    return submitted > deadline.date()


def _on_time(shown: str, opening: datetime | None, deadline: datetime | None) -> Text:
    if deadline is None and opening is not None:
        return Text(
            f"déposé le {shown}, après l'ouverture du {_paris(opening)} (date limite inconnue)",
            f"submitted on {shown}, after the {_paris(opening)} opening (deadline unknown)",
        )
    closing = _paris(deadline) if deadline is not None else "?"
    return Text(
        f"déposé le {shown}, avant la clôture du {closing}",
        f"submitted on {shown}, before the {closing} deadline",
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
    Example(
        """\
    submitted_at: 2023-06-01
""",
        call="ami-2023",
        status="passed",
    ),
    Example(
        """\
    submitted_at: 2023-05-31T23:59:00+02:00
""",
        call="ami-2023",
        status="failed",
    ),
    Example(
        """\
    submitted_at: 2023-08-01
""",
        call="ami-2023",
        status="failed",
    ),
)
