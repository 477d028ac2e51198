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
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from msgspec import Struct
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from ptce_check.citations import Choice, Citation, FrenchText, Reference, cite
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
    fr: FrenchText
    en: str

    @property
    def text(self) -> Text:
        return Text(self.fr, self.en)


class Cited(_Strict):
    """An entry that cites the call's references (`source:`) and says what is the file's own choice."""

    #: The references cited, by id in the call's `sources:` table (at least one, or a `choice`).
    cites: list[Citation] = Field(default=[], alias="source")
    #: What of this entry is the call file's own choice, not a published text.
    choice: list[Choice] = Field(default=[])
    #: Why: the reasoning behind the entry, shown by `criteria --verbose` only.
    rationale: FrenchText | None = None
    _citation: Text = PrivateAttr(default=Text("", ""))

    @property
    def citation(self) -> Text:
        """The citation shown to readers (references rendered from the call's table)."""
        return self._citation

    @property
    def source(self) -> str:
        """The citation in French, the language of the texts cited."""
        return self._citation.fr


class GrantRange(Cited):
    min_eur: Amount | None = None
    max_eur: Amount | None = None


class Counts(Cited):
    """How many dossiers the call received, judged eligible and selected, as published."""

    filed: int | None = Field(default=None, ge=0)
    eligible: int | None = Field(default=None, ge=0)
    laureates: int | None = Field(default=None, ge=0)


class Figure(Cited):
    """The sources of one of the call's figures (deadline, envelope, ceiling, duration)."""


class Rule(Cited):
    code: str = Field(pattern=r"^PTCE-E[0-9]{2}$")
    kind: str
    #: Only for a code `codes.py` does not know (binding checks it); else the title is codes.py's.
    given_title: Localized | None = Field(default=None, alias="title")
    params: dict[str, Any] = Field(default={})

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


class Criterion(Cited):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    axis: str
    kind: str
    title: Localized
    max_points: float = Field(gt=0)
    better: Literal["higher", "lower"] = "higher"
    #: At least one, except for a `reviewer` criterion, which has none (checked by `binding`).
    bands: list[Band] = Field(default=[])
    params: dict[str, Any] = Field(default={})


class Axis(Cited):
    id: str
    title: Localized
    #: A column heading for tables.
    short: Localized


class Call(_Strict):
    format: Literal["ptce-call/1"]
    id: str
    title: Localized
    summary: Localized
    #: The references the call cites, by id (`source:` entries name them).
    sources: dict[str, Reference]
    launched_on: Day | None = None
    #: Submissions dated before the opening fail PTCE-E09 (a bare date opens at its start).
    opens_on: Moment | None = None
    deadline: Moment | None = None
    deadline_source: Figure | None = None
    envelope_eur: Amount | None = None
    envelope_source: Figure | None = None
    #: The most a dossier may ask (PTCE-E14, when the call applies it).
    grant_ceiling_eur: Amount | None = None
    grant_ceiling_source: Figure | None = None
    grant_range: GrantRange | None = None
    duration_years: int | None = Field(default=None, ge=1)
    duration_source: Figure | None = None
    counts: Counts | None = None
    rules: list[Rule]
    axes: list[Axis]
    scoring: list[Criterion]
    path: Path | None = None

    @model_validator(mode="after")
    def _render_citations(self) -> "Call":
        for entry in self.cited_entries():
            entry._citation = cite(entry.cites, entry.choice, self.sources)
        return self

    def cited_entries(self) -> list[Cited]:
        """Every entry of the call that cites sources, in file order."""
        figures = (self.deadline_source, self.envelope_source, self.grant_ceiling_source, self.duration_source)
        return [
            *(figure for figure in figures if figure is not None),
            *self.rules,
            *self.axes,
            *self.scoring,
            *(entry for entry in (self.grant_range, self.counts) if entry is not None),
        ]

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


class CallFile(Struct, frozen=True):
    """A call read from its file, with where each of its values is written."""

    call: Call
    path: Path
    source_map: "SourceMap"

    def where(self, loc: DataPath, at_key: bool = False) -> str:
        """`FILE:LINE:COLUMN` of the value at `loc` (of its key with `at_key`), escaped."""
        position = self.source_map.lookup(loc, at_key=at_key)
        return f"{_shown(self.path)}:{position.line}:{position.column}"


class InvalidCallFile(UserError):
    """The problems of a call file, each a `FILE:LINE:COL: path: message` line (`lines`)."""

    def __init__(self, lines: Sequence[Text]) -> None:
        french = "\n".join(line.fr for line in lines)
        english = "\n".join(line.en for line in lines)
        super().__init__(Text(f"fichier d'appel invalide\u00a0:\n{french}", f"invalid call file:\n{english}"))
        self.lines = tuple(lines)


def invalid_call_file(lines: Sequence[Text]) -> InvalidCallFile:
    """One error for the problems of a call file, one `FILE:LINE:COL: path: message` a line."""
    return InvalidCallFile(lines)


def criteria_dirs() -> list[Path]:
    return [d for d in (PACKAGE_CRITERIA, SOURCE_CRITERIA) if d.is_dir()]


