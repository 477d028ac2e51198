"""The decision table shared by every batch format: headers and cells, in ranked order."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath

from ptce_check.assessment import VERDICT_TEXT
from ptce_check.i18n import Lang, Text
from ptce_check.screening.batch import BatchResult
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
}


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str
    numeric: bool


def criterion_ids(result: BatchResult) -> list[str]:
    """Every criterion of the calls in the batch, in grid order, each once."""
    ids: dict[str, None] = {}
    for call in result.calls.values():
        for criterion in call.scoring:
            ids.setdefault(criterion.id, None)
    return list(ids)


def criterion_titles(result: BatchResult, lang: Lang) -> dict[str, str]:
    titles: dict[str, str] = {}
    for call in result.calls.values():
        for criterion in call.scoring:
            titles.setdefault(criterion.id, criterion.title.text.get(lang))
    return titles


def axis_points(result: BatchResult, row: Row) -> dict[str, float]:
    """A row's points summed per axis of its call's grid."""
    if row.call is None or row.call not in result.calls:
        return {}
    axis_of = {c.id: c.axis for c in result.calls[row.call].scoring}
    totals: dict[str, float] = {}
    for criterion, points in row.points:
        axis = axis_of.get(criterion)
        if axis is not None:
            totals[axis] = totals.get(axis, 0.0) + points
    return totals


def axes(result: BatchResult, lang: Lang) -> dict[str, str]:
    """Every axis of the calls in the batch: id -> title (with its maximum when single)."""
    found: dict[str, str] = {}
    for call in result.calls.values():
        for axis in call.axes:
            maximum = sum(c.max_points for c in call.scoring if c.axis == axis.id)
            found.setdefault(axis.id, f"{axis.short.text.get(lang)} /{maximum:g}")
    return found


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


def columns(result: BatchResult, lang: Lang) -> list[Column]:
    titles = criterion_titles(result, lang)
    head = [
        Column(k, COLUMNS[k].get(lang), k in ("rank", "score"))
        for k in ("rank", "dossier", "pole", "call", "verdict", "score")
    ]
    criteria = [Column(f"criterion:{cid}", titles[cid], True) for cid in criterion_ids(result)]
    tail = [Column("requested", COLUMNS["requested"].get(lang), True)]
    if result.funding is not None:
        tail.append(Column("funded", COLUMNS["funded"].get(lang), False))
    tail += [
        Column("blocking", COLUMNS["blocking"].get(lang), False),
        Column("reason", COLUMNS["reason"].get(lang), False),
    ]
    return head + criteria + tail


def cells(result: BatchResult, lang: Lang) -> Iterator[list[Cell]]:
    """The table's lines in ranked order, one at a time (pole names and reasons are read back
    from the spool)."""
    funded = {row.dossier for row in result.funding.funded} if result.funding else set()
    ids = criterion_ids(result)
    for rank, row in enumerate(result.rows, start=1):
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
        line += [points.get(cid) for cid in ids]
        line.append(row.requested_grant_eur)
        if result.funding is not None:
            line.append(_yes_no(row, funded, lang))
        line += [" ".join(row.blocking), details.reason.get(lang) if details.reason else None]
        yield line


YES, NO = Text("oui", "yes"), Text("non", "no")


def _yes_no(row: Row, funded: set[str], lang: Lang) -> str:
    return (YES if row.dossier in funded else NO).get(lang)


def number(value: float, decimal_comma: bool = False) -> str:
    shown = f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return shown.replace(".", ",") if decimal_comma else shown
