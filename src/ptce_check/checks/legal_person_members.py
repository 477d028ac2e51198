"""At least `minimum` members are legal persons (décret 2015-431 art. 3 2°).

PASS: three members with forms association, commercial_company, local_authority.
FAIL: an association, a company and a natural person (two legal persons).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ptce_check.checks.base import RuleOutcome, failed, member_unread, members_unread, names, passed, unread
from ptce_check.context import Context
from ptce_check.ess import is_legal_person
from ptce_check.i18n import Text, plural
from ptce_check.kinds import Example

KIND = "legal_person_members"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    minimum: int = Field(default=3, ge=1)


def describe(params: Params) -> Text:
    """What the rule checks, with its params, in words."""
    return Text(
        f"au moins {params.minimum} membres personnes morales",
        f"at least {params.minimum} members that are legal persons",
    )


def run(context: Context, params: Params) -> RuleOutcome:
    view = context.view
    legal = [
        (i, m)
        for i, m in enumerate(view.members)
        if member_unread(view, i, ("legal_form",)) is None and is_legal_person(m.legal_form)
    ]
    count = len(legal)
    cause = members_unread(view, ("legal_form",))
    if count < params.minimum and cause is not None:
        return unread(cause, Text("la forme juridique d'un membre", "a member's legal form"))
    if count >= params.minimum:
        return passed(
            Text(
                f"{count} membres personnes morales ({names(legal)})",
                f"{count} members are legal persons ({names(legal)})",
            )
        )
    return failed(
        ("members",),
        Text(
            f"{plural(count, 'membre personne morale', 'membres personnes morales')} seulement, "
            f"il en faut au moins {params.minimum}",
            f"only {plural(count, 'member is a legal person', 'members are legal persons', 'en')}, "
            f"at least {params.minimum} are required",
        ),
        Text(
            "les personnes physiques et entreprises individuelles ne comptent pas ici",
            "natural persons and sole proprietorships do not count here",
        ),
    )


EXAMPLES = (
    Example(
        """\
    members:
      - {name: Coop, legal_form: cooperative, category: enterprise}
      - {name: Société, legal_form: commercial_company, category: enterprise}
      - {name: Ville, legal_form: local_authority_grouping, category: local_authority}
""",
        status="passed",
    ),
    Example(
        """\
    members:
      - {name: Coop, legal_form: cooperative, category: enterprise}
      - {name: Société, legal_form: commercial_company, category: enterprise}
      - {name: Camille, legal_form: natural_person, category: other}
""",
        status="failed",
    ),
)
