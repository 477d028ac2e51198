"""The project's innovation: level 1 when social or technological, 2 when both.

PASS: ``innovation: {kind: both, …}`` (value 2).
FAIL: ``innovation: {kind: social, …}`` (value 1, below the top band).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.metrics.base import NOT_GIVEN, Measure, NoParams

KIND = "innovation"
TARGET = Text(
    "si l'innovation est aussi technologique (ou aussi sociale), décrivez-la (palier suivant\u00a0: niveau "
    "{threshold:g} sur 2)",
    "if the innovation is technological as well as social (or the reverse), describe it (next band: "
    "level {threshold:g} of 2)",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text(
        "innovation\u00a0: 1 sociale ou technologique, 2 les deux",
        "innovation: 1 social or technological, 2 both",
    )


def run(context: Context, params: NoParams) -> Measure:
    project = context.view.project
    if project is None:
        return Measure(None, NOT_GIVEN)
    kind = project.innovation.kind
    return Measure(
        2.0 if kind == "both" else 1.0,
        Text(
            {
                "social": "innovation sociale",
                "technological": "innovation technologique",
                "both": "innovation sociale et technologique",
            }[kind],
            {
                "social": "social innovation",
                "technological": "technological innovation",
                "both": "social and technological innovation",
            }[kind],
        ),
        (("project", "innovation"),),
    )


def _project(kind: str) -> str:
    return f"""\
project:
  title: Atelier partagé du bois
  summary: Un atelier commun pour former et employer.
  innovation: {{kind: {kind}, description: Des parcours d'insertion adossés à un artisan.}}
"""


EXAMPLES = (
    Example(_project("both"), value=2),
    Example(_project("technological"), value=1, passes=False),
    Example(_project("social"), value=1, passes=False),
)
