"""How the results will be evaluated: how many of three elements `project.evaluation` gives,
a method described, at least `min_indicators` result indicators (default 2), and a baseline
and a target for every indicator. An indicator named twice counts once.

PASS: a method and two indicators each with baseline and target (value 3).
FAIL: no `evaluation` (value 0); one indicator without a target and no method (value 0).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ptce_check.context import Context
from ptce_check.i18n import Text, plural
from ptce_check.kinds import Example
from ptce_check.metrics.base import Measure, distinct, text_key

KIND = "evaluation"
TARGET = Text(
    "si l'évaluation est prévue, documentez sa méthode, ses indicateurs de résultat, leurs valeurs de "
    "départ et leurs cibles (palier suivant\u00a0: {threshold:g} éléments sur 3)",
    "if the evaluation is planned, document its method, result indicators, baselines and targets (next "
    "band: {threshold:g} of 3 elements)",
)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    min_indicators: int = Field(default=2, ge=1)


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text(
        f"éléments d'évaluation sur 3\u00a0: méthode, au moins {params.min_indicators} indicateurs, "
        "valeurs de départ et cibles",
        f"evaluation elements out of 3: method, at least {params.min_indicators} indicators, baselines and targets",
    )


def run(context: Context, params: Params) -> Measure:
    project = context.view.project
    evaluation = project.evaluation if project else None
    if evaluation is None:
        return Measure(
            0.0, Text("évaluation des résultats non décrite", "evaluation of results not described"), (("project",),)
        )
    met_fr, met_en = [], []
    if evaluation.method and evaluation.method.strip():
        met_fr.append("méthode décrite")
        met_en.append("method described")
    indicators = distinct(evaluation.indicators or [], lambda indicator: text_key(indicator.name))
    if len(indicators) >= params.min_indicators:
        met_fr.append(plural(len(indicators), "indicateur", "indicateurs"))
        met_en.append(plural(len(indicators), "indicator", "indicators", "en"))
    if indicators and all(item.baseline is not None and item.target is not None for item in indicators):
        met_fr.append("valeurs de départ et cibles données")
        met_en.append("baselines and targets given")
    return Measure(
        float(len(met_fr)),
        Text(", ".join(met_fr) or "aucun élément", ", ".join(met_en) or "nothing"),
        (("project", "evaluation"),),
    )


def _project(evaluation: str) -> str:
    return f"""\
project:
  title: Atelier partagé du bois
  summary: Un atelier commun pour former et employer.
  innovation: {{kind: social, description: Parcours d'insertion adossés à une entreprise artisanale.}}
{evaluation}"""


EXAMPLES = (
    Example(
        _project(
            "  evaluation:\n"
            "    method: Bilan annuel du comité de pilotage avec les données des membres.\n"
            "    indicators:\n"
            "      - {name: Emplois créés, baseline: 0, target: 6, unit: ETP}\n"
            "      - {name: Tonnes de bois réemployées, baseline: 10, target: 40, unit: t}\n"
        ),
        value=3,
    ),
    Example(_project(""), value=0, passes=False),
    Example(_project("  evaluation:\n    indicators: [{name: Emplois créés, baseline: 0}]\n"), value=0, passes=False),
)
