"""Bytes to text: size limit, regular files only, UTF-8 (or UTF-16/32 with a BOM), and no
characters that YAML forbids. Each refusal is a finding with a position and a remedy."""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from msgspec import Struct

from ptce_check.findings import Position, SourceError, fail
from ptce_check.i18n import Text
from ptce_check.positions import line_column
from ptce_check.textsafe import escape_invisible

DEFAULT_MAX_BYTES = 1024 * 1024
DEFAULT_MAX_DEPTH = 32
DEFAULT_MAX_NODES = 50_000


class Limits(Struct, frozen=True):
    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = DEFAULT_MAX_DEPTH
    max_nodes: int = DEFAULT_MAX_NODES


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_SIGNATURES = (
    (b"PK\x03\x04", "ZIP (.docx, .xlsx, .odt…)"),
    (b"%PDF", "PDF"),
    (b"\xd0\xcf\x11\xe0", "Microsoft Office 97-2003"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
)
# Characters YAML does not allow in a stream (YAML 1.2 §5.1), plus a stray byte-order mark.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff\ufeff]")


def decode(raw: bytes) -> str:
    """UTF-8 (BOM tolerated) or UTF-16/32 with a BOM; anything else is refused with a position."""
    for signature, kind in _BINARY_SIGNATURES:
        if raw.startswith(signature):
            raise fail(
                "PTCE-F10",
                Text(f"fichier binaire ({kind}), pas un texte YAML", f"binary file ({kind}), not YAML text"),
                hint=Text(
                    "enregistrez le dossier au format texte YAML (.yaml) en UTF-8",
                    "save the dossier as YAML text (.yaml) in UTF-8",
                ),
            )
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise fail(
                    "PTCE-F02",
                    Text(
                        f"octets invalides pour l'encodage {encoding} annoncé par l'indicateur d'ordre",
                        f"bytes invalid for the {encoding} encoding announced by the byte-order mark",
                    ),
                    hint=_RESAVE,
                ) from error
    if _looks_like_utf16_or_32(raw):
        raise fail(
            "PTCE-F02",
            Text(
                "le fichier semble encodé en UTF-16 ou UTF-32 sans indicateur d'ordre des octets",
                "the file looks like UTF-16 or UTF-32 without a byte-order mark",
            ),
            hint=_RESAVE,
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _not_utf8(raw, error.start) from error


def _looks_like_utf16_or_32(raw: bytes) -> bool:
    """Text in UTF-16 or UTF-32 without a byte-order mark: one byte in two (or three in four) is
    NUL, which UTF-8 text never has; its positions in bytes would mean nothing to the reader."""
    head = raw[:64]
    return len(head) >= 4 and head.count(0) * 4 >= len(head)


_RESAVE = Text(
    "enregistrez le fichier en UTF-8 (dans l'éditeur\u00a0: « Enregistrer sous », encodage UTF-8)",
    "re-save the file as UTF-8 (in the editor: 'Save as', encoding UTF-8)",
)


#: Bytes no text file holds: C0 controls other than tab, line breaks and form feed, and
#: the five bytes Windows-1252 leaves undefined.
_NOT_TEXT_BYTES = frozenset({*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D})
_SAMPLE_BYTES = 4096


def _looks_like_text(raw: bytes) -> bool:
    """Text in a legacy encoding has almost no control bytes and, in French, a few accented
    letters among plain ASCII; random or binary data has both in numbers."""
    sample = raw[:_SAMPLE_BYTES]
    controls = sum(1 for byte in sample if byte in _NOT_TEXT_BYTES)
    high = sum(1 for byte in sample if byte >= 0x80)
    return controls * 100 <= len(sample) and high * 100 <= 30 * len(sample)


def _not_utf8(raw: bytes, offset: int) -> SourceError:
    if not _looks_like_text(raw):
        return fail(
            "PTCE-F10",
            Text(
                "ce n'est pas un fichier texte\u00a0: ses octets ne "
                "ressemblent à aucun texte (fichier binaire ou corrompu)",
                "not a text file: its bytes look like no text (a binary or corrupt file)",
            ),
            hint=Text(
                "vérifiez le nom du fichier\u00a0; un dossier est un texte YAML (.yaml) en UTF-8",
                "check the file name; a dossier is YAML text (.yaml) in UTF-8",
            ),
        )
    line_start = raw.rfind(b"\n", 0, offset) + 1
    prefix = raw[line_start:offset].decode("utf-8", errors="replace")
    position = Position(raw.count(b"\n", 0, offset) + 1, len(prefix) + 1)
    byte = raw[offset]
    try:
        raw.decode("cp1252")
        guess = "Windows-1252" if any(0x80 <= b <= 0x9F for b in raw) else "Windows-1252 / Latin-1"
    except UnicodeDecodeError:
        guess = "Latin-1 (ISO-8859-1)"
    char = (
        bytes([byte]).decode("cp1252", errors="replace")
        if guess != "Latin-1 (ISO-8859-1)"
        else bytes([byte]).decode("latin-1")
    )
    return fail(
        "PTCE-F02",
        Text(
            f"l'octet 0x{byte:02X} n'est pas de l'UTF-8\u00a0; le fichier semble encodé en {guess} "
            f"(cet octet y serait « {escape_invisible(char)} »)",
            f"byte 0x{byte:02X} is not UTF-8; the file looks encoded as {guess} "
            f"(where this byte would be '{escape_invisible(char)}')",
        ),
        position,
        _RESAVE,
    )


def check_characters(text: str) -> None:
    match = _FORBIDDEN.search(text)
    if match is None:
        return
    char = match.group()
    position = line_column(text, match.start())
    if char == "\x00":
        message = Text(
            "octet nul (NUL)\u00a0: le fichier est binaire ou corrompu", "NUL byte: the file is binary or corrupt"
        )
    elif char == "\ufeff":
        message = Text(
            "indicateur d'ordre des octets (U+FEFF) au milieu du fichier",
            "byte-order mark (U+FEFF) in the middle of the file",
        )
    else:
        shown = escape_invisible(char)
        message = Text(
            f"caractère de contrôle {shown} interdit dans un fichier YAML",
            f"control character {shown} is not allowed in a YAML file",
        )
    raise fail(
        "PTCE-F10",
        message,
        position,
        Text(
            "supprimez ce caractère (souvent issu d'un copier-coller depuis un traitement de texte)",
            "remove this character (often pasted from a word processor)",
        ),
    )


def check_size(size: int, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise fail(
            "PTCE-F06",
            Text(
                f"fichier trop volumineux ({size} octets, limite {limits.max_bytes})",
                f"file too large ({size} bytes, limit {limits.max_bytes})",
            ),
            hint=Text(
                "un dossier fait quelques dizaines de kilo-octets\u00a0; --max-bytes relève la limite",
                "a dossier is a few tens of kilobytes; --max-bytes raises the limit",
            ),
        )


def read_file(path: Path, limits: Limits) -> bytes:
    """A regular file's bytes, refusing anything else and anything over the size limit before
    reading it whole."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise _unreadable(error) from error
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            directory = stat.S_ISDIR(info.st_mode)
            raise fail(
                "PTCE-F12",
                Text(
                    "ce n'est pas un fichier ordinaire ("
                    + ("un répertoire" if directory else "un fichier spécial")
                    + ")",
                    "not a regular file (" + ("a directory" if directory else "a special file") + ")",
                ),
            )
        check_size(info.st_size, limits)
        data = _read_up_to(fd, info.st_size, limits.max_bytes + 1)
    except OSError as error:
        raise _unreadable(error) from error
    finally:
        os.close(fd)
    check_size(len(data), limits)
    return data


def _read_up_to(fd: int, expected: int, limit: int) -> bytes:
    """At most `limit` bytes of `fd`: first the `expected` size (and a byte more), then more only
    if the file grew since. Not one buffer of the limit: a dossier holds a few kilobytes, the
    limit a megabyte, and a buffer that large is mapped and unmapped again for every file."""
    chunks = []
    total = 0
    size = min(expected + 1, limit)
    while total < limit:
        chunk = os.read(fd, min(size, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        size = _GROWTH_READ
    return b"".join(chunks)


#: The reads after the first, for a file that grows while it is read.
_GROWTH_READ = 64 * 1024


def _unreadable(error: OSError) -> SourceError:
    reason = error.strerror or type(error).__name__
    return fail("PTCE-F12", Text(f"lecture impossible\u00a0: {reason}", f"cannot read: {reason}"))
