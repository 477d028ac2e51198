"""Every `ptce-check …` line of the README's sh blocks runs as written, in a folder holding the
files it names (copies of shipped examples): status 0 or 1, never 2, never a traceback, and the
file named by `-o` is written. Lines that need files the README only imagines are skipped,
each with its reason."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import EXAMPLES, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)
#: Each file a README command names, and the shipped example it stands for.
STAND_INS = {
    "dossier.yaml": "centre-isere.yaml",
    "d.yaml": "pole-sud-drome.yaml",
    "a.yaml": "centre-isere.yaml",
    "b.yaml": "not-admissible-e03-no-ess-enterprise.yaml",
    "ancien.yaml": "not-admissible-e07-no-innovation.yaml",
    "nouveau.yaml": "centre-isere.yaml",
}
#: The folders of dossiers the README screens or checks.
BATCH = ["centre-isere.yaml", "pole-sud-drome.yaml", "not-admissible-e03-no-ess-enterprise.yaml"]
#: Why a line cannot run here; the first match wins.
SKIPPED = {
    "export.xlsx": "needs a démarches-simplifiées export, which the README only names (tests/test_intake_cli.py)",
    "notes.csv": "needs reviewers' scores for a grid with reviewer criteria (tests/test_reviews.py)",
    "${fpath": "writes into the user's zsh configuration",
    "~/.config": "writes into the user's fish configuration",
}


def readme_commands() -> list[str]:
    return [
        line.strip()
        for block in BLOCK.findall(README)
        for line in block.splitlines()
        if line.strip().startswith("ptce-check ")
    ]


def _workspace(folder: Path) -> Path:
    shutil.copytree(EXAMPLES / "annexes", folder / "annexes")
    # The README names the regional call and its dossier by their places in the repository.
    shutil.copytree(EXAMPLES / "calls", folder / "examples" / "calls")
    for name, example in STAND_INS.items():
        shutil.copy(EXAMPLES / example, folder / name)
    for batch in ("depot", "dossiers"):
        shutil.copytree(EXAMPLES / "annexes", folder / batch / "annexes")
        for example in BATCH:
            shutil.copy(EXAMPLES / example, folder / batch / example)
    return folder


def _output(command: str) -> str | None:
    words = shlex.split(command, comments=True)
    return words[words.index("-o") + 1] if "-o" in words else None


def test_the_readme_has_commands_for_every_kind_of_user() -> None:
    commands = readme_commands()
    assert len(commands) >= 20
    assert {command.split()[1] for command in commands} >= {"check", "screen", "fix", "diff", "init", "explain"}


@pytest.mark.parametrize("command", readme_commands())
def test_the_readme_command_runs(command: str, tmp_path: Path) -> None:
    for needle, reason in SKIPPED.items():
        if needle in command:
            pytest.skip(reason)
    executable = Path(sys.executable).parent / "ptce-check"
    if not executable.is_file():
        pytest.skip("the ptce-check script is not installed beside this Python")
    folder = _workspace(tmp_path)
    environment = {**os.environ, "PATH": f"{executable.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    environment.pop("GITHUB_ACTIONS", None)
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 1), (command, done.returncode, done.stderr)
    assert "Traceback" not in done.stderr + done.stdout, command
    output = _output(command)
    if output is not None:
        assert (folder / output).is_file() and (folder / output).stat().st_size > 0, command
