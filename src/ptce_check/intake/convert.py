"""A démarches-simplifiées export in, one dossier (plain data and its cell map) per application out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from msgspec import Struct, field

from ptce_check.dossier import FORMAT_ID
from ptce_check.errors import UserError
from ptce_check.i18n import Text
from ptce_check.intake.cells import CellMap, cell
from ptce_check.intake.columns import (
    ID_COLUMN,
    OTHER_SHEETS,
    ROW_ID_COLUMN,
    ROW_INDEX_COLUMN,
    STATE_COLUMN,
    SUBMITTED_COLUMN,
    Columns,
    bind_header,
    block_sheet,
    normal_label,
)
from ptce_check.intake.form import REFERENCE_FORM, Block, Form, FormField
from ptce_check.intake.values import cell_value, is_blank, plain_text
from ptce_check.intake.workbook import DOSSIERS_SHEET, Sheet, read_sheets
from ptce_check.textsafe import escape_all_controls

_YEAR_STEP = "{year:"
_TEXTS = ("text", "textarea")


class ImportedDossier(Struct):
    """One application: its dossier as `source.load_bytes` would give it, and where each value was."""

    application_id: str
    data: dict[str, Any]
    cells: CellMap
    source: str
    row: int
    state: str | None = None
    submitted: str | None = None
    sheet: str = DOSSIERS_SHEET

    @property
    def label(self) -> str:
        """How reports name it: `export.xlsx#ID`."""
        return f"{self.source}#{self.application_id}"


class ImportResult(Struct):
    source: str
    dossiers: list[ImportedDossier] = field(default_factory=list)
    #: Said once each: columns and sheets that map to nothing, rows that belong to no application.
    warnings: list[Text] = field(default_factory=list)


def import_export(path: Path, *, form: Form = REFERENCE_FORM, call: str | None = None) -> ImportResult:
    """Read an XLSX, XLS, ODS or CSV export; `call` is the call id every dossier gets (it
    overrides a column mapped to `call`). Unreadable files and missing required columns are a
    UserError; a malformed cell never stops the import (validation reports it at its cell)."""
    return import_sheets(read_sheets(path), str(path), form=form, call=call)


def import_sheets(
    sheets: list[Sheet], source: str, *, form: Form = REFERENCE_FORM, call: str | None = None
) -> ImportResult:
    by_name = {sheet.name: sheet for sheet in sheets}
    main = by_name.get(DOSSIERS_SHEET)
    if main is None or not main.rows:
        raise _error(source, "feuille « Dossiers » absente ou vide", "sheet 'Dossiers' missing or empty")
    if call is None and not any(f.path == "call" and f.block is None for f in form.fields):
        raise _error(
            source,
            "l'export ne dit pas à quel appel répondent les dossiers\u00a0: donnez --call",
            "the export does not say which call the applications answer: give --call",
        )
    result = ImportResult(source)
    columns = bind_header(
        main.rows[0],
        form.fields_of(None),
        DOSSIERS_SHEET,
        frozenset({ID_COLUMN, STATE_COLUMN, SUBMITTED_COLUMN}),
        source,
    )
    if ID_COLUMN not in columns.system:
        raise _error(source, "colonne « ID » absente de la feuille Dossiers", "column 'ID' missing from sheet Dossiers")
    _warn_unknown(result, DOSSIERS_SHEET, columns.unknown)
    blocks = _block_rows(form, by_name, source, result)
    seen: dict[str, int] = {}
    for row_index in range(1, len(main.rows)):
        row = main.rows[row_index]
        if all(is_blank(value) for value in row):
            continue
        imported = _application(row, row_index, columns, source, form, blocks, call, result)
        if imported is None:
            continue
        if imported.application_id in seen:
            raise _duplicate(source, imported.application_id, seen[imported.application_id], imported.row)
        seen[imported.application_id] = imported.row
        result.dossiers.append(imported)
    _warn_orphans(result, blocks, set(seen))
    return result


class _BlockRows(Struct):
    block: Block
    sheet: str
    columns: Columns
    #: By application ID: (Ligne, 0-based row index, row) in sheet order.
    rows: dict[str, list[tuple[float, int, list[Any]]]]


def _block_rows(form: Form, sheets: dict[str, Sheet], source: str, result: ImportResult) -> list[_BlockRows]:
    names = list(sheets)
    found: list[_BlockRows] = []
    used = {DOSSIERS_SHEET, *OTHER_SHEETS}
    for block in sorted(form.blocks, key=lambda b: b.path != "members"):  # member names first
        name = block_sheet(block, names)
        if name is None:
            if len(sheets) > 1:
                result.warnings.append(_text_block_missing(block))
            continue
        used.add(name)
        sheet = sheets[name]
        if not sheet.rows:
            continue
        columns = bind_header(
            sheet.rows[0], form.fields_of(block.id), name, frozenset({ROW_ID_COLUMN, ROW_INDEX_COLUMN}), source
        )
        if ROW_ID_COLUMN not in columns.system:
            raise _error(
                source,
                f"colonne « {ROW_ID_COLUMN} » absente de la feuille {escape_all_controls(name)}",
                f"column '{ROW_ID_COLUMN}' missing from sheet {escape_all_controls(name)}",
            )
        _warn_unknown(result, name, columns.unknown)
        found.append(_BlockRows(block, name, columns, _rows_by_application(sheet, columns)))
    if len(sheets) == 1:
        result.warnings.append(
            Text(
                "l'export n'a que la feuille Dossiers (c'est le cas d'un CSV)\u00a0: les blocs répétables (membres, "
                "budget…) n'y figurent pas\u00a0; exportez en XLSX ou ODS",
                "the export holds only the Dossiers sheet (as a CSV does): the repeatable blocks (members, "
                "budget…) are not in it; export as XLSX or ODS",
            )
        )
    for name in names:
        if name not in used:
            shown = escape_all_controls(name)
            result.warnings.append(
                Text(
                    f"feuille « {shown} » ignorée\u00a0: aucun bloc du formulaire",
                    f"sheet '{shown}' ignored: no block of the form",
                )
            )
    return found


def _rows_by_application(sheet: Sheet, columns: Columns) -> dict[str, list[tuple[float, int, list[Any]]]]:
    id_column = columns.system[ROW_ID_COLUMN]
    line_column = columns.system.get(ROW_INDEX_COLUMN)
    rows: dict[str, list[tuple[float, int, list[Any]]]] = {}
    for index in range(1, len(sheet.rows)):
        row = sheet.rows[index]
        if all(is_blank(value) for value in row):
            continue
        application = normal_label(_at(row, id_column))
        rows.setdefault(application, []).append((_line_number(_at(row, line_column), index), index, row))
    for entries in rows.values():
        entries.sort(key=lambda entry: (entry[0], entry[1]))
    return rows


def _line_number(value: Any, fallback: int) -> float:
    try:
        return float(plain_text(value))
    except ValueError:
        return float(fallback)


def _at(row: list[Any], index: int | None) -> Any:
    return row[index] if index is not None and index < len(row) else None


def _application(
    row: list[Any],
    row_index: int,
    columns: Columns,
    source: str,
    form: Form,
    blocks: list[_BlockRows],
    call: str | None,
    result: ImportResult,
) -> ImportedDossier | None:
    id_column = columns.system[ID_COLUMN]
    application_id = normal_label(_at(row, id_column))
    if not application_id:
        result.warnings.append(
            Text(
                f"ligne {row_index + 1} de Dossiers ignorée\u00a0: pas d'ID",
                f"row {row_index + 1} of Dossiers skipped: no ID",
            )
        )
        return None
    cells = CellMap(cell(DOSSIERS_SHEET, row_index, id_column, application_id))
    data: dict[str, Any] = {"format": FORMAT_ID}
    member_names = _fill_blocks(data, cells, [b for b in blocks if b.block.path == "members"], application_id, ())
    _fill_row(data, cells, (), row, columns, DOSSIERS_SHEET, row_index, application_id, member_names)
    submitted = _system_cell(row, columns, SUBMITTED_COLUMN)
    if submitted is not None:
        data["submitted_at"] = submitted
        cells.add(("submitted_at",), cell(DOSSIERS_SHEET, row_index, columns.system[SUBMITTED_COLUMN], application_id))
    if call is not None:
        data["call"] = call
    _fill_blocks(data, cells, [b for b in blocks if b.block.path != "members"], application_id, member_names)
    _resolve_years(data)
    state = _system_cell(row, columns, STATE_COLUMN)
    return ImportedDossier(application_id, data, cells, source, row_index + 1, state, submitted)


def _system_cell(row: list[Any], columns: Columns, name: str) -> str | None:
    value = _at(row, columns.system.get(name))
    return None if is_blank(value) else plain_text(value).strip()


def _fill_row(
    target: dict[str, Any],
    cells: CellMap,
    prefix: tuple[str | int, ...],
    row: list[Any],
    columns: Columns,
    sheet: str,
    row_index: int,
    application_id: str,
    member_names: tuple[str, ...],
) -> None:
    for form_field, column in columns.fields:
        value = cell_value(form_field, _at(row, column), member_names)
        if value is None and form_field.required and form_field.type in _TEXTS:
            value = ""  # an answer left empty, as a YAML `''`: the rules say what is missing
        if value is None:
            continue
        steps = form_field.path.split(".")
        _set(target, steps, value)
        cells.add(prefix + tuple(steps), cell(sheet, row_index, column, application_id))


def _set(target: dict[str, Any], steps: list[str], value: Any) -> None:
    for step in steps[:-1]:
        child = target.setdefault(step, {})
        if not isinstance(child, dict):  # a mapping's field set by another column first
            return
        target = child
    target.setdefault(steps[-1], value)


def _fill_blocks(
    data: dict[str, Any],
    cells: CellMap,
    blocks: list[_BlockRows],
    application_id: str,
    member_names: tuple[str, ...],
) -> tuple[str, ...]:
    """Fill each block's list; returns the names of the members filled."""
    names: list[str] = []
    for block_rows in blocks:
        entries = block_rows.rows.get(application_id, [])
        if not entries:
            continue
        steps = block_rows.block.path.split(".")
        items: list[Any] = []
        for position, (_line, row_index, row) in enumerate(entries):
            item: dict[str, Any] = {}
            prefix: tuple[str | int, ...] = (*steps, position)
            anchor_column = block_rows.columns.system.get(ROW_INDEX_COLUMN, block_rows.columns.system[ROW_ID_COLUMN])
            cells.add(prefix, cell(block_rows.sheet, row_index, anchor_column, application_id))
            _fill_row(
                item, cells, prefix, row, block_rows.columns, block_rows.sheet, row_index, application_id, member_names
            )
            items.append(item)
            if block_rows.block.path == "members" and isinstance(item.get("name"), str):
                names.append(item["name"])
        _set(data, steps, items)
        cells.add(
            tuple(steps),
            cell(block_rows.sheet, entries[0][1], block_rows.columns.system[ROW_ID_COLUMN], application_id),
        )
    return tuple(names)


