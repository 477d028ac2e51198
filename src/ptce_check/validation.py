"""Dossier data -> validated views + format findings (missing, unknown, wrongly typed values).

The findings come from validating the whole document, with paths in file coordinates. The views
are then built from the valid parts only, one value at a time (`_Builder`): a bad value is set
aside, never the object or the list that holds it.
"""

from __future__ import annotations

import math
import types
import typing
from typing import Annotated, Any, Literal

from msgspec import Struct
from msgspec.structs import replace
from pydantic import BaseModel, TypeAdapter, ValidationError

from ptce_check.dossier import Dossier, EsusApproval, drop_annotations
from ptce_check.findings import Cause, Finding, Path
from ptce_check.view import DossierView, PathOrigins, SetAside

_UNKNOWN: Any = object()
#: Objects read as set aside as a whole when one of their required fields is: their only use
#: is that field (an ESUS approval without a readable date proves nothing).
_WHOLE_OR_NOTHING: tuple[type[BaseModel], ...] = (EsusApproval,)


class Validated(Struct, frozen=True):
    #: What the rules and data-quality checks read: every valid value, placeholders recorded.
    view: DossierView
    #: Format findings, paths in file coordinates.
    findings: list[Finding]
    #: What the score reads: objects complete enough for the metrics (see `_Builder.complete`).
    scored: DossierView

    @property
    def origins(self) -> PathOrigins:
        return self.view.origins


def validate(data: dict[str, Any], *, annotated: bool = True) -> Validated:
    """`annotated=False` says the document holds no `x_…` key, which spares a pass over it."""
    if annotated:
        data = drop_annotations(data)
    try:
        view = DossierView.of(Dossier.model_validate(data))
        return Validated(view, [], view)
    except ValidationError as error:
        # Only a dossier with format findings needs their messages: a valid one skips the import.
        from ptce_check.shape_messages import finding_for_error

        findings = _link_misspelt_keys([finding_for_error(item) for item in error.errors(include_url=False)])
    view = _Builder(findings, complete=False).view(data)
    return Validated(view, findings, _Builder(findings, complete=True).view(data))


#: Unknown keys of one mapping compared with a missing key of that mapping, at the most.
_MISSPELLING_CANDIDATES = 50


def _link_misspelt_keys(findings: list[Finding]) -> list[Finding]:
    """A key typed wrong (`legal_fom:`) is both an unknown key and, for the key it was meant to
    be, a missing one: the missing key (S01) is then a consequence of the unknown one (S02)."""
    unknown: dict[Path, dict[str, Finding]] = {}
    for finding in findings:
        if finding.code == "PTCE-S02" and finding.path:
            siblings = unknown.setdefault(finding.path[:-1], {})
            if len(siblings) < _MISSPELLING_CANDIDATES:
                siblings[str(finding.path[-1])] = finding
    if not unknown:
        return findings
    from ptce_check.suggestions import close_matches

    linked = []
    for finding in findings:
        candidates = unknown.get(finding.path[:-1]) if finding.code == "PTCE-S01" and finding.path else None
        if candidates and finding.caused_by is None:
            # The missing key's closest unknown sibling, if it is close enough to be a typo of it.
            meant = close_matches(str(finding.path[-1]), candidates)
            if meant:
                finding = replace(finding, caused_by=candidates[meant[0]].cause)
        linked.append(finding)
    return linked


_ADAPTERS: dict[int, tuple[Any, TypeAdapter[Any]]] = {}


def _adapter(annotation: Any) -> TypeAdapter[Any]:
    found = _ADAPTERS.get(id(annotation))
    if found is None:
        found = _ADAPTERS[id(annotation)] = (annotation, TypeAdapter(annotation))
    return found[1]


_FIELDS: dict[tuple[type[BaseModel], str], Any] = {}


def _field_annotation(model: type[BaseModel], name: str) -> Any:
    key = (model, name)
    if key not in _FIELDS:
        _FIELDS[key] = model.model_fields[name].rebuild_annotation()
    return _FIELDS[key]


def _placeholder(annotation: Any) -> Any:
    """What a required field set aside holds: a value the checks can read without failing."""
    annotation = _bare(annotation)
    origin = typing.get_origin(annotation)
    if origin is list:
        return []
    if origin is dict:
        return {}
    if annotation is str:
        return ""
    if annotation in (int, float):
        return math.nan
    return None


