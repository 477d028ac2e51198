"""Scoring metrics by kind. A call file's scoring criterion names a kind, its bands and
parameters; the metric measures the dossier and says what evidence earned the points. Each
module is a `ptce_check.kinds.MetricKind`: `KIND`, `Params`, `TARGET`, `run(context, params)
-> Measure`, a docstring with PASS and FAIL examples and `EXAMPLES`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ptce_check.kinds import Measure, MetricKind
from ptce_check.lazy import LazyModules

#: By axis: cooperation, territory in difficulty, jobs and innovation, economic model, then the
#: AMI priorities (rural areas and QPV, animation, maturity, evaluation of results); each module
#: is imported when a call first uses it.
METRICS: Mapping[str, MetricKind] = LazyModules(
    "ptce_check.metrics",
    (
        "ess_balance",
        "members_in_territory",
        "mutualisations",
        "mutualisation_kinds",
        "governance",
        "signed_commitments",
        "priority_neighbourhoods",
        "rural_revitalisation",
        "deindustrialised",
        "unemployment_rate",
        "created_fte",
        "grant_per_fte",
        "non_relocatable",
        "insertion_paths",
        "innovation",
        "ecological_transition",
        "activities",
        "value_chain",
        "self_financing_final_year",
        "rural_or_priority_neighbourhoods",
        "animation_share",
        "maturity",
        "evaluation",
        "reviewer",
    ),
)

if TYPE_CHECKING:  # mypy checks that each module listed is a `MetricKind`
    from ptce_check.metrics import (
        activities,
        animation_share,
        created_fte,
        deindustrialised,
        ecological_transition,
        ess_balance,
        evaluation,
        governance,
        grant_per_fte,
        innovation,
        insertion_paths,
        maturity,
        members_in_territory,
        mutualisation_kinds,
        mutualisations,
        non_relocatable,
        priority_neighbourhoods,
        reviewer,
        rural_or_priority_neighbourhoods,
        rural_revitalisation,
        self_financing_final_year,
        signed_commitments,
        unemployment_rate,
        value_chain,
    )

    _CHECKED: tuple[MetricKind, ...] = (
        ess_balance,
        members_in_territory,
        mutualisations,
        mutualisation_kinds,
        governance,
        signed_commitments,
        priority_neighbourhoods,
        rural_revitalisation,
        deindustrialised,
        unemployment_rate,
        created_fte,
        grant_per_fte,
        non_relocatable,
        insertion_paths,
        innovation,
        ecological_transition,
        activities,
        value_chain,
        self_financing_final_year,
        rural_or_priority_neighbourhoods,
        animation_share,
        maturity,
        evaluation,
        reviewer,
    )

__all__ = ["METRICS", "Measure", "MetricKind"]
