"""A no-break space before `: ; ! ?` in French, none in English: in the texts of the code, in
the texts call files and the explanations bring, in every human format, and kept when a table
cell or a finding is wrapped."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import EXAMPLES, ROOT
from ptce_check.cli.commands import app
from ptce_check.i18n import french_spacing

#: An ordinary space before a high sign that ends a word: what French typography forbids.
SPACED_SIGN = re.compile(r"(?<!«) [:;!?](?=\s|$)")
#: A source line shown in a report (`  12 │ key: value`): the file's text, shown as written.
EXCERPT = re.compile(r"^\s*(\d+ )?[│|]")
QUOTED = re.compile(r"«[^»]*(?:»|$)")


def _french_literals() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted((ROOT / "src" / "ptce_check").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Text" and node.args:
                for part in ast.walk(node.args[0]):
                    if isinstance(part, ast.Constant) and isinstance(part.value, str):
                        found.append((path.name, part.lineno, part.value))
    return found


def test_every_french_text_of_the_code_has_the_no_break_space() -> None:
    literals = _french_literals()
    assert len(literals) > 500
    spaced = [(name, line, text) for name, line, text in literals if SPACED_SIGN.search(text)]
    assert spaced == []


def test_french_spacing_sets_the_space_before_high_signs_only() -> None:
    assert (
        french_spacing("dépôt : le 30 juin ; vraiment ? oui !")
        == "dépôt\u00a0: le 30 juin\u00a0; vraiment\u00a0? oui\u00a0!"
    )
    assert french_spacing("https://a.fr :8080 et 12:30 et a ;b") == "https://a.fr :8080 et 12:30 et a ;b"


def _run(*args: str, lang: str = "fr") -> str:
    result = CliRunner().invoke(app, [*args, "--lang", lang], terminal_width=80)
    assert result.exit_code in (0, 1), result.output
    return result.output


HUMAN_RUNS = [
    ("check", "-f", "rich", str(EXAMPLES / "centre-isere.yaml"), str(EXAMPLES / "not-admissible-e09-late.yaml")),
    ("check", "-f", "concise", str(EXAMPLES / "not-admissible-e08-previous-support.yaml")),
    ("check", "-f", "markdown", str(EXAMPLES / "not-admissible-e08-previous-support.yaml")),
    ("check", "-f", "html", str(EXAMPLES / "not-admissible-e12-no-local-cofinancing.yaml")),
    ("screen", str(EXAMPLES)),
    ("screen", "-f", "markdown", str(EXAMPLES)),
    ("explain", "PTCE-E09"),
    ("criteria", "ami-2023", "--verbose"),
]


@pytest.mark.parametrize("args", HUMAN_RUNS, ids=lambda args: " ".join(a for a in args if "/" not in a))
def test_french_reports_never_put_an_ordinary_space_before_a_high_sign(args: tuple[str, ...]) -> None:
    output = _run(*args)
    lines = [line for line in output.splitlines() if not EXCERPT.match(line)]
    assert [line for line in lines if SPACED_SIGN.search(line)] == []
    assert "\u00a0:" in output


@pytest.mark.parametrize("args", HUMAN_RUNS, ids=lambda args: " ".join(a for a in args if "/" not in a))
def test_english_reports_have_no_space_before_a_colon(args: tuple[str, ...]) -> None:
    output = _run(*args, lang="en")
    # A French title cited keeps its own typography: only the text outside « » is English.
    lines = [QUOTED.sub("", line) for line in output.splitlines() if not EXCERPT.match(line)]
    assert [line for line in lines if re.search(r"[ \u00a0\u202f]:(?=\s|$)", line)] == []


def test_a_call_files_french_texts_get_the_no_break_space(tmp_path: Path) -> None:
    source = (ROOT / "criteria" / "ptce-2013.yaml").read_text(encoding="utf-8")
    call = tmp_path / "regional-2026.yaml"
    call.write_text(
        source.replace("id: ptce-2013", "id: regional-2026", 1).replace(
            '  fr: "Appel à projets 2013', '  fr: "Appel régional : appel à projets 2013', 1
        ),
        encoding="utf-8",
    )
    output = _run("criteria", "regional-2026", "--calls-dir", str(tmp_path))
    assert "Appel régional\u00a0: " in output


def test_a_narrow_table_never_starts_a_line_with_a_high_sign() -> None:
    result = CliRunner().invoke(app, ["criteria", "ami-2023", "--verbose", "--lang", "fr"], terminal_width=60)
    cells = [part.strip() for line in result.output.splitlines() for part in line.split("│")]
    assert [cell for cell in cells if cell and cell[0] in ":;!?»"] == []
