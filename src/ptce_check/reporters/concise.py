"""`--format concise`: one line per finding, `path:line:col: CODE message`, then one verdict line
per dossier; the shape that editors' problem matchers and `grep` expect (as ruff's concise)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ptce_check.assessment import VERDICT_TEXT, Assessment
from ptce_check.findings import Finding
from ptce_check.i18n import COLON, Lang, Text
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.locations import located
from ptce_check.textsafe import escape_all_controls

HINT_LABEL = Text("aide", "help")


def finding_line(dossier: str, finding: Finding, lang: Lang) -> str:
    message = escape_all_controls(finding.message.get(lang))
    return f"{escape_all_controls(located(dossier, finding))}: {finding.code} {message}"


def hint_line(finding: Finding, lang: Lang) -> str | None:
    """The hint, indented under its finding (a problem matcher keeps to the unindented lines)."""
    if finding.hint is None:
        return None
    return f"    {HINT_LABEL.get(lang)}{COLON.get(lang)} {escape_all_controls(finding.hint.get(lang))}"


def verdict_line(assessment: Assessment, lang: Lang) -> str:
    """`path: non recevable (score 61/100)`; an invalid dossier has no score."""
    line = f"{escape_all_controls(assessment.dossier)}: {VERDICT_TEXT[assessment.verdict].get(lang)}"
    if assessment.score is not None:
        line += f" (score {assessment.score.total:g}/{assessment.score.max_points:g})"
    return line


def render(assessments: Iterable[Assessment], stream: TextIO, settings: ReportSettings) -> None:
    """Each dossier's lines are written and flushed as soon as it is assessed."""
    for assessment in assessments:
        for finding in assessment.findings:
            stream.write(finding_line(assessment.dossier, finding, settings.lang) + "\n")
            hint = hint_line(finding, settings.lang)
            if hint is not None:
                stream.write(hint + "\n")
        stream.write(verdict_line(assessment, settings.lang) + "\n")
        stream.flush()
