"""The ecological transition: the project's sectors among the green ones (`sectors` param),
plus one when its contribution is described (`project.ecological_transition`).

PASS: ``sectors: [circular_economy, local_food]`` and a contribution described (value 3).
FAIL: ``sectors: [digital]`` and no contribution described (value 0).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ptce_check.context import Context
from ptce_check.i18n import Text, plural
from ptce_check.kinds import Example, listed
from ptce_check.metrics.base import NOT_GIVEN, Measure

KIND = "ecological_transition"
TARGET = Text(
    "si des membres agissent pour la transition écologique, déclarez leurs secteurs et décrivez la "
    "contribution du projet (palier suivant\u00a0: {threshold:g} éléments)",
    "if members work for the ecological transition, declare their sectors and describe the project's "
    "contribution (next band: {threshold:g} elements)",
)
SECTOR_WORDS = {
    "circular_economy": Text("économie circulaire", "circular economy"),
    "eco_construction": Text("écoconstruction", "eco-construction"),
    "local_food": Text("alimentation locale", "local food"),
    "renewable_energy": Text("énergies renouvelables", "renewable energy"),
    "personal_services": Text("services à la personne", "personal services"),
    "business_services": Text("services aux entreprises", "business services"),
    "culture": Text("culture", "culture"),
    "mobility": Text("mobilité", "mobility"),
    "digital": Text("numérique", "digital"),
    "other": Text("autre secteur", "other sector"),
}


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    sectors: list[str] = Field(
        default=["circular_economy", "eco_construction", "local_food", "renewable_energy", "mobility"]
    )


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    shown = listed(params.sectors, SECTOR_WORDS)
    return Text(
        f"secteurs de la transition écologique parmi\u00a0: {shown.fr}\u00a0; plus 1 si la contribution est décrite",
        f"ecological-transition sectors among: {shown.en}; plus 1 when the contribution is described",
    )


def run(context: Context, params: Params) -> Measure:
    project = context.view.project
    if project is None:
        return Measure(None, NOT_GIVEN)
    green = sorted(set(project.sectors or []) & set(params.sectors))
    described = bool((project.ecological_transition or "").strip())
    value = len(green) + (1 if described else 0)
    return Measure(
        float(value),
        Text(
            f"{plural(len(green), 'secteur', 'secteurs')} de la transition écologique"
            + (", contribution décrite" if described else ", contribution non décrite"),
            plural(len(green), "ecological-transition sector", "ecological-transition sectors", "en")
            + (", contribution described" if described else ", contribution not described"),
        ),
        (("project", "sectors"), ("project", "ecological_transition")),
    )


EXAMPLES = (
    Example(
        """\
        project:
          title: Ressourcerie
          summary: Réemploi et alimentation locale.
          innovation: {kind: social, description: Une ressourcerie coopérative.}
          sectors: [circular_economy, local_food, digital]
          ecological_transition: Moins de déchets, des circuits courts.
        """,
        value=3,
    ),
    Example(
        """\
        project:
          title: Plateforme
          summary: Un service numérique.
          innovation: {kind: technological, description: Une plateforme partagée.}
          sectors: [digital]
        """,
        params={"sectors": ["digital"]},
        value=1,
    ),
    Example(
        """\
        project:
          title: Plateforme
          summary: Un service numérique.
          innovation: {kind: technological, description: Une plateforme partagée.}
          sectors: [digital]
        """,
        value=0,
        passes=False,
    ),
)
