"""The decision table shared by every batch format: headers and cells, in ranked order."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import PurePath

from msgspec import Struct

from ptce_check.assessment import VERDICT_TEXT
from ptce_check.calls import Call
from ptce_check.i18n import COLON, Lang, Text
from ptce_check.screening.batch import BatchResult, CallGroup
from ptce_check.screening.review_views import detail
from ptce_check.screening.reviews import NOT_SCORED, Reviews
from ptce_check.screening.rows import Row

Cell = str | float | None

COLUMNS = {
    "rank": Text("Rang", "Rank"),
    "dossier": Text("Dossier", "Dossier"),
    "pole": Text("Pôle", "Pole"),
    "call": Text("Appel", "Call"),
    "verdict": Text("Verdict", "Verdict"),
    "score": Text("Score", "Score"),
    "requested": Text("Subvention demandée (€)", "Requested grant (€)"),
    "funded": Text("Financé", "Funded"),
    "blocking": Text("Motifs bloquants", "Blocking reasons"),
    "reason": Text("Premier motif", "First reason"),
    "requested_short": Text("Demandé", "Requested"),
    "reviews": Text("Notes des relecteurs", "Reviewers' scores"),
}


class Column(Struct, frozen=True):
    key: str
    title: str
    numeric: bool


def _scope(result: BatchResult, group: CallGroup | None) -> tuple[CallGroup, ...]:
    return (group,) if group is not None else result.groups


def criterion_keys(result: BatchResult, group: CallGroup | None = None) -> list[tuple[str, str]]:
    """(call id, criterion id) of every criterion of the calls in scope, in grid order: the
    same id in two calls' grids is two columns, since their titles and maxima differ."""
    return [
        (g.call.id, criterion.id) for g in _scope(result, group) if g.call is not None for criterion in g.call.scoring
    ]


def criterion_titles(result: BatchResult, lang: Lang, group: CallGroup | None = None) -> dict[tuple[str, str], str]:
    """Column titles; prefixed with the call's id when the columns of several calls sit side by side."""
    prefixed = group is None and result.several_calls
    titles: dict[tuple[str, str], str] = {}
    for g in _scope(result, group):
        if g.call is None:
            continue
        for criterion in g.call.scoring:
            title = criterion.title.text.get(lang)
            titles[(g.call.id, criterion.id)] = f"{g.call.id}{COLON.get(lang)} {title}" if prefixed else title
    return titles


def axis_points(call: Call | None, row: Row) -> dict[str, float]:
    """A row's points summed per axis of its call's grid."""
    if call is None or row.call != call.id:
        return {}
    axis_of = {c.id: c.axis for c in call.scoring}
    totals: dict[str, float] = {}
    for criterion, points in row.points:
        axis = axis_of.get(criterion)
        if axis is not None:
            totals[axis] = totals.get(axis, 0.0) + points
    return totals


def axes(call: Call | None, lang: Lang) -> dict[str, str]:
    """The axes of a call's grid: id -> short title with its maximum."""
    found: dict[str, str] = {}
    if call is None:
        return found
    for axis in call.axes:
        maximum = sum(c.max_points for c in call.scoring if c.axis == axis.id)
        found[axis.id] = f"{axis.short.text.get(lang)} /{maximum:g}"
    return found


def funded_paths(result: BatchResult, group: CallGroup | None = None) -> set[str]:
    return {row.dossier for g in _scope(result, group) if g.funding for row in g.funding.funded}


def simulated(result: BatchResult, group: CallGroup | None = None) -> bool:
    return any(g.funding is not None for g in _scope(result, group))


def common_folder(result: BatchResult) -> str:
    """The folder all screened paths share ("" when none), to show shorter paths in tables."""
    folders = {str(PurePath(row.dossier).parent) for row in result.rows}
    if not folders:
        return ""
    try:
        common = os.path.commonpath(sorted(folders))
    except ValueError:
        return ""
    return "" if common in ("", ".") else common


def shorten(dossier: str, base: str) -> str:
    return os.path.relpath(dossier, base) if base else dossier


def columns(result: BatchResult, lang: Lang, group: CallGroup | None = None) -> list[Column]:
    """The table's columns, of one call (`group`) or of the whole batch."""
    titles = criterion_titles(result, lang, group)
    head = [
        Column(k, COLUMNS[k].get(lang), k in ("rank", "score"))
        for k in ("rank", "dossier", "pole", "call", "verdict", "score")
    ]
    criteria = [
        Column(f"criterion:{cid}:{key}", titles[(cid, key)], True) for cid, key in criterion_keys(result, group)
    ]
    tail = [Column("reviews", COLUMNS["reviews"].get(lang), False)] if result.reviews is not None else []
    tail.append(Column("requested", COLUMNS["requested"].get(lang), True))
    if simulated(result, group):
        tail.append(Column("funded", COLUMNS["funded"].get(lang), False))
    tail += [
        Column("blocking", COLUMNS["blocking"].get(lang), False),
        Column("reason", COLUMNS["reason"].get(lang), False),
    ]
    return head + criteria + tail


def cells(result: BatchResult, lang: Lang, group: CallGroup | None = None) -> Iterator[list[Cell]]:
    """The table's lines, ranked within each call, one at a time (pole names and reasons are
    read back from the spool)."""
    funded = funded_paths(result, group)
    keys = criterion_keys(result, group)
    with_funding = simulated(result, group)
    for g in _scope(result, group):
        for rank, row in enumerate(g.rows, start=1):
            details = result.store.details(row.record)
            points = dict(row.points)
            line: list[Cell] = [
                float(rank),
                row.dossier,
                details.pole_name,
                row.call,
                VERDICT_TEXT[row.verdict].get(lang),
                row.score,
            ]
            line += [points.get(key) if call_id == row.call else None for call_id, key in keys]
            if result.reviews is not None:
                line = _flag_unscored(line, len(line) - len(keys), keys, row, result.reviews, lang)
                line.append(detail(result.reviews.of(row.dossier), lang))
            line.append(row.requested_grant_eur)
            if with_funding:
                line.append(_yes_no(row, funded, lang))
            line += [" ".join(row.blocking), details.reason.get(lang) if details.reason else None]
            yield line


def _flag_unscored(
    line: list[Cell], start: int, keys: list[tuple[str, str]], row: Row, reviews: Reviews, lang: Lang
) -> list[Cell]:
    """A reviewer criterion nobody scored shows « non noté », not 0 points."""
    unscored = set(reviews.unscored(row.dossier))
    for offset, (call_id, key) in enumerate(keys):
        if call_id == row.call and key in unscored:
            line[start + offset] = NOT_SCORED.get(lang)
    return line


YES, NO = Text("oui", "yes"), Text("non", "no")


def _yes_no(row: Row, funded: set[str], lang: Lang) -> str:
    return (YES if row.dossier in funded else NO).get(lang)


def call_label(group: CallGroup, lang: Lang) -> str:
    """How a call is named over its tables and sections."""
    if group.call is None:
        return UNKNOWN_CALL.get(lang) if group.call_id is None else group.call_id
    return f"{group.call.id} — {group.call.title.text.get(lang)}"


UNKNOWN_CALL = Text("appel inconnu (dossiers illisibles)", "unknown call (unreadable dossiers)")


def number(value: float, decimal_comma: bool = False) -> str:
    shown = f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return shown.replace(".", ",") if decimal_comma else shown
