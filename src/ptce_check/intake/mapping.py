"""A funder's own labels: a file of the same shape as `ptce-check form -f json` (JSON or YAML),
whose blocks and fields give the labels the funder's procedure uses for the reference paths.

A field or block the file does not mention keeps its reference label; `options` given for a
field replace the labels of those values. A field may also map a column to `call`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from msgspec.structs import replace

from ptce_check.decoding import Limits, read_file
from ptce_check.errors import UserError
from ptce_check.findings import SourceError
from ptce_check.i18n import Text
from ptce_check.intake.form import REFERENCE_FORM, Block, Form, FormField, Option
from ptce_check.source import load_bytes
from ptce_check.textsafe import escape_all_controls


def load_mapping(path: Path, base: Form = REFERENCE_FORM) -> Form:
    """The form with the file's labels; any problem in the file is a UserError naming it."""
    shown = escape_all_controls(str(path))
    try:
        data = load_bytes(read_file(path, Limits()), Limits()).data
    except SourceError as error:
        position = error.finding.position
        where = f"{shown}:{position.line}:{position.column}" if position else shown
        raise UserError(
            Text(f"{where}\u00a0: {error.finding.message.fr}", f"{where}: {error.finding.message.en}")
        ) from None
    return apply_mapping(data, base, shown)


def apply_mapping(data: dict[str, Any], base: Form, shown: str) -> Form:
    blocks = {block.id: block for block in base.blocks}
    for index, entry in enumerate(_list(data, "blocks", shown)):
        block_id, label = (
            _text(entry, "id", shown, f"blocks[{index}]"),
            _text(entry, "label", shown, f"blocks[{index}]"),
        )
        if block_id not in blocks:
            raise _bad(
                shown,
                f"blocks[{index}].id",
                f"bloc « {escape_all_controls(block_id)} » inconnu",
                f"unknown block '{escape_all_controls(block_id)}'",
            )
        blocks[block_id] = replace(blocks[block_id], label=label)
    fields = {(field.block, field.path): field for field in base.fields}
    for index, entry in enumerate(_list(data, "fields", shown)):
        where = f"fields[{index}]"
        path, label = _text(entry, "path", shown, where), _text(entry, "label", shown, where)
        block = entry.get("block") if isinstance(entry.get("block"), str) else None
        reference = fields.get((block, path))
        if reference is None and path == "call" and block is None:
            reference = FormField("Appel à projets", "call", "text")
        if reference is None:
            raise _bad(
                shown,
                where,
                f"chemin « {escape_all_controls(path)} » inconnu du formulaire",
                f"path '{escape_all_controls(path)}' not in the form",
            )
        fields[(block, path)] = replace(reference, label=label, options=_options(entry, reference, shown, where))
    return Form(tuple(blocks[block.id] for block in base.blocks), tuple(fields.values()))


def _options(entry: dict[str, Any], reference: FormField, shown: str, where: str) -> tuple[Option, ...] | None:
    given = entry.get("options")
    if not isinstance(given, list) or reference.options is None:
        return reference.options
    labels = {option.value: option.label for option in reference.options}
    for index, option in enumerate(given):
        value = _text(option, "value", shown, f"{where}.options[{index}]")
        if value not in labels:
            raise _bad(
                shown,
                f"{where}.options[{index}].value",
                f"valeur « {escape_all_controls(value)} » inconnue",
                f"unknown value '{escape_all_controls(value)}'",
            )
        labels[value] = _text(option, "label", shown, f"{where}.options[{index}]")
    return tuple(Option(label, value) for value, label in labels.items())


def _list(data: dict[str, Any], key: str, shown: str) -> list[dict[str, Any]]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise _bad(shown, key, "une liste d'objets est attendue", "a list of objects is expected")
    return value


def _text(entry: Any, key: str, shown: str, where: str) -> str:
    value = entry.get(key) if isinstance(entry, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise _bad(shown, f"{where}.{key}", "texte attendu", "text expected")
    return value


def _bad(shown: str, where: str, fr: str, en: str) -> UserError:
    return UserError(Text(f"{shown}\u00a0: {where}\u00a0: {fr}", f"{shown}: {where}: {en}"))


__all__ = ["Block", "apply_mapping", "load_mapping"]
