"""Shared governance: how many of three elements are present, governance bodies, a signed
charter, and at least `min_meetings_per_year` meetings a year (default 4).

PASS: ``governance: {bodies: [comité de pilotage], charter_signed: true, meetings_per_year: 4}``
(value 3).
FAIL: no `governance` (value 0); ``meetings_per_year: 2`` alone (value 0).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ptce_check.context import Context
from ptce_check.i18n import Text, plural
from ptce_check.kinds import Example
from ptce_check.metrics.base import Measure, distinct, text_key

KIND = "governance"
TARGET = Text(
    "documentez la gouvernance telle qu'elle est\u00a0: instances, charte signée, réunions régulières (palier "
    "suivant\u00a0: {threshold:g} éléments sur 3)",
    "document the governance as it is: bodies, signed charter, regular meetings (next band: "
    "{threshold:g} of 3 elements)",
)


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    min_meetings_per_year: int = Field(default=4, ge=1)


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text(
        f"éléments de gouvernance sur 3\u00a0: instances, charte signée, au moins {params.min_meetings_per_year} "
        "réunions par an",
        f"governance elements out of 3: bodies, signed charter, at least {params.min_meetings_per_year} "
        "meetings a year",
    )


def run(context: Context, params: Params) -> Measure:
    cooperation = context.view.cooperation
    governance = cooperation.governance if cooperation else None
    if governance is None:
        return Measure(0.0, Text("gouvernance non décrite", "governance not described"), (("cooperation",),))
    met_fr, met_en = [], []
    bodies = distinct(governance.bodies or [], text_key)
    if bodies:
        met_fr.append(plural(len(bodies), "instance", "instances"))
        met_en.append(plural(len(bodies), "body", "bodies", "en"))
    if governance.charter_signed:
        met_fr.append("charte signée")
        met_en.append("charter signed")
    meetings = governance.meetings_per_year or 0
    if meetings >= params.min_meetings_per_year:
        met_fr.append(f"{meetings} réunions par an")
        met_en.append(f"{meetings} meetings a year")
    return Measure(
        float(len(met_fr)),
        Text(", ".join(met_fr) or "aucun élément", ", ".join(met_en) or "nothing"),
        (("cooperation", "governance"),),
    )


EXAMPLES = (
    Example(
        """\
        cooperation:
          strategy: Mutualiser.
          governance: {bodies: [comité de pilotage], charter_signed: true, meetings_per_year: 4}
        """,
        value=3,
    ),
    Example(
        """\
        cooperation:
          strategy: Mutualiser.
          governance: {meetings_per_year: 2}
        """,
        params={"min_meetings_per_year": 2},
        value=1,
    ),
    Example(
        """\
        cooperation:
          strategy: Mutualiser.
          governance: {meetings_per_year: 2}
        """,
        value=0,
        passes=False,
    ),
    Example(
        """\
        cooperation:
          strategy: Mutualiser.
        """,
        value=0,
        passes=False,
    ),
)
