"""One screened dossier as the decision table needs it: a compact row, small enough to keep
for thousands of dossiers, and its full outcome (the `check` JSON object) kept aside."""

from __future__ import annotations

from dataclasses import dataclass

from ptce_check.assessment import Assessment, Verdict
from ptce_check.findings import Severity
from ptce_check.i18n import Text


@dataclass(frozen=True, slots=True)
class Row:
    dossier: str
    call: str | None
    verdict: Verdict
    score: float | None
    #: criterion id -> points, in grid order.
    points: tuple[tuple[str, float], ...]
    requested_grant_eur: float | None
    #: error codes that make the dossier not admissible or invalid, in order of appearance.
    blocking: tuple[str, ...]
    #: first blocking message, for the table.
    reason: Text | None
    pole_name: str | None
    pole_siren: str | None
    member_sirets: tuple[str, ...]
    errors: int
    warnings: int
    infos: int

    def count(self, severity: Severity) -> int:
        return {Severity.ERROR: self.errors, Severity.WARNING: self.warnings, Severity.INFO: self.infos}[severity]


def row_of(assessment: Assessment) -> Row:
    card = assessment.score
    first_error = next((f for f in assessment.findings if f.severity is Severity.ERROR), None)
    summary = assessment.summary
    return Row(
        dossier=assessment.dossier,
        call=assessment.call,
        verdict=assessment.verdict,
        score=card.total if card else None,
        points=tuple((c.id, c.points) for c in card.criteria) if card else (),
        requested_grant_eur=summary.requested_grant_eur,
        blocking=assessment.blocking_codes,
        reason=first_error.message if first_error else None,
        pole_name=summary.pole_name,
        pole_siren=summary.pole_siren,
        member_sirets=summary.member_sirets,
        errors=assessment.count(Severity.ERROR),
        warnings=assessment.count(Severity.WARNING),
        infos=assessment.count(Severity.INFO),
    )


_VERDICT_RANK = {Verdict.ADMISSIBLE: 0, Verdict.NOT_ADMISSIBLE: 1, Verdict.INVALID: 2}


def rank_key(row: Row) -> tuple[int, float, str]:
    """Admissible first, then not admissible, then invalid; by score, highest first; then path."""
    return (_VERDICT_RANK[row.verdict], -(row.score or 0.0), row.dossier)
