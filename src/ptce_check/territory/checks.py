"""The logic of the territory's data checks (the modules `ptce_check.quality.territory_codes`
and `territory_reference` run it and document it): code formats (PTCE-D04, D05, D06, D17), then
the territory against the shipped official data and the user's `--reference` lists (PTCE-T01
to T11). Only well-formed codes are looked up: malformed ones are D01/D04/D05/D06's business.

When a commune (or EPCI) of the perimeter could not be read or found, the findings judged
against the perimeter (population, members' seats, claims) follow from that first unread entry
and are linked to its finding (`caused_by`): it is the one to fix first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

import msgspec.structs
from msgspec import Struct

from ptce_check.codes import finding
from ptce_check.findings import Cause, Finding, Path
from ptce_check.i18n import Text
from ptce_check.territory.codes import COMMUNE, EMPLOYMENT_ZONE, QPV
from ptce_check.territory.commune_names import name_hint
from ptce_check.territory.facts import POPULATION_TOLERANCE, Claim, Location, TerritoryFacts, resolve
from ptce_check.territory.messages import (
    absent,
    commune_hint,
    former_message,
    outside_message,
    population_message,
    unknown_epci,
    vintage,
)
from ptce_check.territory.official import official_data
from ptce_check.territory.table import OfficialData
from ptce_check.territory.user_lists import UserList, UserReferences
from ptce_check.textsafe import escape_all_controls

if TYPE_CHECKING:
    from ptce_check.dossier import Member, Territory
    from ptce_check.view import DossierView

SirenTest = Callable[[str], bool]

_DIFFICULTIES = ("territory", "difficulties")


class _Format(Struct, frozen=True):
    """A kind of code: the finding for a malformed one, its name and an example."""

    code: str
    pattern: re.Pattern[str]
    what: Text
    example: str


_COMMUNE_FORMAT = _Format(
    "PTCE-D04",
    COMMUNE,
    Text("code commune", "commune code"),
    "'38563' (code INSEE / INSEE code, ≠ code postal / postcode)",
)
_ZONE_FORMAT = _Format("PTCE-D06", EMPLOYMENT_ZONE, Text("code de zone d'emploi", "employment zone code"), "'8401'")
_QPV_FORMAT = _Format("PTCE-D05", QPV, Text("code QPV", "QPV code"), "'QP026003', 'QN02601N'")


def _malformed(kind: _Format, value: str, path: Path) -> Finding:
    shown = escape_all_controls(value)
    named = name_hint(official_data(), value) if kind is _COMMUNE_FORMAT else None
    return finding(
        kind.code,
        path,
        Text(f"{kind.what.fr} « {shown} » mal formé", f"malformed {kind.what.en} '{shown}'"),
        named or Text(f"exemple\u00a0: {kind.example}", f"example: {kind.example}"),
    )


def _formats(values: list[str], path: Path, kind: _Format) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if not kind.pattern.fullmatch(value):
            yield _malformed(kind, value, (*path, index))
        elif value in seen:
            shown = escape_all_controls(value)
            yield finding(
                "PTCE-D17",
                (*path, index),
                Text(f"{kind.what.fr} « {shown} » cité deux fois", f"{kind.what.en} '{shown}' listed twice"),
            )
        seen.add(value)


def _code_lists(territory: Territory) -> Iterator[tuple[list[str], Path, _Format]]:
    """The territory's lists of codes, in the order they are reported."""
    yield territory.communes or [], ("territory", "communes"), _COMMUNE_FORMAT
    yield territory.employment_zones or [], ("territory", "employment_zones"), _ZONE_FORMAT
    difficulties = territory.difficulties
    if difficulties is not None:
        yield difficulties.priority_neighbourhoods or [], (*_DIFFICULTIES, "priority_neighbourhoods"), _QPV_FORMAT
        rural = difficulties.rural_revitalisation_communes or []
        yield rural, (*_DIFFICULTIES, "rural_revitalisation_communes"), _COMMUNE_FORMAT


def format_findings(territory: Territory | None, members: Sequence[Member]) -> Iterator[Finding]:
    """PTCE-D04 (commune codes), D05 (QPV codes), D06 (employment zones), D17 (listed twice)."""
    for values, path, kind in _code_lists(territory) if territory is not None else ():
        yield from _formats(values, path, kind)
    for index, member in enumerate(members):
        if member.commune is not None and not COMMUNE.fullmatch(member.commune):
            yield _malformed(_COMMUNE_FORMAT, member.commune, ("members", index, "commune"))


def _commune(ref: OfficialData, code: str, path: Path, unknown_code: str) -> Iterator[Finding]:
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


