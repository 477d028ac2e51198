"""At least one member is an ESS enterprise: category `enterprise`, a legal person, ESS by
legal form, by ESS statutes (`ess_statutes: true`) or by a valid ESUS approval
(loi 2014-856 art. 1; décret 2015-431 art. 3 2°).

PASS: ``{category: enterprise, legal_form: cooperative}``.
FAIL: only ``{category: enterprise, legal_form: commercial_company}`` without ESS statutes.
"""

from __future__ import annotations

from ptce_check.checks.base import ESS_FIELDS, RuleOutcome, failed, known_members, names, passed, unread
from ptce_check.context import Context
from ptce_check.ess import is_ess_enterprise
from ptce_check.i18n import Text, plural
from ptce_check.kinds import Example
from ptce_check.params import NoParams

KIND = "ess_enterprise_member"
Params = NoParams


def describe(params: Params) -> Text:
    """What the rule checks, with its params, in words."""
    return Text("au moins une entreprise de l'ESS parmi les membres", "at least one ESS enterprise among the members")


def run(context: Context, params: NoParams) -> RuleOutcome:
    members, cause = known_members(context.view, ESS_FIELDS)
    found = [(i, m) for i, m in members if is_ess_enterprise(m, context.reference_date)]
    if not found and cause is not None:
        return unread(
            cause, Text("ce qui fait d'un membre une entreprise de l'ESS", "what makes a member an ESS enterprise")
        )
    if found:
        return passed(
            Text(
                f"{plural(len(found), 'entreprise', 'entreprises')} de l'ESS\u00a0: {names(found)}",
                f"{plural(len(found), 'ESS enterprise', 'ESS enterprises', 'en')}: {names(found)}",
            )
        )
    return failed(
        ("members",),
        Text(
            "aucun membre n'est une entreprise de l'ESS (catégorie enterprise, personne morale, statut ESS)",
            "no member is an ESS enterprise (category enterprise, legal person, ESS status)",
        ),
        Text(
            "association, coopérative, mutuelle, fondation, société avec ess_statutes: true ou agrément ESUS valide",
            "association, cooperative, mutual, foundation, a company with ess_statutes: true or a valid ESUS approval",
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
      - {name: Société, legal_form: commercial_company, category: enterprise}
      - {name: Ville, legal_form: local_authority_grouping, category: local_authority}
""",
        status="failed",
    ),
)
