"""Calls for projects as data: criteria/<id>.yaml -> a validated `Call`.

A call file names its hard rules and its scoring criteria by *kind* with parameters; the kinds
are Python modules (ptce_check.checks, ptce_check.metrics). A broken call file is reported at
its own line and column, through the same safe loader as dossiers.
"""

# Annotations stay evaluated (no `from __future__ import annotations`): Pydantic reads them as
# objects instead of evaluating strings when each model class is created.

import functools
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Literal, Self
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ptce_check.decoding import Limits, read_file
from ptce_check.errors import UserError
from ptce_check.findings import SourceError, format_path
from ptce_check.i18n import Text
from ptce_check.scalars import Amount, Day, Moment
from ptce_check.textsafe import escape_all_controls, escape_invisible

CALL_FORMAT = "ptce-call/1"
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


class Rule(_Strict):
    code: str = Field(pattern=r"^PTCE-E[0-9]{2}$")
    kind: str
    title: Localized
    source: str
    params: dict[str, Any] = Field(default_factory=dict)
    #: Validated parameters, set by the loader from the kind's Params model.
    checked_params: Any = None


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
    checked_params: Any = None

    @model_validator(mode="after")
    def _bands_reach_max(self) -> Self:
        best = max(band.points for band in self.bands)
        if best != self.max_points:
            raise ValueError(f"the best band gives {best} points, max_points is {self.max_points}")
        return self


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
    deadline: Moment | None = None
    deadline_source: str | None = None
    envelope_eur: Amount | None = None
    envelope_source: str | None = None
    grant_range: GrantRange | None = None
    rules: list[Rule]
    axes: list[Axis]
    scoring: list[Criterion]
    path: Path | None = None

    @field_validator("rules")
    @classmethod
    def _unique_codes(cls, rules: list[Rule]) -> list[Rule]:
        codes = [rule.code for rule in rules]
        duplicates = sorted({code for code in codes if codes.count(code) > 1})
        if duplicates:
            raise ValueError(f"rule codes used twice: {', '.join(duplicates)}")
        return rules

    @model_validator(mode="after")
    def _grid_is_consistent(self) -> Self:
        total = sum(criterion.max_points for criterion in self.scoring)
        if abs(total - 100) > 1e-9:
            raise ValueError(f"the scoring grid totals {total:g} points, not 100")
        axes = {axis.id for axis in self.axes}
        unknown = sorted({c.axis for c in self.scoring} - axes)
        if unknown:
            raise ValueError(f"criteria name unknown axes: {', '.join(unknown)}")
        return self

    @property
    def deadline_paris(self) -> datetime | None:
        """The deadline as an aware datetime; a bare date closes at the end of that day."""
        if self.deadline is None:
            return None
        return as_paris(self.deadline, end_of_day=True)


PARIS = ZoneInfo("Europe/Paris")


def as_paris(moment: date | datetime, end_of_day: bool = False) -> datetime:
    """A datetime without an offset is Paris time; a bare date is its day's start or end."""
    if isinstance(moment, datetime):
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=PARIS)
    return datetime.combine(moment, time.max if end_of_day else time.min, tzinfo=PARIS)


def criteria_dirs() -> list[Path]:
    return [d for d in (PACKAGE_CRITERIA, SOURCE_CRITERIA) if d.is_dir()]


def list_calls() -> list[str]:
    """The ids of the shipped calls, sorted."""
    return list(_shipped_ids())


@functools.lru_cache(maxsize=1)
def _shipped_ids() -> tuple[str, ...]:
    # Asked once per dossier: the criteria folders do not change while the program runs.
    return tuple(sorted({path.stem for directory in criteria_dirs() for path in directory.glob("*.yaml")}))


def is_shipped_call(value: object) -> bool:
    """Whether a dossier's `call` value is the id of a shipped call (never a path)."""
    return isinstance(value, str) and value in _shipped_ids()


def call_path(call_id: str) -> Path | None:
    """The file of a call named on the command line: a shipped id, or a path to a call file."""
    if call_id.endswith((".yaml", ".yml")):
        candidate = Path(call_id)
        return candidate if _is_file(candidate) else None
    return _shipped_path(call_id)


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


