"""The territory in words, for the rich report: communes, computed and declared population,
départements, EPCIs, and where the members are seated."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text as RichText

from ptce_check.i18n import Lang, Text
from ptce_check.money import number
from ptce_check.quality.territory_messages import people
from ptce_check.territory import Location, TerritoryFacts
from ptce_check.textsafe import escape_all_controls

#: Communes named before "and N more".
SHOWN_COMMUNES = 6

LABELS = {
    "communes": Text("Communes", "Communes"),
    "population": Text("Population", "Population"),
    "departements": Text("Départements", "Départements"),
    "epcis": Text("EPCI", "EPCIs"),
    "members": Text("Membres", "Members"),
}


def _communes(facts: TerritoryFacts) -> Text:
    names = ", ".join(c.name for c in facts.communes[:SHOWN_COMMUNES])
    more = len(facts.communes) - SHOWN_COMMUNES
    tail = Text(f" et {more} autre(s)", f" and {more} more") if more > 0 else Text("", "")
    source = f"territory.{facts.basis}"
    return Text(
        f"{len(facts.communes)} d'après {source} : {names}{tail.fr}",
        f"{len(facts.communes)} from {source}: {names}{tail.en}",
    )


def _population(facts: TerritoryFacts) -> Text:
    computed = people(facts.computed_population or 0)
    line = Text(f"{computed.fr} calculée (populations légales)", f"{computed.en} computed (legal populations)")
    if facts.declared_population is None:
        return Text(f"{line.fr} ; non déclarée", f"{line.en}; not declared")
    declared, gap = people(facts.declared_population), facts.population_gap
    apart = number(round(gap * 100, 1)) if gap is not None else Text("–", "–")
    sign = "+" if gap is not None and gap > 0 else ""
    return Text(
        f"{line.fr} ; déclarée {declared.fr} (écart {sign}{apart.fr} %)",
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
        + (f" ; hors du territoire : {away}" if away else ""),
        ", ".join(f"{counts[loc]} {_LOCATIONS[loc].en}" for loc in shown)
        + (f"; outside the territory: {away}" if away else ""),
    )


def territory_table(facts: TerritoryFacts | None, lang: Lang) -> Table | None:
    """None when there is nothing to show: no commune of the territory is known."""
    if facts is None or not facts.communes:
        return None
    meta = facts.meta
    title = Text(
        f"Territoire (géographie officielle {meta.vintage}, {meta.source} {meta.version})",
        f"Territory (official geography {meta.vintage}, {meta.source} {meta.version})",
    )
    table = Table(title=title.get(lang), title_justify="left", show_header=False)
    table.add_column(no_wrap=True, style="bold")
    table.add_column()
    departements = ", ".join(f"{d.name} ({d.code})" for d in facts.departements)
    rows = (
        ("communes", _communes(facts)),
        ("population", _population(facts)),
        ("departements", Text(departements, departements)),
        ("epcis", _epcis(facts)),
        ("members", _members(facts)),
    )
    for key, value in rows:
        table.add_row(LABELS[key].get(lang), RichText(escape_all_controls(value.get(lang))))
    return table
