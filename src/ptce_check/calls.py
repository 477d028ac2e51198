"""Calls for projects as data: criteria/<id>.yaml -> a validated `Call`.

A call file names its hard rules and its scoring criteria by *kind* with parameters; binding
them to the kinds (ptce_check.checks, ptce_check.metrics) and checking the grid is
`ptce_check.binding`'s work. A broken call file is reported at its own line and column, through
the same safe loader as dossiers.
"""

# Annotations stay evaluated (no `from __future__ import annotations`): Pydantic reads them as
# objects instead of evaluating strings when each model class is created.

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ptce_check.codes import CODES
from ptce_check.dates import as_paris
from ptce_check.decoding import Limits, read_file
from ptce_check.errors import UserError
from ptce_check.findings import Path as DataPath
from ptce_check.findings import SourceError, format_path
from ptce_check.i18n import Text
from ptce_check.scalars import Amount, Day, Moment
from ptce_check.textsafe import escape_all_controls, escape_invisible

if TYPE_CHECKING:
    from ptce_check.source import SourceMap

PACKAGE_CRITERIA = Path(__file__).parent / "criteria"
SOURCE_CRITERIA = Path(__file__).resolve().parents[2] / "criteria"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, allow_inf_nan=False)


class Localized(_Strict):
    fr: str
    en: str

    @property
    def text(self) -> Text:
        return Text(self.fr, self.en)


class GrantRange(_Strict):
    min_eur: Amount | None = None
    max_eur: Amount | None = None
    source: str


class Counts(_Strict):
    """How many dossiers the call received, judged eligible and selected, as published."""

    filed: int | None = Field(default=None, ge=0)
    eligible: int | None = Field(default=None, ge=0)
    laureates: int | None = Field(default=None, ge=0)
    source: str


class Rule(_Strict):
    code: str = Field(pattern=r"^PTCE-E[0-9]{2}$")
    kind: str
    #: Only for a code `codes.py` does not know (binding checks it); else the title is codes.py's.
    given_title: Localized | None = Field(default=None, alias="title")
    source: str
    params: dict[str, Any] = Field(default_factory=dict)

    @property
    def title(self) -> Text:
        """The rule's title: codes.py's for a known code, one place for every report."""
        known = CODES.get(self.code)
        if known is not None:
            return known.title
        if self.given_title is not None:
            return self.given_title.text
        return Text(self.code, self.code)


class Band(_Strict):
    threshold: float
    points: float = Field(ge=0)


