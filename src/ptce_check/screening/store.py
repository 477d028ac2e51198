"""Outcomes of a batch, spooled to a temporary file so that memory stays flat.

Each record is a dossier's outcome (the `check` JSON object, as UTF-8 bytes) followed by its details
(`rows.Details`); the store keeps only where each record starts, eight bytes per part."""

from __future__ import annotations

import tempfile
from array import array
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ptce_check.jsonbytes import loads
from ptce_check.screening.rows import Details, Row


class OutcomeStore:
    """Appends records and reads them back by record number (`Row.record`)."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        #: start of each record's outcome, then of its details; the file's end closes the last.
        self._starts = array("q")
        self._end = 0

    def __len__(self) -> int:
        return len(self._starts) // 2

    def add(self, outcome: bytes, extra: bytes) -> int:
        """Spools one dossier (its outcome and its details as JSON bytes, `Details.to_json`);
        returns its record number."""
        self._file.seek(self._end)
        self._file.write(outcome)
        self._file.write(extra)
        self._starts.append(self._end)
        self._starts.append(self._end + len(outcome))
        self._end += len(outcome) + len(extra)
        return len(self) - 1

    def _read(self, part: int) -> bytes:
        start = self._starts[part]
        stop = self._starts[part + 1] if part + 1 < len(self._starts) else self._end
        self._file.seek(start)
        return self._file.read(stop - start)

    def outcome_bytes(self, record: int) -> bytes:
        """The outcome as it was spooled: UTF-8 JSON."""
        return self._read(2 * record)

    def details(self, record: int) -> Details:
        return Details.from_json(self._read(2 * record + 1))

    def load(self, row: Row) -> dict[str, Any]:
        data: dict[str, Any] = loads(self._read(2 * row.record))
        return data

    def iter_bytes(self, rows: Iterable[Row]) -> Iterator[bytes]:
        for row in rows:
            yield self.outcome_bytes(row.record)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> OutcomeStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
