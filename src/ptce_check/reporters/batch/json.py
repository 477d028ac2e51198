"""`screen -f json`: `{"summary": …, "dossiers": [ … each as `check` gives it … ]}`, in ranked
order, written from the spooled outcomes (one document, however many dossiers)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from ptce_check.jsonbytes import dumps
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.batch.facts import summary_data
from ptce_check.screening.batch import BatchResult
from ptce_check.screening.review_views import reviewed_outcome
from ptce_check.textsafe import escape_json_invisible


def render(result: BatchResult, stream: TextIO, settings: ReportSettings) -> None:
    stream.write('{"summary": ')
    # Written as it is encoded: its rankings name every dossier, twice with one call.
    encoder = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    for chunk in encoder.iterencode(summary_data(result)):
        stream.write(escape_json_invisible(chunk))
    stream.write(', "dossiers": [')
    for index, outcome in enumerate(_outcomes(result)):
        stream.write(",\n" if index else "\n")
        stream.write(outcome)
    stream.write("\n]}\n")


def _outcomes(result: BatchResult) -> Iterator[str]:
    """The spooled outcomes, each reviewed dossier's with its reviews and combined total."""
    reviews = result.reviews
    if reviews is None:
        yield from result.store.iter_json(result.rows)
        return
    for row in result.rows:
        if not reviews.of(row.dossier):
            yield result.store.outcome(row.record)
            continue
        data = reviewed_outcome(result.store.load(row), reviews)
        yield dumps(data).decode("utf-8")
