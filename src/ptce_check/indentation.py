"""Which line broke the indentation, once the YAML parser has given up.

The parser reports where it could go no further, with a message about what it expected
(`mapping values are not allowed`, `did not find expected key`), which is rarely where the
applicant slipped nor what they should do. Here the lines up to the parser's stop are read as
an outline of block keys and list items: the first key or item that starts at a column where
no open block has its entries is the broken one, and the entry of the nearest level, with its
column, is what it should be aligned on.

Only what looks like a key (`name:`) or a list item (`- `) counts: comments, blank lines,
the lines of a `|` or `>` block and the continuation lines of a long value are skipped, so an
error that is not about indentation (a `:` inside a plain value) finds nothing here.
"""

from __future__ import annotations

import re

from msgspec import Struct

from ptce_check.findings import Position, SourceError, fail
from ptce_check.i18n import Text
from ptce_check.textsafe import escape_key

#: What the parser says when a line is indented as no open block is.
INDENTATION_PROBLEMS = frozenset(
    {
        "mapping values are not allowed in this context",
        "did not find expected key",
        "did not find expected '-' indicator",
        "did not find expected <document start>",
        "block sequence entries are not allowed in this context",
    }
)

_LINE = re.compile(r"(?P<indent> *)(?P<dashes>(?:-(?: +|$))*)(?P<rest>.*)")
_KEY = re.compile(r"(?P<key>\"[^\"]*\"|'[^']*'|[^\s#'\"\[\]{},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?:[ \t]+|$)")


class Level(Struct, frozen=True):
    """An open block's entry: a key or a list item (`key` None), its 0-based column and line."""

    column: int
    key: str | None
    line: int


class Misaligned(Struct, frozen=True):
    """The first entry that starts where no open block has its entries, and the level it
    should be aligned on (the nearest one; None when nothing is open at that depth)."""

    line: int
    column: int
    key: str | None
    expected: Level | None


class _Entry(Struct):
    line: int
    column: int
    key: str | None
    #: The entry's own levels, outermost first (`- name: A` is an item, then a key).
    levels: list[Level]
    value: str


def _entries(line: str, number: int) -> _Entry | None:
    match = _LINE.fullmatch(line.rstrip("\r"))
    if match is None:
        return None
    indent, dashes, rest = len(match["indent"]), match["dashes"], match["rest"]
    if not dashes and (not rest or rest.startswith("#")):
        return None
    levels: list[Level] = []
    column = indent
    for dash in re.finditer(r"-(?: +|$)", dashes):
        levels.append(Level(indent + dash.start(), None, number))
        column = indent + dash.end()
    key = _KEY.match(rest)
    if key is None:
        if not levels:
            return None  # a continuation line of a long value, not an entry
        return _Entry(number, indent, None, levels, rest)
    name = key["key"].strip("\"'")
    levels.append(Level(column, name, number))
    return _Entry(number, indent, name if len(levels) == 1 else None, levels, rest[key.end() :])


def _opens_block(value: str) -> bool:
    """`key:` with nothing after it (or a comment): its entries are on the next lines."""
    return not value.strip() or value.lstrip().startswith("#")


def _block_scalar(value: str) -> bool:
    return value.lstrip()[:1] in ("|", ">")


def find_misaligned(lines: list[str], stop_line: int) -> Misaligned | None:
    """The first misaligned entry on lines 1 to `stop_line` (1-based), if any."""
    open_levels: list[Level] = []
    child_of: int | None = None  # the column the next entry must exceed, after `key:`
    scalar_above: int | None = None  # inside a `|` or `>` block: lines deeper than this
    for number, line in enumerate(lines[:stop_line], start=1):
        if scalar_above is not None:
            if not line.strip() or len(line) - len(line.lstrip(" ")) > scalar_above:
                continue
            scalar_above = None
        entry = _entries(line, number)
        if entry is None:
            continue
        nested = child_of is not None and (
            entry.column > child_of or (entry.key is None and entry.column == child_of)
        )  # a list may be written at its key's own column (`members:` then `- name:`)
        if not nested:
            broken = _close_levels(open_levels, entry)
            if broken is not None:
                return broken
        open_levels.extend(entry.levels)
        child_of = None
        if _block_scalar(entry.value):
            scalar_above = entry.levels[-1].column
        elif _opens_block(entry.value):
            child_of = entry.levels[-1].column
    return None


def _close_levels(open_levels: list[Level], entry: _Entry) -> Misaligned | None:
    """Close the levels deeper than `entry`, and the sibling it replaces; a misalignment when
    no open level starts at its column."""
    deeper: Level | None = None
    while open_levels and open_levels[-1].column > entry.column:
        deeper = open_levels.pop()
    if not open_levels or open_levels[-1].column == entry.column:
        if open_levels:
            open_levels.pop()
        return None
    kind = entry.levels[0].key is None
    same_kind = [level for level in (*open_levels, deeper) if level is not None and (level.key is None) == kind]
    candidates = [level for level in (deeper, same_kind[-1] if same_kind else None) if level in same_kind]
    expected = min(candidates, key=lambda level: (abs(level.column - entry.column), -level.column), default=None)
    return Misaligned(entry.line, entry.column, entry.levels[0].key, expected)


def misaligned_error(found: Misaligned) -> SourceError:
    what = (
        (f"la clé « {escape_key(found.key)} »", f"key '{escape_key(found.key)}'")
        if found.key is not None
        else ("l'élément de liste « - »", "the list item '-'")
    )
    position = Position(found.line, found.column + 1)
    expected = found.expected
    if expected is None:
        return fail(
            "PTCE-F01",
            Text(
                f"indentation incohérente\u00a0: {what[0]} commence colonne {found.column + 1}",
                f"inconsistent indentation: {what[1]} starts at column {found.column + 1}",
            ),
            position,
        )
    other = (
        (f"« {escape_key(expected.key)} »", f"'{escape_key(expected.key)}'")
        if expected.key is not None
        else ("l'élément « - »", "the item '-'")
    )
    spaces = expected.column
    return fail(
        "PTCE-F01",
        Text(
            f"indentation incohérente\u00a0: {what[0]} commence colonne {found.column + 1}, "
            f"mais {other[0]} (ligne {expected.line}), au même niveau, commence colonne {spaces + 1}",
            f"inconsistent indentation: {what[1]} starts at column {found.column + 1}, "
            f"but {other[1]} (line {expected.line}), at the same level, starts at column {spaces + 1}",
        ),
        position,
        Text(
            f"indentez cette ligne de {spaces} espace{'s' if spaces > 1 else ''}, comme {other[0]}",
            f"indent this line by {spaces} space{'s' if spaces != 1 else ''}, like {other[1]}",
        ),
    )
