"""A scoring metric: measures one figure of a dossier, with the evidence that produced it."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

from ptce_check.checks.base import NoParams
from ptce_check.context import Context
from ptce_check.findings import Path
from ptce_check.i18n import Text
from ptce_check.names import name_key

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Measure:
    #: None when the dossier gives nothing to measure (earns no points).
    value: float | None
    evidence: Text
    paths: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class Metric:
    kind: str
    measure: Callable[[Context, Any], Measure]
    #: What to reach for the next band, with `{threshold}` to fill in.
    target: Text
    Params: type[BaseModel] = field(default=NoParams)


def share(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


NOT_GIVEN = Text("non renseigné", "not given")


def distinct(items: Iterable[T], key: Callable[[T], Hashable]) -> list[T]:
    """The first item of each key, in order: what the grid counts, so that an entry written
    twice earns its points once."""
    seen: dict[Hashable, T] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return list(seen.values())


def text_key(text: str | None) -> str:
    """Free text as the grid compares it (activity titles, bodies, descriptions): the same words
    twice are one entry, whatever their Unicode form, spacing or case."""
    return name_key(text or "")


def member_key(name: str) -> str:
    """A member's identity in the grid, as member names are compared everywhere (`names`)."""
    return name_key(name)
