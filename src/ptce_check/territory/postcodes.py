"""The logic of PTCE-T12 (run and documented by `ptce_check.quality.territory_postcodes`): a
postcode written where a commune's INSEE code belongs. A code that is both is read as the INSEE
code it is; the warning is given when the postcode reading agrees with the territory and the
INSEE reading does not. Only the postcodes of the communes concerned are looked at, never an
index of every postcode.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from ptce_check.codes import finding
from ptce_check.findings import Finding, Path
from ptce_check.i18n import Text
from ptce_check.territory.facts import Location, TerritoryFacts, resolve
from ptce_check.territory.messages import postcode_message
from ptce_check.territory.official import official_data
from ptce_check.territory.places import Commune
from ptce_check.territory.table import OfficialData

if TYPE_CHECKING:
    from ptce_check.dossier import Member, Territory

_OUTSIDE = Text("hors du territoire", "outside the territory")
_OUTSIDE_DECLARED = Text("hors des EPCI déclarés (territory.epcis)", "outside the declared EPCIs (territory.epcis)")
_OUTSIDE_OTHERS = Text(
    "hors des intercommunalités des autres communes du territoire",
    "outside the intercommunalities of the territory's other communes",
)


def _served(code: str, communes: Iterable[Commune]) -> tuple[Commune, ...]:
    """The communes among `communes` that have `code` as a postcode, the commune `code` itself aside."""
    return tuple({c.code: c for c in communes if code in c.postal_codes and c.code != code}.values())


def _warning(code: str, path: Path, insee: Commune, where: Text, served: tuple[Commune, ...]) -> Iterator[Finding]:
    if served:
        message, hint = postcode_message(code, insee, where, served)
        yield finding("PTCE-T12", path, message, hint)


def _seats(
    members: Sequence[Member], ref: OfficialData, facts: TerritoryFacts, postcodes: set[str]
) -> Iterator[Finding]:
    for place in facts.members:
        code = members[place.index].commune
        if code is None or place.location is Location.INSIDE or code not in postcodes:
            continue
        if (insee := ref.commune(code)) is not None:
            yield from _warning(
                code, ("members", place.index, "commune"), insee, _OUTSIDE, _served(code, facts.communes)
            )


def _rural_communes(ref: OfficialData, facts: TerritoryFacts, postcodes: set[str]) -> Iterator[Finding]:
    path = ("territory", "difficulties", "rural_revitalisation_communes")
    for claim in facts.rural_revitalisation:
        if claim.in_territory is not False or claim.code not in postcodes or (insee := ref.commune(claim.code)) is None:
            continue
        yield from _warning(claim.code, (*path, claim.index), insee, _OUTSIDE, _served(claim.code, facts.communes))


def _sirens(ref: OfficialData, commune: Commune | None) -> set[str]:
    return {e.siren for e in ref.epcis_of(commune.commune_code)} if commune is not None else set()


@functools.lru_cache(maxsize=4096)
def _by_postal_code(ref: OfficialData, siren: str) -> dict[str, tuple[Commune, ...]]:
    """The communes of one intercommunality by the postal codes that serve them, in its order;
    kept for the batch: the territories of a screening share their intercommunalities."""
    epci = ref.epci(siren)
    found: dict[str, list[Commune]] = {}
    for code in epci.communes if epci else ():
        commune = ref.commune(code)
        if commune is None:
            continue
        for postal_code in commune.postal_codes:
            found.setdefault(postal_code, []).append(commune)
    return {postal_code: tuple(communes) for postal_code, communes in found.items()}


def _served_in(ref: OfficialData, code: str, sirens: Iterable[str]) -> tuple[Commune, ...]:
    """The communes of these intercommunalities that have `code` as a postcode, the commune
    `code` itself aside, in intercommunality then member order."""
    found: dict[str, Commune] = {}
    for siren in sorted(sirens):
        for commune in _by_postal_code(ref, siren).get(code, ()):
            if commune.code != code:
                found.setdefault(commune.code, commune)
    return tuple(found.values())


def _alone(own: set[str], holding: Counter[str], declared: set[str]) -> bool:
    """Whether a listed commune is in none of the territory's intercommunalities: the declared
    ones, else those of the other listed communes (each of its own holds no other entry)."""
    if declared:
        return not own & declared
    return all(holding[siren] == 1 for siren in own)


def _listed_communes(territory: Territory | None, ref: OfficialData, facts: TerritoryFacts) -> Iterator[Finding]:
    if territory is None or facts.basis != "communes":
        return
    listed = territory.communes or []
    sirens = {code: _sirens(ref, resolve(ref, code)) for code in dict.fromkeys(listed)}
    holding = Counter(siren for own in sirens.values() for siren in own)
    declared = {e.siren for e in facts.epcis if e.declared and e.epci is not None}
    where = _OUTSIDE_DECLARED if declared else _OUTSIDE_OTHERS
    for index, code in enumerate(listed):
        insee, own = ref.commune(code), sirens[code]
        around = declared or set(holding) - own
        if insee is None or not around or not _alone(own, holding, declared):
            continue
        served = _served_in(ref, code, around)
        yield from _warning(code, ("territory", "communes", index), insee, where, served)


def postcode_findings(
    territory: Territory | None, members: Sequence[Member], facts: TerritoryFacts
) -> Iterator[Finding]:
    """PTCE-T12 for the perimeter's own entries, the rural revitalisation communes, then the
    members' seats."""
    if not facts.communes:
        return
    ref = official_data()
    # A code outside the territory that is none of its communes' postcodes needs no closer look:
    # most members' seats, given once for the dossier.
    postcodes = {postcode for commune in facts.communes for postcode in commune.postal_codes}
    yield from _listed_communes(territory, ref, facts)
    yield from _rural_communes(ref, facts, postcodes)
    yield from _seats(members, ref, facts, postcodes)
