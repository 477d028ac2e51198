"""Data-quality checks, applied to every dossier whatever the call. Each module is a
`ptce_check.kinds.DataCheck`: `CODES` (the codes it can emit), `run(context) ->
Iterator[Finding]`, a docstring with PASS and FAIL examples and `EXAMPLES`."""

from __future__ import annotations

from ptce_check.kinds import DataCheck
from ptce_check.quality import (
    attachments,
    budget,
    identifiers,
    membership,
    territory_codes,
    territory_postcodes,
    territory_reference,
)

#: In the order their findings are gathered. Typed so that mypy checks each module is a `DataCheck`.
DATA_CHECKS: tuple[DataCheck, ...] = (
    identifiers,
    territory_codes,
    territory_reference,
    territory_postcodes,
    membership,
    budget,
    attachments,
)

#: A finding that explains a value (the code is probably a postcode) is the cause of the other
#: findings about that same value: PTCE-T05 "seated outside the territory" and PTCE-T07 "outside
#: the territory" are then true of the INSEE reading, and follow from the T12 that says so.
EXPLAINS: dict[str, frozenset[str]] = {"PTCE-T12": frozenset({"PTCE-T05", "PTCE-T07"})}