@functools.cache
def load_call(call_id: str) -> Call:
    """A call named on the command line (`--call`): a shipped id or a call file's path. Any
    problem is a UserError naming file, line and column."""
    if not call_id.endswith((".yaml", ".yml")):
        return shipped_call(call_id)
    path = call_path(call_id)
    if path is None:
        raise _unknown_call(call_id)
    return _load_path(path)


@functools.cache
def shipped_call(call_id: str) -> Call:
    """A call named inside a dossier: only ever a shipped call's id. The value is never read
    as a file name, so a dossier does not choose which file on disk is opened."""
    path = _shipped_path(call_id)
    if path is None:
        raise _unknown_call(call_id)
    return _load_path(path)


def _unknown_call(call_id: str) -> UserError:
    known = ", ".join(_shipped_ids())
    shown = escape_all_controls(call_id)
    return UserError(
        Text(
            f"appel inconnu « {shown} » (appels connus : {known})",
            f"unknown call '{shown}' (known calls: {known})",
        )
    )


def _load_path(path: Path) -> Call:
    from ptce_check.source import load_bytes

    try:
        document = load_bytes(read_file(path, Limits()), Limits())
    except SourceError as error:
        position = error.finding.position
        where = _where(path, position.line, position.column) if position else _shown(path)
        message = error.finding.message
        raise UserError(
            Text(f"{where}: {escape_invisible(message.fr)}", f"{where}: {escape_invisible(message.en)}")
        ) from None
    try:
        call = Call.model_validate({**document.data, "path": path})
    except ValidationError as error:
        raise _call_error(path, document, error) from None
    return _with_checked_params(call, path, document)


def _shown(path: Path) -> str:
    return escape_all_controls(str(path))


def _where(path: Path, line: int, column: int) -> str:
    return f"{_shown(path)}:{line}:{column}"


def _call_error(path: Path, document: Any, error: ValidationError) -> UserError:
    lines = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        position = document.source_map.lookup(loc)
        detail = escape_all_controls(f"{format_path(loc) or '<root>'}: {item['msg']}")
        lines.append(f"{_where(path, position.line, position.column)}: {detail}")
    text = "\n".join(lines)
    return UserError(Text(f"fichier d'appel invalide :\n{text}", f"invalid call file:\n{text}"))


def _with_checked_params(call: Call, path: Path, document: Any) -> Call:
    from ptce_check.checks import RULE_KINDS
    from ptce_check.metrics import METRICS

    rules = []
    for index, rule in enumerate(call.rules):
        module = RULE_KINDS.get(rule.kind)
        location = ("rules", index)
        if module is None:
            raise _kind_error(path, document, (*location, "kind"), rule.kind, sorted(RULE_KINDS))
        params = _params(module.Params, rule.params, path, document, (*location, "params"))
        rules.append(rule.model_copy(update={"checked_params": params}))
    criteria = []
    for index, criterion in enumerate(call.scoring):
        metric = METRICS.get(criterion.kind)
        location = ("scoring", index)
        if metric is None:
            raise _kind_error(path, document, (*location, "kind"), criterion.kind, sorted(METRICS))
        params = _params(metric.Params, criterion.params, path, document, (*location, "params"))
        criteria.append(criterion.model_copy(update={"checked_params": params}))
    return call.model_copy(update={"rules": rules, "scoring": criteria})


def _kind_error(path: Path, document: Any, loc: tuple[str | int, ...], kind: str, known: list[str]) -> UserError:
    position = document.source_map.lookup(loc)
    where = _where(path, position.line, position.column)
    listed = ", ".join(known)
    shown = escape_all_controls(kind)
    return UserError(
        Text(
            f"{where}: type de règle inconnu « {shown} » (connus : {listed})",
            f"{where}: unknown rule kind '{shown}' (known: {listed})",
        )
    )


def _params(
    model: type[BaseModel], raw: dict[str, Any], path: Path, document: Any, loc: tuple[str | int, ...]
) -> BaseModel:
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        lines = []
        for item in error.errors(include_url=False):
            full = (*loc, *item["loc"])
            position = document.source_map.lookup(full)
            detail = escape_all_controls(f"{format_path(full)}: {item['msg']}")
            lines.append(f"{_where(path, position.line, position.column)}: {detail}")
        text = "\n".join(lines)
        raise UserError(Text(f"fichier d'appel invalide :\n{text}", f"invalid call file:\n{text}")) from None
