"""Reporters by format name; each receives the whole result at once.

The registry names modules rather than importing them, so that a run imports only the reporter
it uses (rich is not loaded for machine formats).
"""

from __future__ import annotations

import importlib

from ptce_check.reporters.base import Reporter, ReportSettings

#: format name -> module exposing `render(assessments, stream, settings)`.
REPORTERS: dict[str, str] = {
    "rich": "ptce_check.reporters.rich_report",
    "json": "ptce_check.reporters.json_report",
}


def get_reporter(name: str) -> Reporter:
    render: Reporter = importlib.import_module(REPORTERS[name]).render
    return render


__all__ = ["REPORTERS", "ReportSettings", "Reporter", "get_reporter"]
