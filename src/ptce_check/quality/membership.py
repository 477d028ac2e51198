"""Members are consistent: unique names (PTCE-D07), mutualisations and attachments name
existing members (PTCE-D08, PTCE-D15), groupings give coherent counts (PTCE-D16), and an
expired ESUS approval is pointed out (PTCE-W01).

Names are compared by `names.name_key` (Unicode NFC, case, spacing): « Régie » written composed
or decomposed, or « régie  » typed again, is the same member. The « vouliez-vous dire » hints come
from one `suggestions.Suggester` per dossier, whose work is bounded (see that module).

PASS: two members ``A`` and ``B`` and ``mutualisations: [{members: [A, B]}]``.
FAIL: two members named ``A``; ``mutualisations: [{members: [A, C]}]`` with no member ``C``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ptce_check.codes import finding
from ptce_check.context import Context
from ptce_check.dossier import Member
from ptce_check.ess import esus_valid
from ptce_check.findings import Finding
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.names import name_key
from ptce_check.suggestions import Suggester
from ptce_check.textsafe import escape_all_controls

CODES = ("PTCE-D07", "PTCE-D08", "PTCE-D15", "PTCE-D16", "PTCE-W01")


def _unknown_member(code: str, name: str, known: Suggester, path: tuple[str | int, ...]) -> Finding:
    shown = escape_all_controls(name)
    close = known.closest(name)
    suggested = escape_all_controls(close) if close is not None else ""
    hint = (
        Text(f"vouliez-vous dire « {suggested} »\u00a0?", f"did you mean '{suggested}'?")
        if close is not None
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
        key = name_key(member.name)
        if key in first_index:
            yield _duplicate(member.name, view.members[first_index[key]].name, first_index[key], path)
        first_index.setdefault(key, index)
        yield from _grouping(member, path)
        yield from _expired_esus(member, context, path)
    yield from _references(context, first_index)


def _duplicate(name: str, first_name: str, first: int, path: tuple[str | int, ...]) -> Finding:
    shown = escape_all_controls(name)
    message = Text(
        f"nom de membre « {shown} » déjà utilisé par members[{first}]",
        f"member name '{shown}' already used by members[{first}]",
    )
    if name == first_name:
        return finding("PTCE-D07", (*path, "name"), message)
    return finding(
        "PTCE-D07",
        (*path, "name"),
        message,
        Text(
            f"members[{first}] s'écrit « {escape_all_controls(first_name)} »\u00a0: même nom à la casse, aux espaces "
            "ou à la forme Unicode près",
            f"members[{first}] is written '{escape_all_controls(first_name)}': the same name but for case, "
            "spacing or Unicode form",
        ),
    )


def _references(context: Context, first_index: dict[str, int]) -> Iterator[Finding]:
    """Mutualisations (PTCE-D08) and attachments (PTCE-D15) name members by their name."""
    view = context.view
    known = Suggester(view.members[index].name for index in first_index.values())
    if view.cooperation is not None:
        for m_index, mutualisation in enumerate(view.cooperation.mutualisations or []):
            for n_index, name in enumerate(mutualisation.members):
                if name_key(name) not in first_index:
                    path = ("cooperation", "mutualisations", m_index, "members", n_index)
                    yield _unknown_member("PTCE-D08", name, known, path)
    for index, attachment in enumerate(view.attachments):
        if attachment.member is not None and name_key(attachment.member) not in first_index:
            yield _unknown_member("PTCE-D15", attachment.member, known, ("attachments", index, "member"))


def _expired_esus(member: Member, context: Context, path: tuple[str | int, ...]) -> Iterator[Finding]:
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
                f"{context.reference_date} (validité 5 ans)\u00a0: il ne prouve pas le statut ESS",
                f"ESUS approval of {member.esus_approval.granted_on} not valid at the reference date "
                f"{context.reference_date} (valid 5 years): it does not prove ESS status",
            ),
        )


def _grouping(member: Member, path: tuple[str | int, ...]) -> Iterator[Finding]:
    if member.category == "enterprise_grouping" and member.grouping is None:
        yield finding(
            "PTCE-D16",
            path,
            Text(
                "groupement d'entreprises sans effectifs\u00a0: indiquez grouping.members_total et members_ess",
                "enterprise grouping without counts: give grouping.members_total and members_ess",
            ),
        )
    elif member.grouping is not None and member.grouping.members_ess > member.grouping.members_total:
        ess, total = member.grouping.members_ess, member.grouping.members_total
        yield finding(
            "PTCE-D16",
            (*path, "grouping", "members_ess"),
            Text(
                f"{ess} membres ESS sur {total} au total\u00a0: impossible",
                f"{ess} ESS members out of {total} in total: impossible",
            ),
        )


_MEMBERS = """\
members:
  - {name: Atelier Solidaire, legal_form: association, category: enterprise}
  - {name: Menuiserie Durand, legal_form: commercial_company, category: enterprise}
"""

EXAMPLES = (
    Example(
        _MEMBERS
        + """\
cooperation:
  strategy: Mutualiser un atelier.
  mutualisations:
    - kind: shared_premises
      description: Atelier partagé
      members: [Atelier Solidaire, menuiserie  durand]
"""
    ),
    Example(
        """\
        members:
          - {name: Atelier Solidaire, legal_form: association, category: enterprise}
          - {name: Menuiserie Durand, legal_form: commercial_company, category: enterprise}
          - {name: atelier  solidaire, legal_form: cooperative, category: enterprise}
        """,
        findings=(("PTCE-D07", 4),),
    ),
    Example(
        _MEMBERS
        + """\
cooperation:
  strategy: Mutualiser un atelier.
  mutualisations:
    - kind: shared_premises
      description: Atelier partagé
      members:
        - Atelier Solidaire
        - Menuiserie Dupont
attachments:
  - {kind: statutes, path: annexes/statuts.txt, member: Régie}
""",
        findings=(("PTCE-D08", 11), ("PTCE-D15", 13)),
    ),
    Example(
        """\
        members:
          - name: Atelier Solidaire
            legal_form: association
            category: enterprise_grouping
          - name: Menuiserie Durand
            legal_form: commercial_company
            category: enterprise
            esus_approval: {granted_on: 2005-03-01}
        """,
        findings=(("PTCE-D16", 2), ("PTCE-W01", 8)),
    ),
)
