"""The official YAML test suite: every case gets a verdict and a located, plain-language finding.

The suite is read where it lies, beside the repository (`../shared/corpus/yaml-test-suite`),
never copied into the project. None of its 402 documents is a dossier, so each one must be
`invalid`, with a single finding that names a line and a column inside the file.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ptce_check.assess import assess_source
from ptce_check.assessment import Assessment, Verdict
from ptce_check.reporters import ReportSettings, get_reporter

SUITE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "yaml-test-suite"
ABSENT = f"the YAML test suite is not beside the repository ({SUITE})"
CASES = sorted(SUITE.glob("*/*.yaml")) if SUITE.is_dir() else []
# Parser messages left in English would mean a French reader gets libyaml's words.
ENGLISH_PROBLEM = re.compile(r"\b(found|did not find|could not|while (parsing|scanning)|not allowed)\b")


def _assess(path: Path) -> Assessment:
    # debug=True: an internal error raises here instead of becoming PTCE-F13, so it fails the test.
    return assess_source(path.read_bytes(), f"{path.parent.name}/{path.name}", folder=None, debug=True)


@pytest.mark.skipif(not CASES, reason=ABSENT)
def test_the_suite_is_complete() -> None:
    kinds = [path.parent.name for path in CASES]
    assert (kinds.count("error"), kinds.count("valid")) == (94, 308)


@pytest.mark.parametrize(
    "path",
    [pytest.param(path, id=f"{path.parent.name}/{path.stem}") for path in CASES]
    or [pytest.param(None, marks=pytest.mark.skip(reason=ABSENT))],
)
def test_case_gets_a_verdict_and_a_located_finding(path: Path) -> None:
    assessment = _assess(path)
    assert assessment.verdict is Verdict.INVALID
    (finding,) = assessment.findings
    assert finding.position is not None
    lines = path.read_bytes().count(b"\n") + 1
    assert 1 <= finding.position.line <= lines
    assert finding.position.column >= 1
    assert finding.message.fr and finding.message.en
    assert not ENGLISH_PROBLEM.search(finding.message.fr), finding.message.fr


@pytest.mark.skipif(not CASES, reason=ABSENT)
@pytest.mark.parametrize("format", ["rich", "json"])
def test_the_whole_suite_renders_in_one_report(format: str) -> None:
    assessments = [_assess(path) for path in CASES]
    stream = io.StringIO()
    get_reporter(format)(assessments, stream, ReportSettings("fr", False, width=100))
    output = stream.getvalue()
    if format == "json":
        assert [d["verdict"] for d in json.loads(output)] == ["invalid"] * len(CASES)
    else:
        assert output.count("ILLISIBLE") == len(CASES)


@pytest.mark.skipif(not CASES, reason=ABSENT)
def test_a_handful_through_the_command_line() -> None:
    picked = CASES[:: len(CASES) // 12][:12]
    completed = subprocess.run(
        [sys.executable, "-m", "ptce_check", "check", *map(str, picked), "-f", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 1, completed.stderr
    assert "Traceback" not in completed.stderr
    data = json.loads(completed.stdout)
    assert [d["dossier"] for d in data] == list(map(str, picked))
    for outcome, path in zip(data, picked, strict=True):
        expected = _assess(path).findings[0]
        (finding,) = outcome["findings"]
        assert expected.position is not None
        assert (finding["code"], finding["line"], finding["column"]) == (
            expected.code,
            expected.position.line,
            expected.position.column,
        )
