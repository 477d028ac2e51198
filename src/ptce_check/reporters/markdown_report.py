"""`check -f markdown`: one dossier's report as Markdown, for the applicant's board or the
support network (a wiki page, an issue, a pull-request comment). Text is inert Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ptce_check.assessment import VERDICT_TEXT, Assessment
from ptce_check.i18n import COLON, Lang
from ptce_check.money import number
from ptce_check.reporters.advice import BLOCKING_TITLE, IMPROVE_TITLE, blocking
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.excerpt import excerpt
from ptce_check.reporters.html_report import WORDS
from ptce_check.reporters.rich_report import LABELS, SEVERITY_TEXT, STATUS_TEXT
from ptce_check.textsafe import escape_markdown


def _cell(text: str) -> str:
    return escape_markdown(text).replace("|", "\\|")


def _header(assessment: Assessment, lang: Lang) -> list[str]:
    colon = COLON.get(lang)
    lines = [f"## {escape_markdown(assessment.dossier)}", ""]
    lines.append(f"- **{LABELS['verdict'].get(lang)}**{colon} {VERDICT_TEXT[assessment.verdict].get(lang)}")
    if assessment.score is not None:
        total, maximum = number(assessment.score.total).get(lang), number(assessment.score.max_points).get(lang)
        lines.append(f"- **{LABELS['score'].get(lang)}**{colon} {total} / {maximum}")
    if assessment.call:
        lines.append(f"- **{LABELS['call'].get(lang)}**{colon} {escape_markdown(assessment.call)}")
    if assessment.summary.pole_name:
        lines.append(f"- **{LABELS['pole'].get(lang)}**{colon} {escape_markdown(assessment.summary.pole_name)}")
    return lines


def _rules(assessment: Assessment, lang: Lang) -> list[str]:
    if not assessment.rules:
        return []
    head = " | ".join(LABELS[key].get(lang) for key in ("code", "result", "rule", "evidence"))
    lines = ["", f"### {LABELS['rules'].get(lang)}", "", f"| {head} |", "|---|---|---|---|"]
    for rule in assessment.rules:
        cells = [rule.code, STATUS_TEXT[rule.status][0].get(lang), rule.title.get(lang), rule.evidence.get(lang)]
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    return lines


def _grid(assessment: Assessment, lang: Lang) -> list[str]:
    card = assessment.score
    if card is None:
        return []
    head = " | ".join(LABELS[key].get(lang) for key in ("criterion", "points", "evidence"))
    lines = ["", f"### {LABELS['grid'].get(lang)}", "", f"| {head} |", "|---|---:|---|"]
    for c in card.criteria:
        points = f"{number(c.points).get(lang)} / {number(c.max_points).get(lang)}"
        lines.append(f"| {_cell(c.title.get(lang))} | {points} | {_cell(c.evidence.get(lang))} |")
    return lines


def _findings(assessment: Assessment, lang: Lang) -> list[str]:
    colon = COLON.get(lang)
    lines = ["", f"### {LABELS['findings'].get(lang)} ({len(assessment.findings)})", ""]
    if not assessment.findings:
        return [*lines, LABELS["none"].get(lang)]
    for finding in assessment.findings:
        where = f"{finding.position.line}:{finding.position.column}" if finding.position else "1:1"
        severity = SEVERITY_TEXT[finding.severity].get(lang)
        lines.append(f"- **{finding.code}** {severity} `{where}` {escape_markdown(finding.message.get(lang))}")
        shown = excerpt(assessment.source_lines, finding, 100)
        if shown is not None:
            gutter = f"{shown.line_number:>4} | "
            # A fence longer than any run of backticks in the line: the excerpt cannot close it.
            fence = "`" * max(3, max((len(run) for run in shown.text.split("`")[1::2]), default=0) + 3)
            lines += [
                "",
                f"  {fence}yaml",
                f"  {gutter}{shown.text}",
                f"  {' ' * len(gutter)}{shown.caret}",
                f"  {fence}",
            ]
        if finding.hint is not None:
            lines.append(f"  - {WORDS['hint'].get(lang)}{colon} {escape_markdown(finding.hint.get(lang))}")
        if finding.fix is not None:
            lines.append(f"  - {WORDS['fix'].get(lang)}{colon} {escape_markdown(finding.fix.message.get(lang))}")
    return lines


def _advice(assessment: Assessment, lang: Lang) -> list[str]:
    lines: list[str] = []
    lifted = blocking(assessment)
    if lifted:
        lines += ["", f"### {BLOCKING_TITLE.get(lang)}", ""]
        lines += [f"- {f'**{code}** ' if code else ''}{escape_markdown(what.get(lang))}" for code, what in lifted]
    if assessment.score is not None and assessment.score.improvements:
        lines += ["", f"### {IMPROVE_TITLE.get(lang)}", ""]
        for i in assessment.score.improvements:
            gain = f"+{number(i.gain).get(lang)} {LABELS['pts'].get(lang)}"
            lines.append(
                f"- **{gain}** {escape_markdown(i.title.get(lang))}{COLON.get(lang)} "
                f"{escape_markdown(i.target.get(lang))}"
            )
    return lines


def render(assessments: Sequence[Assessment], stream: TextIO, settings: ReportSettings) -> None:
    lang = settings.lang
    for index, assessment in enumerate(assessments):
        lines = _header(assessment, lang) + _rules(assessment, lang) + _grid(assessment, lang)
        lines += _findings(assessment, lang) + _advice(assessment, lang)
        stream.write(("\n" if index else "") + "\n".join(lines) + "\n")
