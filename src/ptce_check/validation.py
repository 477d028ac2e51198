"""Dossier data -> validated view + shape findings (missing, unknown, wrongly typed values)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ptce_check.dossier import Dossier, drop_annotations
from ptce_check.findings import Finding, Path
from ptce_check.shape_messages import finding_for_error
from ptce_check.view import DossierView, PathOrigins

_MAX_PRUNING_ROUNDS = 12


@dataclass(frozen=True)
class Validated:
    view: DossierView
    findings: list[Finding]
    origins: PathOrigins


def validate(data: dict[str, Any], *, annotated: bool = True) -> Validated:
    """`annotated=False` says the document holds no `x_…` key, which spares a pass over it."""
    if annotated:
        data = drop_annotations(data)
    try:
        return Validated(DossierView.of(Dossier.model_validate(data)), [], PathOrigins())
    except ValidationError as error:
        findings = [finding_for_error(item) for item in error.errors(include_url=False)]
    origins = PathOrigins()
    sections: dict[str, Any] = {}
    for name, adapter in _section_adapters().items():
        if data.get(name) is not None:
            value = _validate_pruning(adapter, data[name], (name,), origins)
            if value is not None:
                sections[name] = value
    view = DossierView(
        call=sections.get("call"),
        submitted_at=sections.get("submitted_at"),
        pole=sections.get("pole"),
        territory=sections.get("territory"),
        members=sections.get("members") or [],
        cooperation=sections.get("cooperation"),
        project=sections.get("project"),
        jobs=sections.get("jobs"),
        budget=sections.get("budget"),
        attachments=sections.get("attachments") or [],
    )
    return Validated(view, findings, origins)


_ADAPTERS: dict[str, TypeAdapter[Any]] = {}


def _section_adapters() -> dict[str, TypeAdapter[Any]]:
    if not _ADAPTERS:
        for name, info in Dossier.model_fields.items():
            if name != "format":
                _ADAPTERS[name] = TypeAdapter(info.rebuild_annotation())
    return _ADAPTERS


def _validate_pruning(adapter: TypeAdapter[Any], value: Any, base: Path, origins: PathOrigins) -> Any:
    """Validate a section; drop what fails (a bad value, or the object missing a required key)
    and try again, so that only the broken parts count as absent."""
    for _ in range(_MAX_PRUNING_ROUNDS):
        try:
            return adapter.validate_python(value)
        except ValidationError as error:
            targets = {_prune_target(item["loc"], item["type"]) for item in error.errors()}
        if () in targets:
            return None
        for target in sorted(targets, key=_removal_order):
            value = _remove(value, target, base, origins)
    return None


def _prune_target(loc: tuple[Any, ...], kind: str) -> Path:
    if loc and loc[-1] == "[key]":
        return tuple(loc[:-1])
    if kind == "missing":
        return tuple(loc[:-1])
    return tuple(loc)


def _removal_order(path: Path) -> tuple[int, tuple[Any, ...]]:
    # Deepest first, and within one list the highest index first, so that removals do not
    # shift the indexes of those still to come.
    return (-len(path), tuple((-s if isinstance(s, int) else 0, str(s)) for s in path))


def _remove(root: Any, target: Path, base: Path, origins: PathOrigins) -> Any:
    parent = root
    for step in target[:-1]:
        try:
            parent = parent[step]
        except (KeyError, IndexError, TypeError):
            return root
    last = target[-1]
    if isinstance(parent, list) and isinstance(last, int) and 0 <= last < len(parent):
        origins.drop(base + target[:-1], last, len(parent))
        del parent[last]
    elif isinstance(parent, dict):
        parent.pop(last if last in parent else str(last), None)
    return root
