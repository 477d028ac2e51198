"""The territory as facts, computed from the shipped official data rather than declared.

The perimeter is the dossier's `communes` or, when that list is empty, the communes of its
`epcis` (contract: "with `epcis` alone, the perimeter is their communes"). A former commune
(merged since) stands for the commune it now belongs to; a municipal arrondissement of Paris,
Lyon or Marseille stays itself, unless its whole city is in the perimeter. The population is
the sum of the perimeter's legal populations in the shipped vintage. Each member's seat is
inside the perimeter, outside it but in one of its départements, or outside both.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from msgspec import Struct

from ptce_check.territory.places import Commune, Departement, Epci, Meta, Region
from ptce_check.territory.table import OfficialData
from ptce_check.territory.user_lists import UserList, UserReferences

if TYPE_CHECKING:
    # Annotations only: importing the dossier model (Pydantic) would make the shipped data's
    # lookups cost what a whole dossier check costs.
    from ptce_check.dossier import Member, Territory

#: A declared population further than this from the computed one (relative to the computed
#: one) is reported (PTCE-T03). Dossiers quote figures from their own year, sometimes the
#: population totale rather than the municipale one, often rounded: up to 20 % is ordinary
#: drift; beyond it, the figure or the perimeter is wrong.
POPULATION_TOLERANCE = 0.20

Basis = Literal["communes", "epcis", "none"]


class Location(StrEnum):
    INSIDE = "inside"
    IN_DEPARTEMENTS = "in_departements"
    OUTSIDE = "outside"
    UNKNOWN = "unknown"
    NOT_GIVEN = "not_given"


class MemberPlace(Struct, frozen=True):
    index: int
    name: str
    commune: Commune | None
    location: Location


class EpciFacts(Struct, frozen=True):
    siren: str
    epci: Epci | None
    #: Named in the dossier's `epcis` (else found from the perimeter's communes).
    declared: bool
    communes_in_perimeter: int


class Claim(Struct, frozen=True):
    """A code the dossier claims (a QPV, a rural revitalisation commune): whether it agrees
    with the territory and with the user's list; None where it could not be verified."""

    index: int
    code: str
    in_territory: bool | None
    in_list: bool | None
    #: False for a commune code found nowhere: not retained, and reported as unknown instead.
    known: bool = True
    #: What the code stands for, compared to find a claim made twice (see `claim_key`); the
    #: code itself when empty.
    identity: str = ""

    @property
    def retained(self) -> bool:
        return self.in_territory is not False and self.in_list is not False

    @property
    def key(self) -> str:
        return self.identity or self.code


def claim_key(code: str) -> str:
    """A claimed code as the score compares it: stripped and upper-cased. Exact repeats are
    what PTCE-D17 reports; a spaced or lower-case copy is malformed (D04/D05), and neither may
    earn a second time what the code already earned."""
    return code.strip().upper()


