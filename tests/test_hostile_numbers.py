"""Numbers that are valid text but absurd values never end in an internal error."""

from __future__ import annotations

from helpers import assess_text, position_of, variant
from ptce_check.assessment import Verdict
from ptce_check.scalars import COUNT_CEILING


def test_a_count_past_the_ceiling_is_a_finding_at_the_value() -> None:
    huge = "1" * 400
    text = variant(("population: 52000", f"population: {huge}"))
    assessment = assess_text(text)
    assert assessment.verdict is Verdict.NOT_ADMISSIBLE
    found = [f for f in assessment.findings if f.path == ("territory", "population")]
    assert [f.code for f in found] == ["PTCE-S09"]
    assert found[0].position is not None
    assert (found[0].position.line, found[0].position.column) == position_of(text, huge)
    assert not any(f.code == "PTCE-F13" for f in assessment.findings)


def test_a_count_at_the_ceiling_is_read() -> None:
    text = variant(("population: 52000", f"population: {COUNT_CEILING}"))
    assessment = assess_text(text)
    assert not any(f.path == ("territory", "population") and f.code.startswith("PTCE-S") for f in assessment.findings)
    assert assessment.verdict is not Verdict.INVALID


def test_a_vanishing_number_of_jobs_gives_no_cost_per_job() -> None:
    assessment = assess_text(variant(("created_fte: 6", "created_fte: 1e-310")))
    assert assessment.verdict is not Verdict.INVALID
    assert assessment.score is not None
    grant_per_fte = [c for c in assessment.score.criteria if c.id == "grant_per_fte"]
    assert grant_per_fte, [c.id for c in assessment.score.criteria]
    assert grant_per_fte[0].points == 0
    assert "trop faible" in grant_per_fte[0].evidence.fr
