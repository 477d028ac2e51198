"""At least one member is one of the other persons named by art. 9 of law 2014-856: a local
authority or grouping, a research centre, a higher-education or training body, or any other
natural or legal person (décret 2015-431 art. 3 2°). Natural persons count here.

PASS: ``{category: training, legal_form: association}``.
FAIL: only members of category `enterprise` and `enterprise_grouping`.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ptce_check.checks.base import RuleOutcome, failed, member_unread, members_unread, names, passed, unread
from ptce_check.context import Context
from ptce_check.i18n import Text, plural
from ptce_check.kinds import Example, listed

KIND = "art9_partner_member"
CATEGORY_WORDS = {
    "enterprise": Text("entreprise", "enterprise"),
    "enterprise_grouping": Text("groupement d'entreprises", "group of enterprises"),
    "local_authority": Text("collectivité", "local authority"),
    "research": Text("recherche", "research"),
    "higher_education": Text("enseignement supérieur", "higher education"),
    "training": Text("formation", "training"),
    "other": Text("autre personne", "other person"),
}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    categories: list[str] = Field(
        default=["local_authority", "research", "higher_education", "training", "other"], min_length=1
    )


def describe(params: Params) -> Text:
    """What the rule checks, with its params, in words."""
    shown = listed(params.categories, CATEGORY_WORDS)
    return Text(
        f"au moins un membre d'une catégorie de l'art. 9\u00a0: {shown.fr}",
        f"at least one member of an art. 9 category: {shown.en}",
    )


def run(context: Context, params: Params) -> RuleOutcome:
    view = context.view
    found = [
        (i, m)
        for i, m in enumerate(view.members)
        if member_unread(view, i, ("category",)) is None and m.category in params.categories
    ]
    cause = members_unread(view, ("category",))
    if not found and cause is not None:
        return unread(cause, Text("la catégorie d'un membre", "a member's category"))
    if found:
        return passed(
            Text(
                f"{plural(len(found), 'partenaire', 'partenaires')} au sens de l'article 9\u00a0: {names(found)}",
                f"{plural(len(found), 'partner', 'partners', 'en')} under article 9: {names(found)}",
            )
        )
    listed = ", ".join(params.categories)
    return failed(
        ("members",),
        Text(
            "aucun membre collectivité, recherche, enseignement supérieur, formation ou autre personne",
            "no member is a local authority, research, higher-education, training body or other person",
        ),
        Text(f"catégories attendues\u00a0: {listed}", f"expected categories: {listed}"),
    )


EXAMPLES = (
    Example(
        """\
    members:
      - {name: Coop, legal_form: cooperative, category: enterprise}
      - {name: Société, legal_form: commercial_company, category: enterprise}
      - {name: Lycée, legal_form: association, category: training}
""",
        status="passed",
    ),
    Example(
        """\
    members:
      - {name: Coop, legal_form: cooperative, category: enterprise}
      - {name: Société, legal_form: commercial_company, category: enterprise}
      - {name: Groupement, legal_form: association, category: enterprise_grouping,
         grouping: {members_total: 10, members_ess: 5}}
""",
        status="failed",
    ),
)
