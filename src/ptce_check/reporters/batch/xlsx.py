"""`screen -f xlsx -o FILE`: the decision as a workbook for the committee. A summary sheet
first, one sheet per call (its ranking, its criteria, numbers as numbers, the funded flag as a
true/false cell; frozen header and an autofilter), and a sheet of every finding. Cells are
written by type (`write_string`, never `write`), so that no dossier text becomes a formula or a
link; control characters are shown escaped. Written with XlsxWriter in constant-memory mode (one
row at a time), to a binary stream: see `BINARY_FORMATS` and `atomic.write_bytes_atomically`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from ptce_check.i18n import Lang, Text
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.batch.facts import sections
from ptce_check.reporters.batch.table import Cell, cells, columns, funded_paths
from ptce_check.screening.batch import BatchResult, CallGroup
from ptce_check.textsafe import escape_all_controls

SHEETS = {
    "summary": Text("Synthèse", "Summary"),
    "findings": Text("Constats", "Findings"),
    "unknown": Text("appel inconnu", "unknown call"),
}
FINDING_COLUMNS = {
    "dossier": Text("Dossier", "Dossier"),
    "call": Text("Appel", "Call"),
    "verdict": Text("Verdict", "Verdict"),
    "severity": Text("Gravité", "Severity"),
    "code": Text("Code", "Code"),
    "line": Text("Ligne", "Line"),
    "column": Text("Colonne", "Column"),
    "path": Text("Champ", "Field"),
    "message": Text("Constat", "Finding"),
    "hint": Text("Piste", "Hint"),
}
#: The rows a sheet holds, its header aside.
MAX_ROWS = 1_048_575
FORBIDDEN_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of `[]:*?/\\`."""
    base = FORBIDDEN_IN_SHEET_NAMES.sub("-", escape_all_controls(name))[:31] or "-"
    candidate, number = base, 2
    while candidate.casefold() in taken:
        suffix = f" ({number})"
        candidate, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(candidate.casefold())
    return candidate


def _text(value: str) -> str:
    return escape_all_controls(value)


def _summary(workbook: Any, result: BatchResult, lang: Lang, taken: set[str]) -> None:
    sheet = workbook.add_worksheet(sheet_name(SHEETS["summary"].get(lang), taken))
    bold = workbook.add_format({"bold": True})
    sheet.set_column(0, 0, 42)
    sheet.set_column(1, 1, 80)
    line = 0
    for title, lines in sections(result, lang):
        sheet.write_string(line, 0, _text(title), bold)
        line += 1
        for label, value in lines:
            sheet.write_string(line, 0, _text(label))
            sheet.write_string(line, 1, _text(value))
            line += 1
        line += 1


def _write_cell(sheet: Any, line: int, column: int, value: Cell) -> None:
    if value is None:
        return
    if isinstance(value, float):
        sheet.write_number(line, column, value)
    else:
        sheet.write_string(line, column, _text(value))


def _call_sheet(workbook: Any, result: BatchResult, group: CallGroup, lang: Lang, taken: set[str]) -> None:
    name = group.call_id if group.call_id is not None else SHEETS["unknown"].get(lang)
    sheet = workbook.add_worksheet(sheet_name(name, taken))
    header = columns(result, lang, group)
    bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    for index, column in enumerate(header):
        sheet.write_string(0, index, _text(column.title), bold)
    keys = [column.key for column in header]
    funded_at = keys.index("funded") if "funded" in keys else None
    funded = funded_paths(result, group)
    sheet.set_column(1, 2, 36)
    line = 0
    for line, (row, values) in enumerate(zip(group.rows, cells(result, lang, group), strict=True), start=1):
        if line > MAX_ROWS:
            break
        for index, value in enumerate(values):
            if index == funded_at:
                sheet.write_boolean(line, index, row.dossier in funded)
            else:
                _write_cell(sheet, line, index, value)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(line, 1), len(header) - 1)


def _findings(result: BatchResult) -> Iterator[list[Cell]]:
    for row in result.rows:
        outcome = result.store.load(row)
        for finding in outcome["findings"]:
            yield [
                outcome["dossier"],
                outcome.get("call"),
                outcome["verdict"],
                finding["severity"],
                finding["code"],
                float(finding["line"]) if finding.get("line") is not None else None,
                float(finding["column"]) if finding.get("column") is not None else None,
                finding.get("path"),
                finding["message"],
                finding.get("hint"),
            ]


def _findings_sheet(workbook: Any, result: BatchResult, lang: Lang, taken: set[str]) -> None:
    sheet = workbook.add_worksheet(sheet_name(SHEETS["findings"].get(lang), taken))
    bold = workbook.add_format({"bold": True})
    for index, title in enumerate(FINDING_COLUMNS.values()):
        sheet.write_string(0, index, title.get(lang), bold)
    sheet.set_column(0, 0, 40)
    sheet.set_column(8, 9, 60)
    line = 0
    for line, values in enumerate(_findings(result), start=1):
        if line > MAX_ROWS:
            break
        for index, value in enumerate(values):
            _write_cell(sheet, line, index, value if not isinstance(value, int) else float(value))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(line, 1), len(FINDING_COLUMNS) - 1)


def render(result: BatchResult, stream: BinaryIO, settings: ReportSettings) -> None:
    import xlsxwriter  # type: ignore[import-untyped]

    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    workbook = xlsxwriter.Workbook(stream, options)
    taken: set[str] = set()
    _summary(workbook, result, settings.lang, taken)
    for group in result.groups:
        _call_sheet(workbook, result, group, settings.lang, taken)
    _findings_sheet(workbook, result, settings.lang, taken)
    workbook.close()
