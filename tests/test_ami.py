"""The AMI calls 2021–2025: their phase-1, ceiling and window rules at their positions, the
dates, ceilings and counts of their files, and the grids' new metrics on real dossiers."""

from __future__ import annotations

import pytest

from helpers import assess_text, located, position_of, variant
from ptce_check.binding import shipped_call
from ptce_check.calls import list_calls
from ptce_check.codes import CODES

AMI = ["ami-2021", "ami-2022", "ami-2023", "ami-2025"]
LAUREATE = ("  stage: emerging\n", "  stage: emerging\n  ami_phase1: {status: laureate, year: 2021}\n")


def _dossier(call: str, date: str, *more: tuple[str, str]) -> str:
    return variant(("call: ptce-2015", f"call: {call}"), ("submitted_at: 2015-06-15", f"submitted_at: {date}"), *more)


def _errors(text: str) -> list[tuple[str, int, int]]:
    assessment = assess_text(text)
    return [
        entry for entry, f in zip(located(assessment), assessment.findings, strict=True) if f.severity.value == "error"
    ]


def test_the_criteria_list_has_the_four_ami_calls() -> None:
    assert set(AMI) <= set(list_calls())


@pytest.mark.parametrize("call", AMI)
def test_each_ami_applies_e01_to_e07_and_not_e08(call: str) -> None:
    rules = {bound.rule.code: bound.rule for bound in shipped_call(call).rules}
    assert {f"PTCE-E0{n}" for n in range(1, 8)} <= set(rules) and "PTCE-E08" not in rules
    for n in range(1, 8):
        source = rules[f"PTCE-E0{n}"].source
        assert "application à cet appel" in source and "notre choix" in source


def test_the_windows_ceilings_and_counts_of_the_files() -> None:
    c21, c22, c23, c25 = (shipped_call(call).call for call in AMI)
    assert c22.deadline_paris is not None and c22.deadline_paris.isoformat() == "2022-10-17T12:00:00+02:00"
    assert c23.opens_paris is not None and c23.opens_paris.isoformat() == "2023-06-01T00:00:00+02:00"
    assert c23.deadline_paris is not None and c23.deadline_paris.isoformat().startswith("2023-07-31T23:59:59")
    assert (c21.grant_ceiling_eur, c22.grant_ceiling_eur, c23.grant_ceiling_eur, c25.grant_ceiling_eur) == (
        100000,
        None,
        100000,
        None,
    )
    assert c23.counts is not None and (c23.counts.filed, c23.counts.laureates) == (72, 15)
    assert c25.counts is not None and (c25.counts.filed, c25.counts.laureates, c25.envelope_eur) == (79, 8, 500000)
    assert {"PTCE-E13"} <= {b.rule.code for b in shipped_call("ami-2021").rules}
    assert "PTCE-E13" not in {b.rule.code for b in shipped_call("ami-2025").rules}


def test_corrections_to_2013_and_2015() -> None:
    c13, c15 = shipped_call("ptce-2013").call, shipped_call("ptce-2015").call
    assert c15.counts is not None and (c15.counts.filed, c15.counts.eligible, c15.counts.laureates) == (125, 99, 14)
    assert "85" in c15.counts.source and "99 éligibles (85 listés" in c15.summary.fr
    assert c15.grant_range is not None and (c15.grant_range.min_eur, c15.grant_range.max_eur) == (26000, 290000)
    assert (c13.duration_years, c15.duration_years) == (3, 3)
    e10 = next(b.rule for b in shipped_call("ptce-2013").rules if b.rule.code == "PTCE-E10")
    assert "« ne pourra être supérieur à 20% des coûts éligibles par collectivité locale »" in e10.source
    assert CODES["PTCE-W02"].severity.value == "info"


# --- PTCE-E13 -------------------------------------------------------------------------------


def test_e13_passes_for_a_laureate_and_for_phase1_filed_together() -> None:
    assert _errors(_dossier("ami-2023", "2023-07-01", LAUREATE)) == []
    together = ("  stage: emerging\n", "  stage: emerging\n  ami_phase1: {status: filed_together}\n")
    assert _errors(_dossier("ami-2022", "2022-10-01", together)) == []


def test_e13_fails_at_the_pole_when_the_standing_is_absent() -> None:
    text = _dossier("ami-2023", "2023-07-01")
    assert _errors(text) == [("PTCE-E13", *position_of(text, "name:", after="pole:"))]


def test_e13_fails_at_the_standing_for_none_and_for_a_laureate_without_year() -> None:
    for standing in ("{status: none}", "{status: laureate}"):
        text = _dossier(
            "ami-2021", "2021-09-01", ("  stage: emerging\n", f"  stage: emerging\n  ami_phase1: {standing}\n")
        )
        assert _errors(text) == [("PTCE-E13", *position_of(text, standing))]


def test_e13_is_not_applied_by_the_2015_call() -> None:
    assert _errors(variant()) == []


# --- PTCE-E14 -------------------------------------------------------------------------------


