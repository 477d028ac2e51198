"""The batch summary: counts, score quartiles, most frequent blocking rules, money asked."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence

from msgspec import Struct

from ptce_check.assessment import Verdict, tally
from ptce_check.screening.rows import Row

TOP_BLOCKING = 10


class BatchSummary(Struct, frozen=True):
    files: int
    admissible: int
    not_admissible: int
    invalid: int
    skipped: int
    #: min, first quartile, median, third quartile, max of the readable dossiers' scores.
    quartiles: tuple[float, float, float, float, float] | None
    #: (code, number of dossiers it blocks), most frequent first.
    blocking: tuple[tuple[str, int], ...]
    requested_total_eur: float
    requested_admissible_eur: float
    envelope_eur: float | None
    #: criterion id -> average points over readable dossiers, in grid order.
    criteria_averages: tuple[tuple[str, float], ...]


def quartiles(values: Sequence[float]) -> tuple[float, float, float, float, float] | None:
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        only = ordered[0]
        return (only, only, only, only, only)
    q1, q2, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    return (ordered[0], round(q1, 2), round(q2, 2), round(q3, 2), ordered[-1])


def _criteria_averages(rows: Sequence[Row]) -> tuple[tuple[str, float], ...]:
    totals: dict[str, float] = {}
    counts: Counter[str] = Counter()
    for row in rows:
        for criterion, points in row.points:
            totals[criterion] = totals.get(criterion, 0.0) + points
            counts[criterion] += 1
    return tuple((criterion, round(total / counts[criterion], 2)) for criterion, total in totals.items())


def summarise(rows: Sequence[Row], skipped: int, envelope_eur: float | None, *, per_grid: bool = True) -> BatchSummary:
    """`per_grid=False` for rows of several calls: no quartiles or averages, which would mix
    scores of different grids."""
    by_verdict = tally(rows)
    scores = [row.score for row in rows if row.score is not None] if per_grid else []
    blocking = Counter(code for row in rows for code in row.blocking)
    return BatchSummary(
        files=len(rows),
        admissible=by_verdict[Verdict.ADMISSIBLE],
        not_admissible=by_verdict[Verdict.NOT_ADMISSIBLE],
        invalid=by_verdict[Verdict.INVALID],
        skipped=skipped,
        quartiles=quartiles(scores),
        blocking=tuple(sorted(blocking.items(), key=lambda item: (-item[1], item[0]))[:TOP_BLOCKING]),
        requested_total_eur=sum(row.requested_grant_eur or 0.0 for row in rows),
        requested_admissible_eur=sum(
            row.requested_grant_eur or 0.0 for row in rows if row.verdict is Verdict.ADMISSIBLE
        ),
        envelope_eur=envelope_eur,
        criteria_averages=_criteria_averages([row for row in rows if row.score is not None]) if per_grid else (),
    )
