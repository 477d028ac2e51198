"""Members are consistent: unique names (PTCE-D07), mutualisations and attachments name
existing members (PTCE-D08, PTCE-D15), groupings give coherent counts (PTCE-D16), and an
expired ESUS approval is pointed out (PTCE-W01).

PASS: two members ``A`` and ``B`` and ``mutualisations: [{members: [A, B]}]``.
FAIL: two members named ``A``; ``mutualisations: [{members: [A, C]}]`` with no member ``C``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ptce_check.context import Context
from ptce_check.dossier import Member
from ptce_check.ess import esus_valid
from ptce_check.findings import Finding
from ptce_check.i18n import Text
from ptce_check.quality.base import finding
from ptce_check.textsafe import escape_all_controls


def _unknown_member(code: str, name: str, known: list[str], path: tuple[str | int, ...]) -> Finding:
    shown = escape_all_controls(name)
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    hint = (
        Text(f"vouliez-vous dire « {close[0]} » ?", f"did you mean '{close[0]}'?")
        if close
        else Text(
            "le nom doit être exactement celui d'un membre (members[].name)",
            "the name must be exactly a member's name (members[].name)",
        )
    )
    return finding(
        code, path, Text(f"« {shown} » n'est pas un membre du pôle", f"'{shown}' is not a member of the pole"), hint
    )


def run(context: Context) -> Iterator[Finding]:
    view = context.view
    first_index: dict[str, int] = {}
    for index, member in enumerate(view.members):
        path = ("members", index)
        if member.name in first_index:
            shown, first = escape_all_controls(member.name), first_index[member.name]
            yield finding(
                "PTCE-D07",
                (*path, "name"),
                Text(
                    f"nom de membre « {shown} » déjà utilisé par members[{first}]",
                    f"member name '{shown}' already used by members[{first}]",
                ),
            )
        first_index.setdefault(member.name, index)
        yield from _grouping(member, path)
        if (
            member.esus_approval is not None
            and not esus_valid(member, context.reference_date)
            and context.reference_date is not None
        ):
            yield finding(
                "PTCE-W01",
                (*path, "esus_approval", "granted_on"),
                Text(
                    f"agrément ESUS du {member.esus_approval.granted_on} non valide à la date de référence "
                    f"{context.reference_date} (validité 5 ans) : il ne prouve pas le statut ESS",
                    f"ESUS approval of {member.esus_approval.granted_on} not valid at the reference date "
                    f"{context.reference_date} (valid 5 years): it does not prove ESS status",
                ),
            )
    known = list(first_index)
    if view.cooperation is not None:
        for m_index, mutualisation in enumerate(view.cooperation.mutualisations or []):
            for n_index, name in enumerate(mutualisation.members):
                if name not in first_index:
                    yield _unknown_member(
                        "PTCE-D08", name, known, ("cooperation", "mutualisations", m_index, "members", n_index)
                    )
    for index, attachment in enumerate(view.attachments):
        if attachment.member is not None and attachment.member not in first_index:
            yield _unknown_member("PTCE-D15", attachment.member, known, ("attachments", index, "member"))


def _grouping(member: Member, path: tuple[str | int, ...]) -> Iterator[Finding]:
    if member.category == "enterprise_grouping" and member.grouping is None:
        yield finding(
            "PTCE-D16",
            path,
            Text(
                "groupement d'entreprises sans effectifs : indiquez grouping.members_total et members_ess",
                "enterprise grouping without counts: give grouping.members_total and members_ess",
            ),
        )
    elif member.grouping is not None and member.grouping.members_ess > member.grouping.members_total:
        ess, total = member.grouping.members_ess, member.grouping.members_total
        yield finding(
            "PTCE-D16",
            (*path, "grouping", "members_ess"),
            Text(
                f"{ess} membres ESS sur {total} au total : impossible",
                f"{ess} ESS members out of {total} in total: impossible",
            ),
        )
