"""Envelope simulation: walk the admissible dossiers from the best score down and fund each
whose request still fits in what is left.

Ties on score are broken deterministically: the smaller request first (it leaves more for the
others), then the dossier's path in alphabetical order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ptce_check.assessment import Verdict
from ptce_check.screening.rows import Row


@dataclass(frozen=True, slots=True)
class Funding:
    budget_eur: float
    funded: tuple[Row, ...]
    #: admissible dossiers whose request did not fit when their turn came.
    unfunded: tuple[Row, ...]
    cutoff_score: float | None
    remaining_eur: float


def funding_order(row: Row) -> tuple[float, float, str]:
    return (-(row.score or 0.0), row.requested_grant_eur or 0.0, row.dossier)


def simulate(rows: Sequence[Row], budget_eur: float) -> Funding:
    remaining = budget_eur
    funded: list[Row] = []
    unfunded: list[Row] = []
    for row in sorted((r for r in rows if r.verdict is Verdict.ADMISSIBLE), key=funding_order):
        request = row.requested_grant_eur or 0.0
        if request <= remaining + 1e-9:
            funded.append(row)
            remaining -= request
        else:
            unfunded.append(row)
    cutoff = min((row.score for row in funded if row.score is not None), default=None)
    return Funding(budget_eur, tuple(funded), tuple(unfunded), cutoff, round(remaining, 2))
