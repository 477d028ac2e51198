"""Words of the territory findings: what the official data says, and what to write instead."""

from __future__ import annotations

from ptce_check.i18n import Text, plural
from ptce_check.money import number
from ptce_check.territory.facts import POPULATION_TOLERANCE, Location, MemberPlace, TerritoryFacts
from ptce_check.territory.places import Commune, FormerCommune, Meta
from ptce_check.territory.table import OfficialData
from ptce_check.territory.user_lists import UserList
from ptce_check.textsafe import escape_all_controls

_FORMER_STATUS = {
    "deleguee": Text("commune déléguée de", "now a commune déléguée of"),
    "associee": Text("commune associée à", "now a commune associée of"),
    "ancienne": Text("fusionnée dans", "merged into"),
}


def _of_communes(size: int) -> str:
    """`de la commune`, `des 3 communes`."""
    return "de la commune" if size == 1 else f"des {size} communes"


def vintage(meta: Meta) -> Text:
    return Text(f"géographie officielle {meta.vintage}", f"official geography {meta.vintage}")


def people(count: int) -> Text:
    """`43 385` in French (narrow no-break space), `43,385` in English."""
    return number(count)


def place(commune: Commune) -> str:
    return f"{commune.code} ({commune.name})"


def commune_hint(ref: OfficialData, code: str) -> Text:
    """A postal code recognised as such, else the closest real codes."""
    served = ref.communes_with_postal_code(code)
    if served:
        listed = ", ".join(place(c) for c in served)
        return Text(
            f"{code} est un code postal\u00a0; code INSEE\u00a0: {listed}",
            f"{code} is a postcode; INSEE code: {listed}",
        )
    from ptce_check.territory.nearest import nearest_communes  # for unknown codes only

    close = nearest_communes(ref, code)
    if not close:
        return Text(
            "le code INSEE (COG) a 5 caractères\u00a0: 2 pour le département, 3 pour la commune",
            "the INSEE (COG) code has 5 characters: 2 for the département, 3 for the commune",
        )
    listed = ", ".join(place(c) for c in close)
    return Text(f"codes proches\u00a0: {listed}", f"close codes: {listed}")


def former_message(former: FormerCommune, meta: Meta) -> Text:
    name = f" ({escape_all_controls(former.name)})" if former.name else ""
    status = _FORMER_STATUS[former.status]
    now = place(former.current)
    return Text(
        f"« {former.code} »{name} n'est plus une commune dans la {vintage(meta).fr}\u00a0: {status.fr} {now}, "
        "qui la remplace dans le calcul du territoire",
        f"'{former.code}'{name} is no longer a commune in the {vintage(meta).en}: {status.en} {now}, "
        "which stands for it in the territory's figures",
    )


def population_message(facts: TerritoryFacts, gap: float) -> Text:
    declared, counted = people(facts.declared_population or 0), people(facts.computed_population or 0)
    percent, limit = f"{gap * 100:+.0f}", f"{POPULATION_TOLERANCE * 100:.0f}"
    unknown = facts.unresolved
    missing = (
        Text(
            f", {plural(unknown, 'code inconnu non compté', 'codes inconnus non comptés')}",
            f", {plural(unknown, 'unknown code', 'unknown codes', 'en')} not counted",
        )
        if unknown
        else Text("", "")
    )
    size = len(facts.communes)
    return Text(
        f"population déclarée {declared.fr}, mais {counted.fr} d'après les populations légales "
        f"{_of_communes(size)} du périmètre ({vintage(facts.meta).fr}{missing.fr})\u00a0: écart de {percent} % "
        f"(tolérance ±{limit} %)",
        f"declared population {declared.en}, but {counted.en} from the legal populations of the perimeter's "
        f"{plural(size, 'commune', 'communes', 'en')} ({vintage(facts.meta).en}{missing.en}): {percent}% apart "
        f"(tolerance ±{limit}%)",
    )