def distinct_claims(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """The first claim of each code: a code listed twice counts once."""
    first: dict[str, Claim] = {}
    for claim in claims:
        first.setdefault(claim.key, claim)
    return tuple(first.values())


class TerritoryFacts(Struct, frozen=True, dict=True):
    meta: Meta
    basis: Basis
    communes: tuple[Commune, ...]
    declared_population: int | None
    departements: tuple[Departement, ...]
    regions: tuple[Region, ...]
    epcis: tuple[EpciFacts, ...]
    members: tuple[MemberPlace, ...]
    priority_neighbourhoods: tuple[Claim, ...] = ()
    rural_revitalisation: tuple[Claim, ...] = ()
    employment_zones: tuple[Claim, ...] = ()
    #: Commune codes (or EPCI SIRENs, for a perimeter made of EPCIs) found nowhere in the data.
    unresolved: int = 0

    @cached_property
    def departements_named(self) -> str:
        """`Drôme (26), Isère (38)`: said once per outside member, so joined once."""
        return ", ".join(f"{d.name} ({d.code})" for d in self.departements)

    @property
    def computed_population(self) -> int | None:
        if not self.communes:
            return None
        return sum(c.population or 0 for c in self.communes)

    @property
    def population_gap(self) -> float | None:
        """(declared − computed) / computed, when both are known."""
        computed = self.computed_population
        if self.declared_population is None or not computed:
            return None
        return (self.declared_population - computed) / computed

    def count(self, location: Location) -> int:
        return sum(1 for member in self.members if member.location is location)


def resolve(official: OfficialData, code: str) -> Commune | None:
    """The current commune (or arrondissement) a code designates, former codes included."""
    commune = official.commune(code)
    if commune is not None:
        return commune
    former = official.former(code)
    return former.current if former else None


class Perimeter:
    """The set of places of the territory, and the membership test members are put to."""

    def __init__(self, communes: Sequence[Commune], unresolved: int = 0) -> None:
        self.unresolved = unresolved
        whole = {c.code for c in communes if c.parent is None}
        kept = [c for c in communes if c.parent is None or c.parent not in whole]
        self.communes = tuple({c.code: c for c in kept}.values())
        self._codes = {c.code for c in self.communes}
        self._cities = {c.parent for c in self.communes if c.parent}

    def __contains__(self, commune: Commune) -> bool:
        # A member seated in "Marseille" is inside a perimeter holding some of its arrondissements.
        return commune.code in self._codes or commune.parent in self._codes or commune.code in self._cities


def _perimeter(territory: Territory | None, official: OfficialData) -> tuple[Basis, Perimeter]:
    if territory is None:
        return "none", Perimeter(())
    if territory.communes:
        found = {code: resolve(official, code) for code in territory.communes}
        unknown = sum(1 for commune in found.values() if commune is None)
        return "communes", Perimeter([c for c in found.values() if c is not None], unknown)
    places, unknown = [], 0
    for siren in dict.fromkeys(territory.epcis or []):
        epci = official.epci(siren)
        unknown += epci is None
        for code in epci.communes if epci else ():
            commune = official.commune(code)
            if commune is not None:
                places.append(commune)
    return ("epcis" if territory.epcis else "none"), Perimeter(places, unknown)


def _epcis(territory: Territory | None, perimeter: Perimeter, official: OfficialData) -> tuple[EpciFacts, ...]:
    codes = {c.commune_code for c in perimeter.communes}
    declared = list(dict.fromkeys(territory.epcis or [])) if territory else []
    found = {e.siren: e for c in sorted(codes) for e in official.epcis_of(c)}
    facts = []
    for siren in [*declared, *(s for s in sorted(found) if s not in declared)]:
        epci = official.epci(siren)
        inside = len(codes.intersection(epci.communes)) if epci else 0
        facts.append(EpciFacts(siren, epci, siren in declared, inside))
    return tuple(facts)


def _member_place(
    index: int, member: Member, perimeter: Perimeter, departements: set[str], official: OfficialData
) -> MemberPlace:
    if member.commune is None:
        return MemberPlace(index, member.name, None, Location.NOT_GIVEN)
    commune = resolve(official, member.commune)
    if commune is None:
        location = Location.UNKNOWN
    elif commune in perimeter:
        location = Location.INSIDE
    elif commune.departement in departements:
        location = Location.IN_DEPARTEMENTS
    else:
        location = Location.OUTSIDE
    return MemberPlace(index, member.name, commune, location)


def _departements(perimeter: Perimeter, official: OfficialData) -> tuple[Departement, ...]:
    codes = sorted({c.departement for c in perimeter.communes})
    return tuple(d for code in codes if (d := official.departement(code)) is not None)


def qpv_departement(code: str) -> str:
    """The département of a QPV code: `QP026003` -> `26`, `QN02A01N` -> `2A`, `QP971001` -> `971`."""
    part = code[2:5]
    return part if part.startswith("97") else part[1:]


def _listed(code: str, listed: UserList | None) -> bool | None:
    return None if listed is None else code in listed


class _Claims:
    """Checks the codes a dossier claims against the perimeter and the user's lists."""

    def __init__(self, perimeter: Perimeter, departements: set[str], references: UserReferences | None) -> None:
        self.perimeter, self.departements = perimeter, departements
        self.known = bool(perimeter.communes)
        self.lists = references or UserReferences()

    def qpv(self, codes: Sequence[str]) -> tuple[Claim, ...]:
        return tuple(
            Claim(
                i,
                code,
                qpv_departement(code) in self.departements if self.known else None,
                _listed(code, self.lists.qpv),
                identity=claim_key(code),
            )
            for i, code in enumerate(codes)
        )

    def frr(self, codes: Sequence[str], official: OfficialData) -> tuple[Claim, ...]:
        claims = []
        for i, code in enumerate(codes):
            commune = resolve(official, code)
            inside = (commune is not None and commune in self.perimeter) if self.known else None
            listed = _listed(code, self.lists.frr)
            if listed is False and commune is not None:
                listed = commune.code in (self.lists.frr or ())
            # A former commune and the commune it merged into are one commune.
            identity = commune.code if commune is not None else claim_key(code)
            claims.append(Claim(i, code, inside, listed, commune is not None, identity))
        return tuple(claims)

    def zones(self, codes: Sequence[str]) -> tuple[Claim, ...]:
        """Employment zones: listed, and covering a commune of the perimeter when the list
        says which communes each zone holds."""
        zones = self.lists.employment_zones
        ours = {c.commune_code for c in self.perimeter.communes} | {c.code for c in self.perimeter.communes}
        claims = []
        for i, code in enumerate(codes):
            held = zones.communes.get(code) if zones else None
            covers = None if held is None or not self.known else not held.isdisjoint(ours)
            claims.append(Claim(i, code, covers, _listed(code, zones)))
        return tuple(claims)


def compute(
    territory: Territory | None,
    members: Sequence[Member],
    official: OfficialData,
    references: UserReferences | None = None,
) -> TerritoryFacts:
    """Everything the reports and checks say about the territory, computed once."""
    basis, perimeter = _perimeter(territory, official)
    departements = _departements(perimeter, official)
    codes = {d.code for d in departements}
    regions = tuple(r for code in sorted({d.region for d in departements}) if (r := official.region(code)) is not None)
    places = (
        tuple(_member_place(i, m, perimeter, codes, official) for i, m in enumerate(members))
        if perimeter.communes
        else ()
    )
    claims = _Claims(perimeter, codes, references)
    difficulties = territory.difficulties if territory else None
    return TerritoryFacts(
        official.meta,
        basis,
        perimeter.communes,
        territory.population if territory else None,
        departements,
        regions,
        _epcis(territory, perimeter, official),
        places,
        claims.qpv(difficulties.priority_neighbourhoods or []) if difficulties else (),
        claims.frr(difficulties.rural_revitalisation_communes or [], official) if difficulties else (),
        claims.zones(territory.employment_zones or []) if territory else (),
        perimeter.unresolved,
    )
