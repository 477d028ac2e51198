"""Near misses: the real codes an applicant most likely meant when a code does not exist.

Typing errors are one wrong character or two swapped neighbours (`38536` for `38563`), so
those are tried first, ranked by same département then numeric closeness. Failing that, the
numerically nearest code of the same département is offered. A postal code written instead of
the INSEE code (`26100` for Romans-sur-Isère, `26281`) is recognised on its own.

Bounded work: the reference's codes are indexed once per process (a set of codes, and per
département its anagram groups and its codes sorted by number), so one search is at most 60
set lookups, two dictionary lookups and one bisection, whatever the number of unknown codes in
a dossier; a text that is not a code's length is not searched at all.
"""

from __future__ import annotations

import bisect
import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator

from msgspec import Struct, field

from ptce_check.territory.places import Commune, Epci
from ptce_check.territory.table import OfficialData

ALPHABET = "0123456789AB"


def one_edit(code: str) -> Iterator[str]:
    """Every string one substitution or one swap of neighbours away from `code`."""
    for index, char in enumerate(code):
        for other in ALPHABET:
            if other != char:
                yield code[:index] + other + code[index + 1 :]
    for index in range(len(code) - 1):
        if code[index] != code[index + 1]:
            yield code[:index] + code[index + 1] + code[index] + code[index + 2 :]


def _number(code: str) -> int:
    digits = "".join(char for char in code if char.isdigit())
    return int(digits) if digits else 0


def _departement(code: str) -> str:
    return code[:3] if code.startswith("97") else code[:2]


def _swapped(code: str, other: str) -> bool:
    return sorted(code) == sorted(other)


def _ranked(code: str, candidates: Iterable[str]) -> list[str]:
    """Same département first, then swapped digits (the commonest slip), then the closest."""
    target = _number(code)
    return sorted(
        set(candidates),
        key=lambda other: (
            _departement(other) != _departement(code),
            not _swapped(code, other),
            abs(_number(other) - target),
            other,
        ),
    )


COMMUNE_CODE_LENGTH = 5
SIREN_LENGTH = 9


class _Departement(Struct):
    anagrams: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    by_number: list[tuple[int, str]] = field(default_factory=list)


class _Index(Struct):
    communes: frozenset[str]
    epcis: frozenset[str]
    departements: dict[str, _Departement]


@functools.lru_cache(maxsize=4)
def _index(official: OfficialData) -> _Index:
    departements: dict[str, _Departement] = defaultdict(_Departement)
    codes = frozenset(official.commune_codes())
    for code in sorted(codes):
        entry = departements[_departement(code)]
        entry.anagrams["".join(sorted(code))].append(code)
        entry.by_number.append((_number(code), code))
    for entry in departements.values():
        entry.by_number.sort()
    return _Index(codes, frozenset(official.epci_sirens()), dict(departements))


def _nearest_in_departement(index: _Index, code: str) -> list[str]:
    """What `_ranked` puts first among the département's codes: an anagram, else the closest number."""
    entry = index.departements.get(_departement(code))
    if entry is None:
        return []
    anagrams = entry.anagrams.get("".join(sorted(code)))
    if anagrams:
        return _ranked(code, anagrams)[:1]
    target, numbers = _number(code), [number for number, _ in entry.by_number]
    place = bisect.bisect_left(numbers, target)
    neighbours = {numbers[i] for i in (place - 1, place) if 0 <= i < len(numbers)}
    gap = min(abs(number - target) for number in neighbours)
    closest = [
        other
        for number in neighbours
        if abs(number - target) == gap
        for _, other in entry.by_number[bisect.bisect_left(numbers, number) : bisect.bisect_right(numbers, number)]
    ]
    return [min(closest)]


def nearest_communes(official: OfficialData, code: str, limit: int = 3) -> tuple[Commune, ...]:
    """Real communes whose code is one typing error away, else the nearest of the département."""
    if len(code) != COMMUNE_CODE_LENGTH:
        return ()
    index = _index(official)
    close = [other for other in one_edit(code) if other in index.communes] or _nearest_in_departement(index, code)
    return tuple(c for other in _ranked(code, close)[:limit] if (c := official.commune(other)) is not None)


def nearest_epcis(official: OfficialData, siren: str, limit: int = 2) -> tuple[Epci, ...]:
    """Intercommunalities whose SIREN is one typing error away."""
    if len(siren) != SIREN_LENGTH:
        return ()
    known = _index(official).epcis
    close = sorted((other for other in one_edit(siren) if other in known), key=lambda s: abs(int(s) - _number(siren)))
    return tuple(e for other in close[:limit] if (e := official.epci(other)) is not None)
