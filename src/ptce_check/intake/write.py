"""Imported applications written as dossier YAML files, one per application named by its `ID`.

Every text value is written double-quoted with escapes (never plain: `NO`, `01053` or `: ` in a
value cannot change its meaning), booleans bare; a header comment says where the data came from."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ptce_check.atomic import Writer, write_atomically
from ptce_check.intake.convert import ImportedDossier
from ptce_check.textsafe import escape_all_controls

_INDENT = "  "
# Characters JSON leaves as they are but a YAML stream refuses or reads as line breaks.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_SAFE_NAME = re.compile(r"[^0-9A-Za-z_.-]")
_PLAIN_KEY = re.compile(r"[a-z][a-z0-9_]*|[0-9]{4}")


def quoted(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes are YAML's, plus the characters YAML refuses."""
    encoded = json.dumps(text, ensure_ascii=False)
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded)


def _key(key: Any) -> str:
    text = str(key)
    return text if _PLAIN_KEY.fullmatch(text) else quoted(text)


def _scalar(value: Any) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    return quoted(str(value))


def _lines(value: Any, depth: int) -> list[str]:
    pad = _INDENT * depth
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                lines.append(f"{pad}{_key(key)}:")
                lines.extend(_lines(item, depth + 1))
            else:
                lines.append(f"{pad}{_key(key)}: {_empty_or_scalar(item)}")
        return lines
    for item in value:
        if isinstance(item, dict | list) and item:
            nested = _lines(item, depth + 1)
            lines.append(f"{pad}- {nested[0].lstrip()}")
            lines.extend(nested[1:])
        else:
            lines.append(f"{pad}- {_empty_or_scalar(item)}")
    return lines


def _empty_or_scalar(value: Any) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _scalar(value)


def _comment(text: str) -> str:
    return escape_all_controls(text).replace("\n", " ")


def dossier_yaml(imported: ImportedDossier) -> str:
    """The dossier as YAML text, with its provenance in a header comment."""
    header = [
        f"# Importé de {_comment(imported.source)}, feuille {_comment(imported.sheet)}, ligne {imported.row}",
        f"# ID : {_comment(imported.application_id)}",
        f"# État du dossier : {_comment(imported.state or '—')}",
        f"# Déposé le : {_comment(imported.submitted or '—')}",
    ]
    return "\n".join([*header, *_lines(imported.data, 0)]) + "\n"


def file_name(application_id: str) -> str:
    """`ID.yaml`, with any character that is not safe in a file name replaced by `_`."""
    return f"{_SAFE_NAME.sub('_', application_id) or '_'}.yaml"


def _writer(text: str) -> Writer:
    return lambda stream: stream.write(text)


def write_dossiers(dossiers: list[ImportedDossier], folder: Path, *, force: bool = False) -> list[Path]:
    """One YAML file per application in `folder` (created if needed); returns the paths written.
    An existing file is kept (FileExistsError) unless `force`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for imported in dossiers:
        path = folder / file_name(imported.application_id)
        write_atomically(path, _writer(dossier_yaml(imported)), exclusive=not force)
        written.append(path)
    return written
