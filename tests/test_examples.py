"""Every shipped example is held to the verdict and findings its header states."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import EXAMPLES
from ptce_check.assess import assess_file
from ptce_check.findings import Severity, format_path

FINDING = re.compile(
    r"^# expected-finding: (?P<code>PTCE-[A-Z][0-9]{2})(?: (?P<path>\S+))? (?P<line>\d+):(?P<column>\d+)$"
)
FILES = sorted(EXAMPLES.glob("*.yaml"))


def _expected(path: Path) -> tuple[str, set[tuple[str, str | None, int, int]]]:
    verdict = ""
    findings = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expected-verdict: "):
            verdict = line.split(": ", 1)[1].strip()
        match = FINDING.match(line)
        if match:
            findings.add((match["code"], match["path"], int(match["line"]), int(match["column"])))
    return verdict, findings


def test_examples_cover_every_verdict() -> None:
    verdicts = [_expected(path)[0] for path in FILES]
    assert verdicts.count("admissible") >= 3
    assert verdicts.count("not_admissible") >= 5
    assert verdicts.count("invalid") >= 1


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_example_meets_its_stated_outcome(path: Path) -> None:
    verdict, expected = _expected(path)
    assert verdict, f"{path.name} states no expected verdict"
    assessment = assess_file(path)
    assert assessment.verdict.value == verdict
    errors = {
        (f.code, format_path(f.path) or None, f.position.line, f.position.column)
        for f in assessment.findings
        if f.severity is Severity.ERROR and f.position
    }
    if verdict == "invalid":
        errors = {(code, None, line, column) for code, _, line, column in errors}
    assert errors == expected
    if verdict == "admissible":
        assert assessment.score is not None and assessment.score.total > 50


def test_not_admissible_examples_each_break_a_different_rule() -> None:
    broken = [next(iter(_expected(p)[1]))[0] for p in FILES if _expected(p)[0] == "not_admissible"]
    assert len(set(broken)) >= 5
