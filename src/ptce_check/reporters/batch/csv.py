"""`screen -f csv`: the decision table for spreadsheets. UTF-8 with a byte-order mark so that
spreadsheet programs read French text right; `--csv-sep ';'` (with decimal commas) for
French-locale spreadsheets. Control and invisible characters are written escaped (`\\e`,
`\\u202e`), and a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is
prefixed with `'` so that no dossier content runs as a formula."""

from __future__ import annotations

import csv
from typing import TextIO

from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.batch.table import Cell, cells, columns, number
from ptce_check.screening.batch import BatchResult
from ptce_check.textsafe import escape_all_controls

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Control and invisible characters shown escaped; a formula start defused."""
    shown = escape_all_controls(text)
    return "'" + shown if shown.startswith(FORMULA_STARTS) else shown


def _cell(value: Cell, decimal_comma: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return number(value, decimal_comma)
    return neutralise(value)


def render(result: BatchResult, stream: TextIO, settings: ReportSettings) -> None:
    decimal_comma = settings.csv_separator == ";"
    stream.write("\ufeff")
    writer = csv.writer(stream, delimiter=settings.csv_separator, lineterminator="\r\n")
    writer.writerow([neutralise(column.title) for column in columns(result, settings.lang)])
    for line in cells(result, settings.lang):
        writer.writerow([_cell(value, decimal_comma) for value in line])
