"""Each hard rule passing and failing, with its code and position."""

from __future__ import annotations

import pytest

from helpers import BASE_TEXT, assess_text, codes, located, position_of, variant
from ptce_check.assessment import Verdict

COMPANY = """    legal_form: commercial_company
    category: enterprise
    siren: "441209335\""""
ASSOCIATION = """  - name: Atelier Solidaire
    legal_form: association
    category: enterprise"""
AUTHORITY = """  - name: Communauté d'agglomération
    legal_form: local_authority_grouping
    category: local_authority"""


def _rule(text: str, code: str, call: str | None = None) -> tuple[str, str]:
    assessment = assess_text(text, call=call)
    status = {rule.code: rule.status for rule in assessment.rules}[code]
    return status, assessment.verdict.value


def test_every_rule_passes_on_the_base_dossier() -> None:
    assessment = assess_text(BASE_TEXT)
    assert {r.code: r.status for r in assessment.rules} == {
        "PTCE-E01": "passed",
        "PTCE-E02": "passed",
        "PTCE-E03": "passed",
        "PTCE-E04": "passed",
        "PTCE-E05": "passed",
        "PTCE-E06": "passed",
        "PTCE-E07": "passed",
        "PTCE-E08": "passed",
        "PTCE-E09": "passed",
    }


@pytest.mark.parametrize(
    ("replacements", "code", "needle"),
    [
        (
            (("  legal_form: association\n  siren", "  legal_form: local_authority\n  siren"),),
            "PTCE-E01",
            "local_authority\n",
        ),
        (
            (("  legal_form: association\n  siren", "  legal_form: natural_person\n  siren"),),
            "PTCE-E01",
            "natural_person",
        ),
        ((("  legal_form: association\n  siren", "  legal_form: none\n  siren"),), "PTCE-E01", "none"),
        (
            (("    legal_form: local_authority_grouping", "    legal_form: natural_person"),),
            "PTCE-E02",
            "  - name: Atelier",
        ),
        (
            (
                (
                    "    legal_form: association\n    category: enterprise",
                    "    legal_form: association\n    category: other",
                ),
            ),
            "PTCE-E03",
            "  - name: Atelier",
        ),
        (((COMPANY, COMPANY.replace("commercial_company", "cooperative")),), "PTCE-E04", "  - name: Atelier"),
        (
            ((AUTHORITY, AUTHORITY.replace("category: local_authority", "category: enterprise")),),
            "PTCE-E05",
            "  - name: Atelier",
        ),
        ((('  communes: ["26281", "26057"]', "  communes: []"),), "PTCE-E06", "name: Pays de Romans"),
        (
            (("    description: Parcours d'insertion adossés à une entreprise artisanale.", '    description: "  "'),),
            "PTCE-E07",
            "kind: social",
        ),
        (
            (
                (
                    "  stage: emerging",
                    "  stage: emerging\n  previous_state_support:\n"
                    "    - {call: ptce-2013, year: 2014, amount_eur: 90000}",
                ),
            ),
            "PTCE-E08",
            "- {call",
        ),
        ((("submitted_at: 2015-06-15", "submitted_at: 2015-07-01"),), "PTCE-E09", "2015-07-01"),
        ((("submitted_at: 2015-06-15", "submitted_at: 2015-07-01T00:00:00+02:00"),), "PTCE-E09", "2015-07-01T"),
        ((("submitted_at: 2015-06-15", "submitted_at: 2015-06-30T23:59:59-01:00"),), "PTCE-E09", "2015-06-30T"),
    ],
)
def test_each_rule_fails_at_its_path(replacements: tuple[tuple[str, str], ...], code: str, needle: str) -> None:
    text = variant(*replacements)
    assessment = assess_text(text)
    assert assessment.verdict is Verdict.NOT_ADMISSIBLE
    assert {r.code: r.status for r in assessment.rules}[code] == "failed"
    expected = position_of(text, needle)
    if needle.startswith("  - name"):
        expected = (expected[0], expected[1] + 2)  # the sequence starts at its first dash
    assert (code, *expected) in located(assessment)


@pytest.mark.parametrize(
    ("submitted", "status"),
    [
        ("2015-06-30", "passed"),
        ("2015-06-30T23:59:59", "passed"),  # no offset: Paris time
        ("2015-06-30T23:59:59+02:00", "passed"),
        ("2015-06-30T21:59:59Z", "passed"),
        ("2015-06-30T22:00:00Z", "failed"),
        ("2015-07-01", "failed"),
    ],
)
def test_deadline_is_inclusive_in_paris_time(submitted: str, status: str) -> None:
    assert _rule(variant(("submitted_at: 2015-06-15", f"submitted_at: {submitted}")), "PTCE-E09")[0] == status


