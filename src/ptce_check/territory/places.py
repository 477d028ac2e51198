"""Records of the French administrative division, as the reference data describes them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FormerStatus = Literal["deleguee", "associee", "ancienne"]


@dataclass(frozen=True, slots=True)
class Meta:
    """Where the data comes from: the npm package, its version and the COG year it describes."""

    source: str
    version: str
    vintage: int
    licence: str


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Departement:
    code: str
    name: str
    region: str


@dataclass(frozen=True, slots=True)
class Commune:
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


@dataclass(frozen=True, slots=True)
class FormerCommune:
    """A code that is no longer a commune: merged into `current`, living on as a commune
    déléguée or associée (with its `name`) or gone altogether (`ancienne`, name unknown)."""

    code: str
    current: Commune
    status: FormerStatus
    name: str | None


@dataclass(frozen=True, slots=True)
class Epci:
    """An intercommunality: EPCI à fiscalité propre (CC, CA, CU, METRO) or EPT of Greater Paris."""

    siren: str
    kind: str
    name: str
    communes: tuple[str, ...]
