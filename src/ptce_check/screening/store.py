"""Outcomes of a batch, spooled to a temporary file so that memory stays flat."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO, Any


class OutcomeStore:
    """Appends each dossier's outcome (a JSON text) and reads it back by dossier path."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self._offsets: dict[str, tuple[int, int]] = {}

    def add(self, dossier: str, outcome_json: str) -> None:
        data = outcome_json.encode("utf-8")
        self._file.seek(0, 2)
        self._offsets[dossier] = (self._file.tell(), len(data))
        self._file.write(data)

    def get(self, dossier: str) -> str:
        offset, length = self._offsets[dossier]
        self._file.seek(offset)
        return self._file.read(length).decode("utf-8")

    def load(self, dossier: str) -> dict[str, Any]:
        import json

        data: dict[str, Any] = json.loads(self.get(dossier))
        return data

    def iter_json(self, dossiers: list[str]) -> Iterator[str]:
        for dossier in dossiers:
            yield self.get(dossier)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> OutcomeStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
