"""A criterion the reviewers score themselves (`kind: reviewer`): the quality of the strategy,
the credibility of the operational programme, what no program can judge. It has `max_points`,
no bands and no params; it measures nothing by itself and earns 0 points until `screen
--reviews FILE.csv` merges the reviewers' points (the mean of those who scored it).

PASS: a dossier with a project (value None: its points are the reviewers' to give).
FAIL: a project described in three words (value None too: the checker never scores this criterion, however
little the dossier says).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.kinds import Example
from ptce_check.metrics.base import Measure, NoParams

KIND = "reviewer"
Params = NoParams
TARGET = Text("critère noté par les relecteurs", "criterion scored by the reviewers")
TO_BE_SCORED = Text("à noter par les relecteurs", "to be scored by the reviewers")


def describe(params: NoParams) -> Text:
    """What the criterion is, in words."""
    return Text("note des relecteurs (screen --reviews)", "the reviewers' score (screen --reviews)")


def run(context: Context, params: NoParams) -> Measure:
    return Measure(None, TO_BE_SCORED, (("project",),) if context.view.project else ())


EXAMPLES = (
    Example(
        """\
project:
  title: Atelier partagé du bois
  summary: Un atelier commun pour former et employer.
  innovation: {kind: social, description: Parcours d'insertion adossés à une entreprise artisanale.}
""",
        value=None,
    ),
    Example(
        "project:\n  title: Atelier\n  summary: Un atelier.\n  innovation: {kind: social, description: Un atelier.}\n",
        value=None,
        passes=False,
    ),
)
