"""Who is what under law 2014-856: every legal form, the ESUS validity window, groupings."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from ptce_check.dossier import Member
from ptce_check.ess import (
    esus_valid,
    is_ess,
    is_ess_enterprise,
    is_legal_person,
    is_non_ess_enterprise,
    is_private_legal_person,
)

SUBMITTED = date(2015, 6, 15)
PUBLIC_FORMS = [
    "local_authority",
    "local_authority_grouping",
    "public_establishment",
    "gip",
    "state_service",
    "other_public",
]
ESS_FORMS = ["association", "cooperative", "mutual", "mutual_insurance", "foundation"]
NOT_LEGAL = ["sole_proprietorship", "natural_person", "none"]


def member(legal_form: str = "commercial_company", category: str = "enterprise", **fields: Any) -> Member:
    return Member.model_validate({"name": "Membre", "legal_form": legal_form, "category": category, **fields})


def approved(granted: date, legal_form: str = "commercial_company") -> Member:
    return member(legal_form, esus_approval={"granted_on": granted})


@pytest.mark.parametrize("form", NOT_LEGAL)
def test_natural_persons_sole_proprietors_and_none_are_not_legal_persons(form: str) -> None:
    assert not is_legal_person(form)
    assert not is_private_legal_person(form)


@pytest.mark.parametrize("form", PUBLIC_FORMS)
def test_public_law_forms_are_legal_persons_but_not_private_law(form: str) -> None:
    assert is_legal_person(form)
    assert not is_private_legal_person(form)


@pytest.mark.parametrize("form", ["association", "commercial_company", "gie", "endowment_fund", "other_private"])
def test_private_law_forms(form: str) -> None:
    assert is_legal_person(form) and is_private_legal_person(form)


@pytest.mark.parametrize("form", ESS_FORMS)
def test_ess_by_legal_form(form: str) -> None:
    enterprise = member(form)
    assert is_ess(enterprise, SUBMITTED)
    assert is_ess_enterprise(enterprise, SUBMITTED)
    assert not is_non_ess_enterprise(enterprise, SUBMITTED)


@pytest.mark.parametrize("form", ["commercial_company", "gie", "endowment_fund", "other_private"])
def test_other_forms_are_not_ess_by_form(form: str) -> None:
    enterprise = member(form)
    assert not is_ess(enterprise, SUBMITTED)
    assert is_non_ess_enterprise(enterprise, SUBMITTED)


def test_ess_statutes_count_for_a_commercial_company_only() -> None:
    assert is_ess(member("commercial_company", ess_statutes=True), SUBMITTED)
    assert not is_ess(member("commercial_company", ess_statutes=False), SUBMITTED)
    assert not is_ess(member("gie", ess_statutes=True), SUBMITTED)


@pytest.mark.parametrize(
    ("granted", "valid"),
    [
        (date(2010, 6, 16), True),  # one day short of five years
        (date(2010, 6, 15), False),  # exactly five years: expired that day
        (date(2010, 6, 14), False),
        (date(2009, 6, 16), False),  # would still count with a six-year validity
        (date(2015, 6, 15), True),  # granted on the day of submission
        (date(2015, 6, 16), False),  # granted after the submission
    ],
)
def test_esus_approval_is_valid_for_five_years_before_the_reference_date(granted: date, valid: bool) -> None:
    assert esus_valid(approved(granted), SUBMITTED) is valid
    assert is_ess(approved(granted), SUBMITTED) is valid
    assert is_ess_enterprise(approved(granted), SUBMITTED) is valid


@pytest.mark.parametrize(("reference", "valid"), [(date(2017, 2, 27), True), (date(2017, 2, 28), False)])
def test_esus_approval_granted_on_29_february_expires_on_28_february(reference: date, valid: bool) -> None:
    assert esus_valid(approved(date(2012, 2, 29)), reference) is valid


def test_esus_approval_counts_without_a_reference_date() -> None:
    assert esus_valid(approved(date(2001, 1, 1)), None) is True


def test_no_esus_approval_is_not_valid() -> None:
    assert esus_valid(member("commercial_company"), SUBMITTED) is False
    assert esus_valid(member("commercial_company"), None) is False


@pytest.mark.parametrize("form", PUBLIC_FORMS)
def test_esus_approval_of_a_public_body_does_not_count(form: str) -> None:
    assert esus_valid(approved(date(2014, 1, 1), form), SUBMITTED) is False
    assert esus_valid(approved(date(2014, 1, 1), form), None) is False


def test_an_ess_natural_person_is_not_an_ess_enterprise() -> None:
    person = approved(date(2014, 1, 1), "natural_person")
    assert is_ess(person, SUBMITTED)
    assert not is_ess_enterprise(person, SUBMITTED)
    assert not is_non_ess_enterprise(person, SUBMITTED)  # neither: not a legal person


def test_only_the_enterprise_category_is_an_enterprise() -> None:
    assert not is_ess_enterprise(member("association", "training"), SUBMITTED)
    assert not is_non_ess_enterprise(member("commercial_company", "other"), SUBMITTED)
    assert not is_non_ess_enterprise(member("commercial_company", "local_authority"), SUBMITTED)


@pytest.mark.parametrize(
    ("total", "ess", "non_ess_majority"),
    [(10, 5, False), (11, 5, True), (10, 4, True), (10, 6, False), (3, 1, True), (120, 10, True), (4, 0, True)],
)
def test_grouping_is_non_ess_with_a_strict_non_ess_majority(total: int, ess: int, non_ess_majority: bool) -> None:
    grouping = member("association", "enterprise_grouping", grouping={"members_total": total, "members_ess": ess})
    assert is_non_ess_enterprise(grouping, SUBMITTED) is non_ess_majority
    assert not is_ess_enterprise(grouping, SUBMITTED)


def test_grouping_without_its_figures_is_not_counted() -> None:
    grouping = member("commercial_company", "enterprise_grouping")
    assert not is_non_ess_enterprise(grouping, SUBMITTED)


def test_grouping_figures_count_only_for_the_grouping_category() -> None:
    other = member("gie", "other", grouping={"members_total": 10, "members_ess": 1})
    assert not is_non_ess_enterprise(other, SUBMITTED)
