"""Mechanical fixes: minimal edits computed from the source map's positions, applied until no
fix is left, every other line (comments included) byte-identical."""

from __future__ import annotations

import pytest

from helpers import BASE_TEXT, FIXTURES, MISTAKES, assess_text, variant
from ptce_check.decoding import Limits
from ptce_check.edits import Edit, Fix
from ptce_check.fixes import apply_fixes, attach_fixes, encode_like, fix_source, tab_fix
from ptce_check.i18n import Text

FIXABLE = ("PTCE-S05", "PTCE-S06", "PTCE-S07", "PTCE-D01", "PTCE-D02")

EXPECTED_LINES = {
    "submitted_at: 30/06/2015   # le jour du dépôt": "submitted_at: 2015-06-30   # le jour du dépôt",
    '    siret: "813 456 225 00016"  # Atelier': '    siret: "81345622500016"  # Atelier',
    "    charter_signed: oui": "    charter_signed: true",
    "  created_fte: 12,5": "  created_fte: 12.5",
    "      amounts: {2015: 150 000 €, 2016: 50000}  # animation": (
        "      amounts: {2015: 150000, 2016: 50000}  # animation"
    ),
}


def test_the_usual_mistakes_are_all_fixed_and_nothing_else_changes() -> None:
    text = variant(*MISTAKES)
    before = assess_text(text)
    assert sorted(f.code for f in before.findings if f.code in FIXABLE) == sorted(
        ["PTCE-S06", "PTCE-D02", "PTCE-S05", "PTCE-S07", "PTCE-S07"]
    )
    outcome = fix_source(text.encode("utf-8"), "dossier.yaml", folder=FIXTURES)
    assert outcome.text is not None
    assert not [f.code for f in outcome.remaining if f.code in FIXABLE]
    assert len(outcome.applied) == 5
    old_lines, new_lines = text.split("\n"), outcome.text.split("\n")
    assert len(old_lines) == len(new_lines)
    for old, new in zip(old_lines, new_lines, strict=True):
        assert new == EXPECTED_LINES.get(old, old)
    assert assess_text(outcome.text).findings == outcome.remaining


def test_each_fixable_finding_carries_its_edit_at_the_value() -> None:
    text = variant(("charter_signed: true", "charter_signed: Oui"), ('siren: "781302211"', "siren: '781 302 211'"))
    findings = attach_fixes(assess_text(text).findings, text)
    boolean = next(f for f in findings if f.code == "PTCE-S05")
    line = text.split("\n").index("    charter_signed: Oui") + 1
    assert boolean.fix == Fix(
        Text("remplacer « Oui » par true", "replace 'Oui' with true"), (Edit(line, 21, line, 24, "true"),)
    )
    siren = next(f for f in findings if f.code == "PTCE-D01")
    assert siren.fix is not None
    (edit,) = siren.fix.edits
    assert (edit.start_line, edit.start_column, edit.end_column, edit.new_text) == (
        7,
        11,
        22,
        "781302211",
    )  # inside the quotes
    assert siren.fix.to_dict("en")["edits"] == [
        {"content": "781302211", "location": {"line": 7, "column": 11}, "end_location": {"line": 7, "column": 22}}
    ]


def test_findings_without_a_fix_leave_the_text_unparsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """No finding of a kind that has a fix: `attach_fixes` returns them as they are, without
    parsing the dossier a second time; a fixable one among them still gets its fix."""
    from ptce_check.source import Document, parse

    text = variant(("charter_signed: true", "charter_signed: Oui\n    colour: blue"))
    findings = assess_text(text).findings
    unfixable = tuple(f for f in findings if f.code != "PTCE-S05")
    assert [f.code for f in unfixable] == ["PTCE-S02"] and len(findings) == 2
    parsed: list[str] = []

    def counted(text: str, limits: Limits) -> Document:
        parsed.append(text)
        return parse(text, limits)

    monkeypatch.setattr("ptce_check.fixes.parse", counted)
    assert attach_fixes(unfixable, text) == unfixable and parsed == []
    fixed = attach_fixes(findings, text)
    assert parsed == [text] and next(f for f in fixed if f.code == "PTCE-S05").fix is not None


