"""`--format junit`: one testsuite per dossier, one testcase per hard rule and one for format
and data, failures for what is broken, counts that add up, XML whatever the dossier holds."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from helpers import BASE_TEXT, EXAMPLES, assess_text, position_of, variant
from ptce_check.assess import assess_file
from ptce_check.assessment import Assessment
from ptce_check.reporters import ReportSettings
from ptce_check.reporters.junit import render


def junit(*assessments: Assessment) -> ET.Element:
    stream = io.StringIO()
    render(list(assessments), stream, ReportSettings())
    text = stream.getvalue()
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def counts(element: ET.Element) -> tuple[int, ...]:
    """(tests, failures, errors, skipped) as the element declares them."""
    return tuple(int(element.get(key, "-1")) for key in ("tests", "failures", "errors", "skipped"))


def test_counts_add_up_over_the_examples() -> None:
    assessments = [assess_file(path) for path in sorted(EXAMPLES.glob("*.yaml"))]
    root = junit(*assessments)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [a.dossier for a in assessments]
    for suite, assessment in zip(suites, assessments, strict=True):
        cases = suite.findall("testcase")
        failed = [c for c in cases if c.find("failure") is not None]
        skipped = [c for c in cases if c.find("skipped") is not None]
        assert counts(suite) == (len(cases), len(failed), 0, len(skipped))
        expected_cases = 1 if assessment.verdict.value == "invalid" else len(assessment.rules) + 1
        assert len(cases) == expected_cases
        assert (len(failed) > 0) == (assessment.verdict.value != "admissible")
    total = tuple(sum(counts(s)[i] for s in suites) for i in range(4))
    assert counts(root)[:3] == total[:3] and "skipped" not in root.attrib


def test_a_broken_hard_rule_is_a_failure_of_its_testcase() -> None:
    path = EXAMPLES / "not-admissible-e03-no-ess-enterprise.yaml"
    suite = junit(assess_file(path)).find("testsuite")
    assert suite is not None
    failed = {c.get("name", "")[:8]: c for c in suite.findall("testcase") if c.find("failure") is not None}
    assert "PTCE-E03" in failed
    case = failed["PTCE-E03"]
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "PTCE-E03"
    assert case.get("classname") == "ptce-2013"
    assert f"{path}:36:3: PTCE-E03 " in (failure.text or "")
    assert failure.get("message", "") in (failure.text or "")


def test_shape_and_data_errors_fail_one_testcase_and_warnings_are_output() -> None:
    text = variant(('  siren: "781302211"', '  siren: "781302212"'), ("jobs:\n", "x: 1\njobs:\n"))
    text = text.replace(
        "    commitment: letter\n", "    commitment: letter\n    esus_approval: {granted_on: 2005-01-10}\n", 1
    )
    suite = junit(assess_text(text)).find("testsuite")
    assert suite is not None
    data = [c for c in suite.findall("testcase") if c.get("name") == "format et données du dossier"]
    assert len(data) == 1
    failure = data[0].find("failure")
    assert failure is not None and failure.get("message") == "2 erreur(s) de format ou de données"
    line, column = position_of(text, '"781302212"')
    assert f"dossier.yaml:{line}:{column}: PTCE-D01 " in (failure.text or "")
    assert "PTCE-S02" in (failure.text or "")
    output = data[0].find("system-out")
    assert output is not None and "PTCE-W01" in (output.text or "")


def test_an_unreadable_dossier_is_one_failed_testcase() -> None:
    suite = junit(assess_text("format: ptce-dossier/1\ncall: [\n")).find("testsuite")
    assert suite is not None and counts(suite) == (1, 1, 0, 0)
    failure = suite.find("testcase/failure")
    assert failure is not None and failure.get("type") == "PTCE-F01"


def test_a_rule_not_evaluated_is_skipped() -> None:
    text = BASE_TEXT.replace("submitted_at: 2015-06-15\n", "")
    suite = junit(assess_text(text)).find("testsuite")
    assert suite is not None
    skipped = [c.get("name", "") for c in suite.findall("testcase") if c.find("skipped") is not None]
    assert [name[:8] for name in skipped] == ["PTCE-E09"]


def test_control_characters_cannot_break_the_xml(tmp_path: Path) -> None:
    hostile = variant(("  stage: emerging", '  stage: "\\u0001\\u001b]8;;x\\u0007 </failure><x>"'))
    root = junit(assess_text(hostile), assess_text(BASE_TEXT))
    failures = [f.get("message", "") + (f.text or "") for f in root.iter("failure")]
    assert any("</failure><x>" in text and "\\x01" in text for text in failures)


def test_the_documented_gitlab_job_writes_its_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from ptce_check.cli.commands import app

    monkeypatch.chdir(EXAMPLES.parent)
    report = tmp_path / "ptce-check.xml"
    paths = ["examples/centre-isere.yaml", "examples/not-admissible-e03-no-ess-enterprise.yaml"]
    command = ["check", *paths, "--format", "concise", "--output-format", "junit", "-o", str(report)]
    result = CliRunner().invoke(app, command)
    assert (
        result.exit_code == 1 and "examples/not-admissible-e03-no-ess-enterprise.yaml:36:3: PTCE-E03 " in result.output
    )
    root = ET.fromstring(report.read_bytes())
    assert [suite.get("name") for suite in root.findall("testsuite")] == paths
    assert counts(root)[1] >= 1
