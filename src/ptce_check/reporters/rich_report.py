"""`--format rich`: the report for people, through rich; applicant text is never markup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from ptce_check.assessment import VERDICT_TEXT, Assessment
from ptce_check.findings import Finding, Severity
from ptce_check.i18n import COLON, Lang, Text
from ptce_check.money import number
from ptce_check.reporters.advice import BLOCKING_TITLE, IMPROVE_TITLE, blocking
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.console import VERDICT_STYLE, cell, make_console, plain
from ptce_check.reporters.excerpt import excerpt, wrap_offsets
from ptce_check.reporters.locations import located
from ptce_check.reporters.territory_section import territory_table
from ptce_check.reporters.totals import dossiers_label, verdict_counts
from ptce_check.textsafe import escape_all_controls

SEVERITY_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
SEVERITY_TEXT = {
    Severity.ERROR: Text("erreur", "error"),
    Severity.WARNING: Text("avert.", "warning"),
    Severity.INFO: Text("info", "info"),
}
STATUS_TEXT = {
    "passed": (Text("✔ respectée", "✔ passed"), "green"),
    "failed": (Text("✘ non respectée", "✘ failed"), "red"),
    "not_evaluated": (Text("– non évaluée", "– not evaluated"), "dim"),
}
LABELS = {
    "pole": Text("Pôle", "Pole"),
    "call": Text("Appel", "Call"),
    "verdict": Text("Verdict", "Outcome"),
    "score": Text("Score", "Score"),
    "criterion": Text("Critère", "Criterion"),
    "points": Text("Points", "Points"),
    "evidence": Text("Justification", "Evidence"),
    "rules": Text("Règles d'admissibilité", "Admissibility rules"),
    "rule": Text("Règle", "Rule"),
    "result": Text("Résultat", "Result"),
    "findings": Text("Constats", "Findings"),
    "improve": Text("Pour gagner des points", "What would raise your score"),
    "none": Text("aucun constat", "no findings"),
    "pts": Text("pts", "pts"),
    "grid": Text("Grille de sélection", "Selection grid"),
    "code": Text("Code", "Code"),
}


FIX_LABEL = Text("correction", "fix")
FIX_COMMAND = Text(" (ptce-check fix)", " (ptce-check fix)")


def _out_of(points: float, maximum: float, lang: Lang) -> str:
    return f"{number(points).get(lang)} / {number(maximum).get(lang)}"


def _depths(findings: Sequence[Finding]) -> list[int]:
    """How deep each finding sits under its causes (0: a root). Findings come each right after
    its cause (see `assess`), so a consequence's cause is always listed before it."""
    depth: dict[object, int] = {}
    result = []
    for finding in findings:
        level = depth.get(finding.caused_by, -1) + 1 if finding.caused_by is not None else 0
        depth.setdefault(finding.cause, level)
        result.append(level)
    return result


def _finding_line(finding: Finding, dossier: str, lang: Lang, depth: int = 0) -> RichText:
    position = finding.position
    where = located(dossier, finding) if position else dossier
    indent = "    " * depth
    line = RichText(f"{indent}↳ " if depth else "", style="dim")
    line.append(escape_all_controls(where), style="bold")
    line.append(" ")
    line.append(finding.code, style=SEVERITY_STYLE[finding.severity])
    severity = f" {SEVERITY_TEXT[finding.severity].get(lang)}{COLON.get(lang)} "
    line.append(severity, style=SEVERITY_STYLE[finding.severity])
    line.append(escape_all_controls(finding.message.get(lang)))
    return line


def _wrapped(line: RichText, width: int, indent: str) -> list[RichText]:
    """`line` broken at spaces to fit `width`, each continuation line starting with `indent`."""
    first = len(line.plain) - len(line.plain.lstrip(" "))
    parts = line.divide(wrap_offsets(line.plain, width, first, len(indent)))
    lines = [parts[0]]
    for part in list(parts)[1:]:
        lines[-1].rstrip()
        lines.append(RichText(indent) + part)
    return lines


def _finding_lines(finding: Finding, assessment: Assessment, lang: Lang, width: int, depth: int = 0) -> list[RichText]:
    """The finding's line, its source line with a caret under the column, its hint and its fix,
    each wrapped at `width` with its continuation lines indented under its text."""
    indent = "    " * depth
    body = indent + ("  " if depth else "") + "    "
    lines = _wrapped(_finding_line(finding, assessment.dossier, lang, depth), width, body)
    shown = excerpt(assessment.source_lines, finding, max(width - len(body) - 8, 20))
    if shown is not None:
        gutter = f"{shown.line_number:>{max(len(str(shown.line_number)), 3)}} │ "
        lines.append(RichText(f"{indent}  {gutter}", style="dim") + RichText(shown.text))
        pad = " " * (len(gutter) - 2)
        caret = RichText(f"{indent}  {pad}│ ", style="dim")
        caret.append(shown.caret, style=SEVERITY_STYLE[finding.severity])
        lines.append(caret)
    if finding.hint is not None:
        hint = RichText(f"{body}→ ", style="dim")
        hint.append(escape_all_controls(finding.hint.get(lang)), style="dim")
        lines += _wrapped(hint, width, body + "  ")
    if finding.fix is not None:
        fix = RichText(f"{body}✎ ", style="green")
        fix.append(escape_all_controls(f"{FIX_LABEL.get(lang)}{COLON.get(lang)} {finding.fix.message.get(lang)}"))
        fix.append(FIX_COMMAND.get(lang), style="dim")
        lines += _wrapped(fix, width, body + "  ")
    return lines


