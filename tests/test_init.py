"""`ptce-check init`: a complete commented template that checks clean, its schema beside it,
and no existing file ever overwritten without `--force`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ptce_check.assess import assess_file
from ptce_check.calls import list_calls
from ptce_check.cli.commands import app
from ptce_check.schema import SCHEMA_FILE_NAME, dossier_schema
from ptce_check.template import TEMPLATE, dossier_template

runner = CliRunner()


def shell(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ptce_check", *args], capture_output=True, text=True, cwd=cwd)


def test_init_then_check_gives_no_format_error(tmp_path: Path) -> None:
    created = shell("init", "x.yaml", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    checked = shell("check", "x.yaml", "-f", "json", cwd=tmp_path)
    outcome = json.loads(checked.stdout)[0]
    assert [f["code"] for f in outcome["findings"] if f["code"].startswith(("PTCE-F", "PTCE-S"))] == []
    assert outcome["verdict"] == "admissible" and checked.returncode == 0
    assert outcome["call"] == list_calls()[-1]


def test_the_template_starts_with_the_modeline_and_the_schema_is_written_beside_it(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "d.yaml")])
    assert result.exit_code == 0
    text = (tmp_path / "d.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_FILE_NAME}"
    assert json.loads((tmp_path / SCHEMA_FILE_NAME).read_text(encoding="utf-8")) == dossier_schema()
    assert f"ptce-check check {tmp_path / 'd.yaml'}" in result.output


def test_a_second_init_refuses_and_leaves_the_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    assert runner.invoke(app, ["init", str(target)]).exit_code == 0
    target.write_text("mon dossier en cours\n", encoding="utf-8")
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 2 and "--force" in result.output
    assert target.read_text(encoding="utf-8") == "mon dossier en cours\n"
    assert runner.invoke(app, ["init", str(target), "--force"]).exit_code == 0
    assert target.read_text(encoding="utf-8") == dossier_template(list_calls()[-1])


def test_a_schema_file_that_differs_is_kept_unless_forced(tmp_path: Path) -> None:
    schema = tmp_path / SCHEMA_FILE_NAME
    schema.write_text("{}\n", encoding="utf-8")
    result = runner.invoke(app, ["init", str(tmp_path / "a.yaml")])
    assert result.exit_code == 0 and "--force" in result.output
    assert schema.read_text(encoding="utf-8") == "{}\n"
    assert runner.invoke(app, ["init", str(tmp_path / "b.yaml"), "--force"]).exit_code == 0
    assert json.loads(schema.read_text(encoding="utf-8")) == dossier_schema()


@pytest.mark.parametrize("call", list_calls())
def test_every_call_gets_a_template_that_checks_clean(call: str, tmp_path: Path) -> None:
    target = tmp_path / "d.yaml"
    assert runner.invoke(app, ["init", str(target), "--call", call]).exit_code == 0
    assert f"\ncall: {call} " in target.read_text(encoding="utf-8")
    assessment = assess_file(target)
    assert assessment.call == call and assessment.verdict.value == "admissible"
    assert [f.code for f in assessment.findings if f.code.startswith(("PTCE-F", "PTCE-S"))] == []


def test_an_unknown_call_or_an_impossible_path_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "d.yaml"), "--call", "ptce-1999"])
    assert result.exit_code == 2 and "ptce-1999" in result.output and not (tmp_path / "d.yaml").exists()
    assert runner.invoke(app, ["init", str(tmp_path / "no" / "d.yaml")]).exit_code == 2


def test_the_template_shows_every_key_of_the_format() -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    schema = dossier_schema()
    for name, node in [("Dossier", schema), *schema["definitions"].items()]:
        for key in node["properties"]:
            assert f"{key}:" in text or f"{{{key}:" in text, (name, key)
    assert text.count("\n# attachments:") == 1, "attachments stay commented: their files do not exist yet"
