""" "Pour gagner des points" that a person can trust: what blocks admissibility comes first, and
every improvement asks for evidence to document, never for facts to change."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from helpers import EXAMPLES
from ptce_check.cli.commands import app
from ptce_check.metrics import METRICS

NOT_ADMISSIBLE = EXAMPLES / "not-admissible-e03-no-ess-enterprise.yaml"
BLOCKING = "D'abord, lever ce qui bloque la recevabilité"
IMPROVE = "Pour gagner des points"
#: Phrasings that invite an applicant to change the facts rather than document them.
CHANGE_FACTS = re.compile(r"^au moins|: true\b|\+\d+ ?pts?\b|^(?:ajoutez|augmentez|créez) ", re.IGNORECASE)
DOCUMENT = ("si ", "documentez", "vérifiez", "renseignez", "critère noté")


@pytest.mark.parametrize("kind", sorted(METRICS))
def test_every_improvement_asks_for_evidence(kind: str) -> None:
    target = METRICS[kind].TARGET
    assert not CHANGE_FACTS.search(target.fr), target.fr
    assert not CHANGE_FACTS.search(target.en), target.en
    assert target.fr.startswith(DOCUMENT), target.fr


@pytest.mark.parametrize("format", ["rich", "markdown", "html"])
def test_blocking_rules_come_before_improvements(format: str) -> None:
    result = CliRunner().invoke(app, ["check", str(NOT_ADMISSIBLE), "-f", format, "--lang", "fr"])
    assert result.exit_code == 1, result.output
    output = result.stdout.replace("&#x27;", "'").replace("&#39;", "'")
    assert BLOCKING in output and IMPROVE in output
    blocking = output.index(BLOCKING)
    assert blocking < output.index(IMPROVE)
    assert "PTCE-E03" in output[blocking : output.index(IMPROVE)]
