"""A territory of activity is defined: `communes` or `epcis` non-empty (décret 2015-431
art. 3 3°). A name alone is no territory.

PASS: ``territory: {name: Voironnais, communes: ['38563']}``.
FAIL: ``territory: {name: Voironnais, communes: [], epcis: []}``.
"""

from __future__ import annotations

from ptce_check.checks.base import RuleOutcome, failed, passed, unread
from ptce_check.context import Context
from ptce_check.i18n import Text, plural
from ptce_check.kinds import Example
from ptce_check.params import NoParams

KIND = "territory_defined"
Params = NoParams


def describe(params: Params) -> Text:
    """What the rule checks, with its params, in words."""
    return Text(
        "territoire défini par des communes ou des EPCI",
        "territory defined by communes or EPCIs",
    )


def run(context: Context, params: NoParams) -> RuleOutcome:
    territory = context.view.territory
    communes = len(territory.communes or []) if territory else 0
    epcis = len(territory.epcis or []) if territory else 0
    if communes or epcis:
        return passed(
            Text(
                f"territoire de {plural(communes, 'commune', 'communes')} et {epcis} EPCI",
                f"territory of {plural(communes, 'commune', 'communes', 'en')} and "
                f"{plural(epcis, 'EPCI', 'EPCIs', 'en')}",
            )
        )
    aside = context.view.set_aside
    cause = (
        aside.about(("territory",)) or aside.within(("territory", "communes")) or aside.within(("territory", "epcis"))
    )
    if cause is not None:
        return unread(cause, Text("la liste des communes ou des EPCI", "the list of communes or EPCIs"))
    return failed(
        ("territory",),
        Text("aucun territoire défini\u00a0: ni communes ni EPCI", "no territory defined: neither communes nor EPCIs"),
        Text(
            "listez les codes INSEE des communes (territory.communes) ou les SIREN des EPCI (territory.epcis)",
            "list the communes' INSEE codes (territory.communes) or the EPCIs' SIREN (territory.epcis)",
        ),
    )


EXAMPLES = (
    Example(
        """\
    territory: {name: Voironnais, communes: ['38563']}
""",
        status="passed",
    ),
    Example(
        """\
    territory: {name: Voironnais, communes: [], epcis: []}
""",
        status="failed",
    ),
)
