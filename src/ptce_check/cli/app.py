"""`ptce-check`: the program's entry point."""

from __future__ import annotations

import os
import sys

from ptce_check import __version__


def main() -> None:
    # `--version` answers before Typer, Pydantic or rich are imported: it must start fast.
    if sys.argv[1:] in (["--version"], ["-V"]):
        print(f"ptce-check {__version__}")
        return
    # Pydantic would scan every installed distribution for plugins at import; we use none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from ptce_check.cli.commands import app

    app()
