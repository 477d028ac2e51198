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
from ptce_check.dates import as_paris, in_words
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.params import NoParams

KIND = "submitted_by_deadline"
Params = NoParams


def describe(params: Params) -> Text:
    """What the rule checks, with its params, in words."""
    return Text(
        "dépôt entre l'ouverture et la clôture de l'appel (heure de Paris)",
        "filed between the call's opening and its deadline (Paris time)",
    )


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
    shown = Text(in_words(submitted, "fr"), in_words(submitted, "en"))
    if opening is not None and _before(submitted, opening):
        return failed(
            ("submitted_at",),
            Text(
                f"déposé le {shown.fr}, avant l'ouverture de l'appel le {_paris(opening).fr}",
                f"submitted on {shown.en}, before the call opened on {_paris(opening).en}",
            ),
        )
    if deadline is not None and _after(submitted, deadline):
        return failed(
            ("submitted_at",),
            Text(
                f"déposé le {shown.fr}, après la clôture du {_paris(deadline).fr}",
                f"submitted on {shown.en}, after the deadline of {_paris(deadline).en}",
            ),
        )
    return passed(_on_time(shown, opening, deadline))


def _paris(moment: datetime) -> Text:
    """`30 juin 2015 à 23 h 59 (heure de Paris)` / `30 June 2015 at 23:59 (Paris time)`."""
    return Text(f"{in_words(moment, 'fr')} (heure de Paris)", f"{in_words(moment, 'en')} (Paris time)")


def _before(submitted: date | datetime, opening: datetime) -> bool:
    if isinstance(submitted, datetime):
        return as_paris(submitted) < opening
    return submitted < opening.date()


def _after(submitted: date | datetime, deadline: datetime) -> bool:
    if isinstance(submitted, datetime):
        return as_paris(submitted) > deadline
    return submitted > deadline.date()


def _on_time(shown: Text, opening: datetime | None, deadline: datetime | None) -> Text:
    if deadline is None and opening is not None:
        return Text(
            f"déposé le {shown.fr}, après l'ouverture du {_paris(opening).fr} (date limite inconnue)",
            f"submitted on {shown.en}, after the call opened on {_paris(opening).en} (deadline unknown)",
        )
    closing = _paris(deadline) if deadline is not None else Text("?", "?")
    return Text(
        f"déposé le {shown.fr}, avant la clôture du {closing.fr}",
        f"submitted on {shown.en}, before the deadline of {closing.en}",
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
