"""Formats of territorial codes, as the dossier's data checks (PTCE-D04, D05, D06), the
`--reference` lists and the JSON Schema all read them. A leaf: imports nothing of ours.

- `COMMUNE`: an INSEE (COG) commune code: `38563`, `2A004`, `97411` (never a postcode's
  `20000` or a département `00`/`96`);
- `QPV`: a priority neighbourhood: `QP026003` (2014 list), `QN02601N` (2024 list);
- `EMPLOYMENT_ZONE`: an employment zone: 4 digits or capitals (`8401`).
"""

from __future__ import annotations

import re

COMMUNE = re.compile(r"(?:0[1-9]|[1-8][0-9]|9[0-5]|2[AB])[0-9]{3}|97[1-8][0-9]{2}")
_DEPARTMENT = r"(?:0[0-9]{2}|02[AB]|97[0-9])"
QPV = re.compile(rf"QP{_DEPARTMENT}[0-9]{{3}}|QN{_DEPARTMENT}[0-9]{{2}}[NMI]")
EMPLOYMENT_ZONE = re.compile(r"[0-9A-Z]{4}")
