"""One bad value is set aside alone (issue 11.2): the rest of its object, its list and its
section is read and used, and no finding states something false about the file."""

from __future__ import annotations

from helpers import EXAMPLES, assess_text, codes, variant
from ptce_check.assessment import Assessment, RuleResult
from ptce_check.findings import format_path

TEXT = (EXAMPLES / "centre-isere.yaml").read_text(encoding="utf-8")


def _rule(assessment: Assessment, code: str) -> RuleResult:
    return next(rule for rule in assessment.rules if rule.code == code)


def test_a_bad_email_leaves_the_pole_readable() -> None:
    assessment = assess_text(TEXT.replace("coordination@ptce", "coordination@@ptce", 1), folder=EXAMPLES)
    assert codes(assessment) == ["PTCE-S08", "PTCE-T05"]
    assert _rule(assessment, "PTCE-E01").status == "passed"
    assert assessment.summary.pole_name == "Pôle Territorial de Coopération Économique du Centre Isère"


def test_a_bad_member_enum_keeps_the_member_for_names_and_budget() -> None:
    # The member is still a member: no D08 "is not a member", no "budget not balanced".
    text = TEXT.replace("legal_form: commercial_company", "legal_form: comercial_company", 1)
    assessment = assess_text(text, folder=EXAMPLES)
    assert sorted(codes(assessment)) == ["PTCE-S04", "PTCE-T05"]
    assert _rule(assessment, "PTCE-E02").status == "passed"


def test_a_rule_needing_the_value_set_aside_is_not_evaluated_and_names_the_finding() -> None:
    text = variant(("  legal_form: association\n  siren", "  legal_form: asociation\n  siren"))
    assessment = assess_text(text)
    assert codes(assessment) == ["PTCE-S04"]
    e01 = _rule(assessment, "PTCE-E01")
    assert e01.status == "not_evaluated"
    assert e01.caused_by is not None and format_path(e01.caused_by.path) == "pole.legal_form"
    assert "PTCE-S04" in e01.evidence.fr and "pole.legal_form" in e01.evidence.en
    assert assessment.summary.pole_name == "Pôle Test Coopération"


def test_a_bad_submission_date_is_not_read_as_absent() -> None:
    assessment = assess_text(variant(("submitted_at: 2015-06-15", "submitted_at: 2015-06-31")))
    e09 = _rule(assessment, "PTCE-E09")
    assert e09.status == "not_evaluated" and "PTCE-S06" in e09.evidence.fr
    assert "non renseignée" not in e09.evidence.fr


def test_a_bad_category_on_the_only_art9_partner_leaves_e05_unevaluated() -> None:
    text = variant(("    category: local_authority", "    category: local_autority"))
    assessment = assess_text(text)
    assert codes(assessment) == ["PTCE-S04"]
    assert _rule(assessment, "PTCE-E05").status == "not_evaluated"


def test_a_bad_esus_date_proves_nothing_and_says_nothing_false() -> None:
    text = variant(('    commune: "26057"', '    commune: "26057"\n    esus_approval: {granted_on: 2014-02-30}'))
    assessment = assess_text(text)
    assert codes(assessment) == ["PTCE-S06"]


def test_a_bad_grant_is_unknown_in_the_summary_not_a_budget_mismatch() -> None:
    assessment = assess_text(variant(("requested_grant_eur: 60000", "requested_grant_eur: 60 000")))
    assert codes(assessment) == ["PTCE-S07"]
    assert assessment.summary.requested_grant_eur is None


def test_a_bad_budget_year_is_not_reported_as_missing_from_the_lines() -> None:
    assessment = assess_text(variant(("years: [2015, 2016]", "years: [2015, 2O16]")))
    assert codes(assessment) == ["PTCE-S08"]
