"""What changed between two versions of a dossier: the score per criterion, and the findings
fixed, new and unchanged.

Findings are matched by code and path, never by line: adding a member moves every line below
it, and a finding that stayed is still the same finding. Two findings with the same code and
path are paired in the order each version reports them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from msgspec import Struct

from ptce_check.assessment import Assessment, Verdict, finding_data
from ptce_check.findings import Finding, Path
from ptce_check.i18n import Lang, Text
from ptce_check.scoring import ScoreCard


class CriterionChange(Struct, frozen=True):
    """One criterion's points in each version; None where that version has no score."""

    id: str
    title: Text
    max_points: float
    old: float | None
    new: float | None

    @property
    def delta(self) -> float:
        return (self.new or 0.0) - (self.old or 0.0)


class DossierDiff(Struct, frozen=True):
    old_label: str
    new_label: str
    old_verdict: Verdict
    new_verdict: Verdict
    old_total: float | None
    new_total: float | None
    max_points: float | None
    criteria: tuple[CriterionChange, ...]
    #: In the old version only (its positions are the old file's).
    fixed: tuple[Finding, ...]
    #: In the new version only.
    new: tuple[Finding, ...]
    #: In both (the new version's, with its positions).
    unchanged: tuple[Finding, ...]

    def to_dict(self, lang: Lang) -> dict[str, Any]:
        """The contract's JSON for `ptce-check diff`."""
        return {
            "dossiers": {"old": self.old_label, "new": self.new_label},
            "verdict": {"old": self.old_verdict.value, "new": self.new_verdict.value},
            "score": {
                "old": self.old_total,
                "new": self.new_total,
                "max": self.max_points,
                "criteria": [
                    {
                        "id": c.id,
                        "title": c.title.get(lang),
                        "max": c.max_points,
                        "old": c.old,
                        "new": c.new,
                    }
                    for c in self.criteria
                ],
            },
            "fixed": [finding_data(f, lang) for f in self.fixed],
            "new": [finding_data(f, lang) for f in self.new],
            "unchanged": [finding_data(f, lang) for f in self.unchanged],
        }


def _criteria(old: ScoreCard | None, new: ScoreCard | None) -> tuple[CriterionChange, ...]:
    """Every criterion of either card, in the new card's order, then the old card's others."""
    old_points = {c.id: c for c in old.criteria} if old else {}
    new_points = {c.id: c for c in new.criteria} if new else {}
    order = list(new_points) + [key for key in old_points if key not in new_points]
    changes = []
    for key in order:
        shown = new_points.get(key) or old_points[key]
        before, after = old_points.get(key), new_points.get(key)
        changes.append(
            CriterionChange(
                key,
                shown.title,
                shown.max_points,
                before.points if before else None,
                after.points if after else None,
            )
        )
    return tuple(changes)


def _match(
    old: tuple[Finding, ...], new: tuple[Finding, ...]
) -> tuple[tuple[Finding, ...], tuple[Finding, ...], tuple[Finding, ...]]:
    """(fixed, new, unchanged), by code and path."""
    waiting: dict[tuple[str, Path], list[Finding]] = defaultdict(list)
    for finding in old:
        waiting[(finding.code, finding.path)].append(finding)
    added, kept = [], []
    for finding in new:
        same = waiting.get((finding.code, finding.path))
        if same:
            same.pop(0)
            kept.append(finding)
        else:
            added.append(finding)
    left = {id(finding) for group in waiting.values() for finding in group}
    fixed = tuple(finding for finding in old if id(finding) in left)
    return fixed, tuple(added), tuple(kept)


def diff_assessments(old: Assessment, new: Assessment) -> DossierDiff:
    fixed, added, kept = _match(old.findings, new.findings)
    card = new.score or old.score
    return DossierDiff(
        old.dossier,
        new.dossier,
        old.verdict,
        new.verdict,
        old.score.total if old.score else None,
        new.score.total if new.score else None,
        card.max_points if card else None,
        _criteria(old.score, new.score),
        fixed,
        added,
        kept,
    )
