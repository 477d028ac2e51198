"""A phase-2 application of the AMI « PTCE émergents » comes from a phase-1 laureate, or is
filed together with a phase-1 application: `pole.ami_phase1.status` is `laureate` (with the
`year` of the phase-1 decision) or `filed_together`. Absent, or `none`, fails.

PASS: ``ami_phase1: {status: laureate, year: 2021}`` or ``ami_phase1: {status: filed_together}``.
FAIL: ``ami_phase1: {status: none}``; no `ami_phase1` (the finding is at the pole);
``ami_phase1: {status: laureate}`` without the year.
"""

from __future__ import annotations

from ptce_check.checks.base import RuleOutcome, failed, passed, unread
from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.params import NoParams

KIND = "ami_phase1_standing"
Params = NoParams

_PATH = ("pole", "ami_phase1")
_HINT = Text(
    "indiquez pole.ami_phase1\u00a0: {status: laureate, year: AAAA} si le pôle est lauréat de la phase 1, "
    "{status: filed_together} si la phase 1 est déposée en même temps que cette candidature",
    "give pole.ami_phase1: {status: laureate, year: YYYY} if the pole is a phase-1 laureate, "
    "{status: filed_together} if phase 1 is filed together with this application",
)


def describe(params: Params) -> Text:
    """What the rule checks, with its params, in words."""
    return Text(
        "lauréat de la phase 1 de l'AMI, ou phase 1 déposée en même temps",
        "a laureate of the AMI's phase 1, or phase 1 filed together",
    )


def run(context: Context, params: NoParams) -> RuleOutcome:
    cause = context.view.set_aside.about(("pole",)) or context.view.set_aside.within(_PATH)
    if cause is not None:
        return unread(
            cause, Text("la situation en phase 1 (pole.ami_phase1)", "the phase-1 standing (pole.ami_phase1)")
        )
    pole = context.view.pole
    standing = pole.ami_phase1 if pole else None
    if standing is None:
        return failed(
            ("pole",),
            Text(
                "candidature en phase 2 sans situation en phase 1 (pole.ami_phase1 absent)",
                "phase-2 application without a phase-1 standing (pole.ami_phase1 missing)",
            ),
            _HINT,
        )
    if standing.status == "none":
        return failed(
            _PATH,
            Text(
                "ni lauréat de la phase 1, ni phase 1 déposée en même "
                "temps\u00a0: la phase 2 n'est pas ouverte au pôle",
                "neither a phase-1 laureate nor phase 1 filed together: phase 2 is not open to the pole",
            ),
            _HINT,
        )
    if standing.status == "laureate" and standing.year is None:
        return failed(
            _PATH,
            Text(
                "lauréat de la phase 1 sans année de décision (pole.ami_phase1.year)",
                "phase-1 laureate without the year of the decision (pole.ami_phase1.year)",
            ),
            _HINT,
        )
    if standing.status == "laureate":
        return passed(Text(f"lauréat de la phase 1 en {standing.year}", f"phase-1 laureate in {standing.year}"))
    return passed(Text("phase 1 déposée en même temps que la phase 2", "phase 1 filed together with phase 2"))


def _pole(standing: str) -> str:
    return f"""\
    pole:
      name: Pôle
      legal_form: association
      stage: emerging
      contact: {{name: Camille, email: camille@example.org}}
{standing}"""


EXAMPLES = (
    Example(_pole("      ami_phase1: {status: laureate, year: 2021}\n"), call="ami-2022", status="passed"),
    Example(_pole("      ami_phase1: {status: filed_together}\n"), call="ami-2022", status="passed"),
    Example(_pole("      ami_phase1: {status: none}\n"), call="ami-2022", status="failed"),
    Example(_pole("      ami_phase1: {status: laureate}\n"), call="ami-2022", status="failed"),
    Example(_pole(""), call="ami-2022", status="failed"),
)
