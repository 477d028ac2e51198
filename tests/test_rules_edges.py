"""The edges of the rules that the mutation score found untested: the opening day and the
ceiling itself are allowed, and a value set aside elsewhere under the same key leaves a rule
evaluated."""

from __future__ import annotations

import pytest

from helpers import assess_text, variant
from ptce_check.assessment import RuleResult

SUBMITTED = "submitted_at: 2015-06-15"
STAGE = "  stage: emerging"


def _rules(*replacements: tuple[str, str], call: str | None = None) -> dict[str, RuleResult]:
    return {result.code: result for result in assess_text(variant(*replacements), call=call).rules}


@pytest.mark.parametrize("submitted", ["2023-06-01", '"2023-06-01T00:00:00+02:00"', "2023-05-31T22:00:00Z"])
def test_a_dossier_filed_at_the_opening_itself_is_on_time(submitted: str) -> None:
    result = _rules((SUBMITTED, f"submitted_at: {submitted}"), call="ami-2023")["PTCE-E09"]
    assert result.status == "passed", result.evidence.fr
    assert "avant la clôture du 31 juillet 2023" in result.evidence.fr


@pytest.mark.parametrize("submitted", ["2023-05-31", '"2023-05-31T23:59:00+02:00"'])
def test_a_dossier_filed_before_the_opening_fails(submitted: str) -> None:
    result = _rules((SUBMITTED, f"submitted_at: {submitted}"), call="ami-2023")["PTCE-E09"]
    assert result.status == "failed"
    assert "avant l'ouverture de l'appel le 1er juin 2023 à 0 h 00" in result.evidence.fr


def test_without_a_known_deadline_only_the_opening_is_said() -> None:
    result = _rules((SUBMITTED, "submitted_at: 2021-09-15"), call="ami-2021")["PTCE-E09"]
    assert result.status == "passed"
    assert result.evidence.fr.endswith(
        "après l'ouverture du 12 mai 2021 à 0 h 00 (heure de Paris) (date limite inconnue)"
    )
    assert result.evidence.en.endswith("(deadline unknown)")


def test_a_grant_at_the_ceiling_itself_is_allowed() -> None:
    result = _rules(("  requested_grant_eur: 60000", "  requested_grant_eur: 100000"), call="ami-2023")["PTCE-E14"]
    assert result.status == "passed", result.evidence.fr
    over = _rules(("  requested_grant_eur: 60000", "  requested_grant_eur: 100000.01"), call="ami-2023")["PTCE-E14"]
    assert over.status == "failed"


def test_a_value_set_aside_elsewhere_in_the_project_leaves_the_innovation_judged() -> None:
    result = _rules(("  title: Atelier partagé du bois", "  title: [Atelier]"))["PTCE-E07"]
    assert result.status == "passed"


def test_a_value_set_aside_elsewhere_in_the_pole_leaves_previous_support_judged() -> None:
    result = _rules((STAGE, "  stage: emergent"))["PTCE-E08"]
    assert result.status == "passed"


def test_no_list_and_an_unreadable_population_still_fail_e06() -> None:
    result = _rules(
        ('  communes: ["26281", "26057"]', "  communes: []"), ("  population: 52000", "  population: beaucoup")
    )["PTCE-E06"]
    assert result.status == "failed"
