"""Where an imported value came from: the spreadsheet's own source map.

A `CellPosition` is a `Position` (line = the row, column = the column's number, both 1-based,
so every reporter that prints line:column still works) that also knows its sheet, its column
letter and the application's ID: `Dossiers!F12`."""

from __future__ import annotations

from ptce_check.findings import Path, Position
from ptce_check.source import SourceMap


def column_letter(index: int) -> str:
    """The letters of a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class CellPosition(Position, frozen=True):
    sheet: str = ""
    letter: str = ""
    application_id: str = ""

    @property
    def reference(self) -> str:
        """`Dossiers!F12`: the cell as a spreadsheet names it."""
        return f"{self.sheet}!{self.letter}{self.line}"

    def cell_fields(self) -> dict[str, str]:
        """What JSON outcomes add to `line`/`column`: `{"sheet", "cell", "application_id"}`."""
        return {"sheet": self.sheet, "cell": f"{self.letter}{self.line}", "application_id": self.application_id}


def cell(sheet: str, row: int, column: int, application_id: str) -> CellPosition:
    """The cell at a 0-based row and column of a sheet."""
    return CellPosition(row + 1, column + 1, sheet, column_letter(column), application_id)


def cell_location(source: str, position: Position) -> str:
    """`export.xlsx:Dossiers!F12` for a cell, `FILE:LINE:COL` for any other position."""
    if isinstance(position, CellPosition):
        return f"{source}:{position.reference}"
    return f"{source}:{position.line}:{position.column}"


class CellMap(SourceMap):
    """Cells by dossier path. A path without a cell of its own resolves to its nearest ancestor
    that has one: a block item to its row, anything else to the application's `ID` cell."""

    def __init__(self, anchor: CellPosition) -> None:
        super().__init__(None)
        self.anchor = anchor
        self.cells: dict[Path, CellPosition] = {}

    def add(self, path: Path, position: CellPosition) -> None:
        self.cells.setdefault(path, position)

    def lookup(self, path: Path, at_key: bool = False) -> Position:
        for end in range(len(path), 0, -1):
            found = self.cells.get(path[:end])
            if found is not None:
                return found
        return self.anchor
