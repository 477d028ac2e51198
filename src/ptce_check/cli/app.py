"""`ptce-check`: the program's entry point."""

from __future__ import annotations

import io
import os
import sys
import types

from ptce_check import __version__

#: The module through which Pydantic (2.x) finds its plugins.
PYDANTIC_PLUGIN_LOADER = "pydantic.plugin._loader"


def main() -> None:
    # `--version` answers before Typer, Pydantic or rich are imported: it must start fast.
    if sys.argv[1:] in (["--version"], ["-V"]):
        print(f"ptce-check {__version__}")
        return
    _without_pydantic_plugins()
    _tolerate_legacy_encodings()
    from ptce_check.cli import quick

    status = quick.run(sys.argv[1:])
    if status is not None:
        quick.end_process(status)
    from ptce_check.cli.commands import app

    app()


def _without_pydantic_plugins() -> None:
    """The program uses no Pydantic plugin. Pydantic would scan every installed distribution
    for one, and its plugin loader imports `importlib.metadata` (email, zipfile, csv…), which
    alone costs a tenth of a one-dossier `check`. With plugins disabled the loader's only
    function, `get_plugins`, returns none; this stand-in does the same without those imports.
    A user's own setting of the variable (some plugins by name) keeps Pydantic's loader."""
    setting = os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if setting in ("__all__", "1", "true") and PYDANTIC_PLUGIN_LOADER not in sys.modules:
        loader = types.ModuleType(PYDANTIC_PLUGIN_LOADER, "Pydantic's plugin loader, with plugins disabled.")
        loader.get_plugins = _no_plugins  # type: ignore[attr-defined]
        sys.modules[PYDANTIC_PLUGIN_LOADER] = loader


def _no_plugins() -> tuple[()]:
    return ()


def _tolerate_legacy_encodings() -> None:
    """On a terminal that is not UTF-8 (a Latin-1 locale), write what it cannot show as escapes
    (`\\u2714`) instead of stopping with an encoding error."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if isinstance(stream, io.TextIOWrapper) and not encoding.startswith("utf"):
            stream.reconfigure(errors="backslashreplace")
