"""Mechanical fixes: the values written the usual wrong way (`oui`, `150 000 €`, `12,5`,
`30/06/2015`, a SIRET with spaces) and tabs in indentation, rewritten as minimal text edits.

An edit replaces the characters of one scalar (or of one line's indentation) and nothing else,
so comments, blank lines, key order and quoting elsewhere stay as they were. Positions come
from the source map: 1-based lines and columns counted in Unicode characters, lines broken as
YAML breaks them (`\\n`, `\\r\\n`, `\\r`, U+0085, U+2028, U+2029). A code, a date or a text keeps
its quotes; a boolean or a number is written plain, as the format writes them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path as FilePath
from typing import NamedTuple

import msgspec.structs
from msgspec import Struct

from ptce_check.decoding import Limits, decode
from ptce_check.edits import Edit, Fix
from ptce_check.findings import Finding, Path, SourceError
from ptce_check.i18n import Text
from ptce_check.positions import LINE_BREAK, Lines
from ptce_check.source import ScalarSpan, SourceMap, parse
from ptce_check.textsafe import escape_all_controls
from ptce_check.value_hints import boolean_word, iso_date, plain_number, spaced_digits

MAX_ROUNDS = 5
_LEADING_TABS = re.compile(r"^[ \t]*\t[ \t]*", re.MULTILINE)
_SPACE_INDENT = re.compile(r"^( +)\S", re.MULTILINE)


def _pair(lines: Lines, offset: int) -> tuple[int, int]:
    position = lines.position(offset)
    return position.line, position.column


# --- Computing fixes -------------------------------------------------------------------------


class _Scalar(Struct, frozen=True):
    """One scalar as written: its span, its text inside the quotes, its quote character."""

    span: ScalarSpan
    inner: str
    quote: str


def _scalar(text: str, source_map: SourceMap, path: Path) -> _Scalar | None:
    span = source_map.scalar(path)
    if span is None or span.style not in ("", "'", '"'):
        return None
    written = text[span.start : span.end]
    inner = written[1:-1] if span.style else written
    if LINE_BREAK.search(written) or ("\\" in inner and span.style == '"') or ("''" in inner and span.style == "'"):
        return None  # a value over several lines or with escapes: rewriting it is not mechanical
    return _Scalar(span, inner, span.style)


def _replace(text: str, lines: Lines, scalar: _Scalar, new: str, keep_quotes: bool, message: Text) -> Fix:
    start, end = scalar.span.start, scalar.span.end
    if keep_quotes and scalar.quote:
        start, end = start + 1, end - 1
    (start_line, start_column), (end_line, end_column) = _pair(lines, start), _pair(lines, end)
    return Fix(message, (Edit(start_line, start_column, end_line, end_column, new),))


def _words(old: str, new: str) -> Text:
    return Text(f"remplacer « {old} » par {new}", f"replace '{old}' with {new}")


def _fix_boolean(finding: Finding, scalar: _Scalar) -> tuple[str, bool] | None:
    word = boolean_word(scalar.inner)
    return None if word is None else (word, False)


def _fix_number(finding: Finding, scalar: _Scalar) -> tuple[str, bool] | None:
    name = str(finding.path[-1]) if finding.path else ""
    whole = finding.message.en.endswith(f" is not a whole number for '{name}'")
    number = plain_number(scalar.inner, whole=whole)
    return None if number is None else (number, False)


def _fix_date(finding: Finding, scalar: _Scalar) -> tuple[str, bool] | None:
    iso = iso_date(scalar.inner)
    return None if iso is None else (iso, True)


def _fix_digits(length: int) -> Callable[[Finding, _Scalar], tuple[str, bool] | None]:
    def fix(finding: Finding, scalar: _Scalar) -> tuple[str, bool] | None:
        digits = spaced_digits(scalar.inner, length)
        return None if digits is None else (digits, True)

    return fix


#: Per finding code: the new text of the value and whether its quotes are kept.
_VALUE_FIXES: dict[str, Callable[[Finding, _Scalar], tuple[str, bool] | None]] = {
    "PTCE-S05": _fix_boolean,
    "PTCE-S07": _fix_number,
    "PTCE-S06": _fix_date,
    "PTCE-D01": _fix_digits(9),
    "PTCE-D02": _fix_digits(14),
}


def _value_fix(finding: Finding, text: str, parsed: Callable[[], tuple[Lines, SourceMap | None]]) -> Fix | None:
    """The fix of a value a finding is about; `parsed` gives the text's lines and source map,
    asked for only by a finding of a kind that has a fix."""
    compute = _VALUE_FIXES.get(finding.code)
    if compute is None or not finding.path:
        return None
    lines, source_map = parsed()
    scalar = _scalar(text, source_map, finding.path) if source_map is not None else None
    if scalar is None:
        return None
    found = compute(finding, scalar)
    if found is None:
        return None
    new, keep_quotes = found
    written = text[scalar.span.start : scalar.span.end]
    return _replace(text, lines, scalar, new, keep_quotes, _words(_shown(written), new))


def _shown(written: str) -> str:
    return escape_all_controls(written)


def _indent_unit(text: str) -> int:
    """The file's smallest indentation in spaces (2 when no line is indented with spaces)."""
    widths = [len(match.group(1)) for match in _SPACE_INDENT.finditer(text)]
    return min(widths, default=2)


