"""`--format sarif`: SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it.

One run; the driver lists one rule descriptor per code found (its title, and for hard rules
the legal sources cited by the calls); each finding is a result located by a URI relative to
the current directory (`%SRCROOT%`, the repository root in CI) and a 1-based line and column
counted in Unicode code points.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from ptce_check import __version__
from ptce_check.assessment import Assessment
from ptce_check.codes import CODES
from ptce_check.findings import Finding, Severity, format_path
from ptce_check.i18n import Lang, Text
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.locations import cell_fields, position, relative_path, source_file, with_cell
from ptce_check.textsafe import escape_json_invisible

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SOURCE = Text("Source", "Source")


def _path_bytes(path: str) -> bytes:
    """The file name's bytes: a name that is not UTF-8 holds lone surrogates (`os.fsdecode`)."""
    try:
        return os.fsencode(path)
    except UnicodeEncodeError:  # a surrogate that no undecodable byte gives
        return path.encode("utf-8", "surrogatepass")


def artifact_location(dossier: str) -> dict[str, str]:
    """A relative URI under `%SRCROOT%`, or an absolute `file:` URI for a path outside it; each
    byte of the name that is not an unreserved ASCII character is percent-encoded (RFC 3986)."""
    path = relative_path(dossier)
    uri = quote(_path_bytes(path), safe="/")
    if PurePosixPath(path).is_absolute():
        return {"uri": "file://" + uri}
    return {"uri": uri, "uriBaseId": "%SRCROOT%"}


def rule_name(title: Text) -> str:
    """A readable identifier from the English title: `AtLeastOneESSEnterprise`."""
    words = re.findall(r"[A-Za-z0-9]+", title.en)
    return "".join(word[:1].upper() + word[1:] for word in words)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    title: Text
    severity: Severity
    sources: list[str] = field(default_factory=list)


def _rules(assessments: Sequence[Assessment]) -> dict[str, RuleInfo]:
    """What is known of each code: its title (from the code list, or from the call file for a
    call's own rule) and the legal sources the calls cite for it, each named once."""
    rules = {code: RuleInfo(info.title, info.severity) for code, info in CODES.items()}
    for assessment in assessments:
        for rule in assessment.rules:
            info = rules.setdefault(rule.code, RuleInfo(rule.title, Severity.ERROR))
            entry = f"{assessment.call} : {rule.source}" if assessment.call else rule.source
            if entry not in info.sources:
                info.sources.append(entry)
    return rules


def rule_descriptor(code: str, info: RuleInfo, lang: Lang) -> dict[str, Any]:
    title = info.title.get(lang)
    help_text = title if not info.sources else f"{title}. {SOURCE.get(lang)} : " + " ; ".join(info.sources)
    return {
        "id": code,
        "name": rule_name(info.title),
        "shortDescription": {"text": title},
        "fullDescription": {"text": help_text},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[info.severity]},
    }


def result(assessment: Assessment, finding: Finding, index: int, lang: Lang) -> dict[str, Any]:
    where = position(finding)
    message = with_cell(finding, finding.message.get(lang))
    if finding.hint is not None:
        message += f"\n→ {finding.hint.get(lang)}"
    return {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(source_file(assessment.dossier, finding)),
                    "region": {"startLine": where.line, "startColumn": where.column},
                }
            }
        ],
        "properties": {"verdict": assessment.verdict.value, "path": format_path(finding.path), **cell_fields(finding)},
    }


def sarif_log(assessments: Sequence[Assessment], lang: Lang) -> dict[str, Any]:
    known = _rules(assessments)
    codes = sorted({f.code for a in assessments for f in a.findings})
    index = {code: i for i, code in enumerate(codes)}
    results = [result(a, f, index[f.code], lang) for a in assessments for f in a.findings]
    driver = {
        "name": "ptce-check",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [rule_descriptor(code, known[code], lang) for code in codes],
    }
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(assessments: Iterable[Assessment], stream: TextIO, settings: ReportSettings) -> None:
    document = json.dumps(sarif_log(list(assessments), settings.lang), ensure_ascii=False, allow_nan=False, indent=2)
    stream.write(escape_json_invisible(document))
    stream.write("\n")
