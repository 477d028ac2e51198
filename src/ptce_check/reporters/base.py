"""What every reporter receives: the whole result at once, and how to write it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TextIO

from ptce_check.assessment import Assessment
from ptce_check.i18n import Lang


@dataclass(frozen=True, slots=True)
class ReportSettings:
    lang: Lang = "fr"
    #: Terminal styling: True forces it, False refuses it (files), None lets rich decide from
    #: the stream and the environment (NO_COLOR, FORCE_COLOR, TERM).
    color: bool | None = False
    width: int | None = None


class Reporter(Protocol):
    def __call__(self, assessments: Sequence[Assessment], stream: TextIO, settings: ReportSettings) -> None: ...


class StreamingReporter(Protocol):
    """A reporter that consumes the dossiers one by one, as they are assessed."""

    def __call__(self, assessments: Iterable[Assessment], stream: TextIO, settings: ReportSettings) -> None: ...
