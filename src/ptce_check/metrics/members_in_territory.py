"""Members seated inside the territory: the share of members (a name listed twice counts
once) whose `commune` is inside the perimeter computed from the shipped reference data.

PASS: ``communes: ['26281', '26057']`` and every member seated in 26281 or 26057 (value 100).
FAIL: the same territory, members seated in 38563, Voiron (value 0); no commune of the
territory known to the reference data (nothing to measure).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text, plural
from ptce_check.kinds import Example
from ptce_check.metrics.base import Measure, NoParams, counted_members, distinct, member_key, share
from ptce_check.territory import Location

KIND = "members_in_territory"
TARGET = Text(
    "vérifiez la commune du siège de chaque membre (members[].commune)\u00a0: un siège dans le territoire "
    "compte (palier suivant\u00a0: {threshold:g} % des membres)",
    "check each member's seat commune (members[].commune): a seat in the territory counts (next band: "
    "{threshold:g}% of members)",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text("part des membres situés dans le territoire (%)", "share of members seated in the territory (%)")


def run(context: Context, params: NoParams) -> Measure:
    facts = context.territory_facts
    members = counted_members(context)
    if not facts.communes or not members:
        return Measure(
            None,
            Text(
                "aucune commune du territoire connue du référentiel\u00a0: implantation non mesurable",
                "no commune of the territory known to the reference data: location not measurable",
            ),
        )
    places = distinct(facts.members, lambda place: member_key(place.name))
    inside = sum(1 for place in places if place.location is Location.INSIDE)
    near = sum(1 for place in places if place.location is Location.IN_DEPARTEMENTS)
    source = f"territory.{facts.basis}"
    return Measure(
        share(inside, len(members)),
        Text(
            f"{plural(inside, 'membre', 'membres')} sur {len(members)} {'a' if inside < 2 else 'ont'} "
            f"leur siège dans le territoire, {near} ailleurs dans ses "
            f"départements (sièges déclarés, members[].commune\u00a0; périmètre calculé\u00a0: "
            f"{plural(len(facts.communes), 'commune', 'communes')} d'après {source}, "
            f"géographie officielle {facts.meta.vintage})",
            f"{inside} of {len(members)} members are seated in the territory, {near} elsewhere in its départements "
            f"(declared seats, members[].commune; computed perimeter: "
            f"{plural(len(facts.communes), 'commune', 'communes', 'en')} from "
            f"{source}, official geography {facts.meta.vintage})",
        ),
        (("members",), ("territory", facts.basis)),
    )


EXAMPLES = (
    Example(
        """\
        territory: {name: Pays de Romans, communes: ['26281', '26057']}
        members:
          - {name: Coop, legal_form: cooperative, category: enterprise, commune: '26281'}
          - {name: Société, legal_form: commercial_company, category: enterprise, commune: '26057'}
        """,
        value=100,
    ),
    Example(
        """\
        territory: {name: Pays de Romans, communes: ['26281', '26057']}
        members:
          - {name: Coop, legal_form: cooperative, category: enterprise, commune: '38563'}
        """,
        value=0,
        passes=False,
    ),
    Example(
        """\
        territory: {name: Quelque part, epcis: ['200000000']}
        """,
        value=None,
        passes=False,
    ),
)
