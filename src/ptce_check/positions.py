"""Offsets in a text <-> 1-based (line, column), columns counted in Unicode characters and lines
broken as YAML breaks them (CRLF, CR, LF, NEL, LS, PS), so that every position the checker gives
agrees with the parser's."""

from __future__ import annotations

import bisect
import re

from ptce_check.findings import Position

LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class Lines:
    """The line starts of one text, for many lookups."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(match.end() for match in LINE_BREAK.finditer(text))]

    def position(self, offset: int) -> Position:
        index = bisect.bisect_right(self.starts, offset) - 1
        return Position(index + 1, offset - self.starts[index] + 1)

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1


def line_column(text: str, offset: int) -> Position:
    """The position of `offset` in `text`, for a single lookup."""
    return Lines(text[:offset]).position(offset)
