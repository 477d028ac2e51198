"""Duplicates and conflicts across a batch (reported, never fatal): the same pole SIREN or the
same pole name in several files, and a member SIRET named by several submissions."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ptce_check.screening.rows import Row

ConflictKind = Literal["pole_siren", "pole_name", "member_siret"]


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: ConflictKind
    value: str
    dossiers: tuple[str, ...]


def normalised_name(name: str) -> str:
    """Case, accents, punctuation and spacing do not make two poles different."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.split())


def find_conflicts(rows: Sequence[Row]) -> tuple[Conflict, ...]:
    groups: dict[tuple[ConflictKind, str], list[str]] = defaultdict(list)
    shown: dict[tuple[ConflictKind, str], str] = {}
    for row in rows:
        if row.pole_siren:
            groups[("pole_siren", row.pole_siren)].append(row.dossier)
        if row.pole_name and normalised_name(row.pole_name):
            key: tuple[ConflictKind, str] = ("pole_name", normalised_name(row.pole_name))
            groups[key].append(row.dossier)
            shown.setdefault(key, row.pole_name)
        for siret in sorted(set(row.member_sirets)):
            groups[("member_siret", siret)].append(row.dossier)
    conflicts = [
        Conflict(kind, shown.get((kind, value), value), tuple(sorted(set(dossiers))))
        for (kind, value), dossiers in groups.items()
        if len(set(dossiers)) > 1
    ]
    return tuple(sorted(conflicts, key=lambda c: (c.kind, c.value)))
