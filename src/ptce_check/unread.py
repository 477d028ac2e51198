"""What a dossier's set-aside values leave unread, as the rules and data checks ask it: the
members, one member's fields, the local-authority resource lines."""

from __future__ import annotations

from ptce_check.findings import Cause
from ptce_check.view import DossierView


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
