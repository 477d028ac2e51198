"""Every report format, and the scopes it can render: `dossier` (a list of assessments at once),
`streaming` (an iterable, each dossier written as soon as it is assessed), `batch` (a screened
`BatchResult`) and `call` (a call's rules and grid, or the list of calls).

Entries name modules rather than importing them, so that a run imports only the format it uses
(rich is not loaded for machine formats). Each module exposes one `render(subject, stream,
settings)` for its scope.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any, Literal

from msgspec import Struct

Scope = Literal["dossier", "streaming", "batch", "call"]
Command = Literal["check", "screen", "criteria"]

_PACKAGE = "ptce_check.reporters"


class Format(Struct, frozen=True):
    name: str
    #: scope -> module (under `ptce_check.reporters`) whose `render` writes that scope.
    modules: Mapping[Scope, str]


FORMATS: tuple[Format, ...] = (
    Format("rich", {"dossier": "rich_report", "batch": "batch.rich", "call": "call_rich"}),
    Format("json", {"dossier": "json_report", "batch": "batch.json", "call": "call_report"}),
    Format("csv", {"batch": "batch.csv"}),
    Format("markdown", {"dossier": "markdown_report", "batch": "batch.markdown"}),
    Format("html", {"dossier": "html_report", "batch": "batch.html"}),
    Format("xlsx", {"batch": "batch.xlsx"}),
    Format("json-lines", {"dossier": "json_lines", "streaming": "json_lines"}),
    Format("concise", {"dossier": "concise", "streaming": "concise"}),
    Format("github", {"dossier": "github"}),
    Format("junit", {"dossier": "junit"}),
    Format("sarif", {"dossier": "sarif"}),
)
BY_NAME: dict[str, Format] = {entry.name: entry for entry in FORMATS}

#: The scopes each command renders, preferred first: `screen` writes a batch format where there
#: is one, else the format's per-dossier report of the batch's dossiers.
COMMAND_SCOPES: dict[Command, tuple[Scope, ...]] = {
    "check": ("dossier",),
    "screen": ("batch", "dossier"),
    "criteria": ("call",),
}
#: Other names a command line may give: `auto` is decided by each command (see `cli.settings`).
ALIASES = {"table": "rich"}


def formats_for(command: Command) -> tuple[str, ...]:
    """The formats a command accepts, in the registry's order."""
    scopes = COMMAND_SCOPES[command]
    return tuple(entry.name for entry in FORMATS if any(scope in entry.modules for scope in scopes))


def formats_with(scope: Scope) -> tuple[str, ...]:
    return tuple(entry.name for entry in FORMATS if scope in entry.modules)


def module_name(name: str, scope: Scope) -> str:
    """The module rendering `name` in `scope`; KeyError when the format has no such scope."""
    return f"{_PACKAGE}.{BY_NAME[name].modules[scope]}"


def scope_for(name: str, command: Command) -> Scope:
    """The scope in which `command` renders the format `name` (a name it accepts)."""
    modules = BY_NAME[name].modules
    return next(scope for scope in COMMAND_SCOPES[command] if scope in modules)


def renderer(name: str, scope: Scope) -> Any:
    """The `render` function of a format in a scope, its module imported now."""
    return importlib.import_module(module_name(name, scope)).render
