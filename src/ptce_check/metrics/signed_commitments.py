"""Members' signed commitments: the share of members (a name listed twice counts once)
committed by a signed letter or agreement (`commitment: letter` or `agreement`).

PASS: two members, ``commitment: letter`` and ``commitment: agreement`` (value 100).
FAIL: ``commitment: none`` for both (value 0).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text, plural
from ptce_check.kinds import Example
from ptce_check.metrics.base import NOT_GIVEN, Measure, NoParams, counted_members, share

KIND = "signed_commitments"
TARGET = Text(
    "si des membres se sont engagés par lettre ou convention, déclarez-le (members[].commitment\u00a0; palier "
    "suivant\u00a0: {threshold:g} % des membres)",
    "if members have committed by letter or agreement, state it (members[].commitment; next band: "
    "{threshold:g}% of members)",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text(
        "part des membres engagés par une lettre ou une convention signée (%)",
        "share of members committed by a signed letter or agreement (%)",
    )


def run(context: Context, params: NoParams) -> Measure:
    members = counted_members(context)
    if not members:
        return Measure(None, NOT_GIVEN)
    signed = sum(1 for m in members if m.commitment in ("letter", "agreement"))
    return Measure(
        share(signed, len(members)),
        Text(
            f"{plural(signed, 'membre', 'membres')} sur {len(members)} {'engagé' if signed < 2 else 'engagés'} "
            "par lettre ou convention signée",
            f"{signed} of {len(members)} members committed by a signed letter or agreement",
        ),
        (("members",),),
    )


EXAMPLES = (
    Example(
        """\
        members:
          - {name: Coop, legal_form: cooperative, category: enterprise, commitment: letter}
          - {name: Société, legal_form: commercial_company, category: enterprise, commitment: agreement}
        """,
        value=100,
    ),
    Example(
        """\
        members:
          - {name: Coop, legal_form: cooperative, category: enterprise, commitment: none}
          - {name: Société, legal_form: commercial_company, category: enterprise}
        """,
        value=0,
        passes=False,
    ),
)
