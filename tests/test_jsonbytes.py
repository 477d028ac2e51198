"""JSON encoded once as bytes (orjson) reads back as the standard library's does, with every
invisible character escaped, and what orjson refuses still written."""

from __future__ import annotations

import json

import pytest

from helpers import EXAMPLES
from ptce_check import textsafe
from ptce_check.assess import assess_file
from ptce_check.jsonbytes import dumps, loads


@pytest.mark.parametrize("name", ["centre-isere.yaml", "invalid-duplicate-key.yaml", "not-admissible-e09-late.yaml"])
def test_an_outcome_reads_back_as_the_standard_librarys(name: str) -> None:
    data = assess_file(EXAMPLES / name).to_dict("fr")
    assert loads(dumps(data)) == json.loads(json.dumps(data)) == data
    assert json.loads(dumps(data, indent=True)) == data


def test_what_orjson_refuses_is_written_by_the_standard_library() -> None:
    assert loads(dumps({"count": 10**30})) == {"count": 10**30}
    assert dumps({"path": "caf\udce9.yaml"}) == b'{"path":"caf\\udce9.yaml"}'
    assert loads(dumps({"path": "caf\udce9.yaml"})) == {"path": "caf\udce9.yaml"}


def test_no_json_is_written_with_nan_or_an_infinity() -> None:
    assert dumps({"a": float("nan"), "b": float("inf")}) == b'{"a":null,"b":null}'


def test_invisible_characters_are_json_escapes_and_french_spaces_stay() -> None:
    document = dumps({"name": "na\u200bme\u202e", "tag": "\U000e0041", "fr": "d\u00e9p\u00f4t\u00a0: 1\u202f500"})
    assert document == (
        b'{"name":"na\\u200bme\\u202e","tag":"\\udb40\\udc41","fr":"d\xc3\xa9p\xc3\xb4t\xc2\xa0: 1\xe2\x80\xaf500"}'
    )


def test_the_quick_test_lets_no_invisible_character_through() -> None:
    """Every character the exact pass escapes makes the quick test ask for it (controls other than
    DEL are never raw in serialised JSON)."""
    missed = [
        code
        for code in range(0x20, 0x110000)
        if textsafe._JSON_INVISIBLE.match(chr(code))
        and not textsafe._needs_escapes(chr(code).encode("utf-8", "surrogatepass"))
    ]
    assert missed == []
    assert not textsafe._needs_escapes("« é » – ’ € 1\u202f500\u00a0€".encode())
