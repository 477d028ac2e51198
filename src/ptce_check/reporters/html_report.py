"""`check -f html`: one dossier, one page, self-contained (no script, no network) and printable:
verdict, what blocks admissibility, rules, grid, findings with their source excerpt, and the
improvements. Every piece of text is HTML-escaped; the page is well-formed XML as well."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TextIO

from ptce_check.assessment import VERDICT_TEXT, Assessment
from ptce_check.findings import Finding
from ptce_check.i18n import COLON, Lang, Text
from ptce_check.money import number
from ptce_check.reporters.advice import BLOCKING_TITLE, IMPROVE_TITLE, blocking
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.excerpt import excerpt
from ptce_check.reporters.rich_report import LABELS, SEVERITY_TEXT, STATUS_TEXT
from ptce_check.textsafe import escape_all_controls

STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1d1d1f;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:.9rem;width:100%}th,td{border:1px solid #ccc;padding:.25rem .45rem;
vertical-align:top;text-align:left}td.n{text-align:right;white-space:nowrap}
.admissible{color:#116611}.not_admissible{color:#b00020}.invalid{color:#7b1fa2}
.error{color:#b00020}.warning{color:#9a6700}.info{color:#555}.passed{color:#116611}.failed{color:#b00020}
pre{background:#f6f6f6;padding:.4rem .6rem;overflow-x:auto;margin:.3rem 0}.hint{margin:.2rem 0 .2rem 1.5rem}
li{margin:.5rem 0}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}li,tr,pre{break-inside:avoid}
a{color:inherit;text-decoration:none}}
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'"
WORDS = {
    "report": Text("Rapport de recevabilité", "Admissibility report"),
    "hint": Text("Aide", "Hint"),
    "fix": Text("Correction (ptce-check fix)", "Fix (ptce-check fix)"),
}


def _text(value: str | None) -> str:
    return escape(escape_all_controls(value or ""), quote=True)


def _header(assessment: Assessment, lang: Lang) -> str:
    colon = COLON.get(lang)
    verdict = VERDICT_TEXT[assessment.verdict].get(lang)
    items = [
        f"<p><strong>{LABELS['verdict'].get(lang)}{colon}</strong> "
        f'<span class="{assessment.verdict.value}">{_text(verdict.upper())}</span></p>'
    ]
    if assessment.score is not None:
        total, maximum = number(assessment.score.total).get(lang), number(assessment.score.max_points).get(lang)
        items.append(f"<p><strong>{LABELS['score'].get(lang)}{colon}</strong> {total} / {maximum}</p>")
    if assessment.call:
        items.append(f"<p><strong>{LABELS['call'].get(lang)}{colon}</strong> {_text(assessment.call)}</p>")
    if assessment.summary.pole_name:
        items.append(f"<p><strong>{LABELS['pole'].get(lang)}{colon}</strong> {_text(assessment.summary.pole_name)}</p>")
    return "".join(items)


def _table(head: str, rows: list[str]) -> str:
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _rules(assessment: Assessment, lang: Lang) -> str:
    if not assessment.rules:
        return ""
    head = "".join(f"<th>{LABELS[key].get(lang)}</th>" for key in ("code", "result", "rule", "evidence"))
    rows = []
    for rule in assessment.rules:
        status = STATUS_TEXT[rule.status][0].get(lang)
        rows.append(
            f'<tr><td>{_text(rule.code)}</td><td class="{rule.status}">{_text(status)}</td>'
            f"<td>{_text(rule.title.get(lang))}</td><td>{_text(rule.evidence.get(lang))}</td></tr>"
        )
    return f"<h2>{LABELS['rules'].get(lang)}</h2>" + _table(head, rows)


def _grid(assessment: Assessment, lang: Lang) -> str:
    card = assessment.score
    if card is None:
        return ""
    head = "".join(f"<th>{LABELS[key].get(lang)}</th>" for key in ("criterion", "points", "evidence"))
    rows = [
        f"<tr><td>{_text(c.title.get(lang))}</td>"
        f'<td class="n">{number(c.points).get(lang)} / {number(c.max_points).get(lang)}</td>'
        f"<td>{_text(c.evidence.get(lang))}</td></tr>"
        for c in card.criteria
    ]
    return f"<h2>{LABELS['grid'].get(lang)}</h2>" + _table(head, rows)


def _finding(finding: Finding, assessment: Assessment, lang: Lang) -> str:
    position = finding.position
    where = f"{position.line}:{position.column}" if position else "1:1"
    severity = finding.severity.value
    parts = [
        f'<li><span class="{severity}"><strong>{_text(finding.code)}</strong> '
        f"{_text(SEVERITY_TEXT[finding.severity].get(lang))}</span> "
        f"<code>{_text(where)}</code> {_text(finding.message.get(lang))}"
    ]
    shown = excerpt(assessment.source_lines, finding, 100)
    if shown is not None:
        gutter = f"{shown.line_number:>4} | "
        caret = " " * len(gutter) + shown.caret
        parts.append(f"<pre>{_text(gutter + shown.text)}\n{_text(caret)}</pre>")
    colon = COLON.get(lang)
    if finding.hint is not None:
        parts.append(f'<p class="hint">{WORDS["hint"].get(lang)}{colon} {_text(finding.hint.get(lang))}</p>')
    if finding.fix is not None:
        parts.append(f'<p class="hint">{WORDS["fix"].get(lang)}{colon} {_text(finding.fix.message.get(lang))}</p>')
    return "".join(parts) + "</li>"


def _findings(assessment: Assessment, lang: Lang) -> str:
    title = f"<h2>{LABELS['findings'].get(lang)} ({len(assessment.findings)})</h2>"
    if not assessment.findings:
        return f"{title}<p>{LABELS['none'].get(lang)}</p>"
    return title + "<ol>" + "".join(_finding(f, assessment, lang) for f in assessment.findings) + "</ol>"


def _advice(assessment: Assessment, lang: Lang) -> str:
    parts = []
    lifted = blocking(assessment)
    if lifted:
        items = "".join(f"<li><strong>{_text(code)}</strong> {_text(what.get(lang))}</li>" for code, what in lifted)
        parts.append(f"<h2>{BLOCKING_TITLE.get(lang)}</h2><ul>{items}</ul>")
    if assessment.score is not None and assessment.score.improvements:
        items = "".join(
            f"<li><strong>+{number(i.gain).get(lang)} {LABELS['pts'].get(lang)}</strong> "
            f"{_text(i.title.get(lang))}{COLON.get(lang)} {_text(i.target.get(lang))}</li>"
            for i in assessment.score.improvements
        )
        parts.append(f"<h2>{IMPROVE_TITLE.get(lang)}</h2><ul>{items}</ul>")
    return "".join(parts)


def _section(assessment: Assessment, lang: Lang) -> str:
    body = (
        _header(assessment, lang)
        + _rules(assessment, lang)
        + _grid(assessment, lang)
        + _findings(assessment, lang)
        + _advice(assessment, lang)
    )
    return f"<section><h1>{_text(assessment.dossier)}</h1>{body}</section>"


def render(assessments: Sequence[Assessment], stream: TextIO, settings: ReportSettings) -> None:
    lang = settings.lang
    title = WORDS["report"].get(lang)
    if len(assessments) == 1:
        title += f" – {assessments[0].dossier}"
    stream.write(
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"/>'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}"/>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"/>'
        f"<title>{_text(title)}</title><style>{STYLE}</style></head><body>"
        + "".join(_section(a, lang) for a in assessments)
        + "</body></html>\n"
    )