def _resolve_years(data: dict[str, Any]) -> None:
    """`amounts.{year:N}` becomes the N-th year of `budget.years` (kept as `{year:N}` when there is
    no such year, which validation then reports as a bad year at that cell)."""
    budget = data.get("budget")
    if not isinstance(budget, dict):
        return
    given = budget.get("years")
    years: list[Any] = given if isinstance(given, list) else []
    for lines in (budget.get("expenses"), budget.get("resources")):
        for line in lines if isinstance(lines, list) else []:
            amounts = line.get("amounts") if isinstance(line, dict) else None
            if isinstance(amounts, dict):
                line["amounts"] = {_year_key(key, years): value for key, value in amounts.items()}


def _year_key(key: str, years: list[Any]) -> str:
    if key.startswith(_YEAR_STEP) and key.endswith("}"):
        number = int(key[len(_YEAR_STEP) : -1])
        year = years[number - 1] if 0 < number <= len(years) else None
        if isinstance(year, str):
            return year
    return key


def _warn_unknown(result: ImportResult, sheet: str, labels: tuple[str, ...]) -> None:
    for label in labels:
        shown = escape_all_controls(label)
        result.warnings.append(
            Text(
                f"{sheet}\u00a0: colonne « {shown} » ignorée\u00a0: aucun champ du formulaire",
                f"{sheet}: column '{shown}' ignored: no field of the form",
            )
        )