def test_columns_count_characters_not_bytes() -> None:
    text = variant(("  name: Pôle Test Coopération\n", "  name: Pôle Test Coopération\n  x_note: {é: ü, b: oui}\n"))
    text = text.replace("charter_signed: true", "charter_signed: non") + "x_ü: ☃\n"
    text = text.replace(
        "    commitment: letter\n  - name: Menuiserie", "    commitment: letter\n    x_éé: 1\n  - name: Menuiserie", 1
    )
    findings = attach_fixes(assess_text(text).findings, text)
    fixed = apply_fixes(text, [f.fix for f in findings if f.fix is not None])
    assert fixed == text.replace("charter_signed: non", "charter_signed: false")


def test_quoted_numbers_and_booleans_are_written_plain_dates_keep_their_quotes() -> None:
    text = variant(
        ("requested_grant_eur: 60000", 'requested_grant_eur: "60 000 €"'),
        ("submitted_at: 2015-06-15", "submitted_at: '15/06/2015'"),
    )
    outcome = fix_source(text.encode("utf-8"), "dossier.yaml", folder=FIXTURES)
    assert outcome.text == variant(("submitted_at: 2015-06-15", "submitted_at: '2015-06-15'"))


def test_a_whole_number_with_decimals_is_not_rounded() -> None:
    text = variant(("meetings_per_year: 4", "meetings_per_year: 4,5"))
    outcome = fix_source(text.encode("utf-8"), "dossier.yaml", folder=FIXTURES)
    assert outcome.text == text and outcome.applied == ()
    assert "PTCE-S07" in [f.code for f in outcome.remaining]
    whole = variant(("meetings_per_year: 4", "meetings_per_year: 4,0"))
    assert fix_source(whole.encode("utf-8"), "d.yaml", folder=FIXTURES).text == BASE_TEXT


def test_tabs_in_indentation_become_the_files_indentation_unit() -> None:
    text = BASE_TEXT.replace("  stage: emerging", "\tstage: emerging").replace("    name: Camille", "\t\tname: Camille")
    assert assess_text(text).findings[0].code == "PTCE-F01"
    fix = tab_fix(text)
    assert fix is not None and len(fix.edits) == 2 and fix.message.en == "replace the indentation tabs with 2 spaces"
    outcome = fix_source(text.encode("utf-8"), "dossier.yaml", folder=FIXTURES)
    assert outcome.text == BASE_TEXT
    assert [f.code for f in outcome.remaining] == [f.code for f in assess_text(BASE_TEXT).findings]


def test_overlapping_fixes_keep_the_first_and_edits_apply_from_the_end() -> None:
    first = Fix(Text("a", "a"), (Edit(1, 1, 1, 4, "xyz"), Edit(2, 2, 2, 3, "Q")))
    overlapping = Fix(Text("b", "b"), (Edit(1, 3, 1, 5, "!!"),))
    assert apply_fixes("abcdef\nghi\n", [first, overlapping]) == "xyzdef\ngQi\n"


def test_crlf_and_byte_order_mark_are_kept() -> None:
    text = variant(("charter_signed: true", "charter_signed: yes")).replace("\n", "\r\n")
    raw = b"\xef\xbb\xbf" + text.encode("utf-8")
    outcome = fix_source(raw, "dossier.yaml", folder=FIXTURES)
    assert outcome.text is not None
    assert encode_like(raw, outcome.text) == b"\xef\xbb\xbf" + BASE_TEXT.replace("\n", "\r\n").encode("utf-8")


def test_unreadable_bytes_give_no_text_and_their_finding() -> None:
    outcome = fix_source(b"\x89PNG\r\n\x1a\n", "image.yaml", limits=Limits())
    assert outcome.text is None and [f.code for f in outcome.remaining] == ["PTCE-F10"]
