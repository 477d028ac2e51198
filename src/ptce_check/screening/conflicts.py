"""Duplicates and conflicts across a batch (reported, never fatal): the same pole SIREN or the
same pole name in several files, and a member SIRET named by several submissions.

While the batch is screened, each identifier is kept as a 32-bit hash (four bytes, whatever the
identifier's length; four more per record say how many it gave), computed by the worker that
screened the dossier; at the end, a bitmap sets aside the hashes met once, the others are
matched in passes of bounded size, and only the records they point to have their details read
back from the spool, to group the exact values (so a hash collision never reports a false
conflict)."""

from __future__ import annotations

import unicodedata
import zlib
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Literal

from msgspec import Struct

from ptce_check.screening.rows import Details, Row

ConflictKind = Literal["pole_siren", "pole_name", "member_siret"]
#: The kinds that make two files the same pole's application (a member may sit in two poles).
SAME_POLE: tuple[ConflictKind, ...] = ("pole_siren", "pole_name")

#: Bits of the filter that sets aside the hashes met only once (two bitmaps of 512 KiB at most).
FILTER_BITS = 1 << 22
#: Identifiers looked at in one pass of the duplicates search (bounds its memory).
PASS_SIZE = 1 << 16


class Conflict(Struct, frozen=True):
    kind: ConflictKind
    value: str
    dossiers: tuple[str, ...]


class DuplicateSet(Struct, frozen=True):
    """Files that share identifiers, with every identifier they share: one entry per set of
    files, however many identifiers they have in common."""

    dossiers: tuple[str, ...]
    shared: tuple[Conflict, ...]


def duplicate_sets(conflicts: Sequence[Conflict]) -> tuple[DuplicateSet, ...]:
    by_files: dict[tuple[str, ...], list[Conflict]] = defaultdict(list)
    for conflict in conflicts:
        by_files[conflict.dossiers].append(conflict)
    ordered = sorted(by_files.items(), key=lambda item: (-len(item[0]), item[0]))
    return tuple(DuplicateSet(files, tuple(shared)) for files, shared in ordered)


def same_pole(conflicts: Sequence[Conflict]) -> dict[str, tuple[Conflict, ...]]:
    """Dossier -> the conflicts saying another file is the same pole's (same SIREN or name)."""
    found: dict[str, list[Conflict]] = defaultdict(list)
    for conflict in conflicts:
        if conflict.kind in SAME_POLE:
            for dossier in conflict.dossiers:
                found[dossier].append(conflict)
    return {dossier: tuple(shared) for dossier, shared in found.items()}


def normalised_name(name: str) -> str:
    """Case, accents, punctuation and spacing do not make two poles different."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.split())


def identifiers(details: Details) -> Iterator[tuple[ConflictKind, str, str]]:
    """(kind, compared value, shown value) of each identifier a dossier gives, each once."""
    if details.pole_siren:
        yield "pole_siren", details.pole_siren, details.pole_siren
    if details.pole_name:
        name = normalised_name(details.pole_name)
        if name:
            yield "pole_name", name, details.pole_name
    for siret in sorted(set(details.member_sirets)):
        yield "member_siret", siret, siret


def _hashed(kind: ConflictKind, value: str) -> int:
    # The same in every process (unlike `hash`, salted per process): workers hash, the parent matches.
    return zlib.crc32(f"{kind}\0{value}".encode("utf-8", "surrogatepass"))


def identifier_hashes(details: Details) -> bytes:
    """The hashes of a dossier's identifiers, as `ConflictIndex.add` takes them: computed by the
    worker that screened it, so that the parent only appends bytes."""
    return array("I", [_hashed(kind, value) for kind, value, _ in identifiers(details)]).tobytes()


class ConflictIndex:
    """Identifiers of the screened dossiers, kept compactly until the batch is complete."""

    def __init__(self) -> None:
        self._hashes = array("I")
        #: how many hashes each record gave, in record order (records are added 0, 1, 2…).
        self._counts = array("I")

    def add(self, record: int, hashes: bytes) -> None:
        """Record `record`'s identifiers, given as `identifier_hashes` gives them."""
        assert record == len(self._counts), "records are added in order"
        before = len(self._hashes)
        self._hashes.frombytes(hashes)
        self._counts.append(len(self._hashes) - before)

    def _owned(self) -> Iterator[tuple[int, int]]:
        """(hash, record) of every identifier."""
        hashes = iter(self._hashes)
        for record, count in enumerate(self._counts):
            for _ in range(count):
                yield next(hashes), record

    def _twice_filter(self) -> tuple[bytearray, int]:
        """A bitmap of the hashes' low bits met more than once (a superset of the shared hashes,
        at most `FILTER_BITS` bits whatever the batch's size), and its mask."""
        size = 1 << max(10, min(FILTER_BITS.bit_length() - 1, (8 * len(self._hashes)).bit_length()))
        mask = size - 1
        seen, twice = bytearray(size >> 3), bytearray(size >> 3)
        for key in self._hashes:
            slot = key & mask
            byte, bit = slot >> 3, 1 << (slot & 7)
            if seen[byte] & bit:
                twice[byte] |= bit
            else:
                seen[byte] |= bit
        return twice, mask

    def _shared_hashes(self) -> dict[int, set[int]]:
        """Hash -> records, for the hashes met in more than one record."""
        twice, mask = self._twice_filter()
        passes = len(self._hashes) // PASS_SIZE + 1
        shared: dict[int, set[int]] = {}
        for turn in range(passes):
            first: dict[int, int] = {}
            for key, record in self._owned():
                slot = key & mask
                if not twice[slot >> 3] & (1 << (slot & 7)) or (passes > 1 and key % passes != turn):
                    continue
                seen = first.setdefault(key, record)
                if seen != record:
                    shared.setdefault(key, {seen}).add(record)
        return shared

    def conflicts(self, ranked: Sequence[Row], details: Callable[[int], Details]) -> tuple[Conflict, ...]:
        """The conflicts among `ranked` rows; `details(record)` reads a record's details back.
        A pole name is shown as the best-ranked dossier spells it."""
        shared = self._shared_hashes()
        involved = set().union(*shared.values()) if shared else set()
        groups: dict[tuple[ConflictKind, str], set[str]] = defaultdict(set)
        shown: dict[tuple[ConflictKind, str], str] = {}
        for row in ranked:
            if row.record not in involved:
                continue
            for kind, value, spelled in identifiers(details(row.record)):
                if row.record in shared.get(_hashed(kind, value), ()):
                    groups[(kind, value)].add(row.dossier)
                    shown.setdefault((kind, value), spelled)
        found = [
            Conflict(kind, shown[(kind, value)], tuple(sorted(dossiers)))
            for (kind, value), dossiers in groups.items()
            if len(dossiers) > 1
        ]
        return tuple(sorted(found, key=lambda c: (c.kind, c.value)))
