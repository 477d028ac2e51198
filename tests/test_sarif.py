"""`--format sarif`: valid against the official SARIF 2.1.0 schema, one rule per code, located
findings with repository-relative URIs."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from helpers import BASE_TEXT, EXAMPLES, ROOT, assess_text, position_of, variant
from ptce_check import __version__
from ptce_check.assess import assess_file
from ptce_check.assessment import Assessment
from ptce_check.codes import CODES
from ptce_check.reporters import ReportSettings
from ptce_check.reporters.sarif import SARIF_SCHEMA as SARIF_SCHEMA_URI
from ptce_check.reporters.sarif import render

SARIF_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif(*assessments: Assessment) -> dict[str, Any]:
    stream = io.StringIO()
    render(list(assessments), stream, ReportSettings())
    log: dict[str, Any] = json.loads(stream.getvalue())
    return log


def test_the_official_schema_is_the_one_vendored() -> None:
    Draft4Validator.check_schema(SARIF_SCHEMA)
    assert SARIF_SCHEMA["id"] == SARIF_SCHEMA_URI == sarif(assess_text(BASE_TEXT))["$schema"]


def test_every_example_gives_a_valid_log(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assessments = [assess_file(Path("examples") / path.name) for path in sorted(EXAMPLES.glob("*.yaml"))]
    log = sarif(*assessments)
    Draft4Validator(SARIF_SCHEMA).validate(log)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "ptce-check" and run["tool"]["driver"]["version"] == __version__
    assert len(run["results"]) == sum(len(a.findings) for a in assessments)


def test_one_rule_descriptor_per_code_used_with_titles_levels_and_sources() -> None:
    failing = assess_file(EXAMPLES / "not-admissible-e03-no-ess-enterprise.yaml")
    broken = assess_text(variant(('  siren: "781302211"', '  siren: "781302212"')))
    log = sarif(failing, broken, broken)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert ids == sorted({f.code for a in (failing, broken) for f in a.findings})
    e03 = rules[ids.index("PTCE-E03")]
    assert e03["shortDescription"]["text"] == CODES["PTCE-E03"].title.fr
    assert e03["name"] == "AtLeastOneESSEnterprise"
    assert "art. 3" in e03["help"]["text"] and e03["defaultConfiguration"]["level"] == "error"
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_results_are_located_relative_to_the_current_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    text = variant(('  siren: "781302211"', '  siren: "781302212"'))
    folder = tmp_path / "dépôt 1"
    folder.mkdir()
    (folder / "d.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    log = sarif(assess_file(folder / "d.yaml"))
    Draft4Validator(SARIF_SCHEMA).validate(log)
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "PTCE-D01"]
    location = result["locations"][0]["physicalLocation"]
    line, column = position_of(text, '"781302212"')
    assert location["artifactLocation"] == {"uri": "d%C3%A9p%C3%B4t%201/d.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": line, "startColumn": column}
    assert result["level"] == "error" and "781302212" in result["message"]["text"]


def test_paths_outside_and_stdin_labels_stay_valid_uris(tmp_path: Path) -> None:
    outside = tmp_path / "d.yaml"
    outside.write_text("call: x\n", encoding="utf-8")
    log = sarif(assess_file(outside), assess_text(BASE_TEXT.replace("call: ptce-2015", "call: ptce-1999")))
    Draft4Validator(SARIF_SCHEMA).validate(log)
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]]
    assert locations[0]["uri"].startswith("file:///") and "uriBaseId" not in locations[0]
    assert locations[1] == {"uri": "dossier.yaml", "uriBaseId": "%SRCROOT%"}


def test_warnings_and_notes_keep_their_level() -> None:
    warned = assess_text(
        variant(("    commitment: letter\n", "    commitment: letter\n    esus_approval: {granted_on: 2005-01-10}\n"))
    )
    levels = {r["ruleId"]: r["level"] for r in sarif(warned)["runs"][0]["results"]}
    assert levels == {"PTCE-W01": "warning"}
