"""The `territory` object of the JSON outcome: the territory computed from the official
data, beside what the dossier declared (English keys; built by `ptce_check.territory.summary`)."""

from __future__ import annotations

from typing import Any

from ptce_check.territory import TerritoryFacts
from ptce_check.territory.summary import facts_record


def territory_data(facts: TerritoryFacts | None) -> dict[str, Any] | None:
    return None if facts is None else facts_record(facts)
