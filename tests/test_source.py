"""The loader: plain data as written, positions, and every refusal with its position."""

from __future__ import annotations

import pytest

from ptce_check.decoding import Limits
from ptce_check.findings import SourceError
from ptce_check.source import load_bytes, parse

LIMITS = Limits()


def test_scalars_stay_text_as_written() -> None:
    document = parse("a: NO\nb: 0123\nc: 38563\nd: 1e3\ne: yes\nf: 2015-06-30\n", LIMITS)
    assert document.data == {"a": "NO", "b": "0123", "c": "38563", "d": "1e3", "e": "yes", "f": "2015-06-30"}


def test_plain_nulls_become_none_but_quoted_ones_stay_text() -> None:
    document = parse("a: ~\nb: null\nc:\nd: '~'\ne: [~, '']\n", LIMITS)
    assert document.data == {"a": None, "b": None, "c": None, "d": "~", "e": [None, ""]}


def test_positions_of_values_keys_and_missing_paths() -> None:
    text = "a: 1\nb:\n  - x\n  - {c: dé, e: f}\n"
    source_map = parse(text, LIMITS).source_map
    value = source_map.lookup(("b", 1, "e"))
    assert (value.line, value.column) == (4, 16)
    assert source_map.lookup(("b",), at_key=True).line == 2
    assert source_map.lookup(("b", 0)).line == 3
    missing = source_map.lookup(("b", 1, "zzz"))
    assert (missing.line, missing.column) == (4, 5)  # the parent mapping


def test_columns_count_characters_not_bytes() -> None:
    source_map = parse("clé: « é » \nnom: [été, x]\n", LIMITS).source_map
    position = source_map.lookup(("nom", 1))
    assert (position.line, position.column) == (2, 12)


@pytest.mark.parametrize(
    ("text", "code", "line", "column"),
    [
        ("a: 1\na: 2\n", "PTCE-F05", 2, 1),
        ("a:\n  b: 1\n  c: 2\n  b: 3\n", "PTCE-F05", 4, 3),
        ("a: &x 1\nb: 2\n", "PTCE-F04", 1, 4),
        ("a: 1\nb: *x\n", "PTCE-F04", 2, 4),  # an alias, even undefined, is refused as such
        ("a: !!int 3\n", "PTCE-F03", 1, 4),
        ("a: !!python/object:os.system x\n", "PTCE-F03", 1, 4),
        ("a: !local x\n", "PTCE-F03", 1, 4),
        ("a: ! x\n", "PTCE-F03", 1, 4),
        ("a: !!str x\n", "PTCE-F03", 1, 4),
        ("a: !!map {b: 1}\n", "PTCE-F03", 1, 4),
        ("- 1\n- 2\n", "PTCE-F07", 1, 1),
        ("just text\n", "PTCE-F07", 1, 1),
        ("", "PTCE-F07", 1, 1),
        ("# only a comment\n", "PTCE-F07", 1, 1),
        ("a: 1\n---\nb: 2\n", "PTCE-F07", 2, 1),
        ("? [a, b]\n: 1\n", "PTCE-F11", 1, 3),
        ("{a: 1}: 2\n", "PTCE-F11", 1, 1),
        ("a:\n\tb: 1\n", "PTCE-F01", 2, 1),
        ("a: [1, 2\n", "PTCE-F01", 2, 1),
        ("a: b: c\n", "PTCE-F01", 1, 5),
        ("a: 'unclosed\n", "PTCE-F01", 2, 1),
    ],
)
def test_refusals_name_code_and_position(text: str, code: str, line: int, column: int) -> None:
    with pytest.raises(SourceError) as caught:
        parse(text, LIMITS)
    finding = caught.value.finding
    assert finding.position is not None
    assert (finding.code, finding.position.line, finding.position.column) == (code, line, column)


def test_duplicate_key_names_both_lines() -> None:
    with pytest.raises(SourceError) as caught:
        parse("pole:\n  name: A\n  stage: emerging\n  name: B\n", LIMITS)
    assert "ligne 2" in caught.value.finding.message.fr
    assert caught.value.finding.position is not None and caught.value.finding.position.line == 4


def test_tab_indentation_is_named() -> None:
    with pytest.raises(SourceError) as caught:
        parse("a:\n\tb: 1\n", LIMITS)
    assert "tabulation" in caught.value.finding.message.fr
    assert "tab" in caught.value.finding.message.en


def test_depth_and_node_limits() -> None:
    deep = "a: " + "[" * 40 + "]" * 40 + "\n"
    with pytest.raises(SourceError) as caught:
        parse(deep, LIMITS)
    assert caught.value.finding.code == "PTCE-F06"
    parse(deep, Limits(max_depth=50))
    many = "a: [" + ", ".join(["1"] * 200) + "]\n"
    with pytest.raises(SourceError) as caught:
        parse(many, Limits(max_nodes=100))
    assert caught.value.finding.code == "PTCE-F06"


def test_size_limit_is_checked_before_parsing() -> None:
    with pytest.raises(SourceError) as caught:
        load_bytes(b"a: 1\n" * 100, Limits(max_bytes=100))
    assert caught.value.finding.code == "PTCE-F06"


def test_escaped_control_characters_in_quoted_values_are_data() -> None:
    document = parse('a: "\\e[2J\\u200b"\n', LIMITS)
    assert document.data["a"] == "\x1b[2J\u200b"
