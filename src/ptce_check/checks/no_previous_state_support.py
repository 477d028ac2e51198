"""The pole has not already received State support under a previous PTCE call
(décret 2015-431 art. 3 4°).

PASS: ``previous_state_support: []`` or absent.
FAIL: ``previous_state_support: [{call: ptce-2013, year: 2014, amount_eur: 120000}]``.
"""

from __future__ import annotations

from ptce_check.checks.base import RuleOutcome, failed, passed, unread
from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.params import NoParams
from ptce_check.textsafe import escape_all_controls

KIND = "no_previous_state_support"
Params = NoParams


def describe(params: Params) -> Text:
    """What the rule checks, with its params, in words."""
    return Text(
        "pas de soutien de l'État déjà reçu au titre d'un appel PTCE",
        "no State support already received under a PTCE call",
    )


def run(context: Context, params: NoParams) -> RuleOutcome:
    pole = context.view.pole
    supports = (pole.previous_state_support or []) if pole else []
    cause = context.view.set_aside.about(("pole",)) or context.view.set_aside.within(("pole", "previous_state_support"))
    if not supports and cause is not None:
        return unread(cause, Text("la liste des soutiens de l'État reçus", "the list of State support received"))
    if not supports:
        return passed(
            Text(
                "aucun soutien de l'État reçu lors d'un appel précédent", "no State support received in a previous call"
            )
        )
    calls = ", ".join(escape_all_controls(s.call or "?") + (f" ({s.year})" if s.year else "") for s in supports)
    return failed(
        ("pole", "previous_state_support"),
        Text(
            f"le pôle a déjà reçu un soutien de l'État au titre d'un appel PTCE\u00a0: {calls}",
            f"the pole already received State support under a PTCE call: {calls}",
        ),
    )


EXAMPLES = (
    Example(
        """\
    pole:
      name: Pôle
      legal_form: association
      stage: emerging
      contact: {name: Camille, email: camille@example.org}
      previous_state_support: []
""",
        status="passed",
    ),
    Example(
        """\
    pole:
      name: Pôle
      legal_form: association
      stage: emerging
      contact: {name: Camille, email: camille@example.org}
      previous_state_support: [{call: ptce-2013, year: 2014, amount_eur: 120000}]
""",
        status="failed",
    ),
)
