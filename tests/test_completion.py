"""Shell completion: `ptce-check completion SHELL` prints the script for the shell named, and
the program answers the completion requests that script makes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ptce_check.cli.completion import SHELLS, completion_script

#: The installed program: completion requests are keyed to its name.
PROGRAM = [str(Path(sys.executable).with_name("ptce-check"))]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PROGRAM, *args], capture_output=True, text=True, env={**os.environ, **(env or {})})


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_script_is_the_named_shells(shell: str) -> None:
    done = run("completion", shell)
    assert done.returncode == 0
    assert done.stdout.strip() == completion_script(shell)
    assert "_PTCE_CHECK_COMPLETE=complete_" + shell in done.stdout.replace('"', "")
    first = {"bash": "_ptce_check_completion()", "zsh": "#compdef ptce-check", "fish": "complete --command ptce-check"}
    assert done.stdout.startswith(first[shell])


def test_an_unknown_shell_is_a_usage_error() -> None:
    done = run("completion", "tcsh")
    assert done.returncode == 2 and done.stdout == ""
    assert "shell inconnu « tcsh »" in done.stderr and all(shell in done.stderr for shell in SHELLS)


def complete_bash(words: str) -> list[str]:
    index = str(len(words.split()) - 1)
    done = run(env={"_PTCE_CHECK_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": index})
    assert done.returncode == 0
    return done.stdout.split()


def test_commands_and_options_complete() -> None:
    assert complete_bash("ptce-check sc") == ["screen", "schema"]
    assert complete_bash("ptce-check check --fail") == ["--fail-on"]
    assert "completion" in complete_bash("ptce-check co")


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
def test_bash_sourcing_the_script_completes_a_command() -> None:
    script = completion_script("bash")
    request = 'COMP_WORDS=(ptce-check scr); COMP_CWORD=1; _ptce_check_completion ptce-check; echo "${COMPREPLY[@]}"'
    line = f"{script}\n{request}"
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    done = subprocess.run(["bash", "-c", line], capture_output=True, text=True, env=env)
    assert done.stdout.split() == ["screen"]
