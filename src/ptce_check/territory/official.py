"""The official data shipped with ptce-check: the French administrative division (communes,
former communes, EPCI, départements, régions) of one COG vintage, derived from the npm package
`@etalab/decoupage-administratif` (data under the Licence Ouverte, code MIT) by
`scripts/build_reference.py`. Nothing is downloaded at run time.

`official_data()` loads the shipped file on first use, once per process; importing this module
costs nothing. (The user's own lists, given with `--reference`, are `user_lists`.)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ptce_check.territory.table import OfficialData

DATA_FILE = "decoupage.tsv"


@cache
def official_data() -> OfficialData:
    """The shipped data, parsed once and shared. The file sits beside this module in every
    install (wheel or editable); `importlib.resources` would cost more to import than the
    read itself."""
    return OfficialData(Path(__file__).with_name(DATA_FILE).read_bytes().decode("utf-8"))