def _grant(amount: int) -> tuple[tuple[str, str], ...]:
    half = amount // 2
    return (
        ("amounts: {2015: 50000, 2016: 50000}", "amounts: {2015: 60000, 2016: 60000}"),
        ("amounts: {2015: 30000, 2016: 30000}", f"amounts: {{2015: {half}, 2016: {amount - half}}}"),
        ("amounts: {2015: 20000, 2016: 20000}", f"amounts: {{2015: {60000 - half}, 2016: {60000 - amount + half}}}"),
        ("requested_grant_eur: 60000", f"requested_grant_eur: {amount}"),
    )


def test_e14_passes_at_the_ceiling_and_fails_above_it() -> None:
    assert _errors(_dossier("ami-2023", "2023-07-01", LAUREATE, *_grant(100000))) == []
    text = _dossier("ami-2023", "2023-07-01", LAUREATE, *_grant(100002))
    assessment = assess_text(text)
    e14 = next(f for f in assessment.findings if f.code == "PTCE-E14")
    assert e14.path == ("budget", "requested_grant_eur") and "100\u202f000\u00a0€" in e14.message.fr
    assert _errors(text) == [("PTCE-E14", *position_of(text, "100002", after="requested_grant_eur"))]


def test_e14_is_not_applied_without_a_sourced_ceiling() -> None:
    assert _errors(_dossier("ami-2022", "2022-10-01", LAUREATE, *_grant(100002))) == []


# --- PTCE-E09 with a window -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "word"),
    [
        ("2023-05-31", "avant l'ouverture"),
        ("2023-05-31T23:59:59+02:00", "avant l'ouverture"),
        ("2023-08-01", "après la clôture"),
    ],
)
def test_e09_fails_before_the_opening_and_after_the_deadline_and_says_which(date: str, word: str) -> None:
    text = _dossier("ami-2023", date, LAUREATE)
    assessment = assess_text(text)
    e09 = next(f for f in assessment.findings if f.code == "PTCE-E09")
    assert word in e09.message.fr and e09.path == ("submitted_at",)
    assert _errors(text) == [("PTCE-E09", *position_of(text, date))]


@pytest.mark.parametrize("date", ["2023-06-01", "2023-06-01T00:00:00+02:00", "2023-07-31", "2023-07-31T23:59:00+02:00"])
def test_e09_accepts_both_ends_of_the_window(date: str) -> None:
    assert _errors(_dossier("ami-2023", date, LAUREATE)) == []


def test_e09_closes_at_noon_in_2022() -> None:
    assert _errors(_dossier("ami-2022", "2022-10-17T12:00:00+02:00", LAUREATE)) == []
    text = _dossier("ami-2022", "2022-10-17T12:00:01+02:00", LAUREATE)
    assert _errors(text) == [("PTCE-E09", *position_of(text, "2022-10-17T12:00:01+02:00"))]


def test_e09_checks_only_the_opening_when_the_deadline_is_unknown() -> None:
    assert _errors(_dossier("ami-2021", "2030-01-01", LAUREATE)) == []
    text = _dossier("ami-2021", "2021-05-11", LAUREATE)
    assert _errors(text) == [("PTCE-E09", *position_of(text, "2021-05-11"))]


# --- the grids ------------------------------------------------------------------------------


def _points(call: str, text: str, criterion: str) -> float:
    assessment = assess_text(text)
    assert assessment.score is not None
    return next(c.points for c in assessment.score.criteria if c.id == criterion)


def test_the_2023_grid_rewards_animation_maturity_and_evaluation() -> None:
    bare = _dossier("ami-2023", "2023-07-01", LAUREATE)
    assert _points("ami-2023", bare, "animation_share") == 25  # 100 000 € of animation for 60 000 €
    assert _points("ami-2023", bare, "maturity") == 0 and _points("ami-2023", bare, "evaluation") == 0
    mature = _dossier(
        "ami-2023",
        "2023-07-01",
        ("  stage: emerging\n", "  stage: emerging\n  created_on: 2019-01-01\n  staff_fte: 2\n  revenue_eur: 40000\n"),
        (
            "    description: Parcours d'insertion adossés à une entreprise artisanale.\n",
            "    description: Parcours d'insertion adossés à une entreprise artisanale.\n  evaluation:\n"
            "    method: Bilan annuel.\n    indicators:\n      - {name: Emplois, baseline: 0, target: 6}\n"
            "      - {name: Tonnes, baseline: 1, target: 9}\n",
        ),
    )
    assert _points("ami-2023", mature, "maturity") == 20 and _points("ami-2023", mature, "evaluation") == 15


def test_the_2025_grid_counts_rural_communes_and_qpv_alike() -> None:
    qpv = _dossier(
        "ami-2025",
        "2025-06-01",
        ("  population: 52000\n", "  population: 52000\n  difficulties: {priority_neighbourhoods: [QP026003]}\n"),
    )
    rural = _dossier(
        "ami-2025",
        "2025-06-01",
        ("  population: 52000\n", "  population: 52000\n  difficulties: {rural_revitalisation_communes: ['26281']}\n"),
    )
    assert _points("ami-2025", qpv, "rural_or_priority_neighbourhoods") == 10
    assert _points("ami-2025", rural, "rural_or_priority_neighbourhoods") == 10
