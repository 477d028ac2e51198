"""Findings: what a check reports, where, and how bad it is."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from msgspec import Struct

from ptce_check.i18n import Text
from ptce_check.lazy import remembered

if TYPE_CHECKING:
    from ptce_check.edits import Fix

Path = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Position(Struct, frozen=True):
    """1-based line and column, counted in Unicode characters."""

    line: int
    column: int


FILE_START = Position(1, 1)


class Cause(Struct, frozen=True):
    """Which finding another one follows from: its code and path (file coordinates)."""

    code: str
    path: Path


class Finding(Struct, frozen=True):
    code: str
    severity: Severity
    message: Text
    path: Path = ()
    hint: Text | None = None
    position: Position | None = None
    #: True when the position points at the key itself rather than at its value.
    at_key: bool = False
    #: The finding this one follows from (a value set aside, a code that could not be read).
    caused_by: Cause | None = None
    #: The mechanical fix, when there is one (`ptce_check.fixes.attach_fixes` computes it).
    fix: Fix | None = None

    def _compared(self) -> tuple[object, ...]:
        """What makes two findings the same: not where the position points (key or value)
        nor the fix that was computed for it."""
        return (self.code, self.severity, self.message, self.path, self.hint, self.position, self.caused_by)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Finding:
            return NotImplemented
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    @property
    def cause(self) -> Cause:
        """This finding as the cause of others."""
        return Cause(self.code, self.path)


def _format_path(path: Path) -> str:
    """`members[2].siret`, `budget.expenses[0].amounts.2016`; the whole file is ``""``."""
    parts: list[str] = []
    for step in path:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        elif parts:
            parts.append(f".{step}")
        else:
            parts.append(step)
    return "".join(parts)


#: Each dossier's outcome writes the same few dozen paths (its members', its grid's); a long one
#: (a hostile key) is written each time, not remembered.
format_path = remembered(_format_path, limit=4096, keep=lambda _, written: len(written) <= 120)


def sort_key(finding: Finding) -> tuple[int, int, int, str]:
    position = finding.position or FILE_START
    return (position.line, position.column, SEVERITY_RANK[finding.severity], finding.code)


class SourceError(Exception):
    """The input cannot be read as a dossier; carries the finding that says why."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message.en)
        self.finding = finding


def fail(code: str, message: Text, position: Position = FILE_START, hint: Text | None = None) -> SourceError:
    return SourceError(Finding(code, Severity.ERROR, message, (), hint, position))
