"""Outcomes of a batch, spooled to temporary files so that memory stays flat.

Each record is a dossier's outcome (the `check` JSON object, as UTF-8 bytes) followed by its details
(`rows.Details`); the store keeps only where each record is: a file number, an offset, two lengths.

The parent writes its records to its own file. With `worker_spools`, it also opens one file per
worker process before the workers start: a worker (which inherits the open files when it is
forked) writes its records to its own file with positioned writes and sends back only where
they are (`Spooled`), so that 20 KB per dossier do not go through a pipe, then through the
parent's memory, then to the parent's file. Every file is anonymous: nothing is left on disk,
whatever ends the run.
"""

from __future__ import annotations

import os
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from typing import IO, Any

from msgspec import Struct

from ptce_check.jsonbytes import loads
from ptce_check.screening.rows import Details, Row


class Spooled(Struct, frozen=True):
    """Where a worker wrote one record: its spool, the start, then each part's length."""

    spool: int
    start: int
    outcome_length: int
    details_length: int


class OutcomeStore:
    """Appends records and reads them back by record number (`Row.record`)."""

    def __init__(self, worker_spools: int = 0) -> None:
        #: file 0 is the parent's; the others, one per worker, are written by the workers.
        self._files: list[IO[bytes]] = [tempfile.TemporaryFile() for _ in range(1 + worker_spools)]  # noqa: SIM115 - closed by close()
        self._file_of = array("B")
        #: where each record starts, and the length of its outcome and of its details: 17 bytes a
        #: record (a record is far below 4 GiB: outcomes and details are built in memory).
        self._starts = array("q")
        self._lengths = array("I")
        self._end = 0

    def __len__(self) -> int:
        return len(self._file_of)

    @property
    def worker_descriptors(self) -> tuple[int, ...]:
        """The descriptors of the workers' spools, in order (`WorkerSpool`)."""
        return tuple(file.fileno() for file in self._files[1:])

    def add(self, outcome: bytes, extra: bytes) -> int:
        """Spools one dossier (its outcome and its details as JSON bytes, `Details.to_json`);
        returns its record number."""
        file = self._files[0]
        file.seek(self._end)
        file.write(outcome)
        file.write(extra)
        start = self._end
        self._end += len(outcome) + len(extra)
        return self._record(0, start, len(outcome), len(extra))

    def add_spooled(self, spooled: Spooled) -> int:
        """A record a worker wrote to its spool; returns its record number."""
        if not 0 < spooled.spool < len(self._files):
            raise ValueError(f"no worker spool {spooled.spool}")
        return self._record(spooled.spool, spooled.start, spooled.outcome_length, spooled.details_length)

    def _record(self, file: int, start: int, outcome_length: int, details_length: int) -> int:
        self._file_of.append(file)
        self._starts.append(start)
        self._lengths.extend((outcome_length, details_length))
        return len(self) - 1

    def _read(self, record: int, part: int) -> bytes:
        """The outcome (`part` 0) or the details (1) of `record`."""
        start = self._starts[record] + (self._lengths[2 * record] if part else 0)
        length = self._lengths[2 * record + part]
        number = self._file_of[record]
        if number:  # a worker's spool: read at the offset, as it was written
            return os.pread(self._files[number].fileno(), length, start)
        file = self._files[0]
        file.seek(start)
        return file.read(length)

    def outcome_bytes(self, record: int) -> bytes:
        """The outcome as it was spooled: UTF-8 JSON."""
        return self._read(record, 0)

    def details(self, record: int) -> Details:
        return Details.from_json(self._read(record, 1))

    def load(self, row: Row) -> dict[str, Any]:
        data: dict[str, Any] = loads(self._read(row.record, 0))
        return data

    def iter_bytes(self, rows: Iterable[Row]) -> Iterator[bytes]:
        for row in rows:
            yield self.outcome_bytes(row.record)

    def close(self) -> None:
        for file in self._files:
            file.close()

    def __enter__(self) -> OutcomeStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class WorkerSpool:
    """A worker process's side of its spool: records written at the file's end, with positioned
    writes (the file's offset, shared with the parent since the fork, is never used)."""

    def __init__(self, number: int, descriptor: int) -> None:
        self.number = number
        self._descriptor = descriptor
        self._end = os.fstat(descriptor).st_size

    def write(self, outcome: bytes, details: bytes) -> Spooled:
        """Appends one record; an OSError (a full disk) leaves the spool's end where it was."""
        start = end = self._end
        for part in (outcome, details):
            written = 0
            while written < len(part):
                written += os.pwrite(self._descriptor, memoryview(part)[written:], end + written)
            end += len(part)
        self._end = end
        return Spooled(self.number, start, len(outcome), len(details))
