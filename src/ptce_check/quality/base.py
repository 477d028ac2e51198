"""Helpers shared by the data-quality checks."""

from __future__ import annotations

from ptce_check.codes import CODES
from ptce_check.findings import Finding, Path
from ptce_check.i18n import Text


def finding(code: str, path: Path, message: Text, hint: Text | None = None, at_key: bool = False) -> Finding:
    """A finding with the code's default severity."""
    return Finding(code, CODES[code].severity, message, path, hint, at_key=at_key)
