"""Data-quality checks: snippet -> (code, line, column)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import FIXTURES, assess_text, codes, located, position_of, variant
from ptce_check.assessment import Verdict
from ptce_check.quality.identifiers import siren_valid, siret_valid

CASES = [
    # (old, new, code, needle at which the finding points)
    ('  siren: "781302211"', '  siren: "781302212"', "PTCE-D01", '"781302212"'),
    ('  siren: "781302211"', '  siren: "78130221"', "PTCE-D01", '"78130221"'),
    ('    siret: "81345622500016"', '    siret: "81345622500017"', "PTCE-D02", '"81345622500017"'),
    ('    siret: "44120933500013"', '    siret: "78130221100011"', "PTCE-D03", '"78130221100011"'),
    ('  communes: ["26281", "26057"]', '  communes: ["26281", "2605"]', "PTCE-D04", '"2605"'),
    ('  communes: ["26281", "26057"]', '  communes: ["26281", "26 057"]', "PTCE-D04", '"26 057"'),
    ('  communes: ["26281", "26057"]', '  communes: ["26281", "26281"]', "PTCE-D17", '"26281"]'),
    ('    commune: "26057"', '    commune: "2657"', "PTCE-D04", '"2657"'),
    (
        "  population: 52000",
        "  population: 52000\n  difficulties:\n    priority_neighbourhoods: [QPV26]",
        "PTCE-D05",
        "QPV26",
    ),
    ("  population: 52000", "  population: 52000\n  employment_zones: [82-1]", "PTCE-D06", "82-1"),
    (
        "  - name: Menuiserie Durand",
        "  - name: Atelier Solidaire",
        "PTCE-D07",
        "Atelier Solidaire\n    legal_form: commercial",
    ),
    (
        "      members: [Atelier Solidaire, Menuiserie Durand]",
        "      members: [Atelier Solidaire, Menuiserie Dupont]",
        "PTCE-D08",
        "Menuiserie Dupont",
    ),
    ("      amounts: {2015: 20000, 2016: 20000}", "      amounts: {2015: 20000, 2016: 19000}", "PTCE-D09", "2016]"),
    ("  requested_grant_eur: 60000", "  requested_grant_eur: 65000", "PTCE-D10", "65000"),
    ("      amounts: {2015: 50000, 2016: 50000}", "      amounts: {2015: 50000, 2016: -50000}", "PTCE-D11", "-50000"),
    ("      amounts: {2015: 50000, 2016: 50000}", "      amounts: {2015: 50000}", "PTCE-D12", "{2015: 50000}"),
    (
        "      amounts: {2015: 50000, 2016: 50000}",
        "      amounts: {2015: 50000, 2016: 50000, 2017: 0}",
        "PTCE-D12",
        "2017",
    ),
    ("    path: annexes/statuts.txt", "    path: ../../etc/passwd", "PTCE-D13", "../../etc/passwd"),
    ("    path: annexes/statuts.txt", "    path: /etc/passwd", "PTCE-D13", "/etc/passwd"),
    ("    path: annexes/statuts.txt", "    path: C:\\\\Windows\\\\win.ini", "PTCE-D13", "C:"),
    ("    path: annexes/statuts.txt", "    path: annexes/absent.pdf", "PTCE-D14", "annexes/absent.pdf"),
    ("    path: annexes/statuts.txt", "    path: annexes/statuts.txt\n    member: Inconnu", "PTCE-D15", "Inconnu"),
    ("    category: local_authority", "    category: enterprise_grouping", "PTCE-D16", "name: Communauté"),
]


@pytest.mark.parametrize(("old", "new", "code", "needle"), CASES, ids=[f"{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_data_check(old: str, new: str, code: str, needle: str) -> None:
    text = variant((old, new))
    assessment = assess_text(text)
    assert (code, *position_of(text, needle)) in located(assessment), located(assessment)


def test_data_errors_block_admissibility() -> None:
    assessment = assess_text(variant(('  siren: "781302211"', '  siren: "781302212"')))
    assert assessment.verdict is Verdict.NOT_ADMISSIBLE


def test_la_poste_siret_exception_is_accepted() -> None:
    # La Poste's establishments do not follow the Luhn rule on the SIRET (python-stdnum knows it).
    text = variant(('    siret: "81345622500016"', '    siret: "35600000000048"'))
    assert "PTCE-D02" not in codes(assess_text(text))


def test_symlink_leading_out_of_the_folder_is_refused(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "annexes").mkdir()
    (folder / "annexes" / "statuts.txt").symlink_to("/etc/hostname")
    assessment = assess_text(variant(), folder=folder)
    assert "PTCE-D13" in codes(assessment)


def test_attachments_are_not_checked_without_a_folder() -> None:
    assert codes(assess_text(variant(("    path: annexes/statuts.txt", "    path: absent.pdf")), folder=None)) == []


def test_grant_outside_the_known_range_is_a_note_only() -> None:
    assessment = assess_text(variant(), call="ptce-2013")  # 60 000 € < 72 000 €
    note = next(f for f in assessment.findings if f.code == "PTCE-W02")
    assert note.severity.value == "info" and [f.code for f in assessment.findings if f.severity.value == "error"] == [
        "PTCE-E12"
    ]  # the note itself never blocks


def test_the_2015_grant_range_is_the_observed_one() -> None:
    assert codes(assess_text(variant())) == []  # 60 000 € within 26 000 – 290 000 €
    low = assess_text(
        variant(
            ("amounts: {2015: 30000, 2016: 30000}", "amounts: {2015: 10000, 2016: 10000}"),
            ("requested_grant_eur: 60000", "requested_grant_eur: 20000"),
            ("amounts: {2015: 20000, 2016: 20000}", "amounts: {2015: 40000, 2016: 40000}"),
        )
    )
    note = next(f for f in low.findings if f.code == "PTCE-W02")
    assert note.severity.value == "info" and note.path == ("budget", "requested_grant_eur")
    assert "26\u202f000\u00a0€" in note.message.fr and low.verdict.value == "admissible"


def test_fixture_folder_exists() -> None:
    assert (FIXTURES / "annexes" / "statuts.txt").is_file()


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_fast_siren_check_agrees_with_python_stdnum(number: str) -> None:
    from stdnum.fr import siren

    assert siren_valid(number) == siren.is_valid(number)


@given(
    st.one_of(
        st.text(alphabet="0123456789", min_size=14, max_size=14),
        st.text(alphabet="0123456789", min_size=5, max_size=5).map(lambda nic: "356000000" + nic),
    )
)
def test_fast_siret_check_agrees_with_python_stdnum(number: str) -> None:
    from stdnum import luhn
    from stdnum.fr import siret

    assert siret_valid(number) == siret.is_valid(number)
    fixed = number[:8] + luhn.calc_check_digit(number[:8]) + number[9:13]
    fixed += luhn.calc_check_digit(fixed)
    assert siret_valid(fixed) == siret.is_valid(fixed)
