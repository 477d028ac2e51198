"""`--format junit` against the rules of the Jenkins/Ant JUnit schema (the xUnit plugin's
`junit-10.xsd`): which elements exist, the attributes each requires and allows, the children each
takes. The one deliberate difference, `file` on `<testcase>` (what GitLab reads), is allowed here
and documented in docs/ci.md."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

from helpers import BASE_TEXT, EXAMPLES, assess_text, variant
from ptce_check.assess import assess_file
from ptce_check.assessment import Assessment
from ptce_check.reporters import ReportSettings
from ptce_check.reporters.junit import render

SUITE_ATTRIBUTES = {
    "name", "tests", "failures", "errors", "group", "time", "skipped", "timestamp", "hostname", "id",
    "package", "file", "log", "url",
}  # fmt: skip
#: element: (required attributes, allowed attributes, allowed children)
RULES: dict[str, tuple[set[str], set[str], set[str]]] = {
    "testsuites": (set(), {"name", "time", "tests", "failures", "errors"}, {"testsuite"}),
    "testsuite": (
        {"name", "tests", "failures", "errors"},
        SUITE_ATTRIBUTES,
        {"testsuite", "properties", "testcase", "system-out", "system-err"},
    ),
    "properties": (set(), set(), {"property"}),
    "property": ({"name", "value"}, {"name", "value"}, set()),
    "testcase": (
        {"name"},
        {"name", "time", "classname", "group", "file"},  # `file`: GitLab's, see docs/ci.md
        {"skipped", "error", "failure", "system-out", "system-err"},
    ),
    "failure": (set(), {"type", "message"}, set()),
    "error": (set(), {"type", "message"}, set()),
    "skipped": (set(), {"type", "message"}, set()),
    "system-out": (set(), set(), set()),
    "system-err": (set(), set(), set()),
}


def schema_violations(root: ET.Element) -> list[str]:
    problems = [] if root.tag == "testsuites" else [f"root element <{root.tag}>"]
    for element in root.iter():
        rule = RULES.get(element.tag)
        if rule is None:
            problems.append(f"unknown element <{element.tag}>")
            continue
        required, allowed, children = rule
        attributes = set(element.attrib)
        problems += [f"<{element.tag}> lacks {name}" for name in sorted(required - attributes)]
        problems += [f"<{element.tag}> has {name}" for name in sorted(attributes - allowed)]
        problems += [f"<{element.tag}> holds <{child.tag}>" for child in element if child.tag not in children]
    return problems


def junit_root(*assessments: Assessment) -> ET.Element:
    stream = io.StringIO()
    render(list(assessments), stream, ReportSettings())
    return ET.fromstring(stream.getvalue().encode("utf-8"))


def test_every_example_follows_the_jenkins_schema() -> None:
    undated = assess_text(BASE_TEXT.replace("submitted_at: 2015-06-15\n", ""))
    root = junit_root(*(assess_file(path) for path in sorted(EXAMPLES.glob("*.yaml"))), undated)
    assert schema_violations(root) == []
    assert root.find(".//skipped") is not None and root.find(".//failure") is not None


def test_the_root_counts_have_no_skipped_attribute() -> None:
    root = junit_root(assess_file(EXAMPLES / "not-admissible-e03-no-ess-enterprise.yaml"))
    assert set(root.attrib) == {"name", "tests", "failures", "errors"}
    assert root.get("failures") == "1"


def test_an_unreadable_and_a_broken_dossier_follow_the_schema(tmp_path: Path) -> None:
    unreadable = tmp_path / "binaire.yaml"
    unreadable.write_bytes(b"\x00\x01\x02format")
    broken = assess_text(variant(('  siren: "781302211"', '  siren: "781302212"')))
    root = junit_root(assess_file(unreadable), broken)
    assert schema_violations(root) == []
    assert next(case.get("file") for case in root.iter("testcase")) == unreadable.as_posix()


def test_the_checker_itself_sees_a_violation() -> None:
    bad = ET.fromstring('<testsuites skipped="0"><testsuite name="x"><testcase/></testsuite></testsuites>')
    assert schema_violations(bad) == [
        "<testsuites> has skipped",
        "<testsuite> lacks errors",
        "<testsuite> lacks failures",
        "<testsuite> lacks tests",
        "<testcase> lacks name",
    ]
