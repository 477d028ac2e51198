"""`ptce-check`: the program's entry point."""

from __future__ import annotations

import sys

from ptce_check import __version__


def main() -> None:
    # `--version` answers before Typer, Pydantic or rich are imported: it must start fast.
    if sys.argv[1:] in (["--version"], ["-V"]):
        print(f"ptce-check {__version__}")
        return
    from ptce_check.cli.commands import app

    app()