def test_deadline_not_evaluated_without_submission_date() -> None:
    assert _rule(variant(("submitted_at: 2015-06-15\n", "")), "PTCE-E09") == ("not_evaluated", "admissible")


def test_natural_persons_count_for_e05_not_e02() -> None:
    text = variant(
        (
            AUTHORITY,
            AUTHORITY.replace("local_authority_grouping", "natural_person").replace(
                "category: local_authority", "category: other"
            ),
        )
    )
    assessment = assess_text(text)
    statuses = {r.code: r.status for r in assessment.rules}
    assert statuses["PTCE-E05"] == "passed" and statuses["PTCE-E02"] == "failed"


@pytest.mark.parametrize(("total", "ess", "status"), [(120, 10, "passed"), (10, 5, "failed"), (11, 5, "passed")])
def test_grouping_counts_for_e04_with_a_strict_non_ess_majority(total: int, ess: int, status: str) -> None:
    grouping = COMPANY.replace("commercial_company", "association").replace(
        "category: enterprise",
        f"category: enterprise_grouping\n    grouping: {{members_total: {total}, members_ess: {ess}}}",
    )
    assert _rule(variant((COMPANY, grouping)), "PTCE-E04")[0] == status


def test_commercial_company_with_ess_statutes_is_ess() -> None:
    text = variant(
        (ASSOCIATION, ASSOCIATION.replace("association", "commercial_company")),
        (COMPANY, COMPANY + "\n    ess_statutes: false"),
    )
    assert _rule(text, "PTCE-E03")[0] == "failed"
    text = variant((ASSOCIATION, ASSOCIATION.replace("association", "commercial_company") + "\n    ess_statutes: true"))
    assert _rule(text, "PTCE-E03")[0] == "passed"


@pytest.mark.parametrize(
    ("granted", "status", "warning"), [("2012-01-10", "passed", False), ("2009-01-10", "failed", True)]
)
def test_esus_approval_counts_for_five_years(granted: str, status: str, warning: bool) -> None:
    text = variant(
        (
            ASSOCIATION,
            ASSOCIATION.replace("association", "commercial_company")
            + f"\n    esus_approval: {{granted_on: {granted}}}",
        )
    )
    assessment = assess_text(text)
    assert {r.code: r.status for r in assessment.rules}["PTCE-E03"] == status
    assert ("PTCE-W01" in codes(assessment)) is warning


def test_carrier_is_accepted_in_2013_not_in_2015() -> None:
    text = variant(
        (
            "  legal_form: association\n  siren",
            "  legal_form: none\n  carrier: {name: Porteur, legal_form: cooperative}\n  siren",
        )
    )
    assert _rule(text, "PTCE-E01")[0] == "failed"
    assert _rule(text, "PTCE-E01", call="ptce-2013")[0] == "passed"
    public = text.replace("legal_form: cooperative}", "legal_form: local_authority}")
    assert _rule(public, "PTCE-E01", call="ptce-2013")[0] == "failed"


LOCAL = """    - label: Région
      kind: local_authority
      funder: Région
      amounts: {2015: %d, 2016: %d}
"""


def _with_local(*amounts: tuple[int, int, str]) -> str:
    lines = "".join(LOCAL.replace("Région", funder) % (a, b) for a, b, funder in amounts)
    own_2015 = 20000 - sum(a for a, _, _ in amounts)
    own_2016 = 20000 - sum(b for _, b, _ in amounts)
    return variant(
        ("  resources:\n", "  resources:\n" + lines),
        ("      amounts: {2015: 20000, 2016: 20000}", f"      amounts: {{2015: {own_2015}, 2016: {own_2016}}}"),
    )


def test_2013_local_authority_caps() -> None:
    # Expenses total 100 000 over two years: 20 % is 20 000 per funder, 50 % in all.
    ok = assess_text(_with_local((10000, 10000, "Région")), call="ptce-2013")
    assert {r.code: r.status for r in ok.rules}["PTCE-E10"] == "passed"
    over = _with_local((10000, 10001, "Région"))
    assessment = assess_text(over, call="ptce-2013")
    assert ("PTCE-E10", *position_of(over, "label: Région")) in located(assessment)  # the item's first key
    total = _with_local((9000, 9000, "Région"), (1000, 1000, "Département"))
    assert {r.code: r.status for r in assess_text(total, call="ptce-2013").rules}["PTCE-E11"] == "passed"


def test_2013_requires_local_cofinancing() -> None:
    assessment = assess_text(BASE_TEXT, call="ptce-2013")
    assert {r.code: r.status for r in assessment.rules}["PTCE-E12"] == "failed"
    assert ("PTCE-E12", *position_of(BASE_TEXT, "- label: Subvention")) in located(assessment)  # the list's dash
