"""The composite GitHub Action: `action.yml` against SchemaStore's GitHub Action metadata schema
and the rules GitHub applies, its check step run by bash as the runner runs it (with ptce-check
already installed where its install step puts it), and the workflows of docs/ci.md against
SchemaStore's workflow schema."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator

import yaml12
from helpers import BASE_TEXT, ROOT, variant

ACTION: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
SCHEMAS = ROOT / "tests" / "schemas"
INPUT_REFERENCE = re.compile(r"\$\{\{\s*inputs\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}")


def step(name: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [s for s in ACTION["runs"]["steps"] if s.get("name") == name]
    assert len(found) == 1
    return found[0]


def test_inputs_and_steps() -> None:
    inputs = ACTION["inputs"]
    assert set(inputs) == {"paths", "call", "format", "version", "output", "output-format", "fail-on", "exit-zero"}
    assert inputs["paths"]["required"] is True and inputs["format"]["default"] == "github"
    assert inputs["output"]["default"] == "" and inputs["output-format"]["default"] == "sarif"
    assert inputs["fail-on"]["default"] == "not-admissible" and inputs["exit-zero"]["default"] == "false"
    assert ACTION["runs"]["using"] == "composite"
    install = step("Install ptce-check")["run"]
    assert "pip install" in install and "$PTCE_SOURCE" in install and "ptce-check==$PTCE_VERSION" in install
    for current in ACTION["runs"]["steps"]:
        # Inputs reach the scripts through the environment, never pasted into the script's text.
        assert "${{" not in current.get("run", "")


@pytest.fixture
def runner_temp(tmp_path: Path) -> Path:
    """$RUNNER_TEMP with ptce-check where the install step puts it: this environment's."""
    binary = tmp_path / "runner" / "ptce-check" / "bin"
    binary.mkdir(parents=True)
    installed = shutil.which("ptce-check", path=str(Path(sys.executable).parent))
    assert installed is not None
    (binary / "ptce-check").symlink_to(installed)
    return tmp_path / "runner"


def step_environment(current: dict[str, Any], given: dict[str, str]) -> dict[str, str]:
    """A step's `env`, with each `${{ inputs.NAME }}` replaced as the runner does: the given value,
    else the input's default from action.yml."""
    environment = {}
    for name, expression in current.get("env", {}).items():
        found = INPUT_REFERENCE.fullmatch(expression)
        if found:
            key = found.group(1)
            environment[name] = given.get(key, ACTION["inputs"][key].get("default", ""))
    return environment


def run_check(runner_temp: Path, workspace: Path, paths: str, **inputs: str) -> subprocess.CompletedProcess[str]:
    """The check step, with inputs named as in action.yml (`run_check(..., **{"exit-zero": "true"})`)."""
    current = step("Check dossiers")
    environment = {
        **os.environ,
        "RUNNER_TEMP": str(runner_temp),
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(runner_temp / "summary.md"),
        "GITHUB_OUTPUT": str(runner_temp / "output.txt"),
        **step_environment(current, {"paths": paths, **inputs}),
    }
    script = current["run"]
    return subprocess.run(
        ["bash", "-e", "-c", script], cwd=workspace, env=environment, capture_output=True, text=True, check=False
    )


def test_the_check_step_annotates_every_dossier_matched(runner_temp: Path, tmp_path: Path) -> None:
    workspace = tmp_path / "repo"
    (workspace / "dossiers" / "2015" / "annexes").mkdir(parents=True)
    (workspace / "dossiers" / "2015" / "annexes" / "statuts.txt").write_text("statuts\n", encoding="utf-8")
    (workspace / "dossiers" / "2015" / "good.yaml").write_text(BASE_TEXT, encoding="utf-8")
    bad = variant(('  siren: "781302211"', '  siren: "781302212"'))
    (workspace / "dossiers" / "2015" / "bad.yaml").write_text(bad, encoding="utf-8")
    done = run_check(runner_temp, workspace, "dossiers/**/*.yaml\n")
    assert done.returncode == 1, done.stderr
    assert "::error file=dossiers/2015/bad.yaml,line=7,col=10,title=PTCE-D01::" in done.stdout
    assert "ptce-check: dossiers/2015/good.yaml: recevable" in done.stdout
    assert "dossiers/2015/bad.yaml" in (runner_temp / "summary.md").read_text(encoding="utf-8")
    passed = run_check(runner_temp, workspace, "dossiers/2015/good.yaml", call="ptce-2013", format="concise")
    assert "good.yaml: " in passed.stdout and "score" in passed.stdout


def test_no_dossier_matched_is_an_error_not_a_silent_pass(runner_temp: Path, tmp_path: Path) -> None:
    done = run_check(runner_temp, tmp_path, "nothing/*.yaml")
    assert done.returncode == 2 and done.stdout.startswith("::error title=ptce-check::")


