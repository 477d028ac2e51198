"""The project's settings for `check` and `screen`, read as ruff reads its own: a
`ptce-check.toml` (its top-level keys) or the `[tool.ptce-check]` table of a `pyproject.toml`,
in the first folder holding either, from the current folder upwards (`ptce-check.toml` wins in
the same folder; a `pyproject.toml` without the table is passed over). `--config FILE` names
the file, `--isolated` reads none; the command line always wins over the file.

Paths in the file are relative to its folder. Anything the file holds that is not understood
(an unknown key, a wrong type, a value out of its choices) is a usage error at the key's
`FILE:LINE:COL`: tomllib gives no positions, so `key_position` finds where a key is written by
scanning the lines of its tables. A file is read like a dossier: regular files only, within
`MAX_CONFIG_BYTES`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct

from ptce_check.errors import UserError
from ptce_check.i18n import Text
from ptce_check.lazy import compiled_on_first_use
from ptce_check.outcome_status import FAIL_ON_CHOICES
from ptce_check.textsafe import escape_all_controls, escape_key

if TYPE_CHECKING:
    from typing import Any

CONFIG_FILE = "ptce-check.toml"
PYPROJECT = "pyproject.toml"
PYPROJECT_TABLE = ("tool", "ptce-check")
MAX_CONFIG_BYTES = 256 * 1024
LANG_VALUES = ("fr", "en")
# A pyproject is parsed only when its text may hold the table: tomllib costs more at start-up
# than the whole search, and most pyprojects are other tools'. Not seen, so passed over:
# `ptce-check = "…"` under `[tool]`, which reads like a `[project.scripts]` entry and is no table.
_MAY_HOLD_TABLE = compiled_on_first_use(
    r"""^[ \t]*(?:\[[ \t]*)?(?:tool[ \t]*\.[ \t]*)?["']?ptce-check["']?[ \t]*[.\]]|ptce-check["']?[ \t]*=[ \t]*\{"""
    r"""|^[ \t]*tool[ \t]*\.[ \t]*["']?ptce-check""",
    re.MULTILINE,
)


class Config(Struct, frozen=True):
    """The settings a file gives, paths resolved against its folder; None or () where it gives none."""

    path: Path
    call: str | None = None
    fail_on: str | None = None
    excludes: tuple[str, ...] = ()
    #: `KIND=FILE` as `--reference` takes them.
    references: tuple[str, ...] = ()
    lang: str | None = None
    calls_dirs: tuple[Path, ...] = ()


def configuration(explicit: Path | None, *, isolated: bool, start: Path | None = None) -> Config | None:
    """The run's configuration: `--config FILE`, none with `--isolated`, else the one found
    from `start` (the current folder) upwards; None when there is none."""
    if explicit is not None and isolated:
        raise UserError(Text("--config et --isolated s'excluent", "--config and --isolated exclude each other"))
    if isolated:
        return None
    if explicit is not None:
        return load_config(explicit)
    found = find_config(start)
    return None if found is None else read_config(*found)


def find_config(start: Path | None = None) -> tuple[Path, str, dict[str, Any]] | None:
    """The first folder's settings file from `start` upwards, with its text and its table:
    a few `stat`s per folder, a pyproject read only when it exists."""
    try:
        folder = (start or Path.cwd()).absolute()
    except OSError:  # the current folder was removed
        return None
    for directory in (folder, *folder.parents):
        candidate = directory / CONFIG_FILE
        if _exists(candidate):
            return _parsed(candidate)
        pyproject = directory / PYPROJECT
        if _exists(pyproject):
            text = _read_text(pyproject)
            table = _table_of(pyproject, text) if _MAY_HOLD_TABLE().search(text) else None
            if table is not None:
                return pyproject, text, table
    return None


def load_config(path: Path) -> Config:
    """The settings of a file named with `--config` (a `pyproject.toml` gives its table)."""
    if not _exists(path):
        where = _shown(path)
        raise UserError(Text(f"configuration introuvable\u00a0: {where}", f"no such configuration file: {where}"))
    return read_config(*_parsed(path))


def read_config(path: Path, text: str, table: dict[str, Any]) -> Config:
    problems: list[Text] = []
    values = _Reader(path, text, _prefix(path), problems).read(table)
    if problems:
        fr = "\n".join(problem.fr for problem in problems)
        en = "\n".join(problem.en for problem in problems)
        raise UserError(Text(f"configuration invalide\u00a0:\n{fr}", f"invalid configuration:\n{en}"))
    return Config(path=path, **values)


def _exists(path: Path) -> bool:
    try:
        path.stat()
    except (OSError, ValueError):
        return False
    return True


def _parsed(path: Path) -> tuple[Path, str, dict[str, Any]]:
    text = _read_text(path)
    table = _table_of(path, text)
    return path, text, table if table is not None else {}


def _read_text(path: Path) -> str:
    """A regular file's text, within the size limit, as UTF-8 (TOML's only encoding)."""
    from ptce_check.decoding import Limits, read_file
    from ptce_check.findings import SourceError

    try:
        raw = read_file(path, Limits(max_bytes=MAX_CONFIG_BYTES))
    except SourceError as error:
        message = error.finding.message
        where = _shown(path)
        raise UserError(Text(f"{where}\u00a0: {message.fr}", f"{where}: {message.en}")) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = len(raw[raw.rfind(b"\n", 0, error.start) + 1 : error.start].decode("utf-8", "replace")) + 1
        where = f"{_shown(path)}:{line}:{column}"
        raise UserError(Text(f"{where}: ce n'est pas de l'UTF-8", f"{where}: not UTF-8")) from None


def _table_of(path: Path, text: str) -> dict[str, Any] | None:
    """The settings table of a file: a `ptce-check.toml` whole, a pyproject's `[tool.ptce-check]`
    (None when it has none). A syntax error is reported at its line and column."""
    import tomllib

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UserError(_syntax_error(path, str(error))) from None
    if path.name != PYPROJECT:
        return document
    table: Any = document
    for part in PYPROJECT_TABLE:
        if not isinstance(table, dict) or part not in table:
            return None
        table = table[part]
    if not isinstance(table, dict):
        found = _type_name(table)
        where = f"{_shown(path)}:{_where(text, PYPROJECT_TABLE)}"
        raise UserError(
            Text(
                f"{where}: tool.ptce-check\u00a0: attendu\u00a0: une table\u00a0; trouvé\u00a0: {found.fr}",
                f"{where}: tool.ptce-check: expected a table, found {found.en}",
            )
        )
    return table


_TOML_POSITION = compiled_on_first_use(r" \(at line (\d+), column (\d+)\)$")


def _syntax_error(path: Path, message: str) -> Text:
    position = _TOML_POSITION().search(message)
    line, column = position.groups() if position else ("1", "1")
    reason = escape_all_controls(_TOML_POSITION().sub("", message).replace(" (at end of document)", ""))
    where = f"{_shown(path)}:{line}:{column}"
    return Text(f"{where}: syntaxe TOML invalide ({reason})", f"{where}: invalid TOML ({reason})")


def _prefix(path: Path) -> tuple[str, ...]:
    return PYPROJECT_TABLE if path.name == PYPROJECT else ()


def _shown(path: Path) -> str:
    return escape_all_controls(str(path))


def _type_name(value: object) -> Text:
    names: list[tuple[type | tuple[type, ...], Text]] = [
        (bool, Text("un booléen", "a boolean")),
        (str, Text("une chaîne", "a string")),
        ((int, float), Text("un nombre", "a number")),
        (list, Text("un tableau", "an array")),
        (dict, Text("une table", "a table")),
    ]
    for kinds, name in names:
        if isinstance(value, kinds):
            return name
    return Text("une date", "a date")


class _Problem(Exception):
    def __init__(self, key: tuple[str, ...], message: Text) -> None:
        super().__init__(message.en)
        self.key = key
        self.message = message


class _Reader(Struct):
    """Reads the keys of one settings table into `Config` fields, recording each problem."""

    path: Path
    text: str
    prefix: tuple[str, ...]
    problems: list[Text]

    def read(self, table: dict[str, Any]) -> dict[str, Any]:
        keys: dict[str, tuple[str, Callable[[Any], Any]]] = {
            "call": ("call", self._call),
            "fail-on": ("fail_on", lambda value: _choice(value, FAIL_ON_CHOICES)),
            "exclude": ("excludes", self._globs),
            "reference": ("references", self._references),
            "lang": ("lang", lambda value: _choice(value, LANG_VALUES)),
            "calls-dir": ("calls_dirs", self._folders),
        }
        values: dict[str, Any] = {}
        for key, value in table.items():
            try:
                if key not in keys:
                    raise _Problem((), _unknown(Text("clé inconnue", "unknown key"), key, list(keys), named=False))
                field, read = keys[key]
                values[field] = read(value)
            except _Problem as problem:
                self._record((key, *problem.key), problem.message)
        return values

    def _record(self, key: tuple[str, ...], message: Text) -> None:
        full = (*self.prefix, *key)
        where = f"{_shown(self.path)}:{_where(self.text, full)}"
        shown = escape_key(".".join(full))
        self.problems.append(Text(f"{where}: {shown}\u00a0: {message.fr}", f"{where}: {shown}: {message.en}"))

    @property
    def folder(self) -> Path:
        return self.path.parent

    def _call(self, value: Any) -> str:
        from ptce_check.calls import is_shipped_call, list_calls, names_a_file

        text = _string(value)
        if names_a_file(text):
            return str(self.folder / text)
        if not is_shipped_call(text):
            raise _Problem((), _unknown(Text("appel inconnu", "unknown call"), text, list_calls()))
        return text

    def _folders(self, value: Any) -> tuple[Path, ...]:
        return tuple(self.folder / item for item in _strings(value))

    def _globs(self, value: Any) -> tuple[str, ...]:
        return tuple(anchored_glob(item, self.folder) for item in _strings(value))

    def _references(self, value: Any) -> tuple[str, ...]:
        from ptce_check.territory.user_lists import KINDS

        if not isinstance(value, dict):
            raise _Problem((), _expected(Text("une table", "a table"), value))
        specs = []
        for kind, file in value.items():
            if kind not in KINDS:
                raise _Problem(
                    (kind,), _unknown(Text("type de liste inconnu", "unknown kind of list"), kind, KINDS, named=False)
                )
            try:
                specs.append(f"{kind}={self.folder / _string(file)}")
            except _Problem as problem:
                raise _Problem((kind,), problem.message) from None
        return tuple(specs)


def anchored_glob(pattern: str, folder: Path, current: Path | None = None) -> str:
    """A configuration's exclude pattern as `--exclude` matches it (against a path as given,
    relative to the current folder, or a file's name): one naming a path (`drafts/*`) is
    relative to the configuration's folder; one for any folder (`*/old/*`) or a name (`*.bak`)
    is kept."""
    if "/" not in pattern or pattern.startswith(("*", "/")):
        return pattern
    try:
        return Path(os.path.relpath(folder / pattern, current or Path.cwd())).as_posix()
    except (OSError, ValueError):
        return pattern


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise _Problem((), _expected(Text("une chaîne", "a string"), value))
    if not value.strip():
        raise _Problem((), Text("chaîne vide", "empty string"))
    return value


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise _Problem((), _expected(Text("un tableau de chaînes", "an array of strings"), value))
    for index, item in enumerate(value):
        try:
            _string(item)
        except _Problem as problem:
            raise _Problem(
                (), Text(f"élément {index + 1}\u00a0: {problem.message.fr}", f"item {index + 1}: {problem.message.en}")
            ) from None
    return list(value)


def _choice(value: Any, choices: Sequence[str]) -> str:
    text = _string(value)
    if text not in choices:
        raise _Problem((), _unknown(Text("valeur inconnue", "unknown value"), text, choices))
    return text


def _expected(wanted: Text, value: object) -> Text:
    found = _type_name(value)
    fr = f"attendu\u00a0: {wanted.fr}\u00a0; trouvé\u00a0: {found.fr}"
    return Text(fr, f"expected {wanted.en}, found {found.en}")


def _unknown(what: Text, given: str, choices: Sequence[str], *, named: bool = True) -> Text:
    """`unknown value 'x' (did you mean y?)`; a key is not named again (`named`): its path is."""
    if named:
        shown = escape_key(given)
        what = Text(f"{what.fr} « {shown} »", f"{what.en} '{shown}'")
    import difflib  # only a misspelt name needs it

    close = difflib.get_close_matches(given.replace("_", "-"), choices, n=1, cutoff=0.6)
    if close:
        return Text(f"{what.fr} (vouliez-vous dire {close[0]} ?)", f"{what.en} (did you mean {close[0]}?)")
    listed = ", ".join(choices)
    return Text(f"{what.fr} ({listed})", f"{what.en} ({listed})")


# Where a key is written: TOML's keys (bare, "basic" or 'literal', dotted) at the start of a
# table header or of a `key = value` line, and in the inline tables a line opens.
_KEY_PART = r"""[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'"""
_DOTTED = rf"(?:{_KEY_PART})(?:[ \t]*\.[ \t]*(?:{_KEY_PART}))*"
_HEADER = compiled_on_first_use(rf"[ \t]*\[\[?[ \t]*({_DOTTED})[ \t]*\]")
_ASSIGNMENT = compiled_on_first_use(rf"[ \t]*({_DOTTED})[ \t]*=")
_INLINE_KEY = compiled_on_first_use(rf"[{{,][ \t]*({_DOTTED})[ \t]*=")
_PART = compiled_on_first_use(_KEY_PART)


def key_position(text: str, key: Sequence[str]) -> tuple[int, int]:
    """The line and column (from 1) where the key `key` (its full dotted path) is written; where
    its nearest written parent is when the key itself is not found (a quoted key with escapes);
    1:1 when nothing is."""
    target = tuple(key)
    best, position = 0, (1, 1)
    for number, column, written in _written_keys(text):
        if written == target:
            return number, column
        if len(written) > best and target[: len(written)] == written:
            best, position = len(written), (number, column)
    return position


def _where(text: str, key: Sequence[str]) -> str:
    line, column = key_position(text, key)
    return f"{line}:{column}"


def _written_keys(text: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """Each key written in the text: its line, column and full dotted path."""
    table: tuple[str, ...] = ()
    in_string = False
    for number, line in enumerate(text.split("\n"), 1):
        quotes = line.count('"""') + line.count("'''")
        if in_string:
            in_string = quotes % 2 == 0
            continue
        in_string = quotes % 2 == 1
        header = _HEADER().match(line)
        if header:
            table = _parts(header.group(1))
            yield number, header.start(1) + 1, table
            continue
        assignment = _ASSIGNMENT().match(line)
        if assignment is None:
            continue
        written = (*table, *_parts(assignment.group(1)))
        yield number, assignment.start(1) + 1, written
        for inline in _INLINE_KEY().finditer(line, assignment.end()):
            yield number, inline.start(1) + 1, (*written, *_parts(inline.group(1)))


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(part[1:-1] if part[0] in "\"'" else part for part in _PART().findall(dotted))
