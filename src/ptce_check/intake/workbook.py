"""An export file's sheets as rows of cell values: XLSX, XLS and ODS through python-calamine,
CSV (the `Dossiers` sheet only) through the csv module."""

from __future__ import annotations

import csv
import io
import stat
from pathlib import Path
from typing import Any

from msgspec import Struct
from python_calamine import CalamineWorkbook

from ptce_check.errors import UserError
from ptce_check.i18n import Text
from ptce_check.textsafe import escape_all_controls

DOSSIERS_SHEET = "Dossiers"
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
_MAX_CSV_BYTES = 512 * 1024 * 1024
_MAX_EXPORT_BYTES = 1024 * 1024 * 1024


class Sheet(Struct, frozen=True):
    name: str
    rows: list[list[Any]]


def read_sheets(path: Path) -> list[Sheet]:
    """Every sheet of the export, first row its header; a file that cannot be read is a UserError."""
    suffix = path.suffix.lower()
    _refuse_special(path)
    if suffix == ".csv":
        return [Sheet(DOSSIERS_SHEET, _csv_rows(path))]
    if suffix not in SPREADSHEET_SUFFIXES:
        raise UserError(
            Text(
                f"{_shown(path)}\u00a0: format d'export inconnu (attendu\u00a0: .xlsx, .ods, .xls ou .csv)",
                f"{_shown(path)}: unknown export format (expected: .xlsx, .ods, .xls or .csv)",
            )
        )
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        # skip_empty_area=False keeps row 1 and column A where they are: cell references stay true.
        return [
            Sheet(name, workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
            for name in workbook.sheet_names
        ]
    except Exception as error:  # calamine raises its own error types, and OSError
        raise _unreadable(path, str(error)) from None


def _refuse_special(path: Path) -> None:
    """Only a regular file of a sensible size is opened: a FIFO or a device could block the read."""
    try:
        info = path.stat()
    except OSError as error:
        raise _unreadable(path, error.strerror or type(error).__name__) from None
    if not stat.S_ISREG(info.st_mode):
        raise _unreadable(path, "not a regular file")
    if info.st_size > _MAX_EXPORT_BYTES:
        raise _unreadable(path, "file too large")


def _csv_rows(path: Path) -> list[list[Any]]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise _unreadable(path, error.strerror or str(error)) from None
    if len(raw) > _MAX_CSV_BYTES:
        raise _unreadable(path, "file too large")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _unreadable(path, "not UTF-8") from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _shown(path: Path) -> str:
    return escape_all_controls(str(path))


def _unreadable(path: Path, reason: str) -> UserError:
    shown_reason = escape_all_controls(reason)
    return UserError(
        Text(
            f"{_shown(path)}\u00a0: export illisible ({shown_reason})",
            f"{_shown(path)}: unreadable export ({shown_reason})",
        )
    )
