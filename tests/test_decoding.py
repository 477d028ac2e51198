"""Bytes to text: encodings, binary files, forbidden characters, with positions and remedies."""

from __future__ import annotations

import codecs

import pytest

from ptce_check.decoding import Limits, decode
from ptce_check.findings import SourceError
from ptce_check.source import load_bytes


def _refusal(raw: bytes) -> tuple[str, int, int, str]:
    with pytest.raises(SourceError) as caught:
        load_bytes(raw, Limits())
    finding = caught.value.finding
    assert finding.position is not None
    return finding.code, finding.position.line, finding.position.column, finding.message.fr


def test_utf8_bom_is_tolerated() -> None:
    assert load_bytes(codecs.BOM_UTF8 + "a: é\n".encode(), Limits()).data == {"a": "é"}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_bom_are_read(encoding: str) -> None:
    assert load_bytes("nom: Pôle\n".encode(encoding), Limits()).data == {"nom": "Pôle"}


def test_cp1252_bytes_are_located_and_explained() -> None:
    raw = "format: x\nnom: Pôle – Drôme\n".encode("cp1252")
    code, line, column, message = _refusal(raw)
    assert (code, line, column) == ("PTCE-F02", 2, 7)
    assert "Windows-1252" in message and "0xF4" in message


def test_latin1_bytes_are_explained() -> None:
    code, line, column, message = _refusal("a: 1\nb: caf\xe9\n".encode("latin-1"))
    assert (code, line, column) == ("PTCE-F02", 2, 7)
    assert "Latin-1" in message or "Windows-1252" in message


def test_utf16_without_bom() -> None:
    code, *_ = _refusal("a: é\n".encode("utf-16-le"))
    assert code in ("PTCE-F02", "PTCE-F10")


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [
        (b"a: 1\nb: x\x00y\n", 2, 5),
        (b"a: 1\n\x0bb: 2\n", 2, 1),
        (b"a: 1\nb: \x0c\n", 2, 4),
        ("a: 1\nb: x\ufeffy\n".encode(), 2, 5),
    ],
)
def test_forbidden_characters_are_located(raw: bytes, line: int, column: int) -> None:
    code, found_line, found_column, _ = _refusal(raw)
    assert (code, found_line, found_column) == ("PTCE-F10", line, column)


def test_binary_files_are_recognised() -> None:
    code, line, column, message = _refusal(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 20)
    assert (code, line, column) == ("PTCE-F10", 1, 1)
    assert "ZIP" in message


def test_decode_plain_utf8() -> None:
    assert decode("é".encode()) == "é"