def _bare(annotation: Any) -> Any:
    while typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _holds_model(annotation: Any) -> bool:
    annotation = _bare(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    if typing.get_origin(annotation) is Literal:
        return False
    return any(_holds_model(argument) for argument in typing.get_args(annotation))


def _optional_of(annotation: Any) -> Any | None:
    """X for `X | None`, else None."""
    bare = _bare(annotation)
    if isinstance(bare, types.UnionType) or typing.get_origin(bare) is typing.Union:
        others = [a for a in typing.get_args(bare) if a is not type(None)]
        if len(others) == 1 and len(others) < len(typing.get_args(bare)):
            return others[0]
    return None


class _Builder:
    """Builds a view value by value. With `complete=True` (the score's view) an object whose
    required enum, number, date or object could not be read is itself left out, since the
    metrics read those fields without asking whether they were read."""

    def __init__(self, findings: list[Finding], *, complete: bool) -> None:
        self.findings = findings
        self.complete = complete
        # The first finding at each path and under each path prefix: `_cause` is then a few
        # lookups per value set aside, not a pass over every finding (a hostile file has many).
        self._at: dict[Path, Finding] = {}
        self._under: dict[Path, Finding] = {}
        for finding in findings:
            self._at.setdefault(finding.path, finding)
            for depth in range(len(finding.path) + 1):
                self._under.setdefault(finding.path[:depth], finding)
        self.set_aside = SetAside(PathOrigins())

    def view(self, data: dict[str, Any]) -> DossierView:
        values: dict[str, Any] = {}
        for name, info in Dossier.model_fields.items():
            if name == "format":
                continue
            path: Path = (name,)
            if name not in data:
                if info.is_required():
                    self._record(path)
                continue
            value = self._value(_field_annotation(Dossier, name), data[name], path)
            if value is _UNKNOWN:
                self._record(path)
            else:
                values[name] = value
        return DossierView(
            call=values.get("call"),
            submitted_at=values.get("submitted_at"),
            pole=values.get("pole"),
            territory=values.get("territory"),
            members=values.get("members") or [],
            cooperation=values.get("cooperation"),
            project=values.get("project"),
            jobs=values.get("jobs"),
            budget=values.get("budget"),
            attachments=values.get("attachments") or [],
            set_aside=self.set_aside,
        )

    def _record(self, path: Path) -> None:
        self.set_aside.add(path, self._cause(path))

    def _cause(self, path: Path) -> Cause:
        """The root of the format finding about `path`: at it, else under it, else the nearest
        above it. A missing key caused by a misspelt one points at the misspelt key."""
        finding = self._at.get(path) or self._under.get(path)
        depth = len(path)
        while finding is None and depth > 0:
            depth -= 1
            finding = self._at.get(path[:depth])
        if finding is None:
            return Cause(self.findings[0].code, self.findings[0].path) if self.findings else Cause("", path)
        return finding.caused_by or finding.cause

    def _value(self, annotation: Any, value: Any, path: Path) -> Any:
        inner = _optional_of(annotation)
        if inner is not None:
            return None if value is None else self._value(inner, value, path)
        bare = _bare(annotation)
        if isinstance(bare, type) and issubclass(bare, BaseModel):
            return self._model(bare, value, path) if isinstance(value, dict) else _UNKNOWN
        origin = typing.get_origin(bare)
        if origin is list and _holds_model(bare):
            return self._list(typing.get_args(bare)[0], value, path)
        try:
            return _adapter(annotation).validate_python(value)
        except ValidationError:
            pass
        if origin is list and isinstance(value, list):
            return self._list(typing.get_args(bare)[0], value, path)
        if origin is dict and isinstance(value, dict):
            return self._mapping(bare, value, path)
        return _UNKNOWN

    def _list(self, item: Any, value: Any, path: Path) -> Any:
        if not isinstance(value, list):
            return _UNKNOWN
        items, kept = [], []
        for index, element in enumerate(value):
            built = self._value(item, element, (*path, index))
            if built is _UNKNOWN:
                self._record((*path, index))
            else:
                items.append(built)
                kept.append(index)
        self.set_aside.origins.keep(path, kept, len(value))
        return items

    def _mapping(self, annotation: Any, value: dict[Any, Any], path: Path) -> dict[Any, Any]:
        key_type, value_type = typing.get_args(annotation)
        result = {}
        for key, element in value.items():
            try:
                result[_adapter(key_type).validate_python(key)] = _adapter(value_type).validate_python(element)
            except ValidationError:
                self._record((*path, key))
        return result

    def _model(self, model: type[BaseModel], data: dict[str, Any], path: Path) -> Any:
        values: dict[str, Any] = {}
        unreadable = False
        for name, info in model.model_fields.items():
            field_path = (*path, name)
            annotation = _field_annotation(model, name)
            built = self._value(annotation, data[name], field_path) if name in data else _UNKNOWN
            if built is not _UNKNOWN:
                values[name] = built
                continue
            if name in data or info.is_required():
                self._record(field_path)
            if info.is_required():
                values[name] = _placeholder(annotation)
                unreadable = unreadable or not isinstance(values[name], str | list | dict)
        if unreadable and (self.complete or model in _WHOLE_OR_NOTHING):
            return _UNKNOWN
        return model.model_construct(**values)
