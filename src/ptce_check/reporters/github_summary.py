"""The Markdown job summary of `--format github`: every dossier and every finding.

Dossier text is escaped so that it stays text: no HTML, no link syntax, no table cell break. GitHub
refuses a summary over 1 MiB, so past that size the findings are cut with a note saying so.
"""

from __future__ import annotations

from collections.abc import Sequence

from ptce_check.assessment import VERDICT_TEXT, Assessment, Verdict
from ptce_check.findings import Severity
from ptce_check.i18n import Lang, Text, plural
from ptce_check.reporters.locations import position
from ptce_check.textsafe import escape_markdown

#: GitHub accepts at most 1 MiB of summary per step; keep a margin for other steps' lines.
SUMMARY_LIMIT = 900_000
_ICON = {Verdict.ADMISSIBLE: "✅", Verdict.NOT_ADMISSIBLE: "❌", Verdict.INVALID: "⛔"}
_SEVERITY = {
    Severity.ERROR: Text("erreur", "error"),
    Severity.WARNING: Text("avertissement", "warning"),
    Severity.INFO: Text("information", "info"),
}
_HEADERS = {
    "dossiers": Text(
        "| dossier | verdict | score | erreurs | avertissements |", "| dossier | verdict | score | errors | warnings |"
    ),
    "findings": Text("| position | code | gravité | constat |", "| position | code | severity | finding |"),
}


def _dossier_row(assessment: Assessment, lang: Lang) -> str:
    card = assessment.score
    score = f"{card.total:g}/{card.max_points:g}" if card is not None else "—"
    verdict = f"{_ICON[assessment.verdict]} {VERDICT_TEXT[assessment.verdict].get(lang)}"
    errors, warnings = assessment.count(Severity.ERROR), assessment.count(Severity.WARNING)
    return f"| {escape_markdown(assessment.dossier)} | {verdict} | {score} | {errors} | {warnings} |"


def _findings_section(assessment: Assessment, lang: Lang) -> list[str]:
    lines = ["", f"### {escape_markdown(assessment.dossier)}", "", _HEADERS["findings"].get(lang), "|---|---|---|---|"]
    for finding in assessment.findings:
        where = position(finding)
        message = escape_markdown(finding.message.get(lang))
        if finding.hint is not None:
            message += " → " + escape_markdown(finding.hint.get(lang))
        severity = _SEVERITY[finding.severity].get(lang)
        lines.append(f"| {where.line}:{where.column} | {finding.code} | {severity} | {message} |")
    return lines


def summary_markdown(assessments: Sequence[Assessment], lang: Lang) -> str:
    lines = ["## ptce-check", "", _HEADERS["dossiers"].get(lang), "|---|---|---|---|---|"]
    lines += [_dossier_row(a, lang) for a in assessments]
    size = sum(len(line.encode()) + 1 for line in lines)
    for index, assessment in enumerate(assessments):
        if not assessment.findings:
            continue
        section = _findings_section(assessment, lang)
        section_size = sum(len(line.encode()) + 1 for line in section)
        if size + section_size > SUMMARY_LIMIT:
            rest = sum(1 for a in assessments[index:] if a.findings)
            lines += ["", _cut_note(rest).get(lang)]
            break
        lines += section
        size += section_size
    return "\n".join(lines) + "\n\n"


def _following(rest: int) -> str:
    """`du dossier suivant`, `des 3 dossiers suivants`."""
    return "du dossier suivant" if rest == 1 else f"des {rest} dossiers suivants"


def _cut_note(rest: int) -> Text:
    return Text(
        f"*Résumé tronqué à la limite de GitHub\u00a0: les constats {_following(rest)} sont dans le "
        "journal de l'étape (ou `--format json`).*",
        "*Summary cut at GitHub's size limit: the findings of the "
        f"{plural(rest, 'remaining dossier', 'remaining dossiers', 'en')} are in the step's "
        "log (or `--format json`).*",
    )
