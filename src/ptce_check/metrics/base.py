"""A scoring metric: measures one figure of a dossier, with the evidence that produced it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ptce_check.checks.base import NoParams
from ptce_check.context import Context
from ptce_check.findings import Path
from ptce_check.i18n import Text


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
