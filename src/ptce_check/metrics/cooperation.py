"""Metrics of the cooperation axis: ESS and non-ESS enterprises together, members inside the
territory, pooled resources, governance and signed commitments."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ptce_check.context import Context
from ptce_check.dossier import Member, Mutualisation
from ptce_check.i18n import Text
from ptce_check.metrics.base import NOT_GIVEN, Measure, Metric, distinct, member_key, share, text_key
from ptce_check.territory import Location


def _members(context: Context) -> list[Member]:
    """The members the grid counts: a name listed twice is one member."""
    return distinct(context.view.members, lambda member: member_key(member.name))


def _count_members(enterprises: list[tuple[int, Member]]) -> int:
    return len(distinct((member for _, member in enterprises), lambda member: member_key(member.name)))


def _ess_balance(context: Context, params: object) -> Measure:
    ess, other = _count_members(context.ess_enterprises), _count_members(context.non_ess_enterprises)
    return Measure(
        float(min(ess, other)),
        Text(
            f"{ess} entreprise(s) de l'ESS et {other} entreprise(s) ou groupement(s) hors ESS",
            f"{ess} ESS enterprise(s) and {other} non-ESS enterprise(s) or grouping(s)",
        ),
        (("members",),),
    )


def _members_in_territory(context: Context, params: object) -> Measure:
    facts = context.territory_facts
    members = _members(context)
    if not facts.communes or not members:
        return Measure(
            None,
            Text(
                "aucune commune du territoire connue du référentiel : implantation non mesurable",
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
            f"{inside} membre(s) sur {len(members)} ont leur siège dans le territoire, {near} ailleurs dans ses "
            f"départements (sièges déclarés, members[].commune ; périmètre calculé : {len(facts.communes)} "
            f"commune(s) d'après {source}, géographie officielle {facts.meta.vintage})",
            f"{inside} of {len(members)} members are seated in the territory, {near} elsewhere in its départements "
            f"(declared seats, members[].commune; computed perimeter: {len(facts.communes)} commune(s) from "
            f"{source}, official geography {facts.meta.vintage})",
        ),
        (("members",), ("territory", facts.basis)),
    )


def _mutualisation_key(mutualisation: Mutualisation) -> tuple[str, str, frozenset[str]]:
    return (
        mutualisation.kind,
        text_key(mutualisation.description),
        frozenset(member_key(name) for name in mutualisation.members),
    )


def _distinct_mutualisations(mutualisations: list[Mutualisation] | None) -> list[Mutualisation]:
    """A mutualisation written twice (same kind, same description, same members) is one."""
    return distinct(mutualisations or [], _mutualisation_key)


def _mutualisations(context: Context, params: object) -> Measure:
    cooperation = context.view.cooperation
    if cooperation is None:
        return Measure(None, NOT_GIVEN)
    distinct_mutualisations = _distinct_mutualisations(cooperation.mutualisations)
    shared = [m for m in distinct_mutualisations if len({member_key(name) for name in m.members}) >= 2]
    return Measure(
        float(len(shared)),
        Text(
            f"{len(shared)} mutualisation(s) entre au moins deux membres",
            f"{len(shared)} mutualisation(s) between at least two members",
        ),
        (("cooperation", "mutualisations"),),
    )


def _mutualisation_kinds(context: Context, params: object) -> Measure:
    cooperation = context.view.cooperation
    if cooperation is None:
        return Measure(None, NOT_GIVEN)
    kinds = sorted({m.kind for m in cooperation.mutualisations or [] if m.kind != "other"})
    return Measure(
        float(len(kinds)),
        Text(
            f"{len(kinds)} forme(s) de mutualisation : {', '.join(kinds) or 'aucune'}",
            f"{len(kinds)} kind(s) of pooling: {', '.join(kinds) or 'none'}",
        ),
        (("cooperation", "mutualisations"),),
    )


class GovernanceParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    min_meetings_per_year: int = Field(default=4, ge=1)


def _governance(context: Context, params: GovernanceParams) -> Measure:
    cooperation = context.view.cooperation
    governance = cooperation.governance if cooperation else None
    if governance is None:
        return Measure(0.0, Text("gouvernance non décrite", "governance not described"), (("cooperation",),))
    met_fr, met_en = [], []
    bodies = distinct(governance.bodies or [], text_key)
    if bodies:
        met_fr.append(f"{len(bodies)} instance(s)")
        met_en.append(f"{len(bodies)} body(ies)")
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


def _commitments(context: Context, params: object) -> Measure:
    members = _members(context)
    if not members:
        return Measure(None, NOT_GIVEN)
    signed = sum(1 for m in members if m.commitment in ("letter", "agreement"))
    return Measure(
        share(signed, len(members)),
        Text(
            f"{signed} membre(s) sur {len(members)} engagés par lettre ou convention signée",
            f"{signed} of {len(members)} members committed by a signed letter or agreement",
        ),
        (("members",),),
    )


METRICS = (
    Metric(
        "ess_balance",
        _ess_balance,
        Text(
            "au moins {threshold:g} entreprise(s) de l'ESS et autant hors ESS",
            "at least {threshold:g} ESS enterprise(s) and as many non-ESS ones",
        ),
    ),
    Metric(
        "members_in_territory",
        _members_in_territory,
        Text(
            "au moins {threshold:g} % des membres implantés dans le territoire (members[].commune)",
            "at least {threshold:g}% of members located in the territory (members[].commune)",
        ),
    ),
    Metric(
        "mutualisations",
        _mutualisations,
        Text(
            "au moins {threshold:g} mutualisation(s) entre deux membres ou plus",
            "at least {threshold:g} mutualisation(s) between two or more members",
        ),
    ),
    Metric(
        "mutualisation_kinds",
        _mutualisation_kinds,
        Text(
            "au moins {threshold:g} forme(s) de mutualisation (emplois partagés, groupement "
            "d'employeurs, locaux, achats, RH…)",
            "at least {threshold:g} kind(s) of pooling (shared jobs, employer group, premises, purchasing, HR…)",
        ),
    ),
    Metric(
        "governance",
        _governance,
        Text(
            "{threshold:g} élément(s) de gouvernance sur 3 : instances, charte signée, réunions régulières",
            "{threshold:g} of 3 governance elements: bodies, signed charter, regular meetings",
        ),
        GovernanceParams,
    ),
    Metric(
        "signed_commitments",
        _commitments,
        Text(
            "au moins {threshold:g} % des membres engagés par lettre ou convention (members[].commitment)",
            "at least {threshold:g}% of members committed by letter or agreement (members[].commitment)",
        ),
    ),
)
