"""How mature the pole is: how many of three signs it shows, a structure at least
`min_age_years` old at the submission date (else the call's deadline; `pole.created_on`),
staff of its own (`pole.staff_fte` at least `min_staff_fte`) and revenue of its own
(`pole.revenue_eur` at least `min_revenue_eur`). Defaults: 2 years, 1 FTE, 1 €.

PASS: created 2019-03-01, 2.5 FTE, 45 000 € of revenue, submitted in 2023 (value 3).
FAIL: created 2023-01-10, no staff or revenue given (value 0).
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.metrics.base import Measure
from ptce_check.money import euros, number

KIND = "maturity"
TARGET = Text(
    "documentez la maturité du pôle\u00a0: ancienneté de la structure, salariés propres, recettes propres "
    "(palier suivant\u00a0: {threshold:g} signes sur 3)",
    "document the pole's maturity: age of the structure, own staff, own revenue (next band: {threshold:g} of 3 signs)",
)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    min_age_years: float = Field(default=2, ge=0)
    min_staff_fte: float = Field(default=1, ge=0)
    min_revenue_eur: float = Field(default=1, ge=0)


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    age, staff, revenue = number(params.min_age_years), number(params.min_staff_fte), euros(params.min_revenue_eur)
    return Text(
        f"signes de maturité sur 3\u00a0: structure d'au moins {age.fr} ans, au moins {staff.fr} ETP propres, "
        f"au moins {revenue.fr} de recettes propres",
        f"signs of maturity out of 3: structure at least {age.en} years old, at least {staff.en} own FTE, "
        f"at least {revenue.en} of own revenue",
    )


def run(context: Context, params: Params) -> Measure:
    pole = context.view.pole
    if pole is None:
        return Measure(0.0, Text("pôle non décrit", "pole not described"), (("pole",),))
    met_fr, met_en = [], []
    age = _age_years(pole.created_on, context.reference_date)
    if age is not None and age >= params.min_age_years:
        years = round(age, 1)
        met_fr.append(f"structure créée il y a {number(years).fr} {'an' if years < 2 else 'ans'}")
        met_en.append(f"structure created {number(years).en} {'year' if years == 1 else 'years'} ago")
    if pole.staff_fte is not None and pole.staff_fte >= params.min_staff_fte:
        met_fr.append(f"{number(pole.staff_fte).fr} ETP {'salarié' if pole.staff_fte < 2 else 'salariés'}")
        met_en.append(f"{number(pole.staff_fte).en} FTE staff")
    if pole.revenue_eur is not None and pole.revenue_eur >= params.min_revenue_eur and pole.revenue_eur > 0:
        met_fr.append(f"recettes propres {euros(pole.revenue_eur).fr}")
        met_en.append(f"own revenue {euros(pole.revenue_eur).en}")
    return Measure(
        float(len(met_fr)),
        Text(
            ", ".join(met_fr) or "aucun signe de maturité renseigné", ", ".join(met_en) or "no sign of maturity given"
        ),
        (("pole", "created_on"), ("pole", "staff_fte"), ("pole", "revenue_eur")),
    )


def _age_years(created: date | None, reference: date | None) -> float | None:
    if created is None or reference is None:
        return None
    return (reference - created).days / 365.25


def _pole(extra: str) -> str:
    return f"""\
submitted_at: 2023-07-15
pole:
  name: Pôle
  legal_form: association
  stage: consolidating
  contact: {{name: Camille, email: camille@example.org}}
{extra}"""


EXAMPLES = (
    Example(_pole("  created_on: 2019-03-01\n  staff_fte: 2.5\n  revenue_eur: 45000\n"), call="ami-2023", value=3),
    Example(
        _pole("  created_on: 2022-03-01\n  staff_fte: 0.5\n"), params={"min_age_years": 1}, value=1, call="ami-2023"
    ),
    Example(_pole("  created_on: 2023-01-10\n"), call="ami-2023", value=0, passes=False),
)
