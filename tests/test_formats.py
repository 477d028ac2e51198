"""Machine formats for CI and editors: concise, json-lines, the `auto` choice, a second report
in a file, stdin, and the exit policy (`--fail-on`, `--exit-zero`)."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import BASE_TEXT, EXAMPLES, assess_text, position_of, variant
from ptce_check.assessment import Assessment, Verdict
from ptce_check.cli.commands import app
from ptce_check.cli.settings import auto_format, resolve_format
from ptce_check.findings import Severity
from ptce_check.outcome_status import exit_status
from ptce_check.reporters import REPORTERS, ReportSettings, get_reporter

runner = CliRunner()
SEED = str(EXAMPLES / "centre-isere.yaml")
FAILING = str(EXAMPLES / "not-admissible-e03-no-ess-enterprise.yaml")
INVALID = str(EXAMPLES / "invalid-duplicate-key.yaml")
#: An admissible dossier with one warning: an ESUS approval granted over five years before.
WARNED_TEXT = variant(
    ("    commitment: letter\n", "    commitment: letter\n    esus_approval: {granted_on: 2005-01-10}\n")
)
CONCISE_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>[0-9]+):(?P<column>[0-9]+): (?P<code>PTCE-[A-Z][0-9]{2}) .+$")


def run(*args: str, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.output


def render(format: str, *assessments: Assessment, lang: str = "fr") -> str:
    stream = io.StringIO()
    get_reporter(format)(list(assessments), stream, ReportSettings("fr" if lang == "fr" else "en"))
    return stream.getvalue()


def test_every_format_is_registered() -> None:
    assert {"rich", "json", "json-lines", "concise", "github", "junit", "sarif"} <= set(REPORTERS)


def test_concise_names_path_line_column_code_and_message_then_the_verdict() -> None:
    text = variant(('  siren: "781302211"', '  siren: "781302212"'))
    output = render("concise", assess_text(text))
    lines = output.splitlines()
    line, column = position_of(text, '"781302212"')
    assert lines[0].startswith(f"dossier.yaml:{line}:{column}: PTCE-D01 ")
    assert all(CONCISE_LINE.match(row) for row in lines[:-1] if not row.startswith("    aide\u00a0: "))
    assert lines[-1] == "dossier.yaml: non recevable (score 38/100)"


def test_concise_in_english_and_for_an_invalid_file() -> None:
    assessment = assess_text("format: ptce-dossier/1\ncall: ptce-2015\ncall: ptce-2013\n")
    lines = render("concise", assessment, lang="en").splitlines()
    assert lines[0].startswith("dossier.yaml:3:1: PTCE-F05 ")
    assert lines[-1] == "dossier.yaml: invalid"


def test_concise_keeps_each_line_one_line_whatever_the_dossier_holds() -> None:
    text = variant(("  legal_form: association\n  siren", '  legal_form: "assoc\\niation\\r\\u001b[2J"\n  siren'))
    output = render("concise", assess_text(text))
    assert "\x1b" not in output and "\r" not in output
    assert all(CONCISE_LINE.match(row) for row in output.splitlines()[:-1] if not row.startswith("    aide\u00a0: "))


def test_json_lines_holds_the_json_objects_one_per_line() -> None:
    paths = [SEED, FAILING, INVALID]
    status, output = run("check", *paths, "-f", "json-lines")
    assert status == 1
    lines = output.splitlines()
    assert len(lines) == 3
    documents = [json.loads(line) for line in lines]
    assert documents == json.loads(run("check", *paths, "-f", "json")[1])
    assert [d["verdict"] for d in documents] == ["admissible", "not_admissible", "invalid"]


class _Recorder(io.StringIO):
    """A stream that remembers what had been flushed when each dossier was asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.flushed = ""

    def flush(self) -> None:
        self.flushed = self.getvalue()


