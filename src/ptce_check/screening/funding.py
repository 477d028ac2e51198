"""Envelope simulation: walk the admissible dossiers from the best score down and fund each
whose request still fits in what is left.

Ties on score are broken deterministically: the smaller request first (it leaves more for the
others), then the dossier's path in alphabetical order. A dossier that is the same pole as one
already funded (same SIREN or same name: a detected duplicate) is skipped, with the reason, so
that no pole is funded twice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from msgspec import Struct

from ptce_check.assessment import Verdict
from ptce_check.screening.conflicts import Conflict
from ptce_check.screening.rows import Row


class SkippedDuplicate(Struct, frozen=True):
    row: Row
    #: the funded dossier it duplicates, and what they share.
    duplicate_of: str
    conflict: Conflict


class Funding(Struct, frozen=True):
    budget_eur: float
    #: in funding order.
    funded: tuple[Row, ...]
    #: admissible dossiers whose request did not fit when their turn came.
    unfunded: tuple[Row, ...]
    cutoff_score: float | None
    remaining_eur: float
    #: admissible dossiers skipped as duplicates of a funded one.
    duplicates: tuple[SkippedDuplicate, ...] = ()


def funding_order(row: Row) -> tuple[float, float, str]:
    return (-(row.score or 0.0), row.requested_grant_eur or 0.0, row.dossier)


def _funded_twin(
    row: Row, same_pole: Mapping[str, Sequence[Conflict]], funded: set[str]
) -> tuple[str, Conflict] | None:
    for conflict in same_pole.get(row.dossier, ()):
        for other in conflict.dossiers:
            if other != row.dossier and other in funded:
                return other, conflict
    return None


def simulate(
    rows: Sequence[Row], budget_eur: float, same_pole: Mapping[str, Sequence[Conflict]] | None = None
) -> Funding:
    """`same_pole`: dossier -> the conflicts naming the other files of the same pole."""
    remaining = budget_eur
    funded: list[Row] = []
    funded_paths: set[str] = set()
    unfunded: list[Row] = []
    duplicates: list[SkippedDuplicate] = []
    for row in sorted((r for r in rows if r.verdict is Verdict.ADMISSIBLE), key=funding_order):
        twin = _funded_twin(row, same_pole or {}, funded_paths)
        if twin is not None:
            duplicates.append(SkippedDuplicate(row, *twin))
            continue
        request = row.requested_grant_eur or 0.0
        if request <= remaining + 1e-9:
            funded.append(row)
            funded_paths.add(row.dossier)
            remaining -= request
        else:
            unfunded.append(row)
    cutoff = min((row.score for row in funded if row.score is not None), default=None)
    return Funding(budget_eur, tuple(funded), tuple(unfunded), cutoff, round(remaining, 2), tuple(duplicates))
