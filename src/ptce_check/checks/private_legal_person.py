"""The pole is a private-law legal person (décret 2015-431 art. 3 1°).

PASS: ``pole: {legal_form: association}``; with ``allow_carrier: true`` also
``pole: {legal_form: none, carrier: {legal_form: cooperative}}``.
FAIL: ``pole: {legal_form: local_authority_grouping}`` or ``legal_form: natural_person``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from ptce_check.checks.base import RuleOutcome, failed, passed, unread
from ptce_check.context import Context
from ptce_check.dossier import Pole
from ptce_check.ess import is_private_legal_person
from ptce_check.i18n import Text
from ptce_check.kinds import Example

KIND = "private_legal_person"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    #: Accept a pole without legal personality carried by a private-law legal person.
    allow_carrier: bool = False


def describe(params: Params) -> Text:
    """What the rule checks, with its params, in words."""
    if params.allow_carrier:
        return Text(
            "pôle personne morale de droit privé, ou porté par une telle personne",
            "pole a private-law legal person, or carried by one",
        )
    return Text("pôle personne morale de droit privé", "pole a private-law legal person")


def run(context: Context, params: Params) -> RuleOutcome:
    pole = context.view.pole
    path = ("pole", "legal_form")
    what = Text("la forme juridique du pôle", "the pole's legal form")
    cause = context.view.set_aside.about(path)
    if cause is not None:
        return unread(cause, what)
    if pole is None:
        return failed(
            path, Text("la forme juridique du pôle n'a pas pu être lue", "the pole's legal form could not be read")
        )
    if is_private_legal_person(pole.legal_form):
        return passed(
            Text(
                f"pôle de forme « {pole.legal_form} », personne morale de droit privé",
                f"pole of form '{pole.legal_form}', a private-law legal person",
            )
        )
    if pole.legal_form == "none" and params.allow_carrier:
        return _carried(context, pole)
    return _not_private(pole)


def _carried(context: Context, pole: Pole) -> RuleOutcome:
    """A pole without legal personality, where the call accepts a carrying structure."""
    path = ("pole", "legal_form")
    carrier_cause = context.view.set_aside.about(("pole", "carrier", "legal_form"))
    if carrier_cause is not None:
        return unread(carrier_cause, Text("la forme juridique de la structure porteuse", "the carrier's legal form"))
    if pole.carrier is None:
        return failed(
            path,
            Text(
                "pôle sans personnalité morale et sans structure porteuse (carrier)",
                "pole without legal personality and without a carrier",
            ),
            Text("indiquez la structure porteuse dans pole.carrier", "name the carrying structure in pole.carrier"),
        )
    if is_private_legal_person(pole.carrier.legal_form):
        return passed(
            Text(
                f"pôle porté par « {pole.carrier.name} », personne morale de droit privé",
                f"pole carried by '{pole.carrier.name}', a private-law legal person",
            )
        )
    return failed(
        ("pole", "carrier", "legal_form"),
        Text(
            f"la structure porteuse est de forme « {pole.carrier.legal_form} », pas une personne morale de droit privé",
            f"the carrier's form is '{pole.carrier.legal_form}', not a private-law legal person",
        ),
    )


def _not_private(pole: Pole) -> RuleOutcome:
    """Why a pole of this form is not a private-law legal person."""
    path = ("pole", "legal_form")
    if pole.legal_form == "none":
        return failed(
            path,
            Text(
                "le pôle doit être lui-même une personne morale de droit privé pour cet appel",
                "for this call the pole itself must be a private-law legal person",
            ),
            Text(
                "constituez le pôle en association, coopérative (SCIC), GIE…",
                "set the pole up as an association, cooperative (SCIC), GIE…",
            ),
        )
    if pole.legal_form == "natural_person" or pole.legal_form == "sole_proprietorship":
        return failed(
            path,
            Text(
                f"forme « {pole.legal_form} »\u00a0: le pôle n'est pas une personne morale",
                f"form '{pole.legal_form}': the pole is not a legal person",
            ),
        )
    return failed(
        path,
        Text(
            f"forme « {pole.legal_form} »\u00a0: le pôle est une personne de droit public",
            f"form '{pole.legal_form}': the pole is a public-law body",
        ),
        Text(
            "une collectivité peut être membre du pôle, pas le porter",
            "a public body may be a member of the pole, not the pole itself",
        ),
    )


EXAMPLES = (
    Example(
        """\
    pole:
      name: Pôle
      legal_form: association
      stage: emerging
      contact: {name: Camille, email: camille@example.org}
""",
        status="passed",
    ),
    Example(
        """\
    pole:
      name: Pôle
      legal_form: none
      stage: emerging
      contact: {name: Camille, email: camille@example.org}
      carrier: {name: Coop, legal_form: cooperative}
""",
        params={"allow_carrier": True},
        status="passed",
    ),
    Example(
        """\
    pole:
      name: Pôle
      legal_form: none
      stage: emerging
      contact: {name: Camille, email: camille@example.org}
      carrier: {name: Coop, legal_form: cooperative}
""",
        status="failed",
    ),
    Example(
        """\
    pole:
      name: Pôle
      legal_form: local_authority_grouping
      stage: emerging
      contact: {name: Camille, email: camille@example.org}
""",
        status="failed",
    ),
    Example(
        """\
    pole:
      name: Pôle
      legal_form: natural_person
      stage: emerging
      contact: {name: Camille, email: camille@example.org}
""",
        status="failed",
    ),
)
