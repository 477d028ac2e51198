"""Member names are compared after NFC normalisation, case folding and collapsed spacing."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import assess_text, codes, located, position_of, variant
from ptce_check import names
from ptce_check.lazy import remembered
from ptce_check.names import name_key

NFC = unicodedata.normalize("NFC", "Régie de quartier")
NFD = unicodedata.normalize("NFD", NFC)
MEMBER = "  - name: Atelier Solidaire\n"


def _with_first_member_named(name: str) -> str:
    return variant((MEMBER, f'  - name: "{name}"\n'))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (NFC, NFD),
        ("Régie de quartier", "régie de QUARTIER"),
        ("Régie de quartier", "  Régie   de\u00a0quartier "),
        ("Straße Coop", "STRASSE COOP"),
    ],
)
def test_name_key_makes_the_same_name_one_key(one: str, other: str) -> None:
    assert one != other
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(("one", "other"), [("Régie", "Regie"), ("Atelier-Solidaire", "Atelier Solidaire")])
def test_name_key_keeps_accents_and_punctuation(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_the_short_path_for_ascii_names_gives_the_general_key(name: str) -> None:
    general = " ".join(unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold()).split())
    assert name_key(name) == general


def test_keys_are_remembered_within_a_bound() -> None:
    computed: list[str] = []

    def key(name: str) -> str:
        computed.append(name)
        return names._name_key(name)

    recall = remembered(key, limit=3, keep=lambda name, _: len(name) <= names.KEPT_LENGTH)
    assert recall(NFD) == recall(NFD) == recall(NFC) == name_key(NFC)
    assert computed == [NFD, NFC]
    long_name = "Atelier " * 30  # longer than any member name kept
    assert recall(long_name) == recall(long_name) == "atelier " * 29 + "atelier"
    assert computed[2:] == [long_name, long_name]
    recall("Menuiserie Durand")
    recall("Ferme du Vercors")  # three kept: emptied, then given the new name
    recall(NFD)
    assert computed[4:] == ["Menuiserie Durand", "Ferme du Vercors", NFD]
    recall("Ferme du Vercors")
    assert len(computed) == 7


def test_the_same_name_in_nfc_and_nfd_is_a_duplicate_member() -> None:
    text = variant(
        (MEMBER, f'  - name: "{NFC}"\n'),
        ("  - name: Menuiserie Durand\n", f'  - name: "{NFD}"\n'),
        ("[Atelier Solidaire, Menuiserie Durand]", f'["{NFC}", "{NFD}"]'),
    )
    assessment = assess_text(text)
    line, column = position_of(text, f'"{NFD}"', after="legal_form: association")
    assert ("PTCE-D07", line, column) in located(assessment)
    assert "PTCE-D08" not in codes(assessment)
    duplicate = next(f for f in assessment.findings if f.code == "PTCE-D07")
    assert duplicate.hint is not None and "members[0] s'écrit" in duplicate.hint.fr


def test_a_duplicate_differing_only_by_case_and_spaces_is_reported() -> None:
    text = variant(("  - name: Menuiserie Durand\n", '  - name: "atelier  SOLIDAIRE "\n'))
    assessment = assess_text(text)
    line, column = position_of(text, '"atelier  SOLIDAIRE "')
    assert ("PTCE-D07", line, column) in located(assessment)


def test_an_identical_duplicate_has_no_spelling_hint() -> None:
    text = variant(("  - name: Menuiserie Durand\n", "  - name: Atelier Solidaire\n"))
    duplicate = next(f for f in assess_text(text).findings if f.code == "PTCE-D07")
    assert duplicate.hint is None


def test_a_mutualisation_naming_the_member_in_nfd_is_not_unknown() -> None:
    text = variant(
        (MEMBER, f'  - name: "{NFC}"\n'),
        ("[Atelier Solidaire, Menuiserie Durand]", f'["{NFD}", Menuiserie Durand]'),
    )
    assessment = assess_text(text)
    assert "PTCE-D08" not in codes(assessment)
    assert "PTCE-D07" not in codes(assessment)


def test_a_mutualisation_differing_only_by_case_is_not_unknown() -> None:
    text = variant(("[Atelier Solidaire, Menuiserie Durand]", "[atelier solidaire, MENUISERIE  DURAND]"))
    assert "PTCE-D08" not in codes(assess_text(text))


def test_a_real_typo_is_still_unknown_with_its_suggestion() -> None:
    text = variant(("[Atelier Solidaire, Menuiserie Durand]", "[Atelier Solidaire, Menuiserie Durant]"))
    assessment = assess_text(text)
    line, column = position_of(text, "Menuiserie Durant")
    assert ("PTCE-D08", line, column) in located(assessment)
    finding = next(f for f in assessment.findings if f.code == "PTCE-D08")
    assert finding.hint is not None and finding.hint.fr == "vouliez-vous dire « Menuiserie Durand »\u00a0?"


def test_an_attachment_naming_the_member_in_nfd_is_not_unknown() -> None:
    text = variant(
        (MEMBER, f'  - name: "{NFC}"\n'),
        ("[Atelier Solidaire, Menuiserie Durand]", f'["{NFC}", Menuiserie Durand]'),
        ("    path: annexes/statuts.txt", f'    path: annexes/statuts.txt\n    member: "{NFD}"'),
    )
    assert "PTCE-D15" not in codes(assess_text(text))


def test_an_attachment_naming_no_member_is_still_unknown() -> None:
    text = variant(("    path: annexes/statuts.txt", "    path: annexes/statuts.txt\n    member: Régie"))
    assessment = assess_text(text)
    line, column = position_of(text, "Régie")
    assert ("PTCE-D15", line, column) in located(assessment)
