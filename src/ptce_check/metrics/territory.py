"""Metrics of the territory-in-difficulty axis: priority neighbourhoods, rural revitalisation,
deindustrialisation, unemployment."""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.dossier import Difficulties
from ptce_check.i18n import Text
from ptce_check.metrics.base import Measure, Metric
from ptce_check.money import number
from ptce_check.territory import Claim, distinct_claims

_PATH = ("territory", "difficulties")
_NONE = Text("difficultés du territoire non renseignées", "territory difficulties not given")


def _difficulties(context: Context) -> Difficulties | None:
    territory = context.view.territory
    return territory.difficulties if territory else None


def _retained(claims: tuple[Claim, ...], listed: bool, vintage: int) -> tuple[float, Text]:
    """How many claimed codes count, and how they were verified (computed vs declared). A code
    listed twice counts once."""
    distinct = distinct_claims(claims)
    kept = sum(1 for claim in distinct if claim.retained)
    lists = (" et dans la liste --reference fournie", " and in the supplied --reference list") if listed else ("", "")
    repeats = len(claims) - len(distinct)
    twice = (
        (f", {repeats} doublon(s) compté(s) une fois", f", {repeats} repeat(s) counted once") if repeats else ("", "")
    )
    return float(kept), Text(
        f"{kept} retenu(s) sur {len(distinct)} déclaré(s){twice[0]} : ceux situés dans le territoire calculé "
        f"(géographie officielle {vintage}){lists[0]}",
        f"{kept} of {len(distinct)} declared retained{twice[1]}: those in the computed territory (official "
        f"geography {vintage}){lists[1]}",
    )


def _priority_neighbourhoods(context: Context, params: object) -> Measure:
    facts = context.territory_facts
    references = context.references
    kept, how = _retained(facts.priority_neighbourhoods, bool(references and references.qpv), facts.meta.vintage)
    return Measure(
        kept,
        Text(
            f"quartiers prioritaires de la politique de la ville (QPV) : {how.fr}",
            f"priority neighbourhoods (QPV): {how.en}",
        ),
        ((*_PATH, "priority_neighbourhoods"),),
    )


def _rural_revitalisation(context: Context, params: object) -> Measure:
    facts = context.territory_facts
    references = context.references
    kept, how = _retained(facts.rural_revitalisation, bool(references and references.frr), facts.meta.vintage)
    return Measure(
        kept,
        Text(
            f"communes en zone de revitalisation rurale (ZRR / FRR) : {how.fr}",
            f"rural revitalisation communes (ZRR / FRR): {how.en}",
        ),
        ((*_PATH, "rural_revitalisation_communes"),),
    )


def _deindustrialised(context: Context, params: object) -> Measure:
    difficulties = _difficulties(context)
    if difficulties is None or difficulties.deindustrialised is None:
        return Measure(None, _NONE)
    if not difficulties.deindustrialised:
        return Measure(
            0.0, Text("bassin non désindustrialisé", "basin not deindustrialised"), ((*_PATH, "deindustrialised"),)
        )
    evidenced = bool((difficulties.notes or "").strip())
    return Measure(
        2.0 if evidenced else 1.0,
        Text(
            "bassin désindustrialisé" + (", justifié dans notes" if evidenced else ", sans justification"),
            "deindustrialised basin" + (", evidenced in notes" if evidenced else ", without evidence"),
        ),
        ((*_PATH, "deindustrialised"),),
    )


def _unemployment(context: Context, params: object) -> Measure:
    difficulties = _difficulties(context)
    if difficulties is None or difficulties.unemployment_rate is None:
        return Measure(None, _NONE)
    rate = difficulties.unemployment_rate
    return Measure(
        rate,
        Text(f"taux de chômage de la zone : {number(rate).fr} %", f"unemployment rate of the zone: {number(rate).en}%"),
        ((*_PATH, "unemployment_rate"),),
    )


METRICS = (
    Metric(
        "priority_neighbourhoods",
        _priority_neighbourhoods,
        Text(
            "au moins {threshold:g} quartier(s) prioritaire(s) concerné(s) (codes QPV)",
            "at least {threshold:g} priority neighbourhood(s) concerned (QPV codes)",
        ),
    ),
    Metric(
        "rural_revitalisation",
        _rural_revitalisation,
        Text(
            "au moins {threshold:g} commune(s) ZRR / FRR dans le territoire",
            "at least {threshold:g} ZRR / FRR commune(s) in the territory",
        ),
    ),
    Metric(
        "deindustrialised",
        _deindustrialised,
        Text(
            "bassin désindustrialisé, justifié dans difficulties.notes (niveau {threshold:g} sur 2)",
            "deindustrialised basin, evidenced in difficulties.notes (level {threshold:g} of 2)",
        ),
    ),
    Metric(
        "unemployment_rate",
        _unemployment,
        Text(
            "un taux de chômage d'au moins {threshold:g} % (s'il est réel, renseignez-le)",
            "an unemployment rate of at least {threshold:g}% (if true, state it)",
        ),
    ),
)
