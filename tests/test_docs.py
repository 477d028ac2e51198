"""The README and docs/ document every code, command, exit status and example, and every
relative link in them leads to a file (and, inside one, to a heading) that exists."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from helpers import EXAMPLES, ROOT
from ptce_check.cli.commands import app
from ptce_check.codes import CODES

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = sorted((ROOT / "docs").glob("*.md"))
#: The README with the reference material moved out of it into docs/.
DOCUMENTATION = "\n".join([README, *(path.read_text(encoding="utf-8") for path in DOCS)])
LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_every_finding_code_is_documented_in_the_readme_or_docs() -> None:
    missing = [code for code in CODES if f"`{code}`" not in DOCUMENTATION]
    assert missing == []


def test_the_readme_links_to_the_finding_codes() -> None:
    assert "(docs/finding-codes.md)" in README and "(docs/codes.md)" in README


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


def test_the_readme_stays_short() -> None:
    assert README.count("\n") <= 320


def test_the_readme_test_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert '"$venv/bin/python" -m pytest\n' in ci
    assert ".venv/bin/python -m pytest\n" in README


def _without_code(text: str) -> str:
    """The text outside fenced code blocks and inline code spans, where links are links."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
    return re.sub(r"`[^`\n]*`", "", text)


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen."""
    text = unicodedata.normalize("NFC", heading.strip().lower())
    return "".join(c for c in text if c.isalnum() or c in " -_").replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    headings = re.findall(r"^#{1,6} (.+)$", _strip_fences(text), flags=re.MULTILINE)
    return {_slug(heading) for heading in headings} | set(re.findall(r'<a id="([^"]+)"', text))


def _strip_fences(text: str) -> str:
    return re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)


def _relative_links() -> list[tuple[Path, str]]:
    links = []
    for page in [ROOT / "README.md", *DOCS]:
        for target in LINK.findall(_without_code(page.read_text(encoding="utf-8"))):
            if not re.match(r"[a-z]+:", target):
                links.append((page, target))
    return links


def test_the_slug_is_githubs() -> None:
    assert _slug("Verdicts et codes de sortie / Verdicts and exit codes") == (
        "verdicts-et-codes-de-sortie--verdicts-and-exit-codes"
    )


@pytest.mark.parametrize(("page", "target"), _relative_links(), ids=lambda value: str(value).rsplit("/", 1)[-1])
def test_every_relative_link_leads_somewhere(page: Path, target: str) -> None:
    file_part, _, anchor = target.partition("#")
    destination = (page.parent / file_part).resolve() if file_part else page
    assert destination.exists(), f"{page.name}: {target}"
    if anchor and destination.suffix == ".md":
        assert anchor in _anchors(destination), f"{page.name}: {target}"


def _console_block(text: str, command: str) -> list[str]:
    """The output lines of the console block that runs `command`."""
    match = re.search(rf"```console\n\$ {re.escape(command)}[^\n]*\n(.*?)```", text, re.DOTALL)
    assert match, command
    return [line for line in match.group(1).splitlines() if line.strip()]


def test_the_readme_performance_figures_are_lines_of_the_documented_benchmark_run() -> None:
    """One run of the benchmark: each line the README quotes is a line of the run
    docs/performance.md shows whole, figures included."""
    documented = _console_block(
        (ROOT / "docs" / "performance.md").read_text(encoding="utf-8"), "python benchmarks/bench_screen.py"
    )
    quoted = _console_block(README, "python benchmarks/bench_screen.py")
    assert len(quoted) >= 4 and all(line in documented for line in quoted)
    assert any(line.startswith("peak memory") for line in quoted)
