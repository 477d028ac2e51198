"""`screen -f json`: `{"summary": …, "dossiers": [ … each as `check` gives it … ]}`, in ranked
order, written from the spooled outcomes (one document, however many dossiers)."""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Callable, Iterator
from typing import BinaryIO, TextIO, cast

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
    binary = _utf8_bytes_under(stream)
    if binary is None:
        _write_dossiers(lambda part: stream.write(part.decode("utf-8")), result)
        return
    stream.flush()
    _write_dossiers(binary.write, result)
    binary.flush()


def _write_dossiers(write: Callable[[bytes], object], result: BatchResult) -> None:
    for index, outcome in enumerate(_outcomes(result)):
        write(b",\n" if index else b"\n")
        write(outcome)
    write(b"\n]}\n")


def _utf8_bytes_under(stream: TextIO) -> BinaryIO | None:
    """The byte stream under a text stream that writes UTF-8 and leaves line ends as they are:
    the outcomes, spooled as UTF-8, go there as they are, without being decoded and encoded
    again (40 MB for 2 000 dossiers). None for any other stream (a StringIO, another encoding)."""
    binary = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None)
    if binary is None or not isinstance(encoding, str) or os.linesep != "\n":
        return None
    try:
        utf8 = codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return None
    return cast(BinaryIO, binary) if utf8 else None


def _outcomes(result: BatchResult) -> Iterator[bytes]:
    """The spooled outcomes as UTF-8, each reviewed dossier's with its reviews and combined total."""
    reviews = result.reviews
    if reviews is None:
        yield from result.store.iter_bytes(result.rows)
        return
    for row in result.rows:
        if not reviews.of(row.dossier):
            yield result.store.outcome_bytes(row.record)
            continue
        yield dumps(reviewed_outcome(result.store.load(row), reviews))
