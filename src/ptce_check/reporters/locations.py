"""Where a finding is, as machine formats name it: a repository-relative path, a line, a column."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from ptce_check.findings import FILE_START, Finding, Position


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
