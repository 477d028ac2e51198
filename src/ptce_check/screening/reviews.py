"""Reviewers' own scores (`screen --reviews FILE.csv`): the criteria of a grid that no program
can judge (`kind: reviewer`) scored by people, merged into the batch.

The file is a CSV in UTF-8 (with or without BOM), separated by `,` or `;` (guessed from the
header line), read like a `--reference` list: a regular file only, within `--max-bytes`. Its
header names five columns, in any order: `dossier` (the application's ID or the dossier's path),
`criterion`, `points` (a decimal comma is read), `reviewer` and `comment` (French names are
read too: `id`, `critère`, `note`, `relecteur`, `commentaire`).

Every problem is a usage error at `FILE:LINE` (exit status 2): an unknown criterion or points
above its maximum before any dossier is read (the calls are known), an unknown dossier once the
batch is discovered. Per dossier and criterion the score is the mean of the reviewers' points,
rounded as the grid rounds (two decimals); the dossier's combined score, the automatic points
plus those means, ranks it and decides the envelope simulation.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path, PurePath

from msgspec import Struct, field
from msgspec.structs import replace

from ptce_check.calls import Call, Criterion
from ptce_check.decoding import Limits
from ptce_check.errors import UserError
from ptce_check.i18n import Text
from ptce_check.screening.rows import Row, grouped
from ptce_check.territory.user_lists import read_list_text
from ptce_check.textsafe import escape_all_controls

REVIEWER_KIND = "reviewer"
#: Column -> the header names read for it (lower case, accents as written).
HEADERS = {
    "dossier": ("dossier", "id", "application", "path", "chemin"),
    "criterion": ("criterion", "critère", "critere"),
    "points": ("points", "note"),
    "reviewer": ("reviewer", "relecteur", "relectrice"),
    "comment": ("comment", "commentaire"),
}
REQUIRED = ("dossier", "criterion", "points", "reviewer")
NOT_SCORED = Text("non noté", "not scored")


class Review(Struct, frozen=True):
    reviewer: str
    points: float
    comment: str


class ReviewLine(Struct, frozen=True):
    """One line of the file, as read: where it is and what it says."""

    line: int
    dossier: str
    criterion: str
    review: Review


class ReviewSheet(Struct, frozen=True):
    #: The file's name as shown in messages (escaped).
    label: str
    lines: tuple[ReviewLine, ...]

    def error(self, line: int, message: Text) -> UserError:
        return UserError(Text(f"{self.label}:{line}\u00a0: {message.fr}", f"{self.label}:{line}: {message.en}"))


class CriterionReviews(Struct, frozen=True):
    """A reviewer criterion of one dossier: who scored what, and the mean (None: nobody)."""

    criterion: str
    max_points: float
    reviews: tuple[Review, ...]

    @property
    def mean(self) -> float | None:
        if not self.reviews:
            return None
        return round(sum(review.points for review in self.reviews) / len(self.reviews), 2)


class Reviews(Struct):
    """The merged reviews: per dossier (its row's `dossier`), the reviewer criteria of its call,
    in grid order. Kept beside the rows, never written into the spooled outcomes."""

    label: str
    by_dossier: dict[str, tuple[CriterionReviews, ...]] = field(default_factory=dict)
    #: Each reviewed dossier's automatic score (its row holds the combined one).
    automatic: dict[str, float] = field(default_factory=dict)

    def of(self, dossier: str) -> tuple[CriterionReviews, ...]:
        return self.by_dossier.get(dossier, ())

    def unscored(self, dossier: str) -> list[str]:
        """The reviewer criteria of the dossier's grid that nobody scored."""
        return [item.criterion for item in self.of(dossier) if not item.reviews]


# --- reading --------------------------------------------------------------------------------


def read_reviews(path: Path, limits: Limits | None = None) -> ReviewSheet:
    """Read the file and check each line's shape; every problem a UserError at `FILE:LINE`."""
    label, text = escape_all_controls(str(path)), read_list_text(path, limits or Limits())
    sheet = ReviewSheet(label, ())
    header_line = text.split("\n", 1)[0]
    separator = ";" if header_line.count(";") > header_line.count(",") else ","
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        columns = _columns(next(rows, []), sheet)
        lines = tuple(_lines(rows, columns, sheet))
    except csv.Error as error:
        reason = escape_all_controls(str(error))
        raise sheet.error(rows.line_num, Text(f"CSV illisible ({reason})", f"unreadable CSV ({reason})")) from error
    if not lines:
        raise sheet.error(1, Text("aucune note", "no review"))
    _refuse_repeats(lines, sheet)
    return replace(sheet, lines=lines)


def _columns(header: list[str], sheet: ReviewSheet) -> dict[str, int]:
    names = [name.strip().lower() for name in header]
    found: dict[str, int] = {}
    for column, accepted in HEADERS.items():
        for index, name in enumerate(names):
            if name in accepted:
                found.setdefault(column, index)
    missing = [column for column in REQUIRED if column not in found]
    if missing:
        read = escape_all_controls(", ".join(names)) or "—"
        wanted = ", ".join(missing)
        raise sheet.error(
            1,
            Text(
                f"colonnes absentes\u00a0: {wanted} (colonnes lues\u00a0: {read})",
                f"missing columns: {wanted} (read: {read})",
            ),
        )
    return found


def _lines(rows: Iterator[list[str]], columns: dict[str, int], sheet: ReviewSheet) -> Iterator[ReviewLine]:
    width = max(columns.values()) + 1
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        line = getattr(rows, "line_num", 0)
        if len(row) < width:
            raise sheet.error(
                line, Text(f"{len(row)} champs, {width} attendus", f"{len(row)} fields, {width} expected")
            )
        cells = {column: row[index].strip() for column, index in columns.items()}
        for column in REQUIRED:
            if not cells[column]:
                raise sheet.error(line, Text(f"colonne {column} vide", f"column {column} empty"))
        review = Review(cells["reviewer"], _points(cells["points"], line, sheet), cells.get("comment", ""))
        yield ReviewLine(line, cells["dossier"], cells["criterion"], review)


def _points(written: str, line: int, sheet: ReviewSheet) -> float:
    try:
        value = float(written.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        shown = escape_all_controls(written)
        raise sheet.error(
            line,
            Text(f"points « {shown} »\u00a0: un nombre positif ou nul", f"points '{shown}': a number, zero or more"),
        )
    return value


def _refuse_repeats(lines: Sequence[ReviewLine], sheet: ReviewSheet) -> None:
    first: dict[tuple[str, str, str], int] = {}
    for item in lines:
        key = (item.dossier, item.criterion, item.review.reviewer.casefold())
        if key in first:
            who = escape_all_controls(item.review.reviewer)
            raise sheet.error(
                item.line,
                Text(
                    f"{who} a déjà noté ce critère de ce dossier (ligne {first[key]})",
                    f"{who} already scored this criterion of this dossier (line {first[key]})",
                ),
            )
        first[key] = item.line


# --- checks against the calls ---------------------------------------------------------------


def reviewer_criteria(call: Call) -> list[Criterion]:
    return [criterion for criterion in call.scoring if criterion.kind == REVIEWER_KIND]


def check_criteria(sheet: ReviewSheet, calls: Iterable[Call]) -> None:
    """Before screening: each line's criterion is a reviewer criterion of one of `calls` (the
    `--call` given, else the shipped calls), its points within the largest maximum it has."""
    maxima: dict[str, float] = {}
    for call in calls:
        for criterion in reviewer_criteria(call):
            maxima[criterion.id] = max(maxima.get(criterion.id, 0.0), criterion.max_points)
    for item in sheet.lines:
        if item.criterion not in maxima:
            raise _unknown_criterion(sheet, item, sorted(maxima))
        _check_maximum(sheet, item, maxima[item.criterion])


def _unknown_criterion(sheet: ReviewSheet, item: ReviewLine, known: Sequence[str]) -> UserError:
    shown, listed = escape_all_controls(item.criterion), ", ".join(known)
    return sheet.error(
        item.line,
        Text(
            f"critère « {shown} » inconnu (critères notés par les relecteurs\u00a0: {listed or 'aucun'})",
            f"unknown criterion '{shown}' (criteria scored by reviewers: {listed or 'none'})",
        ),
    )


def _check_maximum(sheet: ReviewSheet, item: ReviewLine, maximum: float) -> None:
    if item.review.points > maximum + 1e-9:
        shown = escape_all_controls(item.criterion)
        raise sheet.error(
            item.line,
            Text(
                f"{item.review.points:g} points pour « {shown} », au plus {maximum:g}",
                f"{item.review.points:g} points for '{shown}', at most {maximum:g}",
            ),
        )


# --- merging into the batch -----------------------------------------------------------------


def dossier_keys(dossier: str) -> Iterator[str]:
    """The names a review may give a dossier: its path as shown or normalised, its file's name
    or stem (an imported application's file is named by its ID), an export's `#ID`."""
    yield dossier
    export, hash_sign, application = dossier.rpartition("#")
    if hash_sign and export:
        yield application
        return
    yield os.path.normpath(dossier)
    name = PurePath(dossier)
    yield name.name
    yield name.stem


def _index(rows: Sequence[Row]) -> dict[str, str | None]:
    """Review key -> dossier; None when the key names several dossiers."""
    index: dict[str, str | None] = {}
    for row in rows:
        for key in set(dossier_keys(row.dossier)):
            index[key] = row.dossier if index.get(key, row.dossier) == row.dossier else None
    exact = {row.dossier for row in rows}
    for dossier in exact:
        index[dossier] = dossier
    return index


def _dossier_of(item: ReviewLine, index: Mapping[str, str | None], sheet: ReviewSheet) -> str:
    for key in (item.dossier, os.path.normpath(item.dossier)):
        if key in index:
            found = index[key]
            if found is None:
                shown = escape_all_controls(item.dossier)
                raise sheet.error(
                    item.line,
                    Text(
                        f"dossier « {shown} » ambigu\u00a0: plusieurs dossiers "
                        "examinés portent ce nom\u00a0; donnez son chemin",
                        f"ambiguous dossier '{shown}': several screened dossiers have that name; give its path",
                    ),
                )
            return found
    shown = escape_all_controls(item.dossier)
    raise sheet.error(
        item.line,
        Text(f"dossier « {shown} » absent du lot examiné", f"dossier '{shown}' is not in the screened batch"),
    )


def merge(rows: list[Row], calls: Mapping[str, Call], sheet: ReviewSheet) -> Reviews:
    """Each review matched to its dossier and criterion, checked against the dossier's call;
    `rows` updated in place with the reviewers' means and the combined score."""
    index = _index(rows)
    given: dict[str, dict[str, list[Review]]] = {}
    for item in sheet.lines:
        dossier = _dossier_of(item, index, sheet)
        given.setdefault(dossier, {}).setdefault(item.criterion, []).append(item.review)
    reviews = Reviews(sheet.label)
    lines_of = _lines_by_dossier(sheet, index)
    for position, row in enumerate(rows):
        call = calls.get(row.call) if row.call is not None else None
        grid = reviewer_criteria(call) if call is not None else []
        if not grid:
            if row.dossier in given:
                raise _not_in_grid(sheet, lines_of[row.dossier][0], row)
            continue
        _check_against_grid(sheet, lines_of.get(row.dossier, []), grid, row)
        scored = given.get(row.dossier, {})
        found = tuple(CriterionReviews(c.id, c.max_points, tuple(scored.get(c.id, ()))) for c in grid)
        reviews.by_dossier[row.dossier] = found
        if row.score is not None:
            reviews.automatic[row.dossier] = row.score
            rows[position] = combined(row, found)
    return reviews


def _lines_by_dossier(sheet: ReviewSheet, index: Mapping[str, str | None]) -> dict[str, list[ReviewLine]]:
    found: dict[str, list[ReviewLine]] = {}
    for item in sheet.lines:
        dossier = index.get(item.dossier) or index.get(os.path.normpath(item.dossier))
        if dossier is not None:
            found.setdefault(dossier, []).append(item)
    return found


def _check_against_grid(sheet: ReviewSheet, lines: Sequence[ReviewLine], grid: Sequence[Criterion], row: Row) -> None:
    maxima = {criterion.id: criterion.max_points for criterion in grid}
    for item in lines:
        if item.criterion not in maxima:
            raise _not_in_grid(sheet, item, row, sorted(maxima))
        _check_maximum(sheet, item, maxima[item.criterion])


def _not_in_grid(sheet: ReviewSheet, item: ReviewLine, row: Row, known: Sequence[str] = ()) -> UserError:
    shown, call = escape_all_controls(item.criterion), escape_all_controls(row.call or "?")
    listed = ", ".join(known)
    return sheet.error(
        item.line,
        Text(
            f"critère « {shown} » inconnu de l'appel {call} de ce dossier (critères des relecteurs\u00a0: "
            f"{listed or 'aucun'})",
            f"criterion '{shown}' is not in this dossier's call {call} (reviewer criteria: {listed or 'none'})",
        ),
    )


def combined(row: Row, found: Sequence[CriterionReviews]) -> Row:
    """The row with each reviewer criterion's mean as its points and the combined score."""
    means = {item.criterion: item.mean for item in found}
    points = tuple(
        (means[criterion] or 0.0) if criterion in means else value
        for criterion, value in zip(row.criteria, row.criterion_points, strict=True)
    )
    automatic = row.score or 0.0
    total = round(automatic + sum(mean for mean in means.values() if mean is not None), 2)
    return replace(row, score=total, point_groups=grouped(points))
