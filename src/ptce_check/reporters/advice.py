"""What to do first, for every report for people: a dossier that is not admissible lists the
blocking rules to lift before any improvement of its score (a score does not help a dossier
that cannot be received)."""

from __future__ import annotations

from ptce_check.assessment import Assessment, Verdict
from ptce_check.findings import Severity
from ptce_check.i18n import Text

BLOCKING_TITLE = Text("D'abord, lever ce qui bloque la recevabilité", "First, lift what blocks admissibility")
IMPROVE_TITLE = Text("Pour gagner des points", "What would raise your score")


def blocking(assessment: Assessment) -> list[tuple[str, Text]]:
    """(code, what to lift) for each failed rule, then one line for the format errors."""
    if assessment.verdict is Verdict.ADMISSIBLE:
        return []
    lifted: list[tuple[str, Text]] = [(rule.code, rule.title) for rule in assessment.rules if rule.status == "failed"]
    rule_codes = {code for code, _ in lifted}
    errors = [f for f in assessment.findings if f.severity is Severity.ERROR and f.code not in rule_codes]
    if errors:
        count = len(errors)
        lifted.append(
            (
                "",
                Text(
                    f"corriger {count} erreur{'s' if count > 1 else ''} de format ou de valeur (constats ci-dessus)",
                    f"correct {count} format or value error{'s' if count > 1 else ''} (findings above)",
                ),
            )
        )
    return lifted
