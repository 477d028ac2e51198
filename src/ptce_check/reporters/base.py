"""The settings every format receives, and the shape of each scope's `render`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol, TextIO

from msgspec import Struct

from ptce_check.i18n import Lang

if TYPE_CHECKING:
    from ptce_check.assessment import Assessment
    from ptce_check.calls import CallCatalog
    from ptce_check.screening.batch import BatchResult


class ReportSettings(Struct, frozen=True):
    lang: Lang = "fr"
    #: Terminal styling: True forces it, False refuses it (files), None lets rich decide from
    #: the stream and the environment (NO_COLOR, FORCE_COLOR, TERM).
    color: bool | None = False
    width: int | None = None
    #: The CSV format's separator: `,`, or `;` (with decimal commas) or a tab.
    csv_separator: str = ","


class Reporter(Protocol):
    def __call__(self, assessments: Sequence[Assessment], stream: TextIO, settings: ReportSettings) -> None: ...


class StreamingReporter(Protocol):
    """A reporter that consumes the dossiers one by one, as they are assessed."""

    def __call__(self, assessments: Iterable[Assessment], stream: TextIO, settings: ReportSettings) -> None: ...


class BatchReporter(Protocol):
    def __call__(self, result: BatchResult, stream: TextIO, settings: ReportSettings) -> None: ...


class CallOptions(Struct, frozen=True):
    """What `criteria` shows of a call: the calls folders it knows (`--calls-dir`) and, with
    `verbose`, each rule's and criterion's kind, params and rationale."""

    catalog: CallCatalog | None = None
    verbose: bool = False


class CallReporter(Protocol):
    """A call's rules and grid (`call_id`), or the list of known calls (None)."""

    def __call__(
        self, call_id: str | None, stream: TextIO, settings: ReportSettings, options: CallOptions | None = None, /
    ) -> None: ...
