"""The territory of a dossier, and everything ptce-check knows about French territories.

- `codes`: the formats of territorial codes (a leaf module);
- `official` (`official_data()`), `table`, `places`, `nearest`: the official administrative
  division shipped with the tool (`decoupage.tsv`), its reader, its records, near misses;
- `user_lists`: the lists the user gives with `--reference` (QPV, FRR, employment zones);
- `facts`: the territory computed from both (perimeter, population, members' seats, claims);
- `checks`, `postcodes`, `messages`: the findings about it (PTCE-D04–D06, D17, T01–T12) and
  their words, run by the thin data checks of `ptce_check.quality`;
- `summary`: the territory as the reports show it.

The names below are re-exported lazily, on first use: importing one module of the package (the
shipped data's reader, say) does not pay for the others, and nothing loads the data file or
the dossier model until asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ptce_check.lazy import lazy_attributes

if TYPE_CHECKING:
    from ptce_check.territory.facts import (
        POPULATION_TOLERANCE,
        Claim,
        EpciFacts,
        Location,
        MemberPlace,
        TerritoryFacts,
        claim_key,
        compute,
        distinct_claims,
        qpv_departement,
        resolve,
    )
    from ptce_check.territory.official import DATA_FILE, official_data
    from ptce_check.territory.places import Commune, Departement, Epci, FormerCommune, Meta, Region
    from ptce_check.territory.table import OfficialData, OfficialDataError
    from ptce_check.territory.user_lists import UserList, UserReferences, load_user_references

__all__ = [
    "DATA_FILE",
    "POPULATION_TOLERANCE",
    "Claim",
    "Commune",
    "Departement",
    "Epci",
    "EpciFacts",
    "FormerCommune",
    "Location",
    "MemberPlace",
    "Meta",
    "OfficialData",
    "OfficialDataError",
    "Region",
    "TerritoryFacts",
    "UserList",
    "UserReferences",
    "claim_key",
    "compute",
    "distinct_claims",
    "load_user_references",
    "official_data",
    "qpv_departement",
    "resolve",
]

_LAZY = {
    "Claim": "ptce_check.territory.facts",
    "Commune": "ptce_check.territory.places",
    "DATA_FILE": "ptce_check.territory.official",
    "Departement": "ptce_check.territory.places",
    "Epci": "ptce_check.territory.places",
    "EpciFacts": "ptce_check.territory.facts",
    "FormerCommune": "ptce_check.territory.places",
    "Location": "ptce_check.territory.facts",
    "MemberPlace": "ptce_check.territory.facts",
    "Meta": "ptce_check.territory.places",
    "OfficialData": "ptce_check.territory.table",
    "OfficialDataError": "ptce_check.territory.table",
    "POPULATION_TOLERANCE": "ptce_check.territory.facts",
    "Region": "ptce_check.territory.places",
    "TerritoryFacts": "ptce_check.territory.facts",
    "UserList": "ptce_check.territory.user_lists",
    "UserReferences": "ptce_check.territory.user_lists",
    "claim_key": "ptce_check.territory.facts",
    "compute": "ptce_check.territory.facts",
    "distinct_claims": "ptce_check.territory.facts",
    "load_user_references": "ptce_check.territory.user_lists",
    "official_data": "ptce_check.territory.official",
    "qpv_departement": "ptce_check.territory.facts",
    "resolve": "ptce_check.territory.facts",
}


__getattr__ = lazy_attributes(__name__, _LAZY)
