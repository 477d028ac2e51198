"""The outcome for one dossier: verdict, rule results, score, findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ptce_check.checks.base import Status
from ptce_check.findings import Cause, Finding, Severity
from ptce_check.i18n import Text
from ptce_check.scoring import ScoreCard
from ptce_check.territory import TerritoryFacts


class Verdict(StrEnum):
    ADMISSIBLE = "admissible"
    NOT_ADMISSIBLE = "not_admissible"
    INVALID = "invalid"


VERDICT_TEXT = {
    Verdict.ADMISSIBLE: Text("recevable", "admissible"),
    Verdict.NOT_ADMISSIBLE: Text("non recevable", "not admissible"),
    Verdict.INVALID: Text("illisible (invalide)", "invalid"),
}


@dataclass(frozen=True, slots=True)
class RuleResult:
    code: str
    title: Text
    source: str
    status: Status
    evidence: Text
    #: For a rule not evaluated because a value it needs was set aside: the finding that did.
    caused_by: Cause | None = None


@dataclass(frozen=True, slots=True)
class Summary:
    """Facts a reviewer's table shows beside the verdict."""

    pole_name: str | None = None
    pole_siren: str | None = None
    requested_grant_eur: float | None = None
    member_sirets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Assessment:
    dossier: str
    call: str | None
    verdict: Verdict
    findings: tuple[Finding, ...]
    rules: tuple[RuleResult, ...] = ()
    score: ScoreCard | None = None
    summary: Summary = field(default_factory=Summary)
    #: The territory computed from the official reference data; None when not evaluated.
    territory: TerritoryFacts | None = None

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def blocking_codes(self) -> tuple[str, ...]:
        codes = [f.code for f in self.findings if f.severity is Severity.ERROR]
        return tuple(dict.fromkeys(codes))
