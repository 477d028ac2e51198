"""The requested grant is at most the call's ceiling: `budget.requested_grant_eur` ≤ the call
file's `grant_ceiling_eur` (not evaluated when the call gives none).

PASS (ami-2023, 100 000 € over two years): ``requested_grant_eur: 100000``.
FAIL (ami-2023): ``requested_grant_eur: 120000``.
"""

from __future__ import annotations

from ptce_check.checks.base import RuleOutcome, failed, not_evaluated, passed, unread
from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.money import euros
from ptce_check.params import NoParams

KIND = "grant_ceiling"
Params = NoParams

_PATH = ("budget", "requested_grant_eur")


def describe(params: Params) -> Text:
    """What the rule checks, with its params, in words."""
    return Text(
        "subvention demandée d'au plus le plafond de l'appel",
        "requested grant of at most the call's ceiling",
    )


def run(context: Context, params: NoParams) -> RuleOutcome:
    ceiling = context.call.grant_ceiling_eur
    if ceiling is None:
        return not_evaluated(Text("plafond de subvention de l'appel inconnu", "the call's grant ceiling is unknown"))
    cause = context.view.set_aside.about(_PATH)
    if cause is not None:
        return unread(
            cause, Text("la subvention demandée (requested_grant_eur)", "the requested grant (requested_grant_eur)")
        )
    budget = context.view.budget
    if budget is None:
        return not_evaluated(Text("budget non renseigné", "budget not given"))
    requested = budget.requested_grant_eur
    if requested <= ceiling:
        return passed(
            Text(
                f"subvention demandée {euros(requested).fr}, au plus le plafond de {euros(ceiling).fr}",
                f"requested grant {euros(requested).en}, within the {euros(ceiling).en} ceiling",
            )
        )
    return failed(
        _PATH,
        Text(
            f"subvention demandée {euros(requested).fr}, au-delà du plafond de l'appel ({euros(ceiling).fr})",
            f"requested grant {euros(requested).en}, above the call's ceiling ({euros(ceiling).en})",
        ),
        Text(
            f"ramenez la demande à {euros(ceiling).fr} au plus, et les lignes state_grant_requested avec elle",
            f"bring the request down to {euros(ceiling).en} at most, and the state_grant_requested lines with it",
        ),
    )


def _budget(grant: int) -> str:
    half = grant // 2
    return f"""\
budget:
  years: [2023, 2024]
  expenses:
    - {{label: Animation, category: animation, amounts: {{2023: {half}, 2024: {grant - half}}}}}
  resources:
    - {{label: Subvention, kind: state_grant_requested, amounts: {{2023: {half}, 2024: {grant - half}}}}}
  requested_grant_eur: {grant}
"""


EXAMPLES = (
    Example(_budget(100000), call="ami-2023", status="passed"),
    Example(_budget(120000), call="ami-2023", status="failed"),
)
