"""A finding's source line and a caret under what it is about (as rustc, ruff and Elm show
them), as plain text any format can lay out; and word wrapping that keeps an indent.

The line is escaped (`textsafe`) before it is measured, so the caret stays under the value
whatever the line holds (tabs, control characters, wide characters)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from msgspec import Struct
from rich.cells import cell_len

from ptce_check.findings import Finding
from ptce_check.textsafe import escape_all_controls

#: Where a value written plain ends when no fix says how long it is.
_TOKEN = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s,\]}#]+|\S""")
#: A word for wrapping, with the French quotes and the spaced punctuation that stay with it; a
#: no-break space (`1 500 000 €`, `dépôt : le`) never breaks, though Python counts it as a space.
_WORD = re.compile(r"(?:«\s+)?(?:[^\s]|[\u00a0\u202f])+(?:\s+[»:;!?](?!\S))*")
_ELLIPSIS = "…"


class Excerpt(Struct, frozen=True):
    line_number: int
    #: The source line, escaped, cut to fit (with `…` where it was cut).
    text: str
    #: Cells before the caret, and how many carets.
    caret_start: int
    caret_width: int

    @property
    def caret(self) -> str:
        return " " * self.caret_start + "^" * self.caret_width


def _span_length(finding: Finding, line: str, column: int) -> int:
    """Characters the caret covers: the fix's edit when it is on this line, else the word there."""
    line_number = finding.position.line if finding.position else 0
    for edit in finding.fix.edits if finding.fix is not None else ():
        # A quoted value's edit is inside its quotes: the caret covers them too.
        quoted = edit.start_column == column + 1 and line[column - 1 : column] in ("'", '"')
        if edit.start_line == edit.end_line == line_number and (edit.start_column == column or quoted):
            return max(1, edit.end_column - column + quoted)
    match = _TOKEN.match(line, column - 1)
    return len(match.group()) if match else 1


def excerpt(lines: Sequence[str] | None, finding: Finding, width: int | None = None) -> Excerpt | None:
    """The excerpt of `finding`, the line cut to `width` cells; None without a position or lines,
    or for a finding about the whole file at 1:1 on an empty line."""
    position = finding.position
    if lines is None or position is None or not 1 <= position.line <= len(lines):
        return None
    line = lines[position.line - 1]
    if not line.strip():
        return None
    column = min(max(position.column, 1), len(line) + 1)
    length = _span_length(finding, line, column)
    before = escape_all_controls(line[: column - 1])
    marked = escape_all_controls(line[column - 1 : column - 1 + length]) or " "
    after = escape_all_controls(line[column - 1 + length :])
    return _fitted(position.line, before, marked, after, width)


def _fitted(number: int, before: str, marked: str, after: str, width: int | None) -> Excerpt:
    """The line cut on the left and the right so that the marked part shows within `width`."""
    if width is not None and cell_len(before + marked + after) > width:
        room = max(width - cell_len(marked) - 2, 8)
        if cell_len(before) > room // 2:
            before = _ELLIPSIS + _last_cells(before, room // 2)
        after = _first_cells(after, max(room - cell_len(before), 0))
    return Excerpt(number, before + marked + after, cell_len(before), max(cell_len(marked), 1))


def _last_cells(text: str, cells: int) -> str:
    kept = ""
    for character in reversed(text):
        if cell_len(kept) + cell_len(character) > cells:
            break
        kept = character + kept
    return kept


def _first_cells(text: str, cells: int) -> str:
    if cell_len(text) <= cells:
        return text
    kept = ""
    for character in text:
        if cell_len(kept) + cell_len(character) > cells - 1:
            break
        kept += character
    return kept + _ELLIPSIS


def longest_word(text: str) -> int:
    """The cells of the widest unbreakable run of `text`: the narrowest it can be wrapped."""
    return max((cell_len(match.group()) for match in _WORD.finditer(text)), default=0)


def wrap_offsets(text: str, width: int, first_indent: int, next_indent: int) -> list[int]:
    """Where to break `text` (offsets of the first character of each continuation line) so that
    no line is wider than `width`: at spaces only, never inside a word (a word longer than a
    line stays whole, on a line of its own). The first line starts `first_indent` cells in, the others
    `next_indent` cells in."""
    breaks: list[int] = []
    used = first_indent
    position = 0
    for match in _WORD.finditer(text):
        word_start, word = match.start(), match.group()
        gap = cell_len(text[position:word_start])
        if used + gap + cell_len(word) > width and used > (first_indent if not breaks else next_indent):
            breaks.append(word_start)
            used = next_indent
            gap = 0
        used += gap + cell_len(word)
        position = match.end()
    return breaks
