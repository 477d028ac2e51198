"""The `territory` object of the JSON outcome: the territory computed from the official
reference data, beside what the dossier declared (English keys)."""

from __future__ import annotations

from typing import Any

from ptce_check.territory import POPULATION_TOLERANCE, Location, TerritoryFacts


def _population(facts: TerritoryFacts) -> dict[str, Any]:
    gap = facts.population_gap
    return {
        "declared": facts.declared_population,
        "computed": facts.computed_population,
        "gap_percent": None if gap is None else round(gap * 100, 1),
        "tolerance_percent": round(POPULATION_TOLERANCE * 100),
    }


def _members(facts: TerritoryFacts) -> dict[str, Any] | None:
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


def territory_data(facts: TerritoryFacts | None) -> dict[str, Any] | None:
    if facts is None:
        return None
    meta = facts.meta
    return {
        "reference": {"source": meta.source, "version": meta.version, "vintage": meta.vintage},
        "perimeter_from": None if facts.basis == "none" else facts.basis,
        "communes": [{"code": c.code, "name": c.name, "population": c.population} for c in facts.communes],
        "population": _population(facts),
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
        "members": _members(facts),
    }
