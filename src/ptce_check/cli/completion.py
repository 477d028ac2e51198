"""`ptce-check completion bash|zsh|fish|powershell`: the shell's completion script, printed for
the shell named (Typer's `--show-completion` guesses the shell from the parent process)."""

from __future__ import annotations

from typing import Annotated

import typer

from ptce_check.cli.common import user_errors
from ptce_check.errors import UserError
from ptce_check.i18n import Text

PROGRAM = "ptce-check"
#: The variable Click and Typer read to answer a completion request for this program.
COMPLETE_VARIABLE = "_PTCE_CHECK_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def completion_script(shell: str) -> str:
    if shell not in SHELLS:
        listed = ", ".join(SHELLS)
        raise UserError(Text(f"shell inconnu « {shell} » ({listed})", f"unknown shell '{shell}' ({listed})"))
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name=PROGRAM, complete_var=COMPLETE_VARIABLE, shell=shell)


def command(
    shell: Annotated[str, typer.Argument(metavar="SHELL", help="bash, zsh, fish ou powershell.")],
) -> None:
    """Écrit le script de complétion du shell (eval "$(ptce-check completion bash)"). / Prints the completion script."""
    with user_errors(None):
        script = completion_script(shell.lower())
    typer.echo(script)
