"""Near misses: the real codes an applicant most likely meant when a code does not exist.

Typing errors are one wrong character or two swapped neighbours (`38536` for `38563`), so
those are tried first, ranked by same département then numeric closeness. Failing that, the
numerically nearest code of the same département is offered. A postal code written instead of
the INSEE code (`26100` for Romans-sur-Isère, `26281`) is recognised on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ptce_check.reference.model import Commune, Epci
from ptce_check.reference.table import Reference

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


def nearest_communes(reference: Reference, code: str, limit: int = 3) -> tuple[Commune, ...]:
    """Real communes whose code is one typing error away, else the nearest of the département."""
    close = [other for other in one_edit(code) if reference.commune(other) is not None]
    if not close:
        prefix = _departement(code)
        close = _ranked(code, [other for other in reference.commune_codes() if _departement(other) == prefix])[:1]
    return tuple(c for other in _ranked(code, close)[:limit] if (c := reference.commune(other)) is not None)


def nearest_epcis(reference: Reference, siren: str, limit: int = 2) -> tuple[Epci, ...]:
    """Intercommunalities whose SIREN is one typing error away."""
    known = set(reference.epci_sirens())
    close = sorted((other for other in one_edit(siren) if other in known), key=lambda s: abs(int(s) - _number(siren)))
    return tuple(e for other in close[:limit] if (e := reference.epci(other)) is not None)
