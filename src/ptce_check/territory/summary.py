"""The territory as the reports show it: the facts as plain data (the JSON outcome's
`territory` object, English keys) and in words (label and value lines, with what the dossier
declared beside what was computed)."""

from __future__ import annotations

from typing import Any

from ptce_check.i18n import Text, plural
from ptce_check.money import number
from ptce_check.territory.facts import POPULATION_TOLERANCE, Location, TerritoryFacts
from ptce_check.territory.messages import people
from ptce_check.territory.places import Meta

#: Communes named before "and N more".
SHOWN_COMMUNES = 6


def _population_record(facts: TerritoryFacts) -> dict[str, Any]:
    gap = facts.population_gap
    return {
        "declared": facts.declared_population,
        "computed": facts.computed_population,
        "gap_percent": None if gap is None else round(gap * 100, 1),
        "tolerance_percent": round(POPULATION_TOLERANCE * 100),
    }


def _members_record(facts: TerritoryFacts) -> dict[str, Any] | None:
    if not facts.communes:
        return None
    counts: dict[str, Any] = {location.value: facts.count(location) for location in Location}
    counts["seats"] = [
        {
            "name": place.name,
            "commune": place.commune.code if place.commune else None,
            "commune_name": place.commune.name if place.commune else None,
            "location": place.location.value,
        }
        for place in facts.members
    ]
    return counts


def facts_record(facts: TerritoryFacts) -> dict[str, Any]:
    """The facts as plain data (English keys): the `territory` object of the JSON outcome."""
    meta = facts.meta
    return {
        "reference": {"source": meta.source, "version": meta.version, "vintage": meta.vintage},
        "perimeter_from": None if facts.basis == "none" else facts.basis,
        "communes": [{"code": c.code, "name": c.name, "population": c.population} for c in facts.communes],
        "population": _population_record(facts),
        "departements": [{"code": d.code, "name": d.name} for d in facts.departements],
        "regions": [{"code": r.code, "name": r.name} for r in facts.regions],
        "epcis": [
            {
                "siren": e.siren,
                "name": e.epci.name if e.epci else None,
                "kind": e.epci.kind if e.epci else None,
                "declared": e.declared,
                "communes": len(e.epci.communes) if e.epci else None,
                "communes_in_territory": e.communes_in_perimeter,
            }
            for e in facts.epcis
        ],
        "members": _members_record(facts),
    }


LABELS = {
    "communes": Text("Communes", "Communes"),
    "population": Text("Population", "Population"),
    "departements": Text("Départements", "Departments"),
    "epcis": Text("EPCI", "EPCIs"),
    "members": Text("Membres", "Members"),
}


def _communes(facts: TerritoryFacts) -> Text:
    names = ", ".join(c.name for c in facts.communes[:SHOWN_COMMUNES])
    more = len(facts.communes) - SHOWN_COMMUNES
    tail = Text(f" et {plural(more, 'autre', 'autres')}", f" and {more} more") if more > 0 else Text("", "")
    source = f"territory.{facts.basis}"
    return Text(
        f"{len(facts.communes)} d'après {source}\u00a0: {names}{tail.fr}",
        f"{len(facts.communes)} from {source}: {names}{tail.en}",
    )


def _population(facts: TerritoryFacts) -> Text:
    computed = people(facts.computed_population or 0)
    line = Text(f"{computed.fr} calculée (populations légales)", f"{computed.en} computed (legal populations)")
    if facts.declared_population is None:
        return Text(f"{line.fr}\u00a0; non déclarée", f"{line.en}; not declared")
    declared, gap = people(facts.declared_population), facts.population_gap
    apart = number(round(gap * 100, 1)) if gap is not None else Text("–", "–")
    sign = "+" if gap is not None and gap > 0 else ""
    return Text(
        f"{line.fr}\u00a0; déclarée {declared.fr} (écart {sign}{apart.fr} %)",
        f"{line.en}; declared {declared.en} ({sign}{apart.en}% apart)",
    )


def _epcis(facts: TerritoryFacts) -> Text:
    parts_fr, parts_en = [], []
    for item in facts.epcis:
        if item.epci is None:
            parts_fr.append(f"{item.siren} (inconnu)")
            parts_en.append(f"{item.siren} (unknown)")
            continue
        held = f"{item.communes_in_perimeter}/{len(item.epci.communes)}"
        flag = Text("", "") if item.declared else Text(", non déclaré", ", not declared")
        parts_fr.append(f"{item.epci.name} ({held} communes{flag.fr})")
        parts_en.append(f"{item.epci.name} ({held} communes{flag.en})")
    return Text(", ".join(parts_fr) or "aucun", ", ".join(parts_en) or "none")


_LOCATIONS = {
    Location.INSIDE: Text("dans le territoire", "in the territory"),
    Location.IN_DEPARTEMENTS: Text("ailleurs dans ses départements", "elsewhere in its départements"),
    Location.OUTSIDE: Text("au-delà", "beyond"),
    Location.UNKNOWN: Text("commune inconnue", "unknown commune"),
    Location.NOT_GIVEN: Text("sans commune", "without commune"),
}


def _members(facts: TerritoryFacts) -> Text:
    counts = {location: facts.count(location) for location in Location}
    shown = [loc for loc in Location if counts[loc] or loc in (Location.INSIDE, Location.OUTSIDE)]
    away = ", ".join(
        f"{m.name} ({m.commune.name})"
        for m in facts.members
        if m.commune and m.location in (Location.OUTSIDE, Location.IN_DEPARTEMENTS)
    )
    return Text(
        ", ".join(f"{counts[loc]} {_LOCATIONS[loc].fr}" for loc in shown)
        + (f"\u00a0; hors du territoire\u00a0: {away}" if away else ""),
        ", ".join(f"{counts[loc]} {_LOCATIONS[loc].en}" for loc in shown)
        + (f"; outside the territory: {away}" if away else ""),
    )


def summary_title(meta: Meta) -> Text:
    return Text(
        f"Territoire (géographie officielle {meta.vintage}, {meta.source} {meta.version})",
        f"Territory (official geography {meta.vintage}, {meta.source} {meta.version})",
    )


def summary_rows(facts: TerritoryFacts) -> tuple[tuple[Text, Text], ...]:
    """(label, value) lines of the territory in words: communes, population, départements,
    EPCIs, members' seats. Values hold names from the data and the dossier, not yet escaped."""
    departements = facts.departements_named
    return (
        (LABELS["communes"], _communes(facts)),
        (LABELS["population"], _population(facts)),
        (LABELS["departements"], Text(departements, departements)),
        (LABELS["epcis"], _epcis(facts)),
        (LABELS["members"], _members(facts)),
    )
