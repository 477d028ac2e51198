"""A dossier taken through the form: the rows an export would hold for it, cell values typed as
démarches-simplifiées writes them (numbers, dates, `Oui`/`Non`, option labels, `, `-joined lists)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from ptce_check.intake.columns import ID_COLUMN, ROW_ID_COLUMN, ROW_INDEX_COLUMN, STATE_COLUMN, SUBMITTED_COLUMN
from ptce_check.intake.form import REFERENCE_FORM, Form, FormField, sheet_name
from ptce_check.intake.values import SEPARATOR
from ptce_check.intake.workbook import DOSSIERS_SHEET

_PARIS = ZoneInfo("Europe/Paris")
_YEAR_STEP = "{year:"
Tables = dict[str, list[list[Any]]]


def export_tables(applications: list[tuple[str, dict[str, Any]]], form: Form = REFERENCE_FORM) -> Tables:
    """Sheet name -> rows (header first) for these (ID, dossier data) pairs."""
    main_fields = form.fields_of(None)
    tables: Tables = {
        DOSSIERS_SHEET: [[ID_COLUMN, "Email", STATE_COLUMN, SUBMITTED_COLUMN, *(f.label for f in main_fields)]]
    }
    for block in form.blocks:
        tables[sheet_name(block.label)] = [
            [ROW_ID_COLUMN, ROW_INDEX_COLUMN, *(f.label for f in form.fields_of(block.id))]
        ]
    for application_id, data in applications:
        submitted = _moment(data.get("submitted_at"))
        cells = [_typed(f, _get(data, f.path, data)) for f in main_fields]
        tables[DOSSIERS_SHEET].append([application_id, "depot@example.org", "En construction", submitted, *cells])
        for block in form.blocks:
            items = _get(data, block.path, data)
            for line, item in enumerate(items if isinstance(items, list) else [], start=1):
                row = [_typed(f, _get(item, f.path, data)) for f in form.fields_of(block.id)]
                tables[sheet_name(block.label)].append([application_id, line, *row])
    return tables


def _get(item: Any, path: str, dossier: dict[str, Any]) -> Any:
    for step in path.split("."):
        if step.startswith(_YEAR_STEP):
            step = _year(dossier, int(step[len(_YEAR_STEP) : -1]))
        if not isinstance(item, dict):
            return None
        item = item.get(step)
    return item


def _year(dossier: dict[str, Any], number: int) -> str:
    budget = dossier.get("budget")
    years = budget.get("years") if isinstance(budget, dict) else None
    if isinstance(years, list) and 0 < number <= len(years):
        return str(years[number - 1])
    return ""


def _typed(field: FormField, value: Any) -> Any:
    if value is None:
        return None
    kind = field.type
    if isinstance(value, list):
        labels = [_label(field, str(item)) for item in value]
        # A value that holds ", " itself: one value per line, which the import reads back whole.
        return ("\n" if any(SEPARATOR in label for label in labels) else SEPARATOR).join(labels)
    text = str(value)
    if kind in ("integer", "number"):
        return _number(text)
    if kind == "date":
        return _day(text)
    if kind == "datetime":
        return _moment(text)
    if kind == "yes_no":
        return {"true": "Oui", "false": "Non"}.get(text, text)
    if kind == "drop_down":
        return _label(field, text)
    return text


def _label(field: FormField, value: str) -> str:
    return next((option.label for option in field.options or () if option.value == value), value)


def _number(text: str) -> Any:
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() and "." not in text else number


def _day(text: str) -> Any:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


def _moment(value: Any) -> Any:
    """A date, or a datetime in Paris time without offset (a cell holds no offset)."""
    if value is None:
        return None
    text = str(value)
    try:
        if "T" not in text:
            return date.fromisoformat(text)
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if moment.tzinfo is not None:
        moment = moment.astimezone(_PARIS).replace(tzinfo=None)
    return moment
