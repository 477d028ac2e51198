"""The shipped reference file, parsed: lookups of communes, former communes, EPCIs,
départements and régions by code.

The file (`decoupage.tsv`, written by `scripts/build_reference.py`) is tab-separated text in
sections (`[communes]`, `[epcis]`…), each sorted by its first field. Loading only splits it into
lines; a lookup is a binary search, and a line becomes a record when it is looked up, so a
check that reads ten communes does not pay for thirty-five thousand.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from ptce_check.reference.model import Commune, Departement, Epci, FormerCommune, FormerStatus, Meta, Region

FORMAT = "#ptce-check-reference/1"
SECTIONS = ("regions", "departements", "communes", "arrondissements", "former", "epcis")


class ReferenceFormatError(ValueError):
    """The reference file is not one this version of ptce-check can read."""


class _Section:
    """The lines of one section, sorted by code: a code's line is found by binary search."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def get(self, code: str) -> str | None:
        if "\t" in code or "\n" in code:
            return None
        key = code + "\t"
        index = bisect_left(self.lines, key)
        if index < len(self.lines) and self.lines[index].startswith(key):
            return self.lines[index]
        return None

    def codes(self) -> Iterator[str]:
        return (line.partition("\t")[0] for line in self.lines)

    def items(self) -> Iterator[tuple[str, str]]:
        return ((line.partition("\t")[0], line) for line in self.lines)


def _sections(text: str) -> tuple[list[str], dict[str, _Section]]:
    head, *parts = text.split("\n[")
    if not head.startswith(FORMAT):
        raise ReferenceFormatError(f"not a {FORMAT[1:]} file")
    sections: dict[str, _Section] = {}
    for part in parts:
        name, _, body = part.partition("]\n")
        lines = body.split("\n")
        if lines and not lines[-1]:
            lines.pop()
        sections[name] = _Section(lines)
    missing = [name for name in SECTIONS if name not in sections]
    if missing:
        raise ReferenceFormatError(f"sections missing: {', '.join(missing)}")
    return head.split("\n")[1:], sections


def _meta(lines: list[str]) -> Meta:
    fields = dict(line.split("\t", 1) for line in lines if "\t" in line)
    try:
        return Meta(fields["source"], fields["version"], int(fields["vintage"]), fields["licence"])
    except (KeyError, ValueError) as error:
        raise ReferenceFormatError(f"header incomplete: {error}") from error


class Reference:
    """Lookups in one vintage of the administrative division. Unknown codes give None."""

    def __init__(self, text: str) -> None:
        header, self._sections = _sections(text.replace("\r\n", "\n"))
        self.meta = _meta(header)
        self._communes: dict[str, Commune] = {}
        self._epcis: dict[str, Epci] = {}
        self._postal: dict[str, tuple[str, ...]] | None = None
        self._epcis_of: dict[str, tuple[str, ...]] | None = None

    def _fields(self, section: str, code: str) -> list[str] | None:
        line = self._sections[section].get(code)
        return None if line is None else line.split("\t")

    def commune(self, code: str) -> Commune | None:
        """A current commune or municipal arrondissement by its INSEE code."""
        cached = self._communes.get(code)
        if cached is not None:
            return cached
        fields = self._fields("communes", code)
        parent = None
        if fields is None:
            fields = self._fields("arrondissements", code)
            if fields is None:
                return None
            parent = fields[2]
        _, name, place, population, postal = fields
        departement = self.departement(self._department_code(parent) if parent else place)
        if departement is None:
            raise ReferenceFormatError(f"no département for commune {code}")
        commune = Commune(
            code,
            name,
            departement.code,
            departement.region,
            int(population) if population else None,
            tuple(postal.split()),
            parent,
        )
        self._communes[code] = commune
        return commune

    def _department_code(self, commune: str) -> str:
        fields = self._fields("communes", commune)
        if fields is None:
            raise ReferenceFormatError(f"arrondissement of unknown commune {commune}")
        return fields[2]

    def former(self, code: str) -> FormerCommune | None:
        """A code that was a commune in an older geography, and the commune it belongs to now."""
        fields = self._fields("former", code)
        if fields is None:
            return None
        _, current, status, name = fields
        commune = self.commune(current)
        if commune is None:
            raise ReferenceFormatError(f"former commune {code} points to unknown {current}")
        kind: FormerStatus = "deleguee" if status == "deleguee" else "associee" if status == "associee" else "ancienne"
        return FormerCommune(code, commune, kind, name or None)

    def epci(self, siren: str) -> Epci | None:
        cached = self._epcis.get(siren)
        if cached is not None:
            return cached
        fields = self._fields("epcis", siren)
        if fields is None:
            return None
        _, kind, name, members = fields
        epci = self._epcis[siren] = Epci(siren, kind, name, tuple(members.split()))
        return epci

    def departement(self, code: str) -> Departement | None:
        fields = self._fields("departements", code)
        return None if fields is None else Departement(fields[0], fields[1], fields[2])

    def region(self, code: str) -> Region | None:
        fields = self._fields("regions", code)
        return None if fields is None else Region(fields[0], fields[1])

    def commune_codes(self) -> Iterator[str]:
        """Every code `commune` answers: communes, then municipal arrondissements."""
        yield from self._sections["communes"].codes()
        yield from self._sections["arrondissements"].codes()

    def epci_sirens(self) -> Iterator[str]:
        yield from self._sections["epcis"].codes()

    def epcis_of(self, code: str) -> tuple[Epci, ...]:
        """The intercommunalities a commune belongs to: its EPCI à fiscalité propre and, in
        Greater Paris, its EPT too. The index is built on first use only."""
        if self._epcis_of is None:
            index: dict[str, list[str]] = {}
            for siren, line in self._sections["epcis"].items():
                for member in line.rsplit("\t", 1)[-1].split():
                    index.setdefault(member, []).append(siren)
            self._epcis_of = {member: tuple(sirens) for member, sirens in index.items()}
        return tuple(e for siren in self._epcis_of.get(code, ()) if (e := self.epci(siren)) is not None)

    def communes_with_postal_code(self, postal_code: str) -> tuple[Commune, ...]:
        """Communes served by a postal code: for the applicant who wrote one instead of the
        INSEE code. The index is built on first use only."""
        if self._postal is None:
            index: dict[str, list[str]] = {}
            for code, line in self._sections["communes"].items():
                for postal in line.rsplit("\t", 1)[-1].split():
                    index.setdefault(postal, []).append(code)
            self._postal = {postal: tuple(codes) for postal, codes in index.items()}
        return tuple(c for code in self._postal.get(postal_code, ()) if (c := self.commune(code)) is not None)
