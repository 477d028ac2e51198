"""`--format github`: workflow commands as the Actions runner reads them, the annotation limits,
the job summary, and dossier text that tries to become a command."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import BASE_TEXT, assess_text, position_of, variant
from ptce_check.assess import assess_source
from ptce_check.assessment import Assessment
from ptce_check.reporters import ReportSettings
from ptce_check.reporters.github import MAX_ANNOTATIONS, escape_data, escape_property, render
from ptce_check.textsafe import escape_markdown

# `::name key=value,key=value::data`: properties hold no `:` nor `,` once escaped.
COMMAND = re.compile(r"^::(?P<name>[a-z-]+|[0-9a-f]{32})(?: (?P<properties>[^:]*))?::(?P<data>.*)$")
PROPERTY = re.compile(r"^[a-z]+=[^,:]*$")


@dataclass
class Command:
    name: str
    properties: dict[str, str]
    data: str


def unescape(value: str) -> str:
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, plain)
    return value


def workflow_commands(output: str) -> list[Command]:
    """The commands the runner would execute: it splits lines on CR and LF, trims leading
    spaces, skips everything between `::stop-commands::TOKEN` and `::TOKEN::`, and finds the
    legacy `##[name]` syntax anywhere in a line that is no `::` command."""
    commands: list[Command] = []
    stopped: str | None = None
    for raw in re.split(r"\r\n|\r|\n", output):
        line = raw.lstrip()
        if stopped is not None:
            if line == f"::{stopped}::":
                stopped = None
            continue
        match = COMMAND.match(line)
        if match is None:
            assert "##[" not in line, line
            assert not line.startswith("::"), line
            continue
        pairs = (match["properties"] or "").split(",") if match["properties"] else []
        assert all(PROPERTY.match(pair) for pair in pairs), line
        properties = {key: unescape(value) for key, value in (pair.split("=", 1) for pair in pairs)}
        command = Command(match["name"], properties, unescape(match["data"]))
        if command.name == "stop-commands":
            stopped = command.data
        commands.append(command)
    assert stopped is None, "commands left switched off"
    return commands


def github(*assessments: Assessment, lang: str = "fr") -> str:
    stream = io.StringIO()
    render(list(assessments), stream, ReportSettings("fr" if lang == "fr" else "en"))
    return stream.getvalue()


def test_escaping_is_the_toolkits() -> None:
    assert escape_data("100 %\r\nnext: a, b") == "100 %25%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_an_annotation_per_finding_with_file_line_column_and_code() -> None:
    text = variant(('  siren: "781302211"', '  siren: "781302212"'))
    commands = workflow_commands(github(assess_text(text)))
    errors = [c for c in commands if c.name == "error"]
    line, column = position_of(text, '"781302212"')
    assert len(errors) == 1
    assert errors[0].properties == {"file": "dossier.yaml", "line": str(line), "col": str(column), "title": "PTCE-D01"}
    message, hint = errors[0].data.split("\n→ ")
    assert "781302212" in message and hint
    names = [c.name for c in commands]
    assert names == ["error", "group", "stop-commands", "endgroup"]


def test_every_line_is_a_command_or_starts_with_the_tools_own_text() -> None:
    text = variant(('  siren: "781302211"', '  siren: "781302212"'))
    output = github(assess_text(text), assess_text(BASE_TEXT))
    for line in output.splitlines():
        assert COMMAND.match(line) or line.startswith("ptce-check: "), line
    assert "ptce-check: dossier.yaml: non recevable (score 38/100)" in output
    assert output.endswith("ptce-check: 2 dossiers\u00a0: 1 recevable, 1 non recevable, 0 illisible (invalide)\n")


def test_at_most_ten_errors_and_ten_warnings_are_annotated() -> None:
    text = variant(("jobs:\n", "".join(f"x{index}: 1\n" for index in range(15)) + "jobs:\n"))
    expired = "    esus_approval: {granted_on: 2005-01-10}\n"
    dossiers = [assess_text(text.replace("    commitment: letter\n", "    commitment: letter\n" + expired))] * 6
    warnings = sum(f.code == "PTCE-W01" for d in dossiers for f in d.findings)
    errors = sum(f.code == "PTCE-S02" for d in dossiers for f in d.findings)
    assert warnings > MAX_ANNOTATIONS and errors > MAX_ANNOTATIONS
    output = github(*dossiers)
    commands = workflow_commands(output)
    assert sum(c.name == "error" for c in commands) == MAX_ANNOTATIONS
    assert sum(c.name == "warning" for c in commands) == MAX_ANNOTATIONS
    left_out = sum(len(d.findings) for d in dossiers) - 2 * MAX_ANNOTATIONS
    assert f"ptce-check: {left_out} constats de plus ne sont pas annotés" in output
    assert output.count(": PTCE-S02 ") == errors and output.count(": PTCE-W01 ") == warnings


HOSTILE = [
    ("  legal_form: association\n  siren", '  legal_form: "::error::pwned"\n  siren'),
    ("  stage: emerging", '  stage: "emerging\\n::error file=x,line=1::pwned\\r::warning::pwned"'),
    ("    kind: social", '    kind: "%0A::error::pwned ##[error]pwned ::stop-commands::x"'),
    ("Atelier Solidaire\n", '"::endgroup::\\n::error::pwned"\n'),
]


@pytest.mark.parametrize(("old", "new"), HOSTILE)
def test_dossier_text_never_becomes_a_workflow_command(old: str, new: str) -> None:
    assessment = assess_text(variant((old, new)))
    labelled = assess_source(variant((old, new)).encode(), "d\n::error::pwned.yaml")
    output = github(assessment, labelled)
    assert "\r" not in output
    commands = workflow_commands(output)
    assert {c.name for c in commands} <= {"error", "warning", "notice", "group", "stop-commands", "endgroup"}
    for command in commands:
        assert not command.data.startswith("pwned") and "\n::" not in command.data
        assert all("\n" not in value for value in command.properties.values())
    assert output.count("pwned") >= 2


def test_the_job_summary_is_appended_with_every_finding(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    text = variant(("jobs:\n", "".join(f"x{index}: 1\n" for index in range(12)) + "jobs:\n"))
    github(assess_text(text), assess_text(BASE_TEXT))
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("# earlier step\n## ptce-check\n")
    assert "| dossier.yaml | ❌ non recevable | 38/100 | 12 | 0 |" in written
    assert "| dossier.yaml | ✅ recevable | 38/100 | 0 | 0 |" in written
    assert written.count("| PTCE-S02 | erreur |") == 12


def test_without_a_summary_file_nothing_else_is_written(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    github(assess_text(BASE_TEXT))
    assert list(tmp_path.iterdir()) == []


def test_markdown_text_is_inert() -> None:
    shown = escape_markdown("<script>x</script> | [lien](http://x) *gras* `code`\n")
    assert "<" not in shown and "\\[lien\\](" in shown
    assert "\\|" in shown and "\\*gras\\*" in shown and "\\`code\\`" in shown and "\\n" in shown


def test_paths_are_relative_to_the_current_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from ptce_check.assess import assess_file

    folder = tmp_path / "depot"
    folder.mkdir()
    (folder / "d.yaml").write_text(variant(('  siren: "781302211"', '  siren: "781302212"')), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assessment = assess_file(folder / "d.yaml")
    errors = [c for c in workflow_commands(github(assessment)) if c.name == "error"]
    assert errors and errors[0].properties["file"] == "depot/d.yaml"


def test_an_unwritable_summary_is_a_tool_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ptce_check.cli.commands import app

    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path))
    result = CliRunner().invoke(app, ["check", "-", "-f", "github"], input=BASE_TEXT)
    assert result.exit_code == 2 and "GITHUB_STEP_SUMMARY" in result.output
