"""Points at the band edges and the improvement suggested for each criterion."""

from __future__ import annotations

from typing import Any

import pytest
from msgspec.structs import replace

from helpers import BASE_TEXT, FIXTURES, assess_text, variant
from ptce_check.binding import load_call
from ptce_check.calls import Band, Criterion
from ptce_check.context import Context
from ptce_check.decoding import Limits
from ptce_check.scoring import Improvement, _described, _next_band, points_for, score
from ptce_check.source import load_bytes
from ptce_check.validation import validate

BOUND = load_call("ptce-2015")
CALL = BOUND.call


def criterion(criterion_id: str, **changes: Any) -> Criterion:
    found = next(c for c in CALL.scoring if c.id == criterion_id)
    return found.model_copy(update=changes)


def bands(*pairs: tuple[float, float]) -> list[Band]:
    return [Band(threshold=threshold, points=points) for threshold, points in pairs]


def _improvement(criterion: Criterion, points: float) -> Improvement | None:
    """The improvement `score` would suggest for a criterion earning `points`."""
    step = _next_band(criterion, points)
    return None if step is None else _described(criterion, step, step.points - points)


@pytest.mark.parametrize(("value", "points"), [(4.9, 0), (5, 2), (14, 2), (15, 4), (30, 6), (31, 6)])
def test_higher_is_better_threshold_earns_its_band(value: float, points: float) -> None:
    assert points_for(criterion("created_fte"), value) == points


@pytest.mark.parametrize(("value", "points"), [(5000, 4), (5001, 3), (10000, 3), (20000, 2), (20001, 0)])
def test_lower_is_better_threshold_earns_its_band(value: float, points: float) -> None:
    assert points_for(criterion("grant_per_fte"), value) == points


def test_no_value_and_no_band_reached_earn_zero() -> None:
    assert points_for(criterion("created_fte"), None) == 0.0
    assert points_for(criterion("created_fte"), 0) == 0.0


def test_improvement_gain_is_the_difference_to_the_next_band() -> None:
    assert _improvement(criterion("created_fte"), 2) == Improvement(
        "created_fte", criterion("created_fte").title.text, 2.0, _target("created_fte", 15)
    )
    improvement = _improvement(criterion("grant_per_fte"), 3)
    assert improvement is not None and improvement.gain == 1.0
    assert improvement.target.fr == (
        "si le projet crée des emplois, déclarez-les tous\u00a0: le palier suivant est d'au plus 5\u202f000 € "
        "de subvention par ETP créé"
    )


def _target(criterion_id: str, threshold: float) -> Any:
    from ptce_check.metrics import METRICS

    return METRICS[criterion(criterion_id).kind].TARGET.format(threshold=threshold)


def test_no_improvement_at_the_top_band() -> None:
    assert _improvement(criterion("created_fte"), 6) is None
    assert _improvement(criterion("grant_per_fte"), 4) is None


def test_a_band_worth_nothing_more_is_not_suggested() -> None:
    zero_band = criterion("created_fte", bands=bands((1, 0), (5, 2)), max_points=2)
    improvement = _improvement(zero_band, 0)
    assert improvement is not None and (improvement.gain, improvement.target.fr) == (
        2.0,
        "si le projet crée des emplois, déclarez-les en ETP dans jobs.created_fte (palier suivant\u00a0: 5 ETP)",
    )


def test_equal_bands_suggest_the_nearest_threshold_when_higher_is_better() -> None:
    tied = criterion("created_fte", bands=bands((8, 2), (5, 2), (30, 6)))
    improvement = _improvement(tied, 0)
    assert improvement is not None and improvement.target.fr.endswith("(palier suivant\u00a0: 5 ETP)")


def test_equal_bands_suggest_the_nearest_threshold_when_lower_is_better() -> None:
    tied = criterion("grant_per_fte", bands=bands((15000, 2), (20000, 2), (5000, 4)))
    improvement = _improvement(tied, 0)
    assert improvement is not None and "au plus 20\u202f000 € de subvention" in improvement.target.fr


def test_score_suggests_the_five_largest_gains_in_order() -> None:
    card = assess_text(BASE_TEXT).score
    assert card is not None
    assert [(i.criterion, i.gain) for i in card.improvements] == [
        ("value_chain", 7.0),
        ("ess_balance", 3.0),
        ("mutualisation_kinds", 3.0),
        ("priority_neighbourhoods", 3.0),
        ("non_relocatable", 3.0),
    ]
    assert card.improvements[1].target.fr == (
        "si d'autres membres sont des entreprises de l'ESS ou hors ESS, déclarez-les avec leur forme juridique "
        "(palier suivant\u00a0: 2 de chaque côté)"
    )


def test_score_card_lists_no_improvement_for_a_criterion_at_its_maximum() -> None:
    card = assess_text(variant(("  created_fte: 6", "  created_fte: 30"))).score
    assert card is not None
    assert "created_fte" not in {i.criterion for i in card.improvements}
    assert {c.id: c.points for c in card.criteria}["created_fte"] == 6


def test_totals_are_rounded_to_two_decimals() -> None:
    fractional = [criterion(name, bands=bands((0, 0.333)), max_points=0.333) for name in ("created_fte", "governance")]
    call = CALL.model_copy(update={"scoring": fractional})
    document = load_bytes(BASE_TEXT.encode("utf-8"), Limits())
    context = Context(validate(document.data, annotated=document.annotated).view, call, FIXTURES)
    by_id = {bound.criterion.id: bound for bound in BOUND.criteria}
    card = score(
        context, replace(BOUND, call=call, criteria=tuple(replace(by_id[c.id], criterion=c) for c in fractional))
    )
    assert [c.points for c in card.criteria] == [0.333, 0.333]
    assert (card.total, card.max_points) == (0.67, 0.67)
