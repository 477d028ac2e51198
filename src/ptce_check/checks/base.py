"""Helpers of the hard rules: outcomes (passed, failed with where and why, not evaluated) and
what the set-aside values leave unread."""

from __future__ import annotations

from collections.abc import Sequence

from ptce_check.dossier import Member
from ptce_check.findings import Cause, Path, format_path
from ptce_check.i18n import Text
from ptce_check.kinds import Failure, RuleOutcome, Status
from ptce_check.textsafe import escape_all_controls
from ptce_check.unread import local_lines_unread, member_unread, members_unread
from ptce_check.view import DossierView

__all__ = [
    "ESS_FIELDS",
    "Failure",
    "RuleOutcome",
    "Status",
    "failed",
    "known_members",
    "local_lines_unread",
    "member_unread",
    "members_unread",
    "names",
    "not_evaluated",
    "passed",
    "unread",
]


def passed(evidence: Text) -> RuleOutcome:
    return RuleOutcome("passed", evidence)


def failed(path: Path, message: Text, hint: Text | None = None) -> RuleOutcome:
    return RuleOutcome("failed", message, (Failure(path, message, hint),))


def not_evaluated(reason: Text) -> RuleOutcome:
    return RuleOutcome("not_evaluated", reason)


def unread(cause: Cause, what: Text) -> RuleOutcome:
    """Not evaluated: `what`, which the rule needs, could not be read (see `cause`)."""
    where = escape_all_controls(format_path(cause.path)) or "?"
    return RuleOutcome(
        "not_evaluated",
        Text(
            f"non évaluée, faute d'avoir pu lire {what.fr} (voir {cause.code} à {where})",
            f"not evaluated: {what.en} could not be read (see {cause.code} at {where})",
        ),
        caused_by=cause,
    )


#: What makes a member an ESS enterprise or not (besides the reference date).
ESS_FIELDS = ("category", "legal_form", "ess_statutes", "esus_approval")


def known_members(view: DossierView, fields: tuple[str, ...]) -> tuple[list[tuple[int, Member]], Cause | None]:
    """The members whose `fields` were all read, and the first cause that left one unread.
    An ESUS approval is judged at the submission date: unread, it leaves approvals unjudged."""
    date_cause = view.set_aside.about(("submitted_at",)) if "esus_approval" in fields else None
    known: list[tuple[int, Member]] = []
    first = members_unread(view, fields)
    for index, member in enumerate(view.members):
        cause = member_unread(view, index, fields)
        if cause is None and date_cause is not None and member.esus_approval is not None:
            cause = date_cause
        if cause is None:
            known.append((index, member))
        first = first or cause
    return known, first


def names(members: Sequence[tuple[int, Member]], limit: int = 4) -> str:
    """`A, B, C` (and `…` past the limit) for evidence texts."""
    shown = [escape_all_controls(member.name) for _, member in members[:limit]]
    return ", ".join(shown) + (", …" if len(members) > limit else "")
