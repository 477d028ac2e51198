"""A rule that needs a value set aside by a format finding is not evaluated and names that
finding; a set-aside value it does not need leaves it evaluated as before."""

from __future__ import annotations

import pytest

from helpers import assess_text, variant
from ptce_check.assessment import RuleResult
from test_rules_boundaries import budget

COMPANY = "    legal_form: commercial_company"
ASSOCIATION = "    legal_form: association\n    category: enterprise"
AUTHORITY_FORM = "    legal_form: local_authority_grouping"
AUTHORITY_CATEGORY = "    category: local_authority"
ESUS_COMPANY = (
    "    legal_form: commercial_company\n    category: enterprise\n    esus_approval: {granted_on: 2014-01-10}"
)
OWN_REVENUE = "      kind: own_revenue"
EXTRA_MEMBER = """  - name: Lycée professionnel
    legal_form: public_establishment
    category: training
    commitment: letter
cooperation:
"""


def rules(*replacements: tuple[str, str], call: str | None = None) -> dict[str, RuleResult]:
    return {result.code: result for result in assess_text(variant(*replacements), call=call).rules}


def assert_unread(result: RuleResult, code: str, where: str) -> None:
    assert result.status == "not_evaluated"
    assert f"{code} à {where})" in result.evidence.fr
    assert f"{code} at {where})" in result.evidence.en


@pytest.mark.parametrize(
    ("replacement", "rule", "code", "where"),
    [
        ((COMPANY, "    legal_form: company"), "PTCE-E02", "PTCE-S04", "members[1].legal_form"),
        ((COMPANY, "    legal_form: company"), "PTCE-E04", "PTCE-S04", "members[1].legal_form"),
        (
            (ASSOCIATION, ASSOCIATION.replace("association", "asociation")),
            "PTCE-E03",
            "PTCE-S04",
            "members[0].legal_form",
        ),
        ((AUTHORITY_CATEGORY, "    category: local_autority"), "PTCE-E05", "PTCE-S04", "members[2].category"),
        (
            ("  legal_form: association\n  siren", "  legal_form: asociation\n  siren"),
            "PTCE-E01",
            "PTCE-S04",
            "pole.legal_form",
        ),
        (("submitted_at: 2015-06-15", "submitted_at: 2015-13-15"), "PTCE-E09", "PTCE-S06", "submitted_at"),
        (
            ("  stage: emerging", "  stage: emerging\n  previous_state_support: oui"),
            "PTCE-E08",
            "PTCE-S03",
            "pole.previous_state_support",
        ),
        (
            ("    description: Parcours d'insertion adossés à une entreprise artisanale.", "    description: [a]"),
            "PTCE-E07",
            "PTCE-S03",
            "project.innovation.description",
        ),
    ],
)
def test_a_rule_needing_a_set_aside_value_is_not_evaluated(
    replacement: tuple[str, str], rule: str, code: str, where: str
) -> None:
    assert_unread(rules(replacement)[rule], code, where)


def test_a_set_aside_value_the_rule_does_not_need_leaves_it_evaluated() -> None:
    results = rules((COMPANY, "    legal_form: company"))
    assert {code: results[code].status for code in ("PTCE-E01", "PTCE-E03", "PTCE-E05", "PTCE-E06", "PTCE-E07")} == {
        "PTCE-E01": "passed",
        "PTCE-E03": "passed",
        "PTCE-E05": "passed",
        "PTCE-E06": "passed",
        "PTCE-E07": "passed",
    }


def test_enough_members_read_pass_despite_one_set_aside() -> None:
    results = rules(("cooperation:\n", EXTRA_MEMBER), (AUTHORITY_FORM, "    legal_form: local_authority_groupin"))
    assert results["PTCE-E02"].status == "passed"
    assert results["PTCE-E02"].evidence.fr.startswith("3 membres personnes morales")
    assert results["PTCE-E05"].status == "passed"  # the grouping's category was read


def test_another_member_of_the_category_passes_despite_one_set_aside() -> None:
    results = rules(("cooperation:\n", EXTRA_MEMBER), (AUTHORITY_CATEGORY, "    category: local_autority"))
    assert results["PTCE-E05"].status == "passed"
    assert results["PTCE-E05"].evidence.fr == "1 partenaire au sens de l'article 9\u00a0: Lycée professionnel"


def test_an_esus_approval_is_unjudged_when_the_submission_date_is_set_aside() -> None:
    replacements = (
        (ASSOCIATION, ESUS_COMPANY),
        ("submitted_at: 2015-06-15", "submitted_at: 2015-13-15"),
    )
    assert_unread(rules(*replacements)["PTCE-E03"], "PTCE-S06", "submitted_at")


def test_an_esus_approval_is_judged_with_a_readable_submission_date() -> None:
    assert rules((ASSOCIATION, ESUS_COMPANY))["PTCE-E03"].status == "passed"


def test_local_lines_unknown_when_a_resource_kind_is_set_aside() -> None:
    results = rules((OWN_REVENUE, "      kind: own_revenu"), call="ptce-2013")
    for code in ("PTCE-E10", "PTCE-E11", "PTCE-E12"):
        assert_unread(results[code], "PTCE-S04", "budget.resources[1].kind")


def test_shares_unknown_when_an_expense_is_set_aside() -> None:
    results = rules(
        ("      amounts: {2015: 50000, 2016: 50000}", "      amounts: {2015: cinquante, 2016: 50000}"), call="ptce-2013"
    )
    for code in ("PTCE-E10", "PTCE-E11"):
        assert_unread(results[code], "PTCE-S07", "budget.expenses[0].amounts.2015")
    assert results["PTCE-E12"].status == "failed"  # no local line at all, whatever the expenses


COMMUNES = '  communes: ["26281", "26057"]'
TERRITORY = "territory:\n  name: Pays de Romans\n" + COMMUNES + "\n  population: 52000\n"


@pytest.mark.parametrize(
    ("replacement", "where"),
    [
        ((COMMUNES, '  communes: "26281"'), "territory.communes"),
        ((COMMUNES, '  communes: []\n  epcis: "x"'), "territory.epcis"),
        ((TERRITORY, "territory: Pays de Romans\n"), "territory"),
    ],
)
def test_e06_not_evaluated_when_the_territory_lists_are_set_aside(replacement: tuple[str, str], where: str) -> None:
    assert_unread(rules(replacement)["PTCE-E06"], "PTCE-S03", where)


def test_e01_not_evaluated_when_the_carriers_form_is_set_aside() -> None:
    carried = "  legal_form: none\n  carrier: {name: Porteur, legal_form: cooperativ}\n  siren"
    results = rules(("  legal_form: association\n  siren", carried), call="ptce-2013")
    assert_unread(results["PTCE-E01"], "PTCE-S04", "pole.carrier.legal_form")


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("funder: Région\n      amounts", "funder: [x]\n      amounts", "budget.resources[0].funder"),
        ("- label: Région", "- label: [x]", "budget.resources[0].label"),
        (
            "amounts: {2015: 10000, 2016: 10000}",
            "amounts: {2015: dix, 2016: 10000}",
            "budget.resources[0].amounts.2015",
        ),
    ],
)
def test_e10_not_evaluated_when_a_local_lines_funder_label_or_amount_is_set_aside(
    old: str, new: str, where: str
) -> None:
    text = budget((50000, 50000), ("Région", "Région", 10000, 10000))
    assert old in text
    results = {r.code: r for r in assess_text(text.replace(old, new, 1), call="ptce-2013").rules}
    assert_unread(results["PTCE-E10"], code="PTCE-S07" if "amounts" in where else "PTCE-S03", where=where)
