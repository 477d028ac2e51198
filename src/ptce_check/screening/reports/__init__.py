"""Batch report formats by name; each receives the whole batch once. Modules load lazily."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol, TextIO

from ptce_check.i18n import Lang
from ptce_check.screening.batch import BatchResult


@dataclass(frozen=True, slots=True)
class BatchSettings:
    lang: Lang = "fr"
    color: bool | None = False
    csv_separator: str = ","
    width: int | None = None


class BatchReporter(Protocol):
    def __call__(self, result: BatchResult, stream: TextIO, settings: BatchSettings) -> None: ...


BATCH_REPORTERS: dict[str, str] = {
    "rich": "ptce_check.screening.reports.rich_batch",
    "json": "ptce_check.screening.reports.json_batch",
    "csv": "ptce_check.screening.reports.csv_batch",
    "markdown": "ptce_check.screening.reports.markdown_batch",
    "html": "ptce_check.screening.reports.html_batch",
}


def get_batch_reporter(name: str) -> BatchReporter:
    render: BatchReporter = importlib.import_module(BATCH_REPORTERS[name]).render
    return render
