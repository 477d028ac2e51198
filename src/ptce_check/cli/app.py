"""`ptce-check`: the program's entry point."""

from __future__ import annotations

import io
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
    _tolerate_legacy_encodings()
    from ptce_check.cli import quick

    status = quick.run(sys.argv[1:])
    if status is not None:
        quick.end_process(status)
    from ptce_check.cli.commands import app

    app()


def _tolerate_legacy_encodings() -> None:
    """On a terminal that is not UTF-8 (a Latin-1 locale), write what it cannot show as escapes
    (`\\u2714`) instead of stopping with an encoding error."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if isinstance(stream, io.TextIOWrapper) and not encoding.startswith("utf"):
            stream.reconfigure(errors="backslashreplace")