def list_calls(catalog: "CallCatalog | None" = None) -> list[str]:
    """The ids of the known calls, sorted: the shipped ones and those of the run's calls folders."""
    return list(catalog.ids) if catalog is not None else list(_shipped_ids())


@functools.lru_cache(maxsize=1)
def _shipped_ids() -> tuple[str, ...]:
    # Asked once per dossier: the criteria folders do not change while the program runs.
    return tuple(sorted({path.stem for directory in criteria_dirs() for path in directory.glob("*.yaml")}))


class CallCatalog(Struct, frozen=True):
    """The calls a run knows by id: the shipped ones, and those of the folders named with
    `--calls-dir` (one `<id>.yaml` a call). Built once per run from the command line; a dossier's
    `call` value is looked up here, never read as a path."""

    extra: tuple[tuple[str, Path], ...] = ()

    @classmethod
    def of(cls, folders: Sequence[Path]) -> "CallCatalog":
        """The catalog of these folders; a UserError for a missing folder or an id defined twice."""
        found: dict[str, Path] = {}
        for folder in folders:
            if not folder.is_dir():
                shown = _shown(folder)
                raise UserError(
                    Text(f"dossier d'appels introuvable\u00a0: {shown}", f"calls folder not found: {shown}")
                )
            for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
                _add(found, path)
        return cls(tuple(sorted(found.items())))

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(sorted({*_shipped_ids(), *(call_id for call_id, _ in self.extra)}))

    def path(self, call_id: str) -> Path | None:
        """The file of a known call id (a calls folder's or a shipped one)."""
        for known, path in self.extra:
            if known == call_id:
                return path
        return _shipped_path(call_id)

    def is_extra(self, call_id: str) -> bool:
        return any(known == call_id for known, _ in self.extra)


def _add(found: dict[str, Path], path: Path) -> None:
    """An id defined twice is a usage error: which call a dossier answers must never depend on
    the order of the folders."""
    call_id = path.stem
    shown = escape_all_controls(call_id)
    earlier = found.get(call_id) or _shipped_path(call_id)
    if earlier is not None:
        raise UserError(
            Text(
                f"appel « {shown} » défini deux fois\u00a0: {_shown(earlier)} et {_shown(path)}",
                f"call '{shown}' defined twice: {_shown(earlier)} and {_shown(path)}",
            )
        )
    found[call_id] = path


def is_shipped_call(value: object, catalog: CallCatalog | None = None) -> bool:
    """Whether a dossier's `call` value is the id of a known call (never a path)."""
    if not isinstance(value, str):
        return False
    return value in (catalog.ids if catalog is not None else _shipped_ids())


def names_a_file(id_or_path: str) -> bool:
    """Whether a call named on the command line is a call file's path rather than an id."""
    return id_or_path.endswith((".yaml", ".yml"))


def call_path(call_id: str, catalog: CallCatalog | None = None) -> Path | None:
    """The file of a call named on the command line: a known id, or a path to a call file."""
    if names_a_file(call_id):
        candidate = Path(call_id)
        return candidate if _is_file(candidate) else None
    return catalog.path(call_id) if catalog is not None else _shipped_path(call_id)


def command_line_path(id_or_path: str, catalog: CallCatalog | None = None) -> Path:
    """The file of a call named on the command line; a UserError when there is none."""
    path = call_path(id_or_path, catalog)
    if path is None:
        raise _unknown_call(id_or_path, catalog)
    return path


def shipped_path(call_id: str, catalog: CallCatalog | None = None) -> Path:
    """The file of a known call, by id only; a UserError for any other value."""
    path = catalog.path(call_id) if catalog is not None else _shipped_path(call_id)
    if path is None:
        raise _unknown_call(call_id, catalog)
    return path


def _shipped_path(call_id: str) -> Path | None:
    return _shipped_files().get(call_id)


@functools.lru_cache(maxsize=1)
def _shipped_files() -> dict[str, Path]:
    # The first folder holding an id wins (the installed package's, then the source tree's).
    files: dict[str, Path] = {}
    for directory in criteria_dirs():
        for path in sorted(directory.glob("*.yaml")):
            if _is_file(path):
                files.setdefault(path.stem, path)
    return files


def _is_file(path: Path) -> bool:
    """`Path.is_file`, false for a name the system refuses (too long, NUL byte) instead of raising."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _unknown_call(call_id: str, catalog: CallCatalog | None = None) -> UserError:
    known = ", ".join(escape_all_controls(known_id) for known_id in list_calls(catalog))
    shown = escape_all_controls(call_id)
    return UserError(
        Text(
            f"appel inconnu « {shown} » (appels connus\u00a0: {known})",
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
        line = Text(f"{where}: {escape_invisible(message.fr)}", f"{where}: {escape_invisible(message.en)}")
        raise InvalidCallFile([line]) from None
    if not isinstance(document.data, dict):
        where = f"{_shown(path)}:1:1"
        raise InvalidCallFile(
            [Text(f"{where}: un fichier d'appel est une table de clés", f"{where}: a call file is a mapping of keys")]
        )
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
