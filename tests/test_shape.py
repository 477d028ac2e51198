"""Shape findings: missing, unknown, wrongly typed values, at the right place, and partial
evaluation of everything that did validate."""

from __future__ import annotations

import pytest

from helpers import BASE_TEXT, assess_text, codes, located, position_of, variant
from ptce_check.assessment import Verdict


def test_base_dossier_is_admissible_with_no_findings() -> None:
    assessment = assess_text(BASE_TEXT)
    assert assessment.verdict is Verdict.ADMISSIBLE
    assert assessment.findings == ()


@pytest.mark.parametrize(
    ("old", "new", "needle", "code"),
    [
        ("    charter_signed: true", "    charter_signed: yes", "yes", "PTCE-S05"),
        ("    charter_signed: true", "    charter_signed: NO", "NO", "PTCE-S05"),
        ("    charter_signed: true", "    charter_signed: 1", "1", "PTCE-S05"),
        ("  created_fte: 6", "  created_fte: six", "six", "PTCE-S07"),
        ("  created_fte: 6", "  created_fte: .nan", ".nan", "PTCE-S07"),
        ("  created_fte: 6", "  created_fte: .inf", ".inf", "PTCE-S07"),
        ("  created_fte: 6", "  created_fte: -2", "-2", "PTCE-S09"),
        ("  requested_grant_eur: 60000", "  requested_grant_eur: 60 k€", "60 k€", "PTCE-S07"),
        ("submitted_at: 2015-06-15", "submitted_at: 2015-02-30", "2015-02-30", "PTCE-S06"),
        ("submitted_at: 2015-06-15", "submitted_at: 15/06/2015", "15/06/2015", "PTCE-S06"),
        ("  stage: emerging", "  stage: emergent", "emergent", "PTCE-S04"),
        ("    email: camille.martin@example.org", "    email: camille.martin", "camille.martin\n", "PTCE-S08"),
        ("  population: 52000", "  population: [52000]", "[52000]", "PTCE-S03"),
        ("  name: Pôle Test Coopération", "  name: {fr: Pôle}", "{fr: Pôle}", "PTCE-S03"),
        ("      amounts: {2015: 50000, 2016: 50000}", "      amounts: {2015: 50000, 2016: lots}", "lots", "PTCE-S07"),
        ("      amounts: {2015: 50000, 2016: 50000}", "      amounts: {2015: 50000, 16: 50000}", "16:", "PTCE-S08"),
    ],
)
def test_wrong_values_are_found_at_their_position(old: str, new: str, needle: str, code: str) -> None:
    text = variant((old, new))
    assessment = assess_text(text)
    assert assessment.verdict is Verdict.NOT_ADMISSIBLE
    line, column = position_of(text, needle.rstrip("\n"), after=new)
    assert (code, line, column) in located(assessment)


def test_yes_no_hint_explains_booleans() -> None:
    assessment = assess_text(variant(("    charter_signed: true", "    charter_signed: yes")))
    finding = next(f for f in assessment.findings if f.code == "PTCE-S05")
    assert finding.hint is not None and "true" in finding.hint.fr and "yes" in finding.hint.en


def test_missing_key_points_at_parent_mapping() -> None:
    text = variant(("    email: camille.martin@example.org\n", ""))
    assessment = assess_text(text)
    finding = next(f for f in assessment.findings if f.code == "PTCE-S01")
    assert finding.path == ("pole", "contact", "email")
    assert (finding.position.line, finding.position.column) == position_of(text, "name: Camille")  # type: ignore[union-attr]


def test_missing_top_level_section_points_at_file_start() -> None:
    start = BASE_TEXT.index("jobs:")
    end = BASE_TEXT.index("budget:")
    assessment = assess_text(BASE_TEXT[:start] + BASE_TEXT[end:])
    assert ("PTCE-S01", 1, 1) in located(assessment)


def test_unknown_key_is_reported_at_the_key_with_a_suggestion() -> None:
    text = variant(("  stage: emerging", "  stage: emerging\n  stagee: x"))
    assessment = assess_text(text)
    finding = next(f for f in assessment.findings if f.code == "PTCE-S02")
    assert (finding.position.line, finding.position.column) == position_of(text, "stagee")  # type: ignore[union-attr]
    assert finding.hint is not None and "stage" in finding.hint.fr


def test_invisible_character_in_key_is_shown_escaped() -> None:
    text = variant(("  stage: emerging", "  stage: emerging\n  sta\u200bge: x"))
    finding = next(f for f in assess_text(text).findings if f.code == "PTCE-S02")
    assert "sta\\u200bge" in finding.message.fr


def test_x_prefixed_keys_are_ignored_at_any_depth() -> None:
    text = variant(
        ("format: ptce-dossier/1", "format: ptce-dossier/1\nx_note: brouillon"),
        ("  stage: emerging", "  stage: emerging\n  x_todo: [a, b]"),
    )
    assert assess_text(text).findings == ()


def test_a_broken_member_value_leaves_only_the_rules_that_need_it_unevaluated() -> None:
    # The company's legal form is wrong: E04 (non-ESS enterprise) cannot say whether the only
    # candidate is one, so it is not evaluated (pointing at the S04) rather than failed; E02
    # still sees the other legal persons and the score is still computed.
    text = variant(("    legal_form: commercial_company", "    legal_form: company"))
    assessment = assess_text(text)
    assert codes(assessment) == ["PTCE-S04"]
    e04 = next(rule for rule in assessment.rules if rule.code == "PTCE-E04")
    assert e04.status == "not_evaluated" and "PTCE-S04" in e04.evidence.fr
    assert assessment.score is not None


def test_paths_after_a_dropped_member_keep_file_indexes() -> None:
    text = variant(
        (
            "    legal_form: association\n    category: enterprise",
            "    legal_form: association\n    category: entreprise",
        ),
        ('    siret: "44120933500013"', '    siret: "44120933500014"'),
    )
    assessment = assess_text(text)
    siret = next(f for f in assessment.findings if f.code == "PTCE-D02")
    assert siret.path == ("members", 1, "siret")
    assert (siret.position.line, siret.position.column) == position_of(text, '"44120933500014"')  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("format: ptce-dossier/1\n", "", "PTCE-F08"),
        ("format: ptce-dossier/1", "format: ptce-dossier/2", "PTCE-F08"),
        ("call: ptce-2015", "call: ptce-1999", "PTCE-F09"),
        ("call: ptce-2015\n", "", "PTCE-F09"),
        ("call: ptce-2015", "call: ../../etc/passwd", "PTCE-F09"),
    ],
)
def test_format_and_call_problems_make_the_file_invalid(old: str, new: str, code: str) -> None:
    assessment = assess_text(variant((old, new)))
    assert assessment.verdict is Verdict.INVALID
    assert codes(assessment) == [code]
    assert assessment.score is None