def _official_codes(view: DossierView, basis: str, ref: OfficialData, siren_valid: SirenTest) -> Iterator[Finding]:
    territory = view.territory
    if territory is not None:
        for index, code in enumerate(territory.communes or []):
            yield from _commune(ref, code, ("territory", "communes", index), "PTCE-T01")
        difficulties = territory.difficulties
        for index, code in enumerate((difficulties.rural_revitalisation_communes or []) if difficulties else []):
            yield from _commune(ref, code, (*_DIFFICULTIES, "rural_revitalisation_communes", index), "PTCE-T01")
        for index, siren in enumerate(territory.epcis or []):
            if siren_valid(siren) and ref.epci(siren) is None:
                message, hint = unknown_epci(ref, siren, basis == "epcis")
                yield finding("PTCE-T02", ("territory", "epcis", index), message, hint)
    for index, member in enumerate(view.members):
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


class _ClaimRule(Struct, frozen=True):
    """How one kind of claimed code is reported: where, with which codes and words."""

    field: Path
    pattern: re.Pattern[str]
    outside_code: str
    listed_code: str
    #: With `{code}` and `{departements}`.
    outside: Text
    claims: Callable[[TerritoryFacts], tuple[Claim, ...]]
    listed: Callable[[UserReferences], UserList | None]


_CLAIM_RULES = (
    _ClaimRule(
        (*_DIFFICULTIES, "priority_neighbourhoods"),
        QPV,
        "PTCE-T06",
        "PTCE-T09",
        Text(
            "le quartier {code} n'est dans aucun département du territoire ({departements})",
            "neighbourhood {code} is in none of the territory's départements ({departements})",
        ),
        lambda facts: facts.priority_neighbourhoods,
        lambda lists: lists.qpv,
    ),
    _ClaimRule(
        (*_DIFFICULTIES, "rural_revitalisation_communes"),
        COMMUNE,
        "PTCE-T07",
        "PTCE-T10",
        Text(
            "la commune {code} n'est pas dans le territoire\u00a0: elle ne compte pas pour la revitalisation rurale",
            "commune {code} is not in the territory: it does not count for rural revitalisation",
        ),
        lambda facts: facts.rural_revitalisation,
        lambda lists: lists.frr,
    ),
    _ClaimRule(
        ("territory", "employment_zones"),
        EMPLOYMENT_ZONE,
        "PTCE-T11",
        "PTCE-T11",
        Text(
            "d'après la liste employment_zones, la zone {code} ne contient aucune commune du territoire",
            "according to the employment_zones list, zone {code} holds no commune of the territory",
        ),
        lambda facts: facts.employment_zones,
        lambda lists: lists.employment_zones,
    ),
)


def _claim_findings(facts: TerritoryFacts, rule: _ClaimRule, listed: UserList | None) -> Iterator[Finding]:
    departements = ", ".join(d.code for d in facts.departements)
    for claim in rule.claims(facts):
        if not rule.pattern.fullmatch(claim.code):
            continue
        shown = escape_all_controls(claim.code)
        if claim.in_territory is False and claim.known:
            message = rule.outside.format(code=shown, departements=departements)
            yield finding(rule.outside_code, (*rule.field, claim.index), message)
        if claim.in_list is False and listed is not None:
            yield finding(rule.listed_code, (*rule.field, claim.index), absent(shown, listed))


def _claims(facts: TerritoryFacts, lists: UserReferences) -> Iterator[Finding]:
    for rule in _CLAIM_RULES:
        yield from _claim_findings(facts, rule, rule.listed(lists))


def _perimeter_gap(view: DossierView, ref: OfficialData, siren_valid: SirenTest) -> Cause | None:
    """The finding about the first entry of the perimeter that could not be read or found."""
    territory = view.territory
    if territory is None:
        return None
    aside = view.set_aside
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


def official_findings(
    view: DossierView, facts: TerritoryFacts, lists: UserReferences | None, siren_valid: SirenTest
) -> Iterator[Finding]:
    """PTCE-T01–T11: the territory against the shipped official data and the `--reference`
    lists. `siren_valid` is PTCE-D01's test (a malformed SIREN is reported there, not looked up)."""
    ref = official_data()
    yield from _official_codes(view, facts.basis, ref, siren_valid)
    gap = _perimeter_gap(view, ref, siren_valid) if facts.unresolved or view.set_aside else None
    claims = _claims(facts, lists or UserReferences())
    for judged in (*_population(facts), *_members(facts), *claims):
        yield judged if gap is None else msgspec.structs.replace(judged, caused_by=gap)
