"""The score: bands, evidence, improvements, and the examples' totals."""

from __future__ import annotations

import math

import pytest

from helpers import BASE_TEXT, EXAMPLES, assess_text, variant
from ptce_check import scoring
from ptce_check.assess import assess_file
from ptce_check.binding import load_call
from ptce_check.calls import Band, Criterion
from ptce_check.scoring import points_for


def _criteria(text: str, call: str | None = None) -> dict[str, float]:
    card = assess_text(text, call=call).score
    assert card is not None
    return {c.id: c.points for c in card.criteria}


def test_base_dossier_score_is_traced_criterion_by_criterion() -> None:
    card = assess_text(BASE_TEXT).score
    assert card is not None
    points = {c.id: c.points for c in card.criteria}
    assert points == {
        "ess_balance": 3,
        "members_in_territory": 6,
        "mutualisations": 2,
        "governance": 6,
        "signed_commitments": 5,
        "activities": 0,
        "mutualisation_kinds": 4,
        "value_chain": 0,
        "self_financing": 5,
        "priority_neighbourhoods": 0,
        "rural_revitalisation": 0,
        "deindustrialised": 0,
        "unemployment_rate": 0,
        "created_fte": 2,
        "grant_per_fte": 3,
        "non_relocatable": 0,
        "insertion_paths": 0,
        "innovation": 2,
        "ecological_transition": 0,
    }
    assert card.total == 38
    assert card.max_points == 100
    self_financing = next(c for c in card.criteria if c.id == "self_financing")
    assert self_financing.value == 40 and "40" in self_financing.evidence.fr


def test_improvements_name_the_next_band_and_its_gain() -> None:
    card = assess_text(BASE_TEXT).score
    assert card is not None
    gains = {i.criterion: i.gain for i in card.improvements}
    assert gains["value_chain"] == 7
    assert len(card.improvements) == 5
    assert list(gains.values()) == sorted(gains.values(), reverse=True)


def test_no_job_created_earns_no_cost_per_job_points() -> None:
    points = _criteria(variant(("  created_fte: 6", "  created_fte: 0")))
    assert points["grant_per_fte"] == 0 and points["created_fte"] == 0


def test_lower_is_better_bands() -> None:
    criterion = next(c for c in load_call("ptce-2015").call.scoring if c.id == "grant_per_fte")
    assert [points_for(criterion, v) for v in (4000, 5000, 9000, 15000, 25000, None)] == [4, 4, 3, 2, 0, 0]


def test_difficulties_raise_the_territory_axis() -> None:
    text = variant(
        (
            "  population: 52000",
            "  population: 52000\n  difficulties:\n"
            "    priority_neighbourhoods: [QP026003, QP026004]\n    deindustrialised: true\n"
            "    unemployment_rate: 12.5\n    notes: Fermeture des usines de chaussures.",
        )
    )
    points = _criteria(text)
    assert (points["priority_neighbourhoods"], points["deindustrialised"], points["unemployment_rate"]) == (5, 3, 3)


@pytest.mark.parametrize(
    ("name", "total"),
    [("centre-isere.yaml", 78), ("pole-sud-drome.yaml", 80), ("alpilles-dechets.yaml", 74)],
)
def test_seed_examples_scores(name: str, total: float) -> None:
    assessment = assess_file(EXAMPLES / name)
    assert assessment.score is not None and assessment.score.total == total
    assert sum(c.points for c in assessment.score.criteria) == total


@pytest.mark.parametrize(
    ("gains", "shown"),
    [
        ([9, 8, 7, 6, 5, 4], [9, 8, 7, 6, 5]),  # five, the sixth cut
        ([9, 8, 7, 6, 6, 6, 1], [9, 8, 7, 6, 6, 6]),  # every one tied with the fifth
        ([4, 3, 2, 1], [4, 3, 2, 1]),  # fewer than five: all of them
    ],
)
def test_the_five_largest_gains_are_shown_with_their_ties(gains: list[float], shown: list[float]) -> None:
    from operator import itemgetter

    from ptce_check.scoring import MAX_IMPROVEMENTS, _first_with_ties

    assert MAX_IMPROVEMENTS == 5
    steps = [(gain, f"criterion {i}") for i, gain in enumerate(gains)]
    assert [gain for gain, _ in _first_with_ties(steps, itemgetter(0))] == shown


def _criterion(better: str, bands: list[tuple[float, float]]) -> Criterion:
    """`bands` as (threshold, points), in the order a call file lists them."""
    base = next(c for c in load_call("ptce-2015").call.scoring if c.id == "grant_per_fte")
    return base.model_copy(update={"better": better, "bands": [Band(threshold=t, points=p) for t, p in bands]})


def test_a_band_worth_minus_zero_points_scores_zero_not_minus_zero() -> None:
    for better in ("higher", "lower"):
        points = points_for(_criterion(better, [(5.0, -0.0)]), 5.0)
        assert points == 0 and math.copysign(1.0, points) == 1.0


@pytest.mark.parametrize(
    ("better", "bands", "points", "expected"),
    [
        # the same points twice: the easier threshold, wherever it is listed
        ("higher", [(10, 5), (20, 5)], 0, (10, 5)),
        ("higher", [(20, 5), (10, 5)], 0, (10, 5)),
        ("lower", [(10, 5), (20, 5)], 0, (20, 5)),
        ("lower", [(20, 5), (10, 5)], 0, (20, 5)),
        # the fewest points above those earned, even behind an easier threshold
        ("higher", [(10, 5), (5, 8)], 0, (10, 5)),
        ("lower", [(10, 5), (20, 8)], 0, (10, 5)),
        # bands earning no more than the points already earned are not next
        ("higher", [(10, 5), (20, 8)], 5, (20, 8)),
        ("higher", [(10, 5)], 5, None),
    ],
)
def test_the_next_band_is_the_nearest_that_earns_more(
    better: str, bands: list[tuple[float, float]], points: float, expected: tuple[float, float] | None
) -> None:
    from ptce_check.scoring import _next_band

    band = _next_band(_criterion(better, bands), points)
    assert (None if band is None else (band.threshold, band.points)) == expected


def test_a_score_card_and_its_parts_cannot_be_changed() -> None:
    card = assess_text(BASE_TEXT).score
    assert card is not None and card.criteria and card.improvements
    with pytest.raises(AttributeError):
        card.total = 100.0  # type: ignore[misc]
    with pytest.raises(AttributeError):
        card.criteria[0].points = 100.0  # type: ignore[misc]
    with pytest.raises(AttributeError):
        card.improvements[0].gain = 100.0  # type: ignore[misc]


def test_the_words_of_a_target_are_made_once_per_metric_and_threshold() -> None:
    first = scoring._target(("members_in_territory", (80.0).hex()))
    assert scoring._target(("members_in_territory", (80.0).hex())) is first
    assert "80" in first.fr and "80" in first.en
    minus_zero = scoring._target(("members_in_territory", (-0.0).hex()))
    assert minus_zero is not scoring._target(("members_in_territory", (0.0).hex()))
