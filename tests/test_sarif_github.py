"""`--format sarif` as GitHub code scanning ingests it: `%SRCROOT%` defined, URIs relative to
the repository's root (never `../`), a file outside it as an absolute `file:` URI, fingerprints
stable across runs and line moves, each rule's help from `ptce-check explain`."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from helpers import BASE_TEXT, ROOT, variant
from ptce_check.assess import assess_file
from ptce_check.assessment import Assessment
from ptce_check.explanations import explanations, markdown
from ptce_check.reporters import ReportSettings
from ptce_check.reporters.sarif import SRCROOT, render, repository_root

SARIF_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
BROKEN = variant(('  siren: "781302211"', '  siren: "781302212"'))


@pytest.fixture(autouse=True)
def _no_workspace(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)


def sarif(*assessments: Assessment) -> dict[str, Any]:
    stream = io.StringIO()
    render(list(assessments), stream, ReportSettings())
    log: dict[str, Any] = json.loads(stream.getvalue())
    Draft4Validator(SARIF_SCHEMA).validate(log)
    return log


def locations(log: dict[str, Any]) -> list[dict[str, str]]:
    return [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_srcroot_is_defined_as_an_absolute_folder_uri(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    log = sarif(assess_file(write(tmp_path, "d.yaml", BROKEN)))
    base = log["runs"][0]["originalUriBaseIds"][SRCROOT]
    assert base == {"uri": tmp_path.resolve().as_uri() + "/"} or base == {"uri": tmp_path.as_uri() + "/"}
    assert all(location.get("uriBaseId") == SRCROOT for location in locations(log))


def test_uris_are_relative_to_the_github_workspace(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    dossier = write(tmp_path, "dépôts/2015/d.yaml", BROKEN)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    monkeypatch.chdir(tmp_path / "dépôts")
    log = sarif(assess_file(Path("2015/d.yaml")), assess_file(dossier))
    assert {location["uri"] for location in locations(log)} == {"d%C3%A9p%C3%B4ts/2015/d.yaml"}
    assert log["runs"][0]["originalUriBaseIds"][SRCROOT]["uri"] == tmp_path.as_uri() + "/"


@pytest.mark.skipif(shutil.which("git") is None, reason="no git")
def test_uris_are_relative_to_the_git_top_level(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    repository = tmp_path / "repo"
    write(repository, "candidatures/d.yaml", BROKEN)
    subprocess.run(["git", "init", "-q", str(repository)], check=True)
    monkeypatch.chdir(repository / "candidatures")
    assert repository_root() == repository.resolve()
    log = sarif(assess_file(Path("d.yaml")))
    assert locations(log)[0] == {"uri": "candidatures/d.yaml", "uriBaseId": SRCROOT}


def test_a_file_outside_the_root_is_an_absolute_file_uri(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    outside = write(tmp_path, "out/d.yaml", BROKEN)
    root = tmp_path / "root"
    root.mkdir()
    monkeypatch.chdir(root)
    log = sarif(assess_file(Path("../out/d.yaml")))
    (location,) = {json.dumps(item) for item in locations(log)}
    assert json.loads(location) == {"uri": outside.as_uri()}
    assert "../" not in location


def fingerprints(log: dict[str, Any]) -> list[tuple[str, str]]:
    return [(r["ruleId"], r["partialFingerprints"]["ptceFinding/v1"]) for r in log["runs"][0]["results"]]


def test_fingerprints_are_stable_across_runs_and_line_moves(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, "d.yaml", BROKEN)
    first = sarif(assess_file(path))
    again = sarif(assess_file(path))
    path.write_text("# une ligne de plus en tête\n\n" + BROKEN, encoding="utf-8")
    moved = sarif(assess_file(path))
    assert fingerprints(first) == fingerprints(again) == fingerprints(moved) != []
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved["runs"][0]["results"]]
    before = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in first["runs"][0]["results"]]
    assert lines == [line + 2 for line in before]


def test_fingerprints_differ_between_files_and_findings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    two = variant(('  siren: "781302211"', '  siren: "781302212"'), ('    siret: "', '    siret: "9'))
    log = sarif(assess_file(write(tmp_path, "a.yaml", BROKEN)), assess_file(write(tmp_path, "b.yaml", two)))
    prints = [value for _code, value in fingerprints(log)]
    assert len(prints) == len(set(prints)) >= 3


def test_each_rule_has_the_explain_text_as_its_markdown_help(tmp_path: Path) -> None:
    log = sarif(assess_file(write(tmp_path, "d.yaml", BROKEN)))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules
    for rule in rules:
        assert rule["help"]["markdown"] == markdown(explanations()[rule["id"]], "fr")
        assert rule["help"]["text"]
        assert "helpUri" not in rule  # SARIF wants an absolute URI: the project publishes none yet


def test_the_driver_has_no_invented_information_uri() -> None:
    assert "Project-URL" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    log = sarif()
    assert "informationUri" not in log["runs"][0]["tool"]["driver"]


def test_github_limits_and_required_fields(tmp_path: Path) -> None:
    log = sarif(assess_file(write(tmp_path, "d.yaml", BASE_TEXT)), assess_file(write(tmp_path, "e.yaml", BROKEN)))
    run = log["runs"][0]
    assert len(log["runs"]) == 1 and len(run["results"]) <= 25_000 and len(run["tool"]["driver"]["rules"]) <= 25_000
    for result in run["results"]:
        assert result["ruleId"] and result["message"]["text"] and len(result["locations"]) == 1
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
