"""`--format junit`: JUnit XML, as GitLab's test reports and Jenkins read it.

One testsuite per dossier; one testcase per hard rule of the call (a failure when the rule is
broken, skipped when it could not be evaluated) and one for the dossier's format and data
(a failure listing every other error). A dossier that cannot be read is one failed testcase.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from typing import TextIO

from ptce_check.assessment import Assessment, RuleResult, Verdict
from ptce_check.findings import Finding, Severity
from ptce_check.i18n import Lang, Text
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.concise import finding_line
from ptce_check.reporters.locations import relative_path
from ptce_check.textsafe import escape_all_controls

LABELS = {
    "data": Text("format et données du dossier", "dossier format and data"),
    "read": Text("lecture du dossier", "reading the dossier"),
    "errors": Text("{count} erreur(s) de format ou de données", "{count} format or data error(s)"),
    "skipped": Text("non évaluée\u00a0: {evidence}", "not evaluated: {evidence}"),
}


def _text(value: str) -> str:
    """XML 1.0 cannot hold most control characters: show them escaped, as everywhere else."""
    return escape_all_controls(value)


def _details(assessment: Assessment, findings: Sequence[Finding], lang: Lang) -> str:
    lines = []
    for finding in findings:
        line = finding_line(assessment.dossier, finding, lang)
        if finding.hint is not None:
            line += "\n    → " + _text(finding.hint.get(lang))
        lines.append(line)
    return "\n".join(lines)


def _testcase(suite: ET.Element, assessment: Assessment, name: str) -> ET.Element:
    return ET.SubElement(
        suite,
        "testcase",
        classname=_text(assessment.call or "ptce-check"),
        name=_text(name),
        file=_text(relative_path(assessment.dossier)),
    )


def _fail(case: ET.Element, message: str, code: str, details: str) -> None:
    failure = ET.SubElement(case, "failure", message=_text(message), type=code)
    failure.text = details


def _rule_case(suite: ET.Element, assessment: Assessment, rule: RuleResult, lang: Lang) -> None:
    case = _testcase(suite, assessment, f"{rule.code} {rule.title.get(lang)}")
    if rule.status == "failed":
        failures = [f for f in assessment.findings if f.code == rule.code]
        message = failures[0].message.get(lang) if failures else rule.evidence.get(lang)
        _fail(case, message, rule.code, _details(assessment, failures, lang))
    elif rule.status == "not_evaluated":
        reason = LABELS["skipped"].format(evidence=rule.evidence.get(lang)).get(lang)
        ET.SubElement(case, "skipped", message=_text(reason))


def _data_case(suite: ET.Element, assessment: Assessment, lang: Lang) -> None:
    rule_codes = {rule.code for rule in assessment.rules}
    others = [f for f in assessment.findings if f.code not in rule_codes]
    errors = [f for f in others if f.severity is Severity.ERROR]
    case = _testcase(suite, assessment, LABELS["data"].get(lang))
    if errors:
        message = LABELS["errors"].format(count=len(errors)).get(lang)
        _fail(case, message, errors[0].code, _details(assessment, errors, lang))
    notes = [f for f in others if f.severity is not Severity.ERROR]
    if notes:
        ET.SubElement(case, "system-out").text = _details(assessment, notes, lang)


def _suite(parent: ET.Element, assessment: Assessment, lang: Lang) -> ET.Element:
    suite = ET.SubElement(parent, "testsuite", name=_text(assessment.dossier))
    properties = ET.SubElement(suite, "properties")
    facts = {"verdict": assessment.verdict.value, "call": assessment.call or ""}
    if assessment.score is not None:
        facts["score"] = f"{assessment.score.total:g}/{assessment.score.max_points:g}"
    for key, value in facts.items():
        ET.SubElement(properties, "property", name=key, value=_text(value))
    if assessment.verdict is Verdict.INVALID:
        case = _testcase(suite, assessment, LABELS["read"].get(lang))
        first = assessment.findings[0]
        _fail(case, first.message.get(lang), first.code, _details(assessment, assessment.findings, lang))
    else:
        for rule in assessment.rules:
            _rule_case(suite, assessment, rule, lang)
        _data_case(suite, assessment, lang)
    _count(suite)
    return suite


def _count(element: ET.Element, *, skipped: bool = True) -> None:
    """The counts of the cases under `element`; `<testsuites>` has no `skipped` in the
    Jenkins/Ant schema (only `<testsuite>` has)."""
    cases = element.iter("testcase")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for case in cases:
        totals["tests"] += 1
        totals["failures"] += case.find("failure") is not None
        totals["skipped"] += case.find("skipped") is not None
    if not skipped:
        del totals["skipped"]
    for key, value in totals.items():
        element.set(key, str(value))


def render(assessments: Iterable[Assessment], stream: TextIO, settings: ReportSettings) -> None:
    root = ET.Element("testsuites", name="ptce-check")
    for assessment in assessments:
        _suite(root, assessment, settings.lang)
    _count(root, skipped=False)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