def tab_fix(text: str) -> Fix | None:
    """Every tab in the indentation of a line replaced by the file's indentation unit."""
    unit = _indent_unit(text)
    lines = Lines(text)
    edits = []
    for match in _LEADING_TABS.finditer(text):
        indentation = match.group()
        line, column = _pair(lines, match.start())
        end_line, end_column = _pair(lines, match.end())
        edits.append(Edit(line, column, end_line, end_column, indentation.replace("\t", " " * unit)))
    if not edits:
        return None
    return Fix(
        Text(
            f"remplacer les tabulations d'indentation par {unit} espaces",
            f"replace the indentation tabs with {unit} spaces",
        ),
        tuple(edits),
    )


def _is_tab_finding(finding: Finding) -> bool:
    return finding.code == "PTCE-F01" and "tab" in finding.message.en


def attach_fixes(findings: Iterable[Finding], text: str, limits: Limits | None = None) -> tuple[Finding, ...]:
    """The findings, each one that has a mechanical fix carrying it (`Finding.fix`); `text` is
    the dossier's text they were found in."""

    @functools.cache
    def parsed() -> tuple[Lines, SourceMap | None]:
        # The text is parsed again only when a finding of a kind that has a fix asks for it.
        try:
            return Lines(text), parse(text, limits or Limits()).source_map
        except SourceError:
            return Lines(text), None

    fixed = []
    for finding in findings:
        fix = tab_fix(text) if _is_tab_finding(finding) else _value_fix(finding, text, parsed)
        fixed.append(finding if fix is None else msgspec.structs.replace(finding, fix=fix))
    return tuple(fixed)


# --- Applying fixes --------------------------------------------------------------------------


def _apply(text: str, fixes: Sequence[Fix]) -> tuple[str, tuple[Fix, ...]]:
    """The text with every fix whose edits overlap no fix taken before it; those taken."""
    lines = Lines(text)
    taken: list[Fix] = []
    spans: list[tuple[int, int, int, str]] = []  # start, end, order, new text
    for fix in fixes:
        ranges = [
            (lines.offset(e.start_line, e.start_column), lines.offset(e.end_line, e.end_column), e.new_text)
            for e in fix.edits
        ]
        if any(_overlaps(start, end, spans) for start, end, _ in ranges):
            continue
        taken.append(fix)
        spans.extend((start, end, len(spans), new) for start, end, new in ranges)
    pieces, cursor = [], 0
    for start, end, _, new in sorted(spans):
        pieces += [text[cursor:start], new]
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces), tuple(taken)


def _overlaps(start: int, end: int, spans: list[tuple[int, int, int, str]]) -> bool:
    return any(
        (start < other_end and other_start < end) or start == other_start for other_start, other_end, *_ in spans
    )


def apply_fixes(text: str, fixes: Sequence[Fix]) -> str:
    """`text` with the fixes applied, in order; a fix that overlaps one before it is left out
    (the next round of `fix_source` finds it again if it still applies)."""
    return _apply(text, fixes)[0]


class FixOutcome(NamedTuple):
    #: The fixed text; None when the bytes could not be read as text at all.
    text: str | None
    applied: tuple[Fix, ...]
    #: The findings of the fixed text, with the fixes that could not be applied.
    remaining: tuple[Finding, ...]


def fix_source(
    raw: bytes,
    label: str,
    *,
    folder: FilePath | None = None,
    call_override: str | None = None,
    limits: Limits | None = None,
    max_rounds: int = MAX_ROUNDS,
) -> FixOutcome:
    """Check, fix and check again until no fix applies (at most `max_rounds` rounds)."""
    limits = limits or Limits()
    try:
        text = decode(raw)
    except SourceError as error:
        return FixOutcome(None, (), (error.finding,))
    applied: list[Fix] = []
    for _ in range(max_rounds):
        findings = _checked(text, label, folder, call_override, limits)
        fixes = [finding.fix for finding in findings if finding.fix is not None]
        if not fixes:
            return FixOutcome(text, tuple(applied), findings)
        text, taken = _apply(text, fixes)
        applied.extend(taken)
    return FixOutcome(text, tuple(applied), _checked(text, label, folder, call_override, limits))


def _checked(
    text: str, label: str, folder: FilePath | None, call_override: str | None, limits: Limits
) -> tuple[Finding, ...]:
    from ptce_check.assess import assess_source  # assess imports the checks: only when fixing

    assessment = assess_source(text.encode("utf-8"), label, folder=folder, call_override=call_override, limits=limits)
    return attach_fixes(assessment.findings, text, limits)


def encode_like(original: bytes, text: str) -> bytes:
    """`text` in the encoding of the original file, byte-order mark included."""
    import codecs

    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if original.startswith(bom):
            return bom + text.encode(encoding)
    return text.encode("utf-8")