@pytest.mark.parametrize("format", ["json-lines", "concise"])
def test_streaming_formats_flush_each_dossier_before_the_next_is_assessed(format: str) -> None:
    from ptce_check.reporters import get_streaming_reporter

    stream = _Recorder()
    seen_before: list[str] = []

    def dossiers() -> Iterator[Assessment]:
        for text in (BASE_TEXT, WARNED_TEXT):
            seen_before.append(stream.flushed)
            yield assess_text(text)

    get_streaming_reporter(format)(dossiers(), stream, ReportSettings())
    assert seen_before[0] == ""
    assert seen_before[1] != "" and seen_before[1].count("\n") == 1
    assert stream.flushed == stream.getvalue()


def test_auto_is_rich_on_a_terminal_github_in_actions_and_concise_elsewhere() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert auto_format(Terminal(), {}) == "rich"
    assert auto_format(io.StringIO(), {}) == "concise"
    assert auto_format(io.StringIO(), {"GITHUB_ACTIONS": "true"}) == "github"
    assert auto_format(Terminal(), {"GITHUB_ACTIONS": "true"}) == "github"
    assert auto_format(io.StringIO(), {"GITHUB_ACTIONS": "false"}) == "concise"
    assert resolve_format("table", list(REPORTERS), io.StringIO()) == "rich"


def test_auto_by_default_from_the_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    status, output = run("check", FAILING)
    assert status == 1 and f"{FAILING}:36:3: PTCE-E03 " in output
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    output = run("check", FAILING)[1]
    assert output.startswith("::") and re.search(r"^::error file=[^,]+,line=36,col=3,title=PTCE-E03::", output, re.M)


def test_a_second_report_goes_to_a_file_in_its_own_format(tmp_path: Path) -> None:
    target = tmp_path / "results.sarif"
    status, output = run("check", SEED, FAILING, "-f", "concise", "--output-format", "sarif", "-o", str(target))
    assert status == 1
    assert f"{FAILING}:36:3: PTCE-E03 " in output
    sarif = json.loads(target.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert "PTCE-E03" in {r["ruleId"] for r in sarif["runs"][0]["results"]}


def test_stdin_is_labelled_in_machine_formats() -> None:
    text = variant(("submitted_at: 2015-06-15", "submitted_at: 2015-07-02"))
    status, output = run("check", "-", "--stdin-filename", "depot/d.yaml", "-f", "concise", input=text)
    line, column = position_of(text, "2015-07-02")
    assert status == 1 and f"depot/d.yaml:{line}:{column}: PTCE-E09 " in output
    status, output = run("check", "-", "-f", "json-lines", input=BASE_TEXT)
    assert status == 0 and json.loads(output)["dossier"] == "<stdin>"


def test_exit_policy() -> None:
    clean, warned, failing = assess_text(BASE_TEXT), assess_text(WARNED_TEXT), assess_text("call: x\n")
    assert (clean.verdict, warned.verdict, failing.verdict) == (Verdict.ADMISSIBLE, Verdict.ADMISSIBLE, Verdict.INVALID)
    assert warned.count(Severity.WARNING) == 1
    assert exit_status([clean, warned]) == 0
    assert exit_status([clean, warned], fail_on="warning") == 1
    assert exit_status([clean], fail_on="warning") == 0
    assert exit_status([clean, failing]) == 1
    assert exit_status([failing], exit_zero=True) == 0
    assert exit_status([warned], fail_on="warning", exit_zero=True) == 0


@pytest.mark.parametrize(
    ("options", "status"),
    [
        ((), 0),
        (("--fail-on", "not-admissible"), 0),
        (("--fail-on", "warning"), 1),
        (("--fail-on", "warning", "--exit-zero"), 0),
    ],
)
def test_exit_policy_options(options: tuple[str, ...], status: int) -> None:
    assert run("check", "-", "-f", "json", *options, input=WARNED_TEXT)[0] == status


def test_exit_zero_still_reports_and_usage_errors_still_exit_2() -> None:
    status, output = run("check", FAILING, "--exit-zero", "-f", "concise")
    assert status == 0 and "PTCE-E03" in output
    assert run("check", "missing.yaml", "--exit-zero")[0] == 2
    status, output = run("check", SEED, "--fail-on", "errors")
    assert status == 2 and "--fail-on" in output
