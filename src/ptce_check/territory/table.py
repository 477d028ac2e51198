"""The shipped reference file, parsed: lookups of communes, former communes, EPCIs,
départements and régions by code.

The file (`decoupage.tsv`, written by `scripts/build_reference.py`) is tab-separated UTF-8 text:
a `#ptce-check-reference/2` line, header lines (`source`, `version`, `vintage`, `licence`, each
with its value), then these sections in this order, each sorted by its first field (lists
inside a field are space-separated):

    [regions]          code, name
    [departements]     code, name, région
    [communes]         INSEE code, name, département, population, postal codes, EPCI SIRENs
    [arrondissements]  INSEE code, name, parent commune, population, postal codes, EPCI SIRENs
    [former]           old code, current commune, status (deleguee, associee, ancienne), name
    [epcis]            SIREN, kind, name, member communes

A commune's EPCI SIRENs (in SIREN order) repeat the `[epcis]` member lists, so that finding a
commune's intercommunalities is one lookup, not an index of every list.

Loading checks the format line, the header and that every section is there, and only locates
the sections. A lookup is a binary search, in the text of its section for the first ones and in
its split lines after that, and a line becomes a record when it is looked up, so a check that
reads ten communes does not pay for thirty-five thousand.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from functools import cached_property

from ptce_check.territory.places import Commune, Departement, Epci, FormerCommune, FormerStatus, Meta, Region

FORMAT = "#ptce-check-reference/2"
SECTIONS = ("regions", "departements", "communes", "arrondissements", "former", "epcis")
#: Fields of a `[communes]` or `[arrondissements]` line read without building the commune.
POSTAL_CODES_FIELD, EPCIS_FIELD = 4, 5


class OfficialDataError(ValueError):
    """The reference file is not one this version of ptce-check can read."""


#: Lookups a section answers by searching its text before it is split into lines, which makes
#: each later lookup six to seven times faster. Splitting the communes costs about as much as 530
#: lookups in the text (3.2 ms against 6 µs each, measured), so a one-dossier check stays under
#: it (the Centre-Isère example makes 318 lookups in all) and a batch passes it within its first
#: dossiers, having lost at most a few milliseconds.
SPLIT_AFTER_LOOKUPS = 512


class _Section:
    """One section of the text, sorted by code, where a code's line is found by binary search:
    in the text itself for the first lookups, so that a check that reads ten communes does not
    split thirty-five thousand lines; in the split lines after that, or once the section has
    been walked whole."""

    def __init__(self, text: str, start: int, stop: int) -> None:
        while stop > start and text[stop - 1] == "\n":
            stop -= 1  # the file's final line break, or blank lines closing the section
        self._text, self._start, self._stop = text, start, stop
        self._text_lookups = 0

    @cached_property
    def lines(self) -> list[str]:
        return self._text[self._start : self._stop].split("\n") if self._stop > self._start else []

    def get(self, code: str) -> str | None:
        if "\t" in code or "\n" in code:
            return None
        key = code + "\t"
        if self._text_lookups < SPLIT_AFTER_LOOKUPS and "lines" not in self.__dict__:
            self._text_lookups += 1
            return self.in_text(key)
        return self.in_lines(key)

    def in_text(self, key: str) -> str | None:
        """The line that starts with `key`, found in the text."""
        text, stop = self._text, self._stop
        # Every line starting before `low` sorts before the key; every line starting at `high`
        # or after sorts at or after it. Both are always the start of a line (or the stop).
        low, high = self._start, stop
        while low < high:
            middle = (low + high) // 2
            previous_break = text.rfind("\n", low, middle)
            start = low if previous_break < 0 else previous_break + 1
            end = text.find("\n", middle, stop)
            end = stop if end < 0 else end
            if text[start:end] < key:
                low = end + 1
            else:
                high = start
        if low >= stop:
            return None
        end = text.find("\n", low, stop)
        line = text[low : stop if end < 0 else end]
        return line if line.startswith(key) else None

    def in_lines(self, key: str) -> str | None:
        """The line that starts with `key`, found in the split lines."""
        lines = self.lines
        index = bisect_left(lines, key)
        if index < len(lines) and lines[index].startswith(key):
            return lines[index]
        return None

    def codes(self) -> Iterator[str]:
        return (line.partition("\t")[0] for line in self.lines)

    def items(self) -> Iterator[tuple[str, str]]:
        return ((line.partition("\t")[0], line) for line in self.lines)


def _section_starts(text: str) -> dict[str, int]:
    """Where each `[name]` line is. The sections come in SECTIONS order, so each search starts
    where the previous section was found: a search for the whole `[name]` line skips through
    the text much faster than one for any line starting with `[`."""
    starts: dict[str, int] = {}
    position = 0
    for name in SECTIONS:
        found = text.find(f"\n[{name}]\n", position)
        if found >= 0:
            starts[name] = position = found
    missing = [name for name in SECTIONS if name not in starts]
    if missing:
        raise OfficialDataError(f"sections missing or out of order: {', '.join(missing)}")
    return starts


def _sections(text: str) -> tuple[list[str], dict[str, _Section]]:
    """The header lines and the sections, located but not split into lines."""
    if not text.startswith(FORMAT + "\n"):
        raise OfficialDataError(f"not a {FORMAT[1:]} file")
    starts = _section_starts(text)
    stops = [*list(starts.values())[1:], len(text)]
    sections = {
        name: _Section(text, start + len(f"\n[{name}]\n"), stop)
        for (name, start), stop in zip(starts.items(), stops, strict=True)
    }
    return text[: starts[SECTIONS[0]]].split("\n")[1:], sections


def _meta(lines: list[str]) -> Meta:
    fields = dict(line.split("\t", 1) for line in lines if "\t" in line)
    try:
        return Meta(fields["source"], fields["version"], int(fields["vintage"]), fields["licence"])
    except (KeyError, ValueError) as error:
        raise OfficialDataError(f"header incomplete: {error}") from error


class OfficialData:
    """Lookups in one vintage of the administrative division. Unknown codes give None."""

    def __init__(self, text: str) -> None:
        # Looking for one character is much faster than looking for two in text this long.
        header, self._sections = _sections(text.replace("\r\n", "\n") if "\r" in text else text)
        self.meta = _meta(header)
        self._communes: dict[str, Commune] = {}
        self._epcis: dict[str, Epci] = {}
        #: `epcis_of` by commune code: the territory facts and the postcode check ask it for each
        #: commune of a perimeter, and the territories of a batch share their communes.
        self._epcis_of: dict[str, tuple[Epci, ...]] = {}
        self._postal: dict[str, tuple[str, ...]] | None = None

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
        _, name, place, population, postal, _epcis = fields
        departement = self.departement(self._department_code(parent) if parent else place)
        if departement is None:
            raise OfficialDataError(f"no département for commune {code}")
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
            raise OfficialDataError(f"arrondissement of unknown commune {commune}")
        return fields[2]

    def former(self, code: str) -> FormerCommune | None:
        """A code that was a commune in an older geography, and the commune it belongs to now."""
        fields = self._fields("former", code)
        if fields is None:
            return None
        _, current, status, name = fields
        commune = self.commune(current)
        if commune is None:
            raise OfficialDataError(f"former commune {code} points to unknown {current}")
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

    def commune_names(self) -> Iterator[tuple[str, str]]:
        """Every current commune's code and name, without building the records."""
        for code, line in self._sections["communes"].items():
            yield code, line.split("\t", 2)[1]

    def epci_sirens(self) -> Iterator[str]:
        yield from self._sections["epcis"].codes()

    def epcis_of(self, code: str) -> tuple[Epci, ...]:
        """The intercommunalities a commune belongs to: its EPCI à fiscalité propre and, in
        Greater Paris, its EPT too. Empty for an unknown code and for a municipal arrondissement,
        which belongs to them through its city (`Commune.commune_code`)."""
        cached = self._epcis_of.get(code)
        if cached is not None:
            return cached
        fields = self._fields("communes", code) or self._fields("arrondissements", code)
        if fields is None:
            return ()  # not kept: hostile codes must not grow the cache
        found = self._epcis_of[code] = tuple(
            e for siren in fields[EPCIS_FIELD].split() if (e := self.epci(siren)) is not None
        )
        return found

    def communes_with_postal_code(self, postal_code: str) -> tuple[Commune, ...]:
        """Communes served by a postal code: for the applicant who wrote one instead of the
        INSEE code. The index is built on first use only."""
        if self._postal is None:
            index: dict[str, list[str]] = {}
            for code, line in self._sections["communes"].items():
                for postal in line.split("\t")[POSTAL_CODES_FIELD].split():
                    index.setdefault(postal, []).append(code)
            self._postal = {postal: tuple(codes) for postal, codes in index.items()}
        return tuple(c for code in self._postal.get(postal_code, ()) if (c := self.commune(code)) is not None)
