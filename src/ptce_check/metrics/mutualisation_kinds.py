"""Pooling of means: how many kinds of mutualisation the pole practises (`other` aside).

PASS: ``shared_jobs`` and ``shared_premises`` (value 2).
FAIL: ``other`` only (value 0); no `cooperation` (nothing to measure).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.i18n import Text, plural
from ptce_check.kinds import Example
from ptce_check.metrics.base import NOT_GIVEN, Measure, NoParams

KIND = "mutualisation_kinds"
TARGET = Text(
    "si le pôle mutualise d'autres moyens (emplois partagés, groupement d'employeurs, locaux, achats, "
    "RH…), déclarez-les (palier suivant\u00a0: {threshold:g} formes)",
    "if the pole pools other resources (shared jobs, employer group, premises, purchasing, HR…), declare "
    "them (next band: {threshold:g} kinds)",
)
Params = NoParams


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text("nombre de types de mutualisation pratiqués", "number of kinds of pooling practised")


def run(context: Context, params: NoParams) -> Measure:
    cooperation = context.view.cooperation
    if cooperation is None:
        return Measure(None, NOT_GIVEN)
    kinds = sorted({m.kind for m in cooperation.mutualisations or [] if m.kind != "other"})
    return Measure(
        float(len(kinds)),
        Text(
            f"{plural(len(kinds), 'forme', 'formes')} de mutualisation\u00a0: {', '.join(kinds) or 'aucune'}",
            f"{plural(len(kinds), 'kind', 'kinds', 'en')} of pooling: {', '.join(kinds) or 'none'}",
        ),
        (("cooperation", "mutualisations"),),
    )


EXAMPLES = (
    Example(
        """\
        cooperation:
          strategy: Mutualiser.
          mutualisations:
            - {kind: shared_jobs, description: Un emploi partagé, members: [Atelier Solidaire, Menuiserie Durand]}
            - {kind: shared_premises, description: Atelier, members: [Atelier Solidaire, Menuiserie Durand]}
        """,
        value=2,
    ),
    Example(
        """\
        cooperation:
          strategy: Mutualiser.
          mutualisations:
            - {kind: other, description: Divers, members: [Atelier Solidaire, Menuiserie Durand]}
        """,
        value=0,
        passes=False,
    ),
)
