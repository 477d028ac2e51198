"""A postcode written where a commune's INSEE code belongs (PTCE-T12, warning).

Some codes are both: 26100 is the INSEE code of Combovin and the postcode of Romans-sur-Isère
(INSEE 26281). Such a code is read as the INSEE code it is, as every other check reads it, and
this warning is given when the two readings disagree with the territory:

- a member's seat (`members[i].commune`) or a rural revitalisation commune: the INSEE reading
  is outside the territory's computed perimeter and the postcode reading is a commune inside it;
- an entry of `territory.communes` (the perimeter itself, so never "outside" it): the INSEE
  reading belongs to none of the territory's intercommunalities — those of `territory.epcis`,
  else those of the list's other communes — and the postcode reading belongs to one of them.
  A list with no other commune and no EPCI gives nothing to compare with, and a postcode reading
  in the INSEE reading's own intercommunality cannot be told apart from it: neither is reported.

Only current communes are read as INSEE codes (a former commune is PTCE-T08's business). Only
the postcodes of the communes concerned are looked at, never an index of every postcode.

PASS: a member with ``commune: '26281'`` in ``communes: ['26281', '26057']``.
FAIL: the same member with ``commune: '26100'`` (Combovin, outside; Romans-sur-Isère's postcode).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from ptce_check.context import Context
from ptce_check.findings import Finding, Path
from ptce_check.i18n import Text
from ptce_check.quality.base import finding
from ptce_check.quality.territory_messages import postcode_message
from ptce_check.reference import Commune, Reference, reference
from ptce_check.territory import Location, TerritoryFacts, resolve

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


def _seats(context: Context, ref: Reference, facts: TerritoryFacts) -> Iterator[Finding]:
    members = context.view.members
    for place in facts.members:
        code = members[place.index].commune
        if code is None or place.location is Location.INSIDE or (insee := ref.commune(code)) is None:
            continue
        yield from _warning(code, ("members", place.index, "commune"), insee, _OUTSIDE, _served(code, facts.communes))


def _rural_communes(ref: Reference, facts: TerritoryFacts) -> Iterator[Finding]:
    path = ("territory", "difficulties", "rural_revitalisation_communes")
    for claim in facts.rural_revitalisation:
        if claim.in_territory is not False or (insee := ref.commune(claim.code)) is None:
            continue
        yield from _warning(claim.code, (*path, claim.index), insee, _OUTSIDE, _served(claim.code, facts.communes))


def _sirens(ref: Reference, commune: Commune | None) -> set[str]:
    return {e.siren for e in ref.epcis_of(commune.commune_code)} if commune is not None else set()


def _communes_of(ref: Reference, sirens: Iterable[str]) -> Iterator[Commune]:
    for siren in sorted(sirens):
        epci = ref.epci(siren)
        for code in epci.communes if epci else ():
            commune = ref.commune(code)
            if commune is not None:
                yield commune


def _alone(own: set[str], holding: Counter[str], declared: set[str]) -> bool:
    """Whether a listed commune is in none of the territory's intercommunalities: the declared
    ones, else those of the other listed communes (each of its own holds no other entry)."""
    if declared:
        return not own & declared
    return all(holding[siren] == 1 for siren in own)


def _listed_communes(context: Context, ref: Reference, facts: TerritoryFacts) -> Iterator[Finding]:
    territory = context.view.territory
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
        served = _served(code, _communes_of(ref, around))
        yield from _warning(code, ("territory", "communes", index), insee, where, served)


def run(context: Context) -> Iterator[Finding]:
    facts = context.territory_facts
    if not facts.communes:
        return
    ref = reference()
    yield from _listed_communes(context, ref, facts)
    yield from _rural_communes(ref, facts)
    yield from _seats(context, ref, facts)