def unknown_epci(ref: OfficialData, siren: str, perimeter_from_epcis: bool) -> tuple[Text, Text]:
    effect = (
        Text("\u00a0; ses communes manquent au territoire", "; its communes are missing from the territory")
        if perimeter_from_epcis
        else Text("", "")
    )
    message = Text(
        f"aucun EPCI ni EPT de SIREN {siren} dans la {vintage(ref.meta).fr} (dissous, fusionné, ou syndicat "
        f"sans fiscalité propre ?){effect.fr}",
        f"no EPCI or EPT with SIREN {siren} in the {vintage(ref.meta).en} (dissolved, merged, or a syndicate "
        f"without own taxation?){effect.en}",
    )
    from ptce_check.territory.nearest import nearest_epcis  # for unknown SIRENs only

    close = nearest_epcis(ref, siren)
    if close:
        listed = ", ".join(f"{e.siren} ({e.name})" for e in close)
        return message, Text(f"SIREN proches\u00a0: {listed}", f"close SIRENs: {listed}")
    return message, Text(
        "listez les communes du territoire (territory.communes)\u00a0: elles font foi",
        "list the territory's communes (territory.communes): they are authoritative",
    )


def outside_message(member: MemberPlace, facts: TerritoryFacts) -> Text:
    assert member.commune is not None
    name, seat = escape_all_controls(member.name), place(member.commune)
    if member.location is Location.IN_DEPARTEMENTS:
        return Text(
            f"membre « {name} »\u00a0: siège à {seat}, hors du territoire mais dans l'un de ses départements",
            f"member '{name}': seated in {seat}, outside the territory but in one of its départements",
        )
    departements = facts.departements_named
    return Text(
        f"membre « {name} »\u00a0: siège à {seat}, hors du territoire et de ses départements ({departements})",
        f"member '{name}': seated in {seat}, outside the territory and its départements ({departements})",
    )


def absent(code: str, listed: UserList) -> Text:
    label = escape_all_controls(listed.label)
    return Text(
        f"{code} absent de la liste de référence {listed.kind} ({label})",
        f"{code} is not in the {listed.kind} reference list ({label})",
    )


def of_place(name: str) -> str:
    """« de » before a place name, as French writes it: d'Ordonnaz, du Poizat, des Neyrolles."""
    if name.startswith("Le "):
        return "du " + name[3:]
    if name.startswith("Les "):
        return "des " + name[4:]
    return ("d'" if name[:1].upper() in _VOWELS else "de ") + name


_VOWELS = frozenset("AEIOUYÂÀÉÈÊËÎÏÔÛÙŒ")


def postcode_message(code: str, insee: Commune, where: Text, served: tuple[Commune, ...]) -> tuple[Text, Text]:
    """PTCE-T12: both readings of a code that is a commune's INSEE code and another's postcode,
    and the INSEE code the applicant most likely meant."""
    names = [escape_all_controls(c.name) for c in served]
    readings = ", ".join(f"{of_place(n)} (code INSEE {c.code})" for n, c in zip(names, served, strict=True))
    readings_en = ", ".join(f"{n} (INSEE code {c.code})" for n, c in zip(names, served, strict=True))
    name = escape_all_controls(insee.name)
    message = Text(
        f"{code} est le code INSEE {of_place(name)}, {where.fr}\u00a0; c'est aussi le code postal {readings}",
        f"{code} is the INSEE code of {name}, {where.en}; it is also the postcode of {readings_en}",
    )
    if len(served) == 1:
        return message, Text(
            f"si c'est {names[0]}, écrivez son code INSEE\u00a0: {served[0].code}",
            f"if you meant {names[0]}, write its INSEE code: {served[0].code}",
        )
    listed = ", ".join(f"{c.code} ({n})" for n, c in zip(names, served, strict=True))
    return message, Text(
        f"si c'est l'une de ces communes, écrivez son code INSEE\u00a0: {listed}",
        f"if you meant one of these communes, write its INSEE code: {listed}",
    )
