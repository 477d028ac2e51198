"""Official reference data shipped with ptce-check: the French administrative division
(communes, former communes, EPCI, départements, régions) of one COG vintage, derived from the
npm package `@etalab/decoupage-administratif` (data under the Licence Ouverte, code MIT) by
`scripts/build_reference.py`. Nothing is downloaded at run time.

`reference()` loads the shipped file on first use, once per process; importing this package
costs nothing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ptce_check.reference.model import Commune, Departement, Epci, FormerCommune, Meta, Region
from ptce_check.reference.table import Reference, ReferenceFormatError

DATA_FILE = "decoupage.tsv"


@cache
def reference() -> Reference:
    """The shipped reference data, parsed once and shared. The file sits beside this module in
    every install (wheel or editable); `importlib.resources` would cost more to import than the
    read itself."""
    return Reference(Path(__file__).with_name(DATA_FILE).read_bytes().decode("utf-8"))


__all__ = [
    "DATA_FILE",
    "Commune",
    "Departement",
    "Epci",
    "FormerCommune",
    "Meta",
    "Reference",
    "ReferenceFormatError",
    "Region",
    "reference",
]
