"""Local-authority co-financing is present: at least one `local_authority` resource line with
a positive amount (2013 call: co-financing by local authorities was mandatory).

PASS: ``resources: [{kind: local_authority, funder: Région, amounts: {2014: 10000}}]``.
FAIL: no resource line of kind `local_authority`.
"""

from __future__ import annotations

from ptce_check.checks.base import RuleOutcome, failed, local_lines_unread, passed, unread
from ptce_check.context import Context
from ptce_check.i18n import Text, plural
from ptce_check.kinds import Example
from ptce_check.params import NoParams

KIND = "local_authority_cofinancing"
Params = NoParams


def describe(params: Params) -> Text:
    """What the rule checks, with its params, in words."""
    return Text(
        "au moins un cofinancement d'une collectivité territoriale",
        "at least one co-financing by a local authority",
    )


def run(context: Context, params: NoParams) -> RuleOutcome:
    budget = context.view.budget
    cause = context.view.set_aside.about(("budget",))
    if cause is not None:
        return unread(cause, Text("le budget", "the budget"))
    if budget is None:
        return failed(("budget",), Text("le budget n'a pas pu être lu", "the budget could not be read"))
    funders = sorted(
        {
            line.funder or line.label
            for line in budget.resources
            if line.kind == "local_authority" and sum(line.amounts.values()) > 0
        }
    )
    cause = local_lines_unread(context.view, ("amounts",))
    if not funders and cause is not None:
        return unread(cause, Text("une ligne de ressource des collectivités", "a local-authority resource line"))
    if funders:
        return passed(
            Text(
                f"cofinancement par {plural(len(funders), 'collectivité', 'collectivités')}\u00a0: "
                f"{', '.join(funders)}",
                f"co-financed by {plural(len(funders), 'local authority', 'local authorities', 'en')}: "
                f"{', '.join(funders)}",
            )
        )
    return failed(
        ("budget", "resources"),
        Text(
            "aucun cofinancement par une collectivité territoriale (ligne de ressource local_authority)",
            "no co-financing by a local authority (resource line of kind local_authority)",
        ),
        Text(
            "le cofinancement des collectivités était obligatoire pour cet appel",
            "local-authority co-financing was mandatory for this call",
        ),
    )


EXAMPLES = (
    Example(
        """\
    budget:
      years: [2014]
      expenses:
        - {label: Animation, category: animation, amounts: {2014: 300000}}
      resources:
        - {label: Région, kind: local_authority, funder: Région, amounts: {2014: 10000}}
        - {label: Subvention, kind: state_grant_requested, amounts: {2014: 290000}}
      requested_grant_eur: 290000
""",
        call="ptce-2013",
        status="passed",
    ),
    Example(
        """\
    budget:
      years: [2014]
      expenses:
        - {label: Animation, category: animation, amounts: {2014: 300000}}
      resources:
        - {label: Ventes, kind: own_revenue, amounts: {2014: 10000}}
        - {label: Subvention, kind: state_grant_requested, amounts: {2014: 290000}}
      requested_grant_eur: 290000
""",
        call="ptce-2013",
        status="failed",
    ),
)
