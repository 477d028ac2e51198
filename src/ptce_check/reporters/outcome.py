"""The contract's outcome object for one dossier, as plain JSON-ready data (English keys)."""

from __future__ import annotations

from typing import Any

from ptce_check.assessment import Assessment
from ptce_check.findings import Cause, Finding, Severity, format_path
from ptce_check.i18n import Lang
from ptce_check.reporters.territory_data import territory_data
from ptce_check.scoring import ScoreCard


def finding_data(finding: Finding, lang: Lang) -> dict[str, Any]:
    position = finding.position
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message.get(lang),
        "path": format_path(finding.path),
        "line": position.line if position else 1,
        "column": position.column if position else 1,
        "hint": finding.hint.get(lang) if finding.hint else None,
        "caused_by": cause_data(finding.caused_by),
    }


def cause_data(cause: Cause | None) -> dict[str, str] | None:
    """The finding another one follows from, as `{code, path}`; None for a root finding."""
    return None if cause is None else {"code": cause.code, "path": format_path(cause.path)}


def score_data(card: ScoreCard, lang: Lang) -> dict[str, Any]:
    return {
        "total": card.total,
        "max": card.max_points,
        "criteria": [
            {
                "id": c.id,
                "axis": c.axis,
                "title": c.title.get(lang),
                "points": c.points,
                "max": c.max_points,
                "value": None if c.value is None else round(c.value, 4),
                "evidence": c.evidence.get(lang),
                "paths": [format_path(p) for p in c.paths],
                "source": c.source,
            }
            for c in card.criteria
        ],
        "improvements": [
            {"criterion": i.criterion, "title": i.title.get(lang), "gain": i.gain, "target": i.target.get(lang)}
            for i in card.improvements
        ],
    }


def outcome_data(assessment: Assessment, lang: Lang) -> dict[str, Any]:
    summary = assessment.summary
    return {
        "dossier": assessment.dossier,
        "call": assessment.call,
        "verdict": assessment.verdict.value,
        "score": score_data(assessment.score, lang) if assessment.score else None,
        "pole": {"name": summary.pole_name, "siren": summary.pole_siren},
        "requested_grant_eur": summary.requested_grant_eur,
        "counts": {severity.value: assessment.count(severity) for severity in Severity},
        "rules": [
            {
                "code": r.code,
                "title": r.title.get(lang),
                "status": r.status,
                "evidence": r.evidence.get(lang),
                "source": r.source,
                "caused_by": cause_data(r.caused_by),
            }
            for r in assessment.rules
        ],
        "findings": [finding_data(f, lang) for f in assessment.findings],
        "territory": territory_data(assessment.territory),
    }