def _score_table(assessment: Assessment, lang: Lang) -> Table | None:
    card = assessment.score
    if card is None:
        return None
    table = Table(
        title=f"{LABELS['score'].get(lang)}{COLON.get(lang)} {_out_of(card.total, card.max_points, lang)}",
        title_justify="left",
        show_lines=False,
        expand=False,
    )
    table.add_column(LABELS["criterion"].get(lang))
    table.add_column(LABELS["points"].get(lang), justify="right")
    table.add_column(LABELS["evidence"].get(lang))
    for criterion in card.criteria:
        style = "green" if criterion.points == criterion.max_points else ("yellow" if criterion.points > 0 else "dim")
        table.add_row(
            cell(criterion.title.get(lang)),
            RichText(f"{number(criterion.points).get(lang)}/{number(criterion.max_points).get(lang)}", style=style),
            cell(criterion.evidence.get(lang)),
        )
    return table


def _rules_table(assessment: Assessment, lang: Lang) -> Table:
    table = Table(title=LABELS["rules"].get(lang), title_justify="left")
    table.add_column(LABELS["code"].get(lang), no_wrap=True)
    table.add_column(LABELS["result"].get(lang), no_wrap=True)
    table.add_column(LABELS["rule"].get(lang))
    table.add_column(LABELS["evidence"].get(lang))
    for rule in assessment.rules:
        status, style = STATUS_TEXT[rule.status]
        table.add_row(
            rule.code,
            RichText(status.get(lang), style=style),
            cell(rule.title.get(lang)),
            cell(rule.evidence.get(lang)),
        )
    return table


def _render_one(console: Console, assessment: Assessment, lang: Lang) -> None:
    console.rule(plain(assessment.dossier), style="blue")
    header = RichText()
    header.append(f"{LABELS['verdict'].get(lang)}{COLON.get(lang)} ")
    header.append(VERDICT_TEXT[assessment.verdict].get(lang).upper(), style=VERDICT_STYLE[assessment.verdict])
    if assessment.score is not None:
        header.append(
            f"   {LABELS['score'].get(lang)}{COLON.get(lang)} "
            f"{_out_of(assessment.score.total, assessment.score.max_points, lang)}",
            style="bold",
        )
    if assessment.call:
        header.append(f"   {LABELS['call'].get(lang)}{COLON.get(lang)} {escape_all_controls(assessment.call)}")
    if assessment.summary.pole_name:
        header.append(f"\n{LABELS['pole'].get(lang)}{COLON.get(lang)} ")
        header.append(escape_all_controls(assessment.summary.pole_name))
    # Never wrapped by rich: a wrapped line would start with applicant text (`::error::…` in a CI log).
    console.print(header, soft_wrap=True)
    if assessment.rules:
        console.print(_rules_table(assessment, lang))
    territory = territory_table(assessment.territory, lang)
    if territory is not None:
        console.print(territory)
    table = _score_table(assessment, lang)
    if table is not None:
        console.print(table)
    console.print(RichText(f"{LABELS['findings'].get(lang)} ({len(assessment.findings)})", style="bold"))
    if not assessment.findings:
        console.print(RichText(f"  {LABELS['none'].get(lang)}", style="green"))
    for finding, depth in zip(assessment.findings, _depths(assessment.findings), strict=True):
        for line in _finding_lines(finding, assessment, lang, console.width, depth):
            console.print(line, soft_wrap=True)
    _print_advice(console, assessment, lang)
    console.print()


def _print_advice(console: Console, assessment: Assessment, lang: Lang) -> None:
    """The blocking rules first (a dossier not admissible), then the improvements, wrapped."""
    lifted = blocking(assessment)
    if lifted:
        console.print(RichText(BLOCKING_TITLE.get(lang), style="bold red"))
        for code, what in lifted:
            line = RichText("  • ")
            line.append(f"{code} " if code else "", style="red")
            line.append(escape_all_controls(what.get(lang)))
            for part in _wrapped(line, console.width, "    "):
                console.print(part, soft_wrap=True)
    if assessment.score is None or not assessment.score.improvements:
        return
    console.print(RichText(IMPROVE_TITLE.get(lang), style="bold"))
    for improvement in assessment.score.improvements:
        line = RichText("  • ")
        line.append(f"+{number(improvement.gain).get(lang)} {LABELS['pts'].get(lang)}", style="green")
        title, target = improvement.title.get(lang), improvement.target.get(lang)
        line.append(escape_all_controls(f"  {title}{COLON.get(lang)} {target}"))
        for part in _wrapped(line, console.width, "    "):
            console.print(part, soft_wrap=True)


def _totals(assessments: Sequence[Assessment], lang: Lang) -> RichText:
    line = RichText(dossiers_label(assessments, lang))
    for index, (verdict, text) in enumerate(verdict_counts(assessments, lang)):
        if index:
            line.append(", ")
        line.append(text, style=VERDICT_STYLE[verdict])
    return line


def render(assessments: Sequence[Assessment], stream: TextIO, settings: ReportSettings) -> None:
    console = make_console(stream, settings)
    for assessment in assessments:
        _render_one(console, assessment, settings.lang)
    if len(assessments) > 1:
        console.print(_totals(assessments, settings.lang))
