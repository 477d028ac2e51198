"""The composite GitHub Action: its inputs, and its check step run by bash as the runner runs it
(with ptce-check already installed where its install step puts it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import BASE_TEXT, ROOT, variant

ACTION: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def step(name: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [s for s in ACTION["runs"]["steps"] if s.get("name") == name]
    assert len(found) == 1
    return found[0]


def test_inputs_and_steps() -> None:
    inputs = ACTION["inputs"]
    assert set(inputs) == {"paths", "call", "format", "version"}
    assert inputs["paths"]["required"] is True and inputs["format"]["default"] == "github"
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


def run_check(runner_temp: Path, workspace: Path, paths: str, **inputs: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "RUNNER_TEMP": str(runner_temp),
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(runner_temp / "summary.md"),
        "PTCE_PATHS": paths,
        "PTCE_CALL": inputs.get("call", ""),
        "PTCE_FORMAT": inputs.get("format", "github"),
    }
    script = step("Check dossiers")["run"]
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
