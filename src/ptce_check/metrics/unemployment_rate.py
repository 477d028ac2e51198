"""The zone's unemployment rate, as declared (`difficulties.unemployment_rate`, in %).

PASS: ``unemployment_rate: 12.5`` (value 12.5).
FAIL: not given (nothing to measure).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.metrics.base import DIFFICULTIES, DIFFICULTIES_NOT_GIVEN, Measure, NoParams, difficulties
from ptce_check.money import number

KIND = "unemployment_rate"
TARGET = Text(
    "renseignez le dernier taux de chômage de la zone, avec sa source (palier suivant\u00a0: {threshold:g} %)",
    "state the zone's latest unemployment rate, with its source (next band: {threshold:g}%)",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text("taux de chômage de la zone, déclaré (%)", "the zone's unemployment rate, as declared (%)")


def run(context: Context, params: NoParams) -> Measure:
    declared = difficulties(context)
    if declared is None or declared.unemployment_rate is None:
        return Measure(None, DIFFICULTIES_NOT_GIVEN)
    rate = declared.unemployment_rate
    return Measure(
        rate,
        Text(
            f"taux de chômage de la zone\u00a0: {number(rate).fr} %",
            f"unemployment rate of the zone: {number(rate).en}%",
        ),
        ((*DIFFICULTIES, "unemployment_rate"),),
    )


def _territory(difficulties: str) -> str:
    return f"""\
territory:
  name: Pays de Romans
  communes: ['26281', '26057']
  difficulties: {{{difficulties}}}
"""


EXAMPLES = (
    Example(_territory("unemployment_rate: 12.5"), value=12.5),
    Example(_territory("deindustrialised: true"), value=None, passes=False),
)
