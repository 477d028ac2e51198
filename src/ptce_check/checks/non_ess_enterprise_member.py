"""At least one member is a non-ESS enterprise (category `enterprise`, a legal person, not
ESS), or an `enterprise_grouping` whose non-ESS members are a strict majority
(décret 2015-431 art. 3 2°; cahier des charges 2015, criterion 5).

PASS: ``{category: enterprise, legal_form: commercial_company}``;
``{category: enterprise_grouping,
         grouping: {members_total: 120, members_ess: 10}}``.
FAIL: only ESS enterprises; a grouping with ``members_total: 10, members_ess: 5``.
"""

from __future__ import annotations

from ptce_check.checks.base import ESS_FIELDS, RuleOutcome, failed, known_members, names, passed, unread
from ptce_check.context import Context
from ptce_check.ess import is_non_ess_enterprise
from ptce_check.i18n import Text, plural
from ptce_check.kinds import Example
from ptce_check.params import NoParams

KIND = "non_ess_enterprise_member"
Params = NoParams


def describe(params: Params) -> Text:
    """What the rule checks, with its params, in words."""
    return Text(
        "au moins une entreprise hors ESS parmi les membres",
        "at least one non-ESS enterprise among the members",
    )


def run(context: Context, params: NoParams) -> RuleOutcome:
    members, cause = known_members(context.view, (*ESS_FIELDS, "grouping"))
    found = [(i, m) for i, m in members if is_non_ess_enterprise(m, context.reference_date)]
    if not found and cause is not None:
        return unread(
            cause, Text("ce qui fait d'un membre une entreprise hors ESS", "what makes a member a non-ESS enterprise")
        )
    if found:
        return passed(
            Text(
                f"{plural(len(found), 'entreprise ou groupement', 'entreprises ou groupements')} hors ESS\u00a0: "
                f"{names(found)}",
                f"{plural(len(found), 'non-ESS enterprise or grouping', 'non-ESS enterprises or groupings', 'en')}: "
                f"{names(found)}",
            )
        )
    return failed(
        ("members",),
        Text(
            "aucun membre n'est une entreprise hors ESS, ni un groupement d'entreprises majoritairement hors ESS",
            "no member is a non-ESS enterprise, nor an enterprise grouping with a non-ESS majority",
        ),
        Text(
            "ajoutez une entreprise « classique » du territoire (catégorie enterprise)",
            "add an ordinary enterprise of the territory (category enterprise)",
        ),
    )


EXAMPLES = (
    Example(
        """\
    members:
      - {name: Coop, legal_form: cooperative, category: enterprise}
      - {name: Société, legal_form: commercial_company, category: enterprise}
""",
        status="passed",
    ),
    Example(
        """\
    members:
      - {name: Coop, legal_form: cooperative, category: enterprise}
      - {name: Groupement, legal_form: association, category: enterprise_grouping,
         grouping: {members_total: 120, members_ess: 10}}
""",
        status="passed",
    ),
    Example(
        """\
    members:
      - {name: Coop, legal_form: cooperative, category: enterprise}
      - {name: Ville, legal_form: local_authority_grouping, category: local_authority}
""",
        status="failed",
    ),
    Example(
        """\
    members:
      - {name: Coop, legal_form: cooperative, category: enterprise}
      - {name: Groupement, legal_form: association, category: enterprise_grouping,
         grouping: {members_total: 10, members_ess: 5}}
""",
        status="failed",
    ),
)