def _warn_orphans(result: ImportResult, blocks: list[_BlockRows], known: set[str]) -> None:
    for block_rows in blocks:
        for application_id in block_rows.rows:
            if application_id not in known:
                shown, sheet = escape_all_controls(application_id), escape_all_controls(block_rows.sheet)
                result.warnings.append(
                    Text(
                        f"{sheet}\u00a0: lignes du dossier « {shown} » ignorées\u00a0: aucun dossier de cet ID",
                        f"{sheet}: rows of application '{shown}' ignored: no application with this ID",
                    )
                )


def _text_block_missing(block: Block) -> Text:
    shown = escape_all_controls(block.label)
    return Text(f"feuille du bloc « {shown} » absente de l'export", f"sheet of block '{shown}' missing from the export")


def _duplicate(source: str, application_id: str, first: int, second: int) -> UserError:
    shown = escape_all_controls(application_id)
    return _error(
        source,
        f"ID « {shown} » en double (lignes {first} et {second} de Dossiers)",
        f"duplicate ID '{shown}' (rows {first} and {second} of Dossiers)",
    )


def _error(source: str, fr: str, en: str) -> UserError:
    where = escape_all_controls(source)
    return UserError(Text(f"{where}\u00a0: {fr}", f"{where}: {en}"))


__all__ = ["FormField", "ImportResult", "ImportedDossier", "import_export", "import_sheets"]
