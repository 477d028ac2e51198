"""The territory against the official reference data shipped with the tool (one COG vintage):
communes and EPCIs exist, the declared population matches the computed one, members' seats
are real places and where they stand, QPV and rural revitalisation claims agree with the
territory and with the lists given by `--reference`.

Only well-formed codes are looked up: malformed ones are PTCE-D01/D04/D05/D06's business.

PASS: ``communes: ['26281', '26057']``, ``population: 44000``, members seated in 26281.
FAIL: ``communes: ['26999']`` (PTCE-T01, with the closest real codes), ``population: 150000``
(PTCE-T03, warning), ``commune: '38305'`` (PTCE-T08, warning: merged since into 38292).

When a commune (or EPCI) of the perimeter could not be read or found, the findings judged
against the perimeter (population, members' seats, claims) follow from that first unread entry
and are linked to its finding (`caused_by`): it is the one to fix first.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ptce_check.context import Context
from ptce_check.findings import Cause, Finding, Path
from ptce_check.i18n import Text
from ptce_check.quality.base import finding
from ptce_check.quality.identifiers import siren_valid
from ptce_check.quality.territory_codes import COMMUNE, EMPLOYMENT_ZONE, QPV
from ptce_check.quality.territory_messages import (
    absent,
    commune_hint,
    former_message,
    outside_message,
    population_message,
    unknown_epci,
    vintage,
)
from ptce_check.reference import Reference, reference
from ptce_check.reference.user_lists import UserList, UserReferences
from ptce_check.territory import POPULATION_TOLERANCE, Claim, Location, TerritoryFacts, resolve
from ptce_check.textsafe import escape_all_controls

_DIFFICULTIES = ("territory", "difficulties")


def _commune(ref: Reference, code: str, path: Path, unknown_code: str) -> Iterator[Finding]:
    """T01/T04 for a code that never was a commune, T08 for one merged since."""
    if not COMMUNE.fullmatch(code) or ref.commune(code) is not None:
        return
    former = ref.former(code)
    if former is not None:
        yield finding("PTCE-T08", path, former_message(former, ref.meta), _replace_hint(former.current.code))
        return
    shown = escape_all_controls(code)
    yield finding(
        unknown_code,
        path,
        Text(
            f"le code commune « {shown} » n'existe pas ({vintage(ref.meta).fr}, anciennes communes comprises)",
            f"commune code '{shown}' does not exist ({vintage(ref.meta).en}, former communes included)",
        ),
        commune_hint(ref, code),
    )


def _replace_hint(code: str) -> Text:
    return Text(
        f"pour décrire le territoire actuel, écrivez {code}", f"to describe the territory as it is now, write {code}"
    )


def _codes(context: Context, ref: Reference) -> Iterator[Finding]:
    territory = context.view.territory
    if territory is not None:
        for index, code in enumerate(territory.communes or []):
            yield from _commune(ref, code, ("territory", "communes", index), "PTCE-T01")
        difficulties = territory.difficulties
        for index, code in enumerate((difficulties.rural_revitalisation_communes or []) if difficulties else []):
            yield from _commune(ref, code, (*_DIFFICULTIES, "rural_revitalisation_communes", index), "PTCE-T01")
        for index, siren in enumerate(territory.epcis or []):
            if siren_valid(siren) and ref.epci(siren) is None:
                message, hint = unknown_epci(ref, siren, context.territory_facts.basis == "epcis")
                yield finding("PTCE-T02", ("territory", "epcis", index), message, hint)
    for index, member in enumerate(context.view.members):
        if member.commune is not None:
            yield from _commune(ref, member.commune, ("members", index, "commune"), "PTCE-T04")


def _population(facts: TerritoryFacts) -> Iterator[Finding]:
    gap = facts.population_gap
    if gap is None or abs(gap) <= POPULATION_TOLERANCE or any(c.population is None for c in facts.communes):
        return
    yield finding(
        "PTCE-T03",
        ("territory", "population"),
        population_message(facts, gap),
        Text(
            "vérifiez le chiffre, ou la liste des communes (territory.communes) s'il porte sur un autre périmètre",
            "check the figure, or the list of communes (territory.communes) if it covers another perimeter",
        ),
    )


def _members(facts: TerritoryFacts) -> Iterator[Finding]:
    for place in facts.members:
        if place.commune is not None and place.location in (Location.OUTSIDE, Location.IN_DEPARTEMENTS):
            yield finding("PTCE-T05", ("members", place.index, "commune"), outside_message(place, facts))


@dataclass(frozen=True)
class _ClaimRule:
    """How one kind of claimed code is reported: where, with which codes and words."""

    field: Path
    pattern: re.Pattern[str]
    outside_code: str
    listed_code: str
    outside: Callable[[str], Text]
    listed: UserList | None


def _claim_findings(claims: tuple[Claim, ...], rule: _ClaimRule) -> Iterator[Finding]:
    for claim in claims:
        if not rule.pattern.fullmatch(claim.code):
            continue
        shown = escape_all_controls(claim.code)
        if claim.in_territory is False and claim.known:
            yield finding(rule.outside_code, (*rule.field, claim.index), rule.outside(shown))
        if claim.in_list is False and rule.listed is not None:
            yield finding(rule.listed_code, (*rule.field, claim.index), absent(shown, rule.listed))


def _claims(context: Context, facts: TerritoryFacts) -> Iterator[Finding]:
    lists = context.references or UserReferences()
    departements = ", ".join(d.code for d in facts.departements)
    yield from _claim_findings(
        facts.priority_neighbourhoods,
        _ClaimRule(
            (*_DIFFICULTIES, "priority_neighbourhoods"),
            QPV,
            "PTCE-T06",
            "PTCE-T09",
            lambda code: Text(
                f"le quartier {code} n'est dans aucun département du territoire ({departements})",
                f"neighbourhood {code} is in none of the territory's départements ({departements})",
            ),
            lists.qpv,
        ),
    )
    yield from _claim_findings(
        facts.rural_revitalisation,
        _ClaimRule(
            (*_DIFFICULTIES, "rural_revitalisation_communes"),
            COMMUNE,
            "PTCE-T07",
            "PTCE-T10",
            lambda code: Text(
                f"la commune {code} n'est pas dans le territoire : elle ne compte pas pour la revitalisation rurale",
                f"commune {code} is not in the territory: it does not count for rural revitalisation",
            ),
            lists.frr,
        ),
    )
    yield from _claim_findings(
        facts.employment_zones,
        _ClaimRule(
            ("territory", "employment_zones"),
            EMPLOYMENT_ZONE,
            "PTCE-T11",
            "PTCE-T11",
            lambda code: Text(
                f"d'après la liste employment_zones, la zone {code} ne contient aucune commune du territoire",
                f"according to the employment_zones list, zone {code} holds no commune of the territory",
            ),
            lists.employment_zones,
        ),
    )


def _perimeter_gap(context: Context, ref: Reference) -> Cause | None:
    """The finding about the first entry of the perimeter that could not be read or found."""
    territory = context.view.territory
    if territory is None:
        return None
    aside = context.view.set_aside
    to_file = aside.origins.to_file
    if territory.communes or aside.within(("territory", "communes")):
        for index, code in enumerate(territory.communes or []):
            if resolve(ref, code) is None:
                kind = "PTCE-T01" if COMMUNE.fullmatch(code) else "PTCE-D04"
                return Cause(kind, to_file(("territory", "communes", index)))
        return aside.within(("territory", "communes"))
    for index, siren in enumerate(territory.epcis or []):
        if ref.epci(siren) is None:
            return Cause("PTCE-T02" if siren_valid(siren) else "PTCE-D01", to_file(("territory", "epcis", index)))
    return aside.within(("territory", "epcis"))


def run(context: Context) -> Iterator[Finding]:
    ref = reference()
    facts = context.territory_facts
    yield from _codes(context, ref)
    gap = _perimeter_gap(context, ref) if facts.unresolved or context.view.set_aside else None
    for judged in (*_population(facts), *_members(facts), *_claims(context, facts)):
        yield judged if gap is None else dataclasses.replace(judged, caused_by=gap)
