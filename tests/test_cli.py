"""The command line, as a user runs it: exit statuses, formats, languages, outputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import BASE_TEXT, EXAMPLES, FIXTURES, ROOT, variant
from ptce_check import __version__
from ptce_check.cli.commands import app

runner = CliRunner()
SEED = str(EXAMPLES / "centre-isere.yaml")
FAILING = str(EXAMPLES / "not-admissible-e03-no-ess-enterprise.yaml")
INVALID = str(EXAMPLES / "invalid-duplicate-key.yaml")


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.output


def test_seed_example_is_admissible_in_french_by_default() -> None:
    status, output = run("check", SEED, "-f", "rich")
    assert status == 0
    assert "RECEVABLE" in output and "Score\u00a0: 78 / 100" in output
    assert "Pour gagner des points" in output


def test_english_on_request() -> None:
    status, output = run("check", SEED, "--lang", "en", "-f", "rich")
    assert status == 0 and "ADMISSIBLE" in output and "What would raise your score" in output


def test_english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert "ADMISSIBLE" in run("check", SEED, "-f", "rich")[1]


def test_failing_example_names_rule_file_line_and_column() -> None:
    status, output = run("check", FAILING, "-f", "rich")
    assert status == 1
    assert f"{FAILING}:36:3 PTCE-E03" in output
    assert "NON RECEVABLE" in output


def test_json_is_one_document_for_any_number_of_files() -> None:
    status, output = run("check", SEED, FAILING, INVALID, "-f", "json")
    assert status == 1
    data = json.loads(output)
    assert [d["verdict"] for d in data] == ["admissible", "not_admissible", "invalid"]
    for outcome in data:
        assert {"dossier", "call", "verdict", "score", "findings"} <= outcome.keys()
        for finding in outcome["findings"]:
            assert {"code", "severity", "message", "path", "line", "column", "hint"} <= finding.keys()
    assert data[2]["score"] is None
    assert {"total", "max", "criteria"} <= data[0]["score"].keys()
    assert json.loads(run("check", SEED, "-f", "json")[1])[0]["verdict"] == "admissible"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", SEED, "--call", "ptce-1999"), "ptce-1999"),
        (("check", "does-not-exist.yaml"), "does-not-exist.yaml"),
        (("check", SEED, "-f", "xml"), "xml"),
        (("check", SEED, "--lang", "de"), "de"),
        (("criteria", "ptce-1999"), "ptce-1999"),
        (("check", "--max-bytes", "0", SEED), "max-bytes"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...], message: str) -> None:
    status, output = run(*args)
    assert status == 2
    assert message in output
    assert "Traceback" not in output


def test_call_option_overrides_the_dossier() -> None:
    data = json.loads(run("check", str(FIXTURES / "minimal.yaml"), "--call", "ptce-2013", "-f", "json")[1])
    assert data[0]["call"] == "ptce-2013"


def test_output_file_and_second_format(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    status, output = run("check", SEED, "-o", str(target), "-f", "json")
    assert status == 0 and output == ""
    assert json.loads(target.read_text(encoding="utf-8"))[0]["verdict"] == "admissible"
    status, output = run("check", SEED, "-o", str(target), "--output-format", "json", "-f", "rich")
    assert "RECEVABLE" in output and json.loads(target.read_text(encoding="utf-8"))


def test_output_never_overwrites_an_input(tmp_path: Path) -> None:
    dossier = tmp_path / "dossier.yaml"
    dossier.write_text(BASE_TEXT, encoding="utf-8")
    status, output = run("check", str(dossier), "-o", str(dossier))
    assert status == 2 and "refus" in output
    assert dossier.read_text(encoding="utf-8") == BASE_TEXT


def test_stdin_with_a_label() -> None:
    status, output = run(
        "check",
        "-",
        "--stdin-filename",
        "depot/dossier.yaml",
        "-f",
        "json",
        input=variant(("submitted_at: 2015-06-15", "submitted_at: 2015-07-02")),
    )
    data = json.loads(output)
    assert status == 1 and data[0]["dossier"] == "depot/dossier.yaml"
    assert any(f["code"] == "PTCE-E09" for f in data[0]["findings"])


def test_applicant_text_is_never_markup_nor_terminal_control() -> None:
    text = variant(
        ("  name: Pôle Test Coopération", '  name: "[bold red]Pôle[/] \\e[2J [/bold]"'),
        ('  siren: "781302211"', '  siren: "[link=x]bad[/link]"'),
    )
    status, output = run("check", "-", "--stdin-filename", "x.yaml", "-f", "rich", input=text)
    assert status == 1
    assert "[bold red]Pôle[/] \\e[2J [/bold]" in output
    assert "\x1b" not in output
    assert "[link=x]bad[/link]" in output


def test_criteria_lists_calls_and_shows_one() -> None:
    status, output = run("criteria")
    assert status == 0 and "ptce-2013" in output and "ptce-2015" in output
    status, output = run("criteria", "ptce-2015", "--lang", "en")
    assert status == 0 and "PTCE-E09" in output and "Selection grid" in output
    data = json.loads(run("criteria", "ptce-2013", "-f", "json")[1])
    assert sum(c["max_points"] for c in data["scoring"]) == 100
    assert all(rule["source"] for rule in data["rules"])


def test_version_and_module_entry_point() -> None:
    assert run("--version")[1].strip() == f"ptce-check {__version__}"
    completed = subprocess.run(
        [sys.executable, "-m", "ptce_check", "--version"], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert completed.stdout.strip() == f"ptce-check {__version__}"


def test_console_script_runs_a_check_end_to_end(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "ptce_check", "check", FAILING, "-f", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert completed.returncode == 1
    assert json.loads(completed.stdout)[0]["findings"][0]["code"] == "PTCE-E03"
    assert completed.stderr == ""


@pytest.mark.parametrize("command", ["check", "criteria"])
def test_every_command_has_help(command: str) -> None:
    status, output = run(command, "--help")
    assert status == 0 and ("Usage:" in output or "Utilisation\u00a0:" in output)
