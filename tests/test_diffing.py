"""diff: score per criterion and findings fixed, new and unchanged, matched by code and path."""

from __future__ import annotations

from helpers import BASE_TEXT, assess_text, variant
from ptce_check.diffing import diff_assessments

#: A comment block at the top moves every line down: no finding may look new for it.
MOVED = "# version 2\n# relue par le réseau\n" + BASE_TEXT


def test_findings_are_matched_by_code_and_path_not_by_line() -> None:
    old = assess_text(variant(("charter_signed: true", "charter_signed: oui"), ("created_fte: 6", "created_fte: 6,5")))
    new = assess_text(
        "# version 2\n"
        + variant(("created_fte: 6", "created_fte: 6,5"), ("submitted_at: 2015-06-15", "submitted_at: 15/06/2015"))
    )
    diff = diff_assessments(old, new)
    assert [(f.code, f.path) for f in diff.fixed] == [("PTCE-S05", ("cooperation", "governance", "charter_signed"))]
    assert [(f.code, f.path) for f in diff.new] == [("PTCE-S06", ("submitted_at",))]
    assert ("PTCE-S07", ("jobs", "created_fte")) in [(f.code, f.path) for f in diff.unchanged]
    moved = next(f for f in diff.unchanged if f.code == "PTCE-S07")
    before = next(f for f in old.findings if f.code == "PTCE-S07")
    assert moved.position is not None and before.position is not None
    assert moved.position.line == before.position.line + 1  # the new file's position


def test_score_per_criterion_and_totals() -> None:
    old = assess_text(BASE_TEXT)
    new = assess_text(variant(("meetings_per_year: 4", "meetings_per_year: 12")))
    diff = diff_assessments(old, new)
    assert old.score is not None and new.score is not None
    assert (diff.old_total, diff.new_total) == (old.score.total, new.score.total)
    assert [c.id for c in diff.criteria] == [c.id for c in new.score.criteria]
    changed = {c.id: (c.old, c.new) for c in diff.criteria if c.old != c.new}
    expected = {
        n.id: (o.points, n.points)
        for o, n in zip(old.score.criteria, new.score.criteria, strict=True)
        if o.points != n.points
    }
    assert changed == expected


def test_to_dict_is_the_contracts_json() -> None:
    old = assess_text(variant(("charter_signed: true", "charter_signed: oui")))
    new = assess_text(MOVED)
    data = diff_assessments(old, new).to_dict("en")
    assert {"score", "fixed", "new", "unchanged"} <= data.keys()
    assert data["score"]["old"] == old.score.total and data["score"]["new"] == new.score.total  # type: ignore[union-attr]
    assert [f["code"] for f in data["fixed"]] == ["PTCE-S05"]
    assert data["fixed"][0]["path"] == "cooperation.governance.charter_signed"
    assert data["new"] == []
    assert len(data["unchanged"]) == len(new.findings)
    assert data["dossiers"] == {"old": "dossier.yaml", "new": "dossier.yaml"}
    assert data["verdict"] == {"old": old.verdict.value, "new": new.verdict.value}


def test_an_invalid_version_has_no_score() -> None:
    old = assess_text("pole:\n  name: A\n   stage: x\n")
    new = assess_text(BASE_TEXT)
    diff = diff_assessments(old, new)
    assert diff.old_total is None and diff.new_total is not None
    assert all(c.old is None for c in diff.criteria)
    assert [f.code for f in diff.fixed] == ["PTCE-F01"]
    assert diff.to_dict("fr")["score"]["old"] is None
