"""`check` keeps what a report for people quotes: the dossier's lines and each finding's
mechanical fix, computed from the text it was assessed from (a batch does not: see `screen`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from msgspec.structs import replace

if TYPE_CHECKING:
    from ptce_check.assessment import Assessment
    from ptce_check.decoding import Limits


def with_source(assessment: Assessment, raw: bytes, limits: Limits) -> Assessment:
    """The assessment with its source lines and its findings' fixes; as is when the bytes are
    not text (an invalid dossier has nothing to quote)."""
    from ptce_check.decoding import decode
    from ptce_check.findings import SourceError
    from ptce_check.fixes import attach_fixes
    from ptce_check.positions import LINE_BREAK

    try:
        text = decode(raw)
    except SourceError:
        return assessment
    lines = tuple(LINE_BREAK.split(text))
    return replace(assessment, findings=attach_fixes(assessment.findings, text, limits), source_lines=lines)
