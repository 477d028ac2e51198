"""The outcome for one dossier: verdict, rule results, score, findings; and its JSON shape, the
contract's outcome object (`Assessment.to_dict`), which `check -f json` and `screen` both write."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any, Protocol

from msgspec import Struct, field

from ptce_check.findings import Cause, Finding, Position, Severity, format_path
from ptce_check.i18n import Lang, Text
from ptce_check.kinds import Status
from ptce_check.scoring import ScoreCard
from ptce_check.territory import TerritoryFacts
from ptce_check.territory.summary import facts_record


class Verdict(StrEnum):
    ADMISSIBLE = "admissible"
    NOT_ADMISSIBLE = "not_admissible"
    INVALID = "invalid"


VERDICT_TEXT = {
    Verdict.ADMISSIBLE: Text("recevable", "admissible"),
    Verdict.NOT_ADMISSIBLE: Text("non recevable", "not admissible"),
    Verdict.INVALID: Text("illisible (invalide)", "invalid"),
}


class HasVerdict(Protocol):
    @property
    def verdict(self) -> Verdict: ...


def tally(judged: Iterable[HasVerdict]) -> dict[Verdict, int]:
    """How many dossiers have each verdict, every verdict listed (in the enum's order)."""
    counts = dict.fromkeys(Verdict, 0)
    for item in judged:
        counts[item.verdict] += 1
    return counts


class RuleResult(Struct, frozen=True):
    code: str
    title: Text
    source: str
    status: Status
    evidence: Text
    #: For a rule not evaluated because a value it needs was set aside: the finding that did.
    caused_by: Cause | None = None


class Summary(Struct, frozen=True):
    """Facts a reviewer's table shows beside the verdict."""

    pole_name: str | None = None
    pole_siren: str | None = None
    requested_grant_eur: float | None = None
    member_sirets: tuple[str, ...] = ()


class Assessment(Struct, frozen=True):
    dossier: str
    call: str | None
    verdict: Verdict
    findings: tuple[Finding, ...]
    rules: tuple[RuleResult, ...] = ()
    score: ScoreCard | None = None
    summary: Summary = field(default_factory=Summary)
    #: The territory computed from the official reference data; None when not evaluated.
    territory: TerritoryFacts | None = None
    #: The dossier's lines as read, for the reports that quote them (`check` only: a batch's
    #: workers never ship file text to the parent). None when not kept.
    source_lines: tuple[str, ...] | None = None

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def blocking_codes(self) -> tuple[str, ...]:
        codes = [f.code for f in self.findings if f.severity is Severity.ERROR]
        return tuple(dict.fromkeys(codes))

    def to_dict(self, lang: Lang = "fr") -> dict[str, Any]:
        """The contract's outcome object, as plain JSON-ready data (English keys): the object
        `check --format json` prints for this dossier; messages in `lang` (French by default)."""
        summary = self.summary
        return {
            "dossier": self.dossier,
            "call": self.call,
            "verdict": self.verdict.value,
            "score": score_data(self.score, lang) if self.score else None,
            "pole": {"name": summary.pole_name, "siren": summary.pole_siren},
            "requested_grant_eur": summary.requested_grant_eur,
            "counts": {severity.value: self.count(severity) for severity in Severity},
            "rules": [rule_data(rule, lang) for rule in self.rules],
            "findings": [finding_data(f, lang) for f in self.findings],
            "territory": None if self.territory is None else facts_record(self.territory),
        }


def outcome_data(assessment: Assessment, lang: Lang) -> dict[str, Any]:
    return assessment.to_dict(lang)


def finding_data(finding: Finding, lang: Lang) -> dict[str, Any]:
    position = finding.position
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message.get(lang),
        "path": format_path(finding.path),
        "line": position.line if position else 1,
        "column": position.column if position else 1,
        **_cell_fields(position),
        "hint": finding.hint.get(lang) if finding.hint else None,
        "caused_by": cause_data(finding.caused_by),
        **({} if finding.fix is None else {"fix": finding.fix.to_dict(lang)}),
    }


def _cell_fields(position: Position | None) -> dict[str, str]:
    """An imported value's cell (`intake.CellPosition`, a layer above this one: found by its method)."""
    fields = getattr(position, "cell_fields", None)
    return fields() if callable(fields) else {}


def cause_data(cause: Cause | None) -> dict[str, str] | None:
    """The finding another one follows from, as `{code, path}`; None for a root finding."""
    return None if cause is None else {"code": cause.code, "path": format_path(cause.path)}


def rule_data(rule: RuleResult, lang: Lang) -> dict[str, Any]:
    return {
        "code": rule.code,
        "title": rule.title.get(lang),
        "status": rule.status,
        "evidence": rule.evidence.get(lang),
        "source": rule.source,
        "caused_by": cause_data(rule.caused_by),
    }


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
