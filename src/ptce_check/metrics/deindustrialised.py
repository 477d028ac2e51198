"""A deindustrialised basin: level 1 when declared, 2 when the notes evidence it.

PASS: ``difficulties: {deindustrialised: true, notes: Fermeture de l'usine en 2012.}`` (value 2).
FAIL: ``deindustrialised: false`` (value 0); not given (nothing to measure).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.metrics.base import DIFFICULTIES, DIFFICULTIES_NOT_GIVEN, Measure, NoParams, difficulties

KIND = "deindustrialised"
TARGET = Text(
    "si le bassin est désindustrialisé, déclarez-le et justifiez-le dans difficulties.notes (palier "
    "suivant\u00a0: niveau {threshold:g} sur 2)",
    "if the basin is deindustrialised, declare it and give the evidence in difficulties.notes (next "
    "band: level {threshold:g} of 2)",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text(
        "bassin désindustrialisé\u00a0: 1 déclaré, 2 étayé par les notes",
        "deindustrialised basin: 1 declared, 2 evidenced by the notes",
    )


def run(context: Context, params: NoParams) -> Measure:
    declared = difficulties(context)
    if declared is None or declared.deindustrialised is None:
        return Measure(None, DIFFICULTIES_NOT_GIVEN)
    if not declared.deindustrialised:
        return Measure(
            0.0,
            Text("bassin non désindustrialisé", "basin not deindustrialised"),
            ((*DIFFICULTIES, "deindustrialised"),),
        )
    evidenced = bool((declared.notes or "").strip())
    return Measure(
        2.0 if evidenced else 1.0,
        Text(
            "bassin désindustrialisé" + (", justifié dans notes" if evidenced else ", sans justification"),
            "deindustrialised basin" + (", evidenced in notes" if evidenced else ", without evidence"),
        ),
        ((*DIFFICULTIES, "deindustrialised"),),
    )


def _territory(difficulties: str) -> str:
    return f"""\
territory:
  name: Pays de Romans
  communes: ['26281', '26057']
  difficulties: {{{difficulties}}}
"""


EXAMPLES = (
    Example(_territory("deindustrialised: true, notes: Fermeture de l'usine en 2012."), value=2),
    Example(_territory("deindustrialised: true"), value=1, passes=False),
    Example(_territory("deindustrialised: false"), value=0, passes=False),
    Example(_territory("unemployment_rate: 9"), value=None, passes=False),
)
