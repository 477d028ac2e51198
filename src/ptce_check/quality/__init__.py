"""Data-quality checks, applied to every dossier whatever the call. Each module exposes
`run(context) -> Iterator[Finding]`."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ptce_check.context import Context
from ptce_check.findings import Finding
from ptce_check.quality import (
    attachments,
    budget,
    identifiers,
    membership,
    territory_codes,
    territory_postcodes,
    territory_reference,
)

QualityCheck = Callable[[Context], Iterator[Finding]]

QUALITY_CHECKS: tuple[QualityCheck, ...] = (
    identifiers.run,
    territory_codes.run,
    territory_reference.run,
    territory_postcodes.run,
    membership.run,
    budget.run,
    attachments.run,
)
