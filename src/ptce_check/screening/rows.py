"""One screened dossier as the parent process keeps it: a compact row (what ranking, the exit
policy, the funding simulation and the summary read: a few hundred bytes), and its details (pole,
identifiers, first reason), spooled with the full outcome and read back when a report needs them."""

from __future__ import annotations

import math
import sys
from itertools import chain
from typing import Any, TypeVar

from msgspec import Struct
from msgspec.structs import replace

from ptce_check.assessment import Assessment, Verdict
from ptce_check.findings import Severity
from ptce_check.i18n import Text
from ptce_check.jsonbytes import dumps, loads

#: Distinct values shared between rows (scores, amounts, criterion grids, blocking codes); past
#: this many, values are kept as they come, so that hostile variety cannot grow the cache.
SHARED_VALUES_LIMIT = 4096

_Value = TypeVar("_Value")
_shared: dict[object, object] = {}


def shared(value: _Value) -> _Value:
    """One object for equal values seen in many rows: floats, and tuples of floats or strings,
    whose items are shared too, the first time such a tuple is seen (an equal one already kept
    is that one, items included)."""
    if isinstance(value, float) and (math.isnan(value) or (value == 0 and math.copysign(1.0, value) < 0)):
        return value  # NaN equals nothing and -0.0 equals 0.0: kept as they are
    key = (type(value), value)
    found = _shared.get(key)
    if found is None:
        if isinstance(value, tuple):
            value = tuple(  # type: ignore[assignment]
                sys.intern(v) if type(v) is str else shared(v) if type(v) is float else v for v in value
            )
            key = (type(value), value)  # the key holds the shared items, not the ones given
        if len(_shared) >= SHARED_VALUES_LIMIT:
            return value
        _shared[key] = found = value
    return found  # type: ignore[return-value]


class Row(Struct, frozen=True):
    dossier: str
    call: str | None
    verdict: Verdict
    score: float | None
    #: criterion ids of the grid, in grid order (one tuple shared by the rows of a grid).
    criteria: tuple[str, ...]
    #: points of each criterion, in the order of `criteria`, by groups of `POINTS_GROUP`
    #: (`grouped`): a grid has few values per criterion, so rows share their groups.
    point_groups: tuple[tuple[float, ...], ...]
    requested_grant_eur: float | None
    #: error codes that make the dossier not admissible or invalid, in order of appearance.
    blocking: tuple[str, ...]
    errors: int
    warnings: int
    infos: int
    #: where the outcome and details are spooled (`OutcomeStore` record number); -1 before.
    record: int = -1

    @property
    def criterion_points(self) -> tuple[float, ...]:
        """Points of each criterion, in the order of `criteria`."""
        return tuple(chain.from_iterable(self.point_groups))

    @property
    def points(self) -> tuple[tuple[str, float], ...]:
        """criterion id -> points, in grid order."""
        return tuple(zip(self.criteria, self.criterion_points, strict=True))

    def __lt__(self, other: Row) -> bool:
        """Rank order (`rank_key`): `rows.sort()` holds no key per row while it sorts."""
        return rank_key(self) < rank_key(other)

    def count(self, severity: Severity) -> int:
        if severity is Severity.ERROR:
            return self.errors
        return self.warnings if severity is Severity.WARNING else self.infos


class Details(Struct, frozen=True):
    """What reports and the duplicates search read of a dossier besides its row."""

    pole_name: str | None
    pole_siren: str | None
    member_sirets: tuple[str, ...]
    #: first blocking message, for the table.
    reason: Text | None

    def to_json(self) -> bytes:
        reason = [self.reason.fr, self.reason.en] if self.reason else None
        return dumps([self.pole_name, self.pole_siren, list(self.member_sirets), reason])

    @classmethod
    def from_json(cls, text: str | bytes) -> Details:
        data: list[Any] = loads(text)
        pole_name, pole_siren, sirets, reason = data
        return cls(pole_name, pole_siren, tuple(sirets), Text(*reason) if reason else None)


#: Criteria per group of points. Of 2 000 synthetic dossiers' 17 criteria, 1 182 rows give
#: different points but only 149 different groups of four: a row holds five shared groups (80
#: bytes) instead of seventeen points (176).
POINTS_GROUP = 4


def grouped(points: tuple[float, ...]) -> tuple[tuple[float, ...], ...]:
    return tuple(points[start : start + POINTS_GROUP] for start in range(0, len(points), POINTS_GROUP))


def row_of(assessment: Assessment) -> Row:
    card = assessment.score
    return Row(
        dossier=assessment.dossier,
        call=assessment.call,
        verdict=assessment.verdict,
        score=card.total if card else None,
        criteria=tuple(c.id for c in card.criteria) if card else (),
        point_groups=grouped(tuple(c.points for c in card.criteria)) if card else (),
        requested_grant_eur=assessment.summary.requested_grant_eur,
        blocking=assessment.blocking_codes,
        errors=assessment.count(Severity.ERROR),
        warnings=assessment.count(Severity.WARNING),
        infos=assessment.count(Severity.INFO),
    )


def details_of(assessment: Assessment) -> Details:
    first_error = next((f for f in assessment.findings if f.severity is Severity.ERROR), None)
    summary = assessment.summary
    return Details(
        pole_name=summary.pole_name,
        pole_siren=summary.pole_siren,
        member_sirets=summary.member_sirets,
        reason=first_error.message if first_error else None,
    )


def kept(row: Row, record: int) -> Row:
    """The row as the parent keeps it: spooled at `record`, values shared with other rows."""
    return replace(
        row,
        call=sys.intern(row.call) if row.call is not None else None,
        score=shared(row.score),
        criteria=shared(row.criteria),
        point_groups=tuple(shared(group) for group in row.point_groups),
        requested_grant_eur=shared(row.requested_grant_eur),
        blocking=shared(row.blocking),
        record=record,
    )


_VERDICT_RANK = {Verdict.ADMISSIBLE: 0, Verdict.NOT_ADMISSIBLE: 1, Verdict.INVALID: 2}


def rank_key(row: Row) -> tuple[int, float, str]:
    """Admissible first, then not admissible, then invalid; by score, highest first; then path."""
    return (_VERDICT_RANK[row.verdict], -(row.score or 0.0), row.dossier)
