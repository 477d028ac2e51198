"""Development of activities: how many activities the project creates or develops
(`project.activities`; the same title twice is one activity).

PASS: two activities, « Menuiserie » and « Formation » (value 2).
FAIL: no `activities` (value 0).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text, plural
from ptce_check.kinds import Example
from ptce_check.metrics.base import NOT_GIVEN, Measure, NoParams, distinct, text_key

KIND = "activities"
TARGET = Text(
    "si le projet mène d'autres activités, décrivez-les dans project.activities (palier suivant\u00a0: "
    "{threshold:g} activités décrites)",
    "if the project carries out more activities, describe them in project.activities (next band: "
    "{threshold:g} described)",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text("nombre d'activités créées ou développées", "number of activities created or developed")


def run(context: Context, params: NoParams) -> Measure:
    project = context.view.project
    if project is None:
        return Measure(None, NOT_GIVEN)
    # The title names the activity: the same title twice is one activity described twice.
    count = len(distinct(project.activities or [], lambda activity: text_key(activity.title)))
    return Measure(
        float(count),
        Text(
            f"{plural(count, 'activité', 'activités')} à créer ou développer",
            f"{plural(count, 'activity', 'activities', 'en')} to create or develop",
        ),
        (("project", "activities"),),
    )


_PROJECT = """\
project:
  title: Atelier partagé du bois
  summary: Un atelier commun pour former et employer.
  innovation: {kind: social, description: Des parcours d'insertion adossés à un artisan.}
"""

EXAMPLES = (
    Example(_PROJECT + "  activities: [{title: Menuiserie}, {title: Formation}, {title: ' menuiserie'}]\n", value=2),
    Example(_PROJECT, value=0, passes=False),
)