class Criterion(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    axis: str
    kind: str
    title: Localized
    source: str
    max_points: float = Field(gt=0)
    better: Literal["higher", "lower"] = "higher"
    bands: list[Band] = Field(min_length=1)
    params: dict[str, Any] = Field(default_factory=dict)


class Axis(_Strict):
    id: str
    title: Localized
    #: A column heading for tables.
    short: Localized
    source: str


class Call(_Strict):
    format: Literal["ptce-call/1"]
    id: str
    title: Localized
    summary: Localized
    sources: dict[str, str]
    launched_on: Day | None = None
    #: Submissions dated before the opening fail PTCE-E09 (a bare date opens at its start).
    opens_on: Moment | None = None
    deadline: Moment | None = None
    deadline_source: str | None = None
    envelope_eur: Amount | None = None
    envelope_source: str | None = None
    #: The most a dossier may ask (PTCE-E14, when the call applies it).
    grant_ceiling_eur: Amount | None = None
    grant_ceiling_source: str | None = None
    grant_range: GrantRange | None = None
    duration_years: int | None = Field(default=None, ge=1)
    duration_source: str | None = None
    counts: Counts | None = None
    rules: list[Rule]
    axes: list[Axis]
    scoring: list[Criterion]
    path: Path | None = None

    @property
    def deadline_paris(self) -> datetime | None:
        """The deadline as an aware datetime; a bare date closes at the end of that day."""
        if self.deadline is None:
            return None
        return as_paris(self.deadline, end_of_day=True)

    @property
    def opens_paris(self) -> datetime | None:
        """The opening as an aware datetime; a bare date opens at the start of that day."""
        if self.opens_on is None:
            return None
        return as_paris(self.opens_on)


@dataclass(frozen=True, slots=True)
class CallFile:
    """A call read from its file, with where each of its values is written."""

    call: Call
    path: Path
    source_map: "SourceMap"

    def where(self, loc: DataPath, at_key: bool = False) -> str:
        """`FILE:LINE:COLUMN` of the value at `loc` (of its key with `at_key`), escaped."""
        position = self.source_map.lookup(loc, at_key=at_key)
        return f"{_shown(self.path)}:{position.line}:{position.column}"


def invalid_call_file(lines: Sequence[Text]) -> UserError:
    """One error for the problems of a call file, one `FILE:LINE:COL: path: message` a line."""
    french = "\n".join(line.fr for line in lines)
    english = "\n".join(line.en for line in lines)
    return UserError(Text(f"fichier d'appel invalide :\n{french}", f"invalid call file:\n{english}"))


def criteria_dirs() -> list[Path]:
    return [d for d in (PACKAGE_CRITERIA, SOURCE_CRITERIA) if d.is_dir()]


def list_calls() -> list[str]:
    """The ids of the shipped calls, sorted (listed from disk once: a fresh list of the cached ids)."""
    return list(_shipped_ids())


@functools.lru_cache(maxsize=1)
def _shipped_ids() -> tuple[str, ...]:
    # Asked once per dossier: the criteria folders do not change while the program runs.
    return tuple(sorted({path.stem for directory in criteria_dirs() for path in directory.glob("*.yaml")}))


def is_shipped_call(value: object) -> bool:
    """Whether a dossier's `call` value is the id of a shipped call (never a path)."""
    return isinstance(value, str) and value in _shipped_ids()


def names_a_file(id_or_path: str) -> bool:
    """Whether a call named on the command line is a call file's path rather than an id."""
    return id_or_path.endswith((".yaml", ".yml"))


def call_path(call_id: str) -> Path | None:
    """The file of a call named on the command line: a shipped id, or a path to a call file."""
    if names_a_file(call_id):
        candidate = Path(call_id)
        return candidate if _is_file(candidate) else None
    return _shipped_path(call_id)


def command_line_path(id_or_path: str) -> Path:
    """The file of a call named on the command line; a UserError when there is none."""
    path = call_path(id_or_path)
    if path is None:
        raise _unknown_call(id_or_path)
    return path


def shipped_path(call_id: str) -> Path:
    """The file of a shipped call, by id only; a UserError for any other value."""
    path = _shipped_path(call_id)
    if path is None:
        raise _unknown_call(call_id)
    return path


def _shipped_path(call_id: str) -> Path | None:
    if call_id not in _shipped_ids():
        return None
    for directory in criteria_dirs():
        candidate = directory / f"{call_id}.yaml"
        if _is_file(candidate):
            return candidate
    return None


def _is_file(path: Path) -> bool:
    """`Path.is_file`, false for a name the system refuses (too long, NUL byte) instead of raising."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _unknown_call(call_id: str) -> UserError:
    known = ", ".join(_shipped_ids())
    shown = escape_all_controls(call_id)
    return UserError(
        Text(
            f"appel inconnu « {shown} » (appels connus : {known})",
            f"unknown call '{shown}' (known calls: {known})",
        )
    )


def read_call(path: Path) -> CallFile:
    """A call file read and validated as data; any problem is a UserError naming file, line and column."""
    from ptce_check.source import load_bytes

    try:
        document = load_bytes(read_file(path, Limits()), Limits())
    except SourceError as error:
        position = error.finding.position
        where = f"{_shown(path)}:{position.line}:{position.column}" if position else _shown(path)
        message = error.finding.message
        raise UserError(
            Text(f"{where}: {escape_invisible(message.fr)}", f"{where}: {escape_invisible(message.en)}")
        ) from None
    try:
        call = Call.model_validate({**document.data, "path": path})
    except ValidationError as error:
        raise _call_error(path, document.source_map, error) from None
    return CallFile(call, path, document.source_map)


def _shown(path: Path) -> str:
    return escape_all_controls(str(path))


def _call_error(path: Path, source_map: "SourceMap", error: ValidationError) -> UserError:
    lines: list[Text] = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        # An unknown key is shown where the key is written, not its value.
        position = source_map.lookup(loc, at_key=item["type"] == "extra_forbidden")
        detail = escape_all_controls(f"{format_path(loc) or '<root>'}: {item['msg']}")
        line = f"{_shown(path)}:{position.line}:{position.column}: {detail}"
        lines.append(Text(line, line))
    return invalid_call_file(lines)
