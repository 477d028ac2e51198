"""Pooled resources: the mutualisations shared by at least two distinct members (one written
twice, same kind, description and members, counts once).

PASS: ``mutualisations: [{kind: shared_premises, members: [A, B]}]`` (value 1).
FAIL: a mutualisation of one member only (value 0); no `cooperation` (nothing to measure).
"""

from __future__ import annotations

from ptce_check.context import Context
from ptce_check.dossier import Mutualisation
from ptce_check.i18n import Text, plural
from ptce_check.kinds import Example
from ptce_check.metrics.base import NOT_GIVEN, Measure, NoParams, distinct, member_key, text_key

KIND = "mutualisations"
TARGET = Text(
    "si d'autres ressources sont mutualisées entre membres, déclarez-les avec les membres concernés "
    "(palier suivant\u00a0: {threshold:g})",
    "if more resources are pooled between members, declare them with the members involved (next band: {threshold:g})",
)
Params = NoParams


def _mutualisation_key(mutualisation: Mutualisation) -> tuple[str, str, frozenset[str]]:
    return (
        mutualisation.kind,
        text_key(mutualisation.description),
        frozenset(member_key(name) for name in mutualisation.members),
    )


def _distinct_mutualisations(mutualisations: list[Mutualisation] | None) -> list[Mutualisation]:
    """A mutualisation written twice (same kind, same description, same members) is one."""
    return distinct(mutualisations or [], _mutualisation_key)


def describe(params: Params) -> Text:
    """What the metric measures, with its params, in words."""
    return Text(
        "mutualisations partagées par au moins deux membres",
        "pooled resources shared by at least two members",
    )


def run(context: Context, params: NoParams) -> Measure:
    cooperation = context.view.cooperation
    if cooperation is None:
        return Measure(None, NOT_GIVEN)
    distinct_mutualisations = _distinct_mutualisations(cooperation.mutualisations)
    shared = [m for m in distinct_mutualisations if len({member_key(name) for name in m.members}) >= 2]
    return Measure(
        float(len(shared)),
        Text(
            f"{plural(len(shared), 'mutualisation', 'mutualisations')} entre au moins deux membres",
            f"{plural(len(shared), 'pooled resource', 'pooled resources', 'en')} between at least two members",
        ),
        (("cooperation", "mutualisations"),),
    )


EXAMPLES = (
    Example(
        """\
        cooperation:
          strategy: Mutualiser un atelier.
          mutualisations:
            - {kind: shared_premises, description: Atelier, members: [Atelier Solidaire, Menuiserie Durand]}
            - {kind: shared_premises, description: Atelier, members: [Atelier Solidaire, Menuiserie Durand]}
        """,
        value=1,
    ),
    Example(
        """\
        cooperation:
          strategy: Mutualiser un atelier.
          mutualisations:
            - {kind: shared_premises, description: Atelier, members: [Atelier Solidaire, atelier solidaire]}
        """,
        value=0,
        passes=False,
    ),
)
