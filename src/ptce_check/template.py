"""`ptce-check init`: a commented French dossier template, and the schema file its first line
names for the editor. Nothing is ever overwritten unless asked (`force`)."""

from __future__ import annotations

import re
from pathlib import Path

from msgspec import Struct, field

from ptce_check.atomic import write_atomically
from ptce_check.errors import UserError
from ptce_check.i18n import Text
from ptce_check.templates import DOSSIER_TEMPLATE
from ptce_check.textsafe import escape_all_controls

TEMPLATE = DOSSIER_TEMPLATE
_CALL_LINE = re.compile(r"^call: \S+", re.MULTILINE)


class Written(Struct):
    """What `write_template` did: the files written, and a schema file it left as it was."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def dossier_template(call_id: str) -> str:
    """The template's text for a call; the caller has checked that the call exists."""
    text = TEMPLATE.read_text(encoding="utf-8")
    return _CALL_LINE.sub(lambda _: f"call: {call_id}", text, count=1)


def _write(path: Path, text: str, force: bool) -> None:
    # Without `force` the file is created only if it does not exist, with no window between
    # checking and writing; either way it appears whole or not at all (`atomic`).
    shown = escape_all_controls(str(path))
    try:
        write_atomically(path, lambda stream: stream.write(text), exclusive=not force)
    except FileExistsError:
        raise UserError(
            Text(
                f"{shown} existe déjà\u00a0: rien n'est écrit (--force pour le remplacer)",
                f"{shown} already exists: nothing written (--force to replace it)",
            )
        ) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise UserError(
            Text(f"écriture impossible dans {shown}\u00a0: {reason}", f"cannot write {shown}: {reason}")
        ) from error


def _holds(path: Path, text: str) -> bool:
    try:
        return path.read_bytes() == text.encode("utf-8")
    except OSError:
        return False


def write_template(path: Path, call_id: str, *, force: bool = False) -> Written:
    """Write the template at `path` and the schema beside it (`ptce-dossier.schema.json`).

    An existing dossier is refused (UserError) unless `force`; an existing schema file that
    differs is kept unless `force`, since it may be the one a team has chosen to pin.
    """
    from ptce_check.schema import SCHEMA_FILE_NAME, schema_text

    done = Written()
    _write(path, dossier_template(call_id), force)
    done.written.append(path)
    schema_path = path.parent / SCHEMA_FILE_NAME
    schema = schema_text()
    if schema_path.exists() and not force:
        if not _holds(schema_path, schema):
            done.kept.append(schema_path)
        return done
    _write(schema_path, schema, force=True)
    done.written.append(schema_path)
    return done
