"""Metrics of the jobs and innovation axis: jobs created and their cost, non-relocatable jobs,
integration paths, innovation, ecological transition, activities."""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field

from ptce_check.context import Context
from ptce_check.i18n import Text
from ptce_check.metrics.base import NOT_GIVEN, Measure, Metric, distinct, text_key
from ptce_check.money import euros


def _created_fte(context: Context, params: object) -> Measure:
    jobs = context.view.jobs
    if jobs is None:
        return Measure(None, NOT_GIVEN)
    return Measure(
        jobs.created_fte,
        Text(
            f"{jobs.created_fte:g} ETP créés en {jobs.horizon_years} ans",
            f"{jobs.created_fte:g} FTE created over {jobs.horizon_years} years",
        ),
        (("jobs", "created_fte"),),
    )


def _grant_per_fte(context: Context, params: object) -> Measure:
    jobs, budget = context.view.jobs, context.view.budget
    if jobs is None or budget is None:
        return Measure(None, NOT_GIVEN)
    if jobs.created_fte <= 0:
        return Measure(
            None,
            Text("aucun emploi créé : pas de coût par emploi", "no job created: no cost per job"),
            (("jobs", "created_fte"),),
        )
    cost = budget.requested_grant_eur / jobs.created_fte
    if not math.isfinite(cost):
        # A vanishing number of jobs (1e-310 FTE) makes the quotient overflow: no figure to score.
        return Measure(
            None,
            Text("nombre d'ETP créés trop faible pour un coût par emploi", "too few FTE created for a cost per job"),
            (("jobs", "created_fte"),),
        )
    return Measure(
        cost,
        Text(
            f"{euros(cost).fr} de subvention demandée par ETP créé",
            f"{euros(cost).en} of requested grant per FTE created",
        ),
        (("budget", "requested_grant_eur"), ("jobs", "created_fte")),
    )


def _non_relocatable(context: Context, params: object) -> Measure:
    jobs = context.view.jobs
    if jobs is None or jobs.non_relocatable is None:
        return Measure(None, NOT_GIVEN)
    return Measure(
        1.0 if jobs.non_relocatable else 0.0,
        Text(
            "emplois non délocalisables" if jobs.non_relocatable else "emplois délocalisables",
            "non-relocatable jobs" if jobs.non_relocatable else "relocatable jobs",
        ),
        (("jobs", "non_relocatable"),),
    )


def _insertion_paths(context: Context, params: object) -> Measure:
    jobs = context.view.jobs
    if jobs is None or jobs.insertion_paths is None:
        return Measure(None, NOT_GIVEN)
    return Measure(
        float(jobs.insertion_paths),
        Text(
            f"{jobs.insertion_paths} parcours d'insertion par l'activité économique",
            f"{jobs.insertion_paths} integration-through-work paths",
        ),
        (("jobs", "insertion_paths"),),
    )


def _innovation(context: Context, params: object) -> Measure:
    project = context.view.project
    if project is None:
        return Measure(None, NOT_GIVEN)
    kind = project.innovation.kind
    return Measure(
        2.0 if kind == "both" else 1.0,
        Text(
            {
                "social": "innovation sociale",
                "technological": "innovation technologique",
                "both": "innovation sociale et technologique",
            }[kind],
            {
                "social": "social innovation",
                "technological": "technological innovation",
                "both": "social and technological innovation",
            }[kind],
        ),
        (("project", "innovation"),),
    )


class EcologyParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    sectors: list[str] = Field(
        default=["circular_economy", "eco_construction", "local_food", "renewable_energy", "mobility"]
    )


def _ecological_transition(context: Context, params: EcologyParams) -> Measure:
    project = context.view.project
    if project is None:
        return Measure(None, NOT_GIVEN)
    green = sorted(set(project.sectors or []) & set(params.sectors))
    described = bool((project.ecological_transition or "").strip())
    value = len(green) + (1 if described else 0)
    return Measure(
        float(value),
        Text(
            f"{len(green)} secteur(s) de la transition écologique"
            + (", contribution décrite" if described else ", contribution non décrite"),
            f"{len(green)} ecological-transition sector(s)"
            + (", contribution described" if described else ", contribution not described"),
        ),
        (("project", "sectors"), ("project", "ecological_transition")),
    )


def _activities(context: Context, params: object) -> Measure:
    project = context.view.project
    if project is None:
        return Measure(None, NOT_GIVEN)
    # The title names the activity: the same title twice is one activity described twice.
    count = len(distinct(project.activities or [], lambda activity: text_key(activity.title)))
    return Measure(
        float(count),
        Text(f"{count} activité(s) à créer ou développer", f"{count} activity(ies) to create or develop"),
        (("project", "activities"),),
    )


METRICS = (
    Metric(
        "created_fte",
        _created_fte,
        Text(
            "au moins {threshold:g} ETP créés (jobs.created_fte)",
            "at least {threshold:g} FTE created (jobs.created_fte)",
        ),
    ),
    Metric(
        "grant_per_fte",
        _grant_per_fte,
        Text(
            "au plus {threshold:.0f} € de subvention par ETP créé", "at most €{threshold:.0f} of grant per FTE created"
        ),
    ),
    Metric(
        "non_relocatable",
        _non_relocatable,
        Text(
            "des emplois non délocalisables (jobs.non_relocatable: true)",
            "non-relocatable jobs (jobs.non_relocatable: true)",
        ),
    ),
    Metric(
        "insertion_paths",
        _insertion_paths,
        Text(
            "au moins {threshold:g} parcours d'insertion (jobs.insertion_paths)",
            "at least {threshold:g} integration paths (jobs.insertion_paths)",
        ),
    ),
    Metric(
        "innovation",
        _innovation,
        Text(
            "une innovation à la fois sociale et technologique (niveau {threshold:g} sur 2)",
            "an innovation both social and technological (level {threshold:g} of 2)",
        ),
    ),
    Metric(
        "ecological_transition",
        _ecological_transition,
        Text(
            "au moins {threshold:g} élément(s) de transition écologique (secteurs verts, contribution décrite)",
            "at least {threshold:g} ecological-transition element(s) (green sectors, contribution described)",
        ),
        EcologyParams,
    ),
    Metric(
        "activities",
        _activities,
        Text(
            "au moins {threshold:g} activité(s) décrite(s) dans project.activities",
            "at least {threshold:g} activity(ies) described in project.activities",
        ),
    ),
)
