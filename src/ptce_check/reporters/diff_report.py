"""The report of `ptce-check diff`: JSON (the contract's `{score, fixed, new, unchanged}`),
Markdown (a pull-request comment) and plain text for a terminal."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from ptce_check.assessment import VERDICT_TEXT
from ptce_check.diffing import CriterionChange, DossierDiff
from ptce_check.findings import Finding
from ptce_check.i18n import Lang, Text
from ptce_check.money import number
from ptce_check.textsafe import escape_all_controls, escape_json_invisible, escape_markdown

LABELS = {
    "title": Text("Évolution du dossier", "What changed in the dossier"),
    "verdict": Text("Verdict", "Verdict"),
    "score": Text("Score", "Score"),
    "criterion": Text("Critère", "Criterion"),
    "before": Text("Avant", "Before"),
    "after": Text("Après", "After"),
    "change": Text("Écart", "Change"),
    "fixed": Text("Constats corrigés", "Findings fixed"),
    "new": Text("Nouveaux constats", "New findings"),
    "unchanged": Text("Constats inchangés", "Unchanged findings"),
    "none": Text("aucun", "none"),
    "no_score": Text("non noté", "not scored"),
}
COLON = Text("\u00a0:", ":")


def render(change: DossierDiff, format: str, stream: TextIO, lang: Lang) -> None:
    if format == "json":
        stream.write(escape_json_invisible(json.dumps(change.to_dict(lang), ensure_ascii=False, indent=2)) + "\n")
        return
    lines = _markdown(change, lang) if format == "markdown" else _plain(change, lang)
    stream.write("".join(line + "\n" for line in lines))


def _points(value: float | None, lang: Lang) -> str:
    return LABELS["no_score"].get(lang) if value is None else number(value).get(lang)


def _delta(value: float, lang: Lang) -> str:
    if value == 0:
        return "="
    return ("+" if value > 0 else "−") + number(abs(value)).get(lang)


def _total(change: DossierDiff, lang: Lang) -> str:
    maximum = f" / {number(change.max_points).get(lang)}" if change.max_points is not None else ""
    old, new = _points(change.old_total, lang), _points(change.new_total, lang)
    return f"{old} → {new}{maximum}"


def _verdicts(change: DossierDiff, lang: Lang) -> str:
    return f"{VERDICT_TEXT[change.old_verdict].get(lang)} → {VERDICT_TEXT[change.new_verdict].get(lang)}"


def _changed(change: DossierDiff) -> list[CriterionChange]:
    return [criterion for criterion in change.criteria if criterion.old != criterion.new]


def _finding(finding: Finding, lang: Lang) -> str:
    where = f"{finding.position.line}:{finding.position.column}" if finding.position else "1:1"
    return f"{finding.code} ({where}) {finding.message.get(lang)}"


def _sections(change: DossierDiff) -> Iterator[tuple[str, tuple[Finding, ...]]]:
    yield "fixed", change.fixed
    yield "new", change.new
    yield "unchanged", change.unchanged


def _plain(change: DossierDiff, lang: Lang) -> list[str]:
    colon = COLON.get(lang)
    names = escape_all_controls(f"{change.old_label} → {change.new_label}")
    lines = [f"{LABELS['title'].get(lang)}{colon} {names}"]
    lines.append(f"{LABELS['verdict'].get(lang)}{colon} {_verdicts(change, lang)}")
    lines.append(f"{LABELS['score'].get(lang)}{colon} {_total(change, lang)}")
    for criterion in _changed(change):
        old, new = _points(criterion.old, lang), _points(criterion.new, lang)
        title = escape_all_controls(criterion.title.get(lang))
        lines.append(f"  {_delta(criterion.delta, lang):>6}  {title} ({old} → {new})")
    for key, findings in _sections(change):
        lines.append(f"{LABELS[key].get(lang)} ({len(findings)})")
        lines += [f"  {escape_all_controls(_finding(finding, lang))}" for finding in findings]
    return lines


def _markdown(change: DossierDiff, lang: Lang) -> list[str]:
    colon = COLON.get(lang)
    names = escape_markdown(f"{change.old_label} → {change.new_label}")
    lines = [f"### {LABELS['title'].get(lang)}{colon} {names}", ""]
    lines.append(f"- **{LABELS['verdict'].get(lang)}**{colon} {_verdicts(change, lang)}")
    lines.append(f"- **{LABELS['score'].get(lang)}**{colon} {_total(change, lang)}")
    changed = _changed(change)
    if changed:
        head = [LABELS[key].get(lang) for key in ("criterion", "before", "after", "change")]
        lines += ["", "| " + " | ".join(head) + " |", "|---|---:|---:|---:|"]
        for criterion in changed:
            cells = [
                escape_markdown(criterion.title.get(lang)),
                _points(criterion.old, lang),
                _points(criterion.new, lang),
                _delta(criterion.delta, lang),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    for key, findings in _sections(change):
        lines += ["", f"**{LABELS[key].get(lang)} ({len(findings)})**", ""]
        if key == "unchanged" and findings:
            lines += ["<details>", ""]
        lines += [f"- {escape_markdown(_finding(finding, lang))}" for finding in findings] or [
            f"- {LABELS['none'].get(lang)}"
        ]
        if key == "unchanged" and findings:
            lines += ["", "</details>"]
    return lines
