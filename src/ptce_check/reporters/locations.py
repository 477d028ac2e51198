"""Where a finding is, as machine formats name it: a repository-relative path, a line, a column;
for an application imported from an online-form export, the export file and the cell."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from ptce_check.findings import FILE_START, Finding, Position
from ptce_check.i18n import COLON, Lang
from ptce_check.intake.cells import CellPosition


def position(finding: Finding) -> Position:
    """Findings about the whole file have no position: they are at 1:1."""
    return finding.position or FILE_START


def relative_path(dossier: str, base: Path | None = None) -> str:
    """The dossier as a path relative to `base` (the current directory, where CI runs from the
    repository root), with forward slashes; a path outside `base` stays absolute."""
    path = Path(dossier)
    if path.is_absolute():
        try:
            path = path.relative_to(base or Path.cwd())
        except ValueError:
            return path.as_posix()
    return PurePosixPath(os.path.normpath(path)).as_posix()


def cell_of(finding: Finding) -> CellPosition | None:
    """The spreadsheet cell of a finding on an imported value; None for a dossier file's position."""
    return finding.position if isinstance(finding.position, CellPosition) else None


def source_file(dossier: str, finding: Finding) -> str:
    """The file a finding is in: the export itself (`export.xlsx`) for an application of it
    (`export.xlsx#ID`), the dossier otherwise."""
    cell = cell_of(finding)
    suffix = f"#{cell.application_id}" if cell is not None else ""
    return dossier[: -len(suffix)] if suffix and dossier.endswith(suffix) else dossier


def located(dossier: str, finding: Finding) -> str:
    """`export.xlsx:Dossiers!F12` for a cell, `FILE:LINE:COL` for a dossier file (unescaped)."""
    cell = cell_of(finding)
    if cell is not None:
        return f"{source_file(dossier, finding)}:{cell.reference}"
    found = position(finding)
    return f"{dossier}:{found.line}:{found.column}"


def with_cell(finding: Finding, message: str, lang: Lang) -> str:
    """`Dossiers!F12 (ID 101) : message` for formats whose location holds no cell; the message as it is otherwise."""
    cell = cell_of(finding)
    return message if cell is None else f"{cell.reference} (ID {cell.application_id}){COLON.get(lang)} {message}"


def cell_fields(finding: Finding) -> dict[str, str]:
    """`{"sheet", "cell", "application_id"}` of a finding on an imported value; empty otherwise."""
    cell = cell_of(finding)
    return {} if cell is None else cell.cell_fields()
