"""The pole has not already received State support under a previous PTCE call
(décret 2015-431 art. 3 4°).

PASS: ``previous_state_support: []`` or absent.
FAIL: ``previous_state_support: [{call: ptce-2013, year: 2014, amount_eur: 120000}]``.
"""

from __future__ import annotations

from ptce_check.checks.base import NoParams, RuleOutcome, failed, passed
from ptce_check.context import Context
from ptce_check.i18n import Text

KIND = "no_previous_state_support"
Params = NoParams


def run(context: Context, params: NoParams) -> RuleOutcome:
    pole = context.view.pole
    supports = (pole.previous_state_support or []) if pole else []
    if not supports:
        return passed(
            Text(
                "aucun soutien de l'État reçu lors d'un appel précédent", "no State support received in a previous call"
            )
        )
    calls = ", ".join(f"{s.call}" + (f" ({s.year})" if s.year else "") for s in supports)
    return failed(
        ("pole", "previous_state_support"),
        Text(
            f"le pôle a déjà reçu un soutien de l'État au titre d'un appel PTCE : {calls}",
            f"the pole already received State support under a PTCE call: {calls}",
        ),
    )
