"""Records of the French administrative division, as the reference data describes them."""

from __future__ import annotations

from typing import Literal

from msgspec import Struct

FormerStatus = Literal["deleguee", "associee", "ancienne"]


class Meta(Struct, frozen=True):
    """Where the data comes from: the npm package, its version and the COG year it describes."""

    source: str
    version: str
    vintage: int
    licence: str


class Region(Struct, frozen=True):
    code: str
    name: str


class Departement(Struct, frozen=True):
    code: str
    name: str
    region: str


class Commune(Struct, frozen=True):
    """A commune of the shipped vintage, or a municipal arrondissement of Paris, Lyon or
    Marseille (then `parent` is the commune's code)."""

    code: str
    name: str
    departement: str
    region: str
    #: Legal population as the source package gives it; None where it gives none.
    population: int | None
    postal_codes: tuple[str, ...]
    parent: str | None = None

    @property
    def commune_code(self) -> str:
        """The commune itself: the parent city for an arrondissement."""
        return self.parent or self.code


class FormerCommune(Struct, frozen=True):
    """A code that is no longer a commune: merged into `current`, living on as a commune
    déléguée or associée (with its `name`) or gone altogether (`ancienne`, name unknown)."""

    code: str
    current: Commune
    status: FormerStatus
    name: str | None


class Epci(Struct, frozen=True):
    """An intercommunality: EPCI à fiscalité propre (CC, CA, CU, METRO) or EPT of Greater Paris."""

    siren: str
    kind: str
    name: str
    communes: tuple[str, ...]