def test_action_yml_validates_against_the_github_action_metadata_schema() -> None:
    schema = json.loads((SCHEMAS / "github-action.json").read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    assert schema["$id"] == "https://json.schemastore.org/github-action.json"
    assert [error.message for error in Draft7Validator(schema).iter_errors(ACTION)] == []
    without_shell = json.loads(json.dumps(ACTION))
    del without_shell["runs"]["steps"][1]["shell"]
    assert not Draft7Validator(schema).is_valid(without_shell)


def test_the_rules_github_applies_to_a_composite_action() -> None:
    """What GitHub checks when it loads the action (some beyond the schema): required keys, a
    shell for every `run`, ids for the steps outputs read, every input used and declared."""
    assert {"name", "description", "runs"} <= set(ACTION) and ACTION["runs"]["using"] == "composite"
    steps = ACTION["runs"]["steps"]
    assert all(("run" in s) != ("uses" in s) for s in steps)
    assert all(s["shell"] == "bash" for s in steps if "run" in s)
    ids = {s["id"] for s in steps if "id" in s}
    for output in ACTION["outputs"].values():
        read = re.fullmatch(r"\$\{\{ steps\.([a-z]+)\.outputs\.report \}\}", output["value"])
        assert read is not None and read.group(1) in ids
    used = {name for s in steps for value in s.get("env", {}).values() for name in INPUT_REFERENCE.findall(value)}
    assert used == set(ACTION["inputs"])
    for name, declared in ACTION["inputs"].items():
        assert re.fullmatch(r"[_a-zA-Z][a-zA-Z0-9_-]*", name) and declared["description"], name
        assert isinstance(declared.get("default", ""), str), name  # inputs are text; YAML must not make a boolean
    install = step("Install ptce-check")
    assert install["env"]["PTCE_SOURCE"] == "${{ github.action_path }}"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    (folder / "dossiers" / "annexes").mkdir(parents=True)
    (folder / "dossiers" / "annexes" / "statuts.txt").write_text("statuts\n", encoding="utf-8")
    (folder / "dossiers" / "good.yaml").write_text(BASE_TEXT, encoding="utf-8")
    bad = variant(('  siren: "781302211"', '  siren: "781302212"'))
    (folder / "dossiers" / "bad.yaml").write_text(bad, encoding="utf-8")
    return folder


def test_the_output_file_is_written_in_its_format_even_when_a_dossier_fails(runner_temp: Path, workspace: Path) -> None:
    done = run_check(runner_temp, workspace, "dossiers/*.yaml", output="ptce-check.sarif")
    assert done.returncode == 1, done.stderr
    assert "::error file=dossiers/bad.yaml,line=7,col=10,title=PTCE-D01::" in done.stdout
    sarif = json.loads((workspace / "ptce-check.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert [r["ruleId"] for r in sarif["runs"][0]["results"] if r["level"] == "error"] == ["PTCE-D01"]
    assert (runner_temp / "output.txt").read_text(encoding="utf-8") == "report=ptce-check.sarif\n"
    junit = run_check(runner_temp, workspace, "dossiers/good.yaml", output="out.xml", **{"output-format": "junit"})
    assert junit.returncode == 0, junit.stderr
    assert (workspace / "out.xml").read_text(encoding="utf-8").startswith("<?xml")


def test_exit_zero_and_fail_on(runner_temp: Path, workspace: Path) -> None:
    assert run_check(runner_temp, workspace, "dossiers/bad.yaml", **{"exit-zero": "true"}).returncode == 0
    assert run_check(runner_temp, workspace, "dossiers/bad.yaml", **{"exit-zero": "false"}).returncode == 1
    refused = run_check(runner_temp, workspace, "dossiers/bad.yaml", **{"exit-zero": "yes"})
    assert refused.returncode == 2 and refused.stdout.startswith("::error title=ptce-check::")
    # A declared population far off the computed one is a warning (PTCE-T03), the dossier admissible.
    warned = variant(("  population: 52000", "  population: 900000"))
    (workspace / "dossiers" / "warned.yaml").write_text(warned, encoding="utf-8")
    passed = run_check(runner_temp, workspace, "dossiers/warned.yaml", format="concise")
    assert passed.returncode == 0 and "PTCE-T03" in passed.stdout
    assert run_check(runner_temp, workspace, "dossiers/warned.yaml", **{"fail-on": "warning"}).returncode == 1
    assert run_check(runner_temp, workspace, "dossiers/warned.yaml", **{"fail-on": "nonsense"}).returncode == 2
    two_lines = run_check(runner_temp, workspace, "dossiers/good.yaml", output="a\nb")
    assert two_lines.returncode == 2 and not (workspace / "a").exists()


def documented_workflows() -> dict[str, Any]:
    """The workflow files docs/ci.md shows, by the file name on their first line, read as YAML 1.2
    (as GitHub does: `on` stays a key, not a boolean)."""
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(# \.github/workflows/(\S+)\n.*?)```", text, flags=re.DOTALL)
    return {name: yaml12.load(block) for block, name in blocks}


def test_the_documented_workflows_validate_and_upload_sarif_as_code_scanning_wants() -> None:
    workflows = documented_workflows()
    assert set(workflows) == {"dossiers.yml", "code-scanning.yml"}
    schema = json.loads((SCHEMAS / "github-workflow.json").read_text(encoding="utf-8"))
    for name, workflow in workflows.items():
        assert [error.message for error in Draft7Validator(schema).iter_errors(workflow)] == [], name
    scanning = workflows["code-scanning.yml"]
    assert scanning["permissions"] == {"contents": "read", "security-events": "write"}
    steps = scanning["jobs"]["ptce-check"]["steps"]
    (action,) = [s for s in steps if s.get("id") == "ptce"]
    (upload,) = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["if"] == "always()" and upload["with"]["sarif_file"] == action["with"]["output"]
    assert set(action["with"]) <= set(ACTION["inputs"]) and action["with"]["output-format"] == "sarif"
    assert steps.index(action) < steps.index(upload)
