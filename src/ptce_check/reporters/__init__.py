"""Reporters by format name; each receives the whole result at once, except the streaming
formats (`STREAMING`), which write each dossier as soon as it is assessed.

The registry names modules rather than importing them, so that a run imports only the reporter
it uses (rich is not loaded for machine formats).
"""

from __future__ import annotations

import importlib

from ptce_check.reporters.base import Reporter, ReportSettings, StreamingReporter

#: format name -> module exposing `render(assessments, stream, settings)`.
REPORTERS: dict[str, str] = {
    "rich": "ptce_check.reporters.rich_report",
    "json": "ptce_check.reporters.json_report",
    "json-lines": "ptce_check.reporters.json_lines",
    "concise": "ptce_check.reporters.concise",
    "github": "ptce_check.reporters.github",
    "junit": "ptce_check.reporters.junit",
    "sarif": "ptce_check.reporters.sarif",
}


#: Formats that write each dossier's lines as soon as it is assessed: their `render` takes any
#: iterable, so a long run shows its first results at once.
STREAMING = frozenset({"concise", "json-lines"})


def get_reporter(name: str) -> Reporter:
    render: Reporter = importlib.import_module(REPORTERS[name]).render
    return render


def get_streaming_reporter(name: str) -> StreamingReporter:
    if name not in STREAMING:
        raise KeyError(name)
    render: StreamingReporter = importlib.import_module(REPORTERS[name]).render
    return render


__all__ = [
    "REPORTERS",
    "STREAMING",
    "ReportSettings",
    "Reporter",
    "StreamingReporter",
    "get_reporter",
    "get_streaming_reporter",
]
