"""The README documents every code, command, exit status and example."""

from __future__ import annotations

import re

from helpers import EXAMPLES, ROOT
from ptce_check.cli.commands import app
from ptce_check.codes import CODES

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_finding_code_is_documented() -> None:
    missing = [code for code in CODES if f"`{code}`" not in README]
    assert missing == []


def test_every_command_is_documented() -> None:
    names = [command.name for command in app.registered_commands]
    assert names and all(f"ptce-check {name}" in README for name in names)


def test_exit_statuses_are_documented() -> None:
    for status in ("`0`", "`1`", "`2`"):
        assert status in README


def test_every_example_is_listed_in_the_examples_readme() -> None:
    listing = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for path in EXAMPLES.glob("*.yaml"):
        assert path.name in listing


def test_quick_start_uses_a_shipped_example() -> None:
    shown = re.findall(r"ptce-check check (examples/\S+\.yaml)", README)
    assert shown and all((ROOT / path).is_file() for path in shown)
