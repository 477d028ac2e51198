"""The quick path of `check` reads exactly what Typer reads, and hands everything else to Typer."""

from __future__ import annotations

import gc
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import typer.core
import typer.main
from typer.testing import CliRunner

from helpers import EXAMPLES, ROOT, interruptible
from ptce_check.cli import check, quick
from ptce_check.cli.arguments import CheckArguments
from ptce_check.cli.commands import app

SEED = str(EXAMPLES / "centre-isere.yaml")
FAILING = str(EXAMPLES / "not-admissible-e03-no-ess-enterprise.yaml")
INVALID = str(EXAMPLES / "invalid-duplicate-key.yaml")

PLAIN_INVOCATIONS = [
    ["check", "a.yaml"],
    ["check", "a.yaml", "b.yaml", "-"],
    ["check", "-f", "json", "a.yaml"],
    ["check", "a.yaml", "--format=sarif", "--lang", "en"],
    ["check", "a.yaml", "--format="],
    ["check", "--call", "ptce-2015", "a.yaml", "-o", "out.json", "--output-format", "junit"],
    ["check", "--output=rapport.txt", "a.yaml"],
    ["check", "-", "--stdin-filename", "dossier.yaml"],
    ["check", "a.yaml", "--max-bytes", "2048", "--max-depth=8", "--max-nodes", "007"],
    ["check", "a.yaml", "--fail-on", "warning", "--exit-zero", "--debug"],
    ["check", "a.yaml", "--reference", "qpv=q.csv", "--reference=frr=f.csv"],
    ["check", "a.yaml", "--", "-b.yaml", "--debug"],
    ["check", "--lang", "xx", "a.yaml"],
]

LEFT_TO_TYPER = [
    [],
    ["--version"],
    ["screen", "a.yaml"],
    ["check"],
    ["check", "--help"],
    ["check", "a.yaml", "-h"],
    ["check", "a.yaml", "--unknown"],
    ["check", "a.yaml", "-x"],
    ["check", "a.yaml", "-f"],
    ["check", "a.yaml", "-fjson"],
    ["check", "a.yaml", "-f=json"],
    ["check", "a.yaml", "--format", "-o"],
    ["check", "a.yaml", "--format", "json", "--format", "sarif"],
    ["check", "a.yaml", "--max-bytes", "0"],
    ["check", "a.yaml", "--max-bytes", "-3"],
    ["check", "a.yaml", "--max-bytes", "1e3"],
    ["check", "a.yaml", "--max-depth", "٣"],
    ["check", "a.yaml", "--debug=true"],
    ["check", "a.yaml", "--no-debug"],
]


def typer_reading(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> CheckArguments:
    """The arguments the Typer command hands on, for the same command line."""
    seen: list[CheckArguments] = []

    def record(arguments: CheckArguments) -> int:
        seen.append(arguments)
        return 0

    monkeypatch.setattr(check, "run_check", record)
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, result.output
    return seen[0]


@pytest.mark.parametrize("argv", PLAIN_INVOCATIONS, ids=" ".join)
def test_plain_invocations_read_as_typer_reads_them(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert quick.parse_check_arguments(argv) == typer_reading(argv, monkeypatch)


@pytest.mark.parametrize("argv", LEFT_TO_TYPER, ids=" ".join)
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert quick.parse_check_arguments(argv) is None


def test_shell_completion_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(quick.COMPLETION_VARIABLE, "bash_complete")
    assert quick.run(["check", SEED]) is None


def test_the_quick_options_are_the_commands_options() -> None:
    command = typer.main.get_command(app)
    assert isinstance(command, typer.core.TyperGroup)
    declared: set[str] = set()
    for parameter in command.commands["check"].params:
        if parameter.param_type_name == "option" and parameter.name != "help":
            declared.update(parameter.opts, parameter.secondary_opts)
    assert declared == set(quick.VALUE_OPTIONS) | set(quick.FLAG_OPTIONS)


def test_quick_run_gives_the_status_and_resumes_garbage_collection(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        assert quick.run(["check", SEED, FAILING, "-f", "json"]) == 1
        assert gc.isenabled()
        assert [item["verdict"] for item in json.loads(capsys.readouterr().out)] == ["admissible", "not_admissible"]
        assert quick.run(["check", "nowhere.yaml"]) == 2
        assert "chemin introuvable\u00a0: nowhere.yaml" in capsys.readouterr().err
    finally:
        gc.enable()
        gc.unfreeze()


def program(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ptce_check", *args], capture_output=True, text=True, cwd=ROOT, check=False
    )


@pytest.mark.parametrize(
    ("quick_form", "typer_form"),
    [
        (["-f", "json"], ["-fjson"]),
        (["-f", "concise", "--lang", "en"], ["-fconcise", "--lang", "en"]),
        (["-f", "sarif", "--fail-on", "warning"], ["-fsarif", "--fail-on", "warning"]),
        (["-f", "junit", "--exit-zero"], ["-fjunit", "--exit-zero"]),
        (["-f", "rich", "--call", "nope"], ["-frich", "--call", "nope"]),
    ],
)
def test_both_paths_give_the_same_reports_and_statuses(quick_form: list[str], typer_form: list[str]) -> None:
    """`-fjson` is Click's attached spelling, which only Typer reads: the same run, both ways."""
    quick_run = program("check", SEED, FAILING, INVALID, *quick_form)
    typer_run = program("check", SEED, FAILING, INVALID, *typer_form)
    assert (quick_run.returncode, quick_run.stdout, quick_run.stderr) == (
        typer_run.returncode,
        typer_run.stdout,
        typer_run.stderr,
    )


def test_a_closed_pipe_ends_quietly_with_status_1() -> None:
    reader, writer = os.pipe()
    os.close(reader)
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "ptce_check", "check", SEED, FAILING, "-f", "concise"],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            check=False,
        )
    finally:
        os.close(writer)
    assert completed.returncode == 1
    assert completed.stderr == ""


def test_an_interrupt_ends_quietly_with_status_130() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "ptce_check", "check", "-", "-f", "json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        preexec_fn=interruptible,
    )
    assert process.stdin is not None
    # Readiness without a fixed sleep: more than a pipe's buffer (64 KiB) can only be written
    # once the child is reading its dossier, i.e. past start-up, with its handlers in place. The
    # pipe stays open, so the child then waits for the rest when Ctrl-C comes.
    process.stdin.write(b"# commentaire\n" * 20_000)
    process.stdin.flush()
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == quick.EXIT_INTERRUPTED
    assert b"Traceback" not in stderr


