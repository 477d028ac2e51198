"""Bytes to text: encodings, binary files, forbidden characters, with positions and remedies."""

from __future__ import annotations

import codecs
import os
import threading
from pathlib import Path

import pytest

from ptce_check.decoding import Limits, _read_up_to, decode, read_file
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


def test_a_file_is_read_whole_up_to_one_byte_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "dossier.yaml"
    path.write_bytes(b"x" * 5000)
    assert read_file(path, Limits(max_bytes=5000)) == b"x" * 5000
    with pytest.raises(SourceError) as raised:
        read_file(path, Limits(max_bytes=4999))
    assert raised.value.finding.code == "PTCE-F06"


def test_more_than_the_expected_size_is_read_until_the_end_or_the_limit() -> None:
    """A file that grew after `fstat`: the reads go on past the size it had, never past the limit."""
    written = bytes(range(256)) * 1000  # 256 000 bytes, several reads after the first
    for limit, expected in ((len(written) + 1, written), (100_001, written[:100_001])):
        read_end, write_end = os.pipe()
        writer = threading.Thread(target=_write_all, args=(write_end, written))
        writer.start()
        try:
            assert _read_up_to(read_end, 10, limit) == expected
        finally:
            os.close(read_end)
            writer.join()


def _write_all(fd: int, data: bytes) -> None:
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
    except BrokenPipeError:  # the reader stopped at its limit
        pass
