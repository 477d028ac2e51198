"""The reporting layer: every format (per dossier, streaming, batch, call report) in one
registry (`registry.FORMATS`), one settings record (`ReportSettings`), and typed access to each
scope's `render`. Nothing here imports a format's module until it is used.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from ptce_check.reporters.base import (
    BatchReporter,
    CallOptions,
    CallReporter,
    Reporter,
    ReportSettings,
    StreamingReporter,
)
from ptce_check.reporters.registry import formats_for, formats_with, module_name, renderer

if TYPE_CHECKING:
    from ptce_check.assessment import Assessment
    from ptce_check.screening.batch import BatchResult

#: Per-dossier formats: name -> module exposing `render(assessments, stream, settings)`.
REPORTERS: dict[str, str] = {name: module_name(name, "dossier") for name in formats_with("dossier")}
#: Formats that write each dossier's lines as soon as it is assessed: their `render` takes any
#: iterable, so a long run shows its first results at once.
STREAMING = frozenset(formats_with("streaming"))
#: Batch formats of `screen`: name -> module exposing `render(result, stream, settings)`.
BATCH_REPORTERS: dict[str, str] = {name: module_name(name, "batch") for name in formats_with("batch")}


def get_reporter(name: str) -> Reporter:
    render: Reporter = renderer(name, "dossier")
    return render


def get_streaming_reporter(name: str) -> StreamingReporter:
    render: StreamingReporter = renderer(name, "streaming")
    return render


def get_batch_reporter(name: str) -> BatchReporter:
    render: BatchReporter = renderer(name, "batch")
    return render


def get_call_reporter(name: str) -> CallReporter:
    render: CallReporter = renderer(name, "call")
    return render


def render_dossiers(name: str, assessments: Sequence[Assessment], stream: TextIO, settings: ReportSettings) -> None:
    get_reporter(name)(assessments, stream, settings)


def render_streaming(name: str, assessments: Iterable[Assessment], stream: TextIO, settings: ReportSettings) -> None:
    get_streaming_reporter(name)(assessments, stream, settings)


def render_batch(name: str, result: BatchResult, stream: TextIO, settings: ReportSettings) -> None:
    """A screened batch in a batch format, or its dossiers in a per-dossier format."""
    if name in BATCH_REPORTERS:
        get_batch_reporter(name)(result, stream, settings)
    else:
        get_reporter(name)(result.assessments, stream, settings)


def render_call(
    name: str, call_id: str | None, stream: TextIO, settings: ReportSettings, options: CallOptions | None = None
) -> None:
    """One call's rules and grid, or the list of known calls when `call_id` is None."""
    get_call_reporter(name)(call_id, stream, settings, options or CallOptions())


__all__ = [
    "BATCH_REPORTERS",
    "REPORTERS",
    "STREAMING",
    "BatchReporter",
    "CallOptions",
    "CallReporter",
    "ReportSettings",
    "Reporter",
    "StreamingReporter",
    "formats_for",
    "get_batch_reporter",
    "get_call_reporter",
    "get_reporter",
    "get_streaming_reporter",
    "render_batch",
    "render_call",
    "render_dossiers",
    "render_streaming",
]