_PLUGINS_PROBE = """
import sys
from ptce_check.cli import app
sys.argv = ["ptce-check", "check", sys.argv[1], "-f", "json"]
from ptce_check.cli import quick
def end(status):
    print(status, "importlib.metadata" in sys.modules, file=sys.stderr)
    raise SystemExit(0)
quick.end_process = end
app.main()
"""


@pytest.mark.parametrize(("setting", "metadata_imported"), [(None, False), ("__all__", False), ("some_plugin", True)])
def test_pydantic_plugins_are_not_looked_for_unless_the_user_names_some(
    setting: str | None, metadata_imported: bool
) -> None:
    """With plugins disabled (our default), Pydantic's plugin loader, which imports
    `importlib.metadata`, is replaced by a stand-in that finds none; naming plugins to leave out
    keeps Pydantic's own. Either way the dossier is judged."""
    env = {key: value for key, value in os.environ.items() if key != "PYDANTIC_DISABLE_PLUGINS"}
    if setting is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = setting
    completed = subprocess.run(
        [sys.executable, "-c", _PLUGINS_PROBE, SEED], capture_output=True, text=True, env=env, check=False
    )
    assert completed.stderr.split() == ["0", str(metadata_imported)]
    assert json.loads(completed.stdout)[0]["verdict"] == "admissible"


_MODULES_PROBE = """
import sys
from ptce_check.cli import app
sys.argv = ["ptce-check", "check", *sys.argv[1:]]
from ptce_check.cli import quick
def end(status):
    prefix, cells = "ptce_check.intake.", "ptce_check.intake.cells"
    export_reader = sorted(m for m in sys.modules if m.startswith(prefix) and m != cells)
    print(status, export_reader or "none", file=sys.stderr)
    raise SystemExit(0)
quick.end_process = end
app.main()
"""


@pytest.mark.parametrize("output", [[], ["-f", "json"]], ids=["text", "json"])
def test_a_yaml_check_does_not_import_the_export_reader(output: list[str]) -> None:
    """The report asks whether a finding sits in a spreadsheet cell (`intake.cells`); that does
    not import the export reader, the form or the dossier writer, which only exports need."""
    completed = subprocess.run(
        [sys.executable, "-c", _MODULES_PROBE, SEED, *output], capture_output=True, text=True, check=False
    )
    assert completed.stderr.split() == ["0", "none"]


def test_screening_a_folder_of_yaml_dossiers_does_not_import_the_export_reader(tmp_path: Path) -> None:
    """Only an export among the inputs needs the export reader (`intake.convert`, `intake.form`)."""
    (tmp_path / "one.yaml").write_bytes(Path(SEED).read_bytes())
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ptce_check", "screen", str(tmp_path), "-f", "json", "-j", "1"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert json.loads(completed.stdout)["summary"]["files"] == 1
    imported = {line.rsplit("|", 1)[-1].strip() for line in completed.stderr.splitlines() if "|" in line}
    assert "ptce_check.screening.discovery" in imported
    assert not {"ptce_check.intake.convert", "ptce_check.intake.form"} & imported


_KINDS_PROBE = """
import sys
from ptce_check.cli import app
sys.argv = ["ptce-check", "check", sys.argv[1], "-f", "json"]
from ptce_check.cli import quick
def end(status):
    prefixes = ("ptce_check.checks.", "ptce_check.metrics.")
    kinds = sorted(m.rsplit(".", 1)[1] for m in sys.modules if m.startswith(prefixes))
    print(status, " ".join(kinds), file=sys.stderr)
    print(" ".join(sorted({"csv", "difflib", "html"} & set(sys.modules))), file=sys.stderr)
    raise SystemExit(0)
quick.end_process = end
app.main()
"""


def test_a_check_imports_only_the_kinds_its_call_uses() -> None:
    """The rule and criterion kinds a call does not name are not imported (nor the modules only
    a Markdown report, a misspelt name or a reviewer's CSV list needs)."""
    from ptce_check.binding import shipped_call

    completed = subprocess.run([sys.executable, "-c", _KINDS_PROBE, SEED], capture_output=True, text=True, check=False)
    status_and_kinds, other_modules = completed.stderr.splitlines()
    call = shipped_call("ptce-2013").call  # the call of the dossier checked
    used = {rule.kind for rule in call.rules} | {criterion.kind for criterion in call.scoring}
    status, *kinds = status_and_kinds.split()
    assert status == "0" and set(kinds) == {"base", *used} and len(used) == 9 + 15
    assert other_modules == ""
