"""What a hard rule returns: passed, failed (with where and why), or not evaluated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ptce_check.dossier import Member
from ptce_check.findings import Cause, Path, format_path
from ptce_check.i18n import Text
from ptce_check.textsafe import escape_all_controls
from ptce_check.view import DossierView

Status = Literal["passed", "failed", "not_evaluated"]


class NoParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True, slots=True)
class Failure:
    path: Path
    message: Text
    hint: Text | None = None


@dataclass(frozen=True, slots=True)
class RuleOutcome:
    status: Status
    evidence: Text
    failures: tuple[Failure, ...] = ()
    #: For a rule not evaluated because a value it needs was set aside: the finding that did.
    caused_by: Cause | None = None


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


def members_unread(view: DossierView, fields: tuple[str, ...]) -> Cause | None:
    """The first cause that left a member out, or one of these fields of a member unread."""
    aside = view.set_aside
    whole = aside.about(("members",))
    if whole is not None:
        return whole
    for path, cause in aside.under(("members",)):
        if len(path) == 2 or path[2] in fields:
            return cause
    return None


def member_unread(view: DossierView, index: int, fields: tuple[str, ...]) -> Cause | None:
    """The cause when one of these fields of members[index] (or what it holds) is unread."""
    for name in fields:
        cause = view.set_aside.within(("members", index, name))
        if cause is not None:
            return cause
    return None


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


def local_lines_unread(view: DossierView, fields: tuple[str, ...]) -> Cause | None:
    """The first cause that leaves unknown which resource lines are local-authority ones, or
    these fields of one of them."""
    aside = view.set_aside
    whole = aside.about(("budget", "resources"))
    if whole is not None:
        return whole
    lines = view.budget.resources if view.budget else []
    for path, cause in aside.under(("budget", "resources")):
        if len(path) == 3 or path[3] == "kind":
            return cause
    for index, line in enumerate(lines):
        if line.kind == "local_authority":
            for name in fields:
                found = aside.within(("budget", "resources", index, name))
                if found is not None:
                    return found
    return None


def names(members: Sequence[tuple[int, Member]], limit: int = 4) -> str:
    """`A, B, C` (and `…` past the limit) for evidence texts."""
    shown = [escape_all_controls(member.name) for _, member in members[:limit]]
    return ", ".join(shown) + (", …" if len(members) > limit else "")
