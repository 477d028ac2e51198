"""`ptce-check explain CODE`: every code explained in French and English from one file, the
generated docs/codes.md current, the same text in the SARIF rules' help."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest

from helpers import ROOT
from ptce_check.codes import CODES
from ptce_check.explanations import CODES_PAGE, codes_page, explanations, markdown, normalise_code

PROGRAM = [sys.executable, "-m", "ptce_check"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PROGRAM, *args], capture_output=True, text=True, cwd=ROOT)


def test_every_code_and_only_they_are_explained_in_both_languages() -> None:
    data = tomllib.loads((ROOT / "src" / "ptce_check" / "explanations.toml").read_text(encoding="utf-8"))
    assert list(data) == list(CODES)
    for code, item in explanations().items():
        assert item.title == CODES[code].title and item.severity is CODES[code].severity
        for text in (item.source, item.trigger, item.fix):
            assert text.fr.strip() and text.en.strip() and text.fr != text.en, code
        assert item.example.strip(), code


def test_the_codes_page_is_current() -> None:
    assert (ROOT / CODES_PAGE).read_text(encoding="utf-8") == codes_page(), "run: python scripts/codes_doc.py"


@pytest.mark.parametrize("given", ["PTCE-E03", "ptce-e03", "E03", "e3", " E3 "])
def test_short_and_lower_case_codes_are_understood(given: str) -> None:
    assert normalise_code(given) == "PTCE-E03"


def test_explain_prints_title_source_trigger_example_and_fix() -> None:
    done = run("explain", "E03", "--lang", "fr")
    assert done.returncode == 0 and done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[0] == "PTCE-E03 — Au moins une entreprise de l'ESS"
    assert lines[1] == "Gravité\u00a0: erreur"
    assert lines[2] == "Source\u00a0: décret n° 2015-431, art. 3 2°\u00a0; loi n° 2014-856, art. 1"
    assert lines[3].startswith("Ce qui le déclenche\u00a0: Aucun membre n'est une entreprise de l'ESS")
    assert lines[4:7] == [
        "Exemple\u00a0:",
        "    members:",
        "      - {name: SARL X, category: enterprise, ess_statutes: false}",
    ]
    assert lines[7].startswith("Correction\u00a0: Indiquez le statut ESS")


def test_explain_in_english() -> None:
    done = run("explain", "PTCE-S07", "--lang", "en")
    assert done.returncode == 0
    assert done.stdout.splitlines()[:2] == ["PTCE-S07 — Invalid number", "Severity: error"]
    assert "Fix: Write the number alone" in done.stdout


def test_without_a_code_every_code_is_listed() -> None:
    done = run("explain", "--lang", "en")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert len(lines) == len(CODES) and lines[0] == "PTCE-F01  YAML syntax error"


def test_an_unknown_code_is_a_usage_error_with_suggestions() -> None:
    done = run("explain", "PTCE-E3O", "--lang", "fr")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("ptce-check: code inconnu « PTCE-E3O »\u00a0; vouliez-vous dire PTCE-E13, PTCE-E03")


def test_a_hostile_code_is_shown_escaped() -> None:
    done = run("explain", "\x1b[31mE99", "--lang", "en")
    assert done.returncode == 2 and "\x1b" not in done.stderr and "unknown code" in done.stderr


def test_the_markdown_help_has_every_part() -> None:
    text = markdown(explanations()["PTCE-D01"], "en")
    assert '<a id="ptce-d01-en"></a>' in text and "### PTCE-D01 — Invalid SIREN check digit" in text
    assert "**Source**: INSEE" in text and '```yaml\nsiren: "781302212"\n```' in text and "**Fix**: " in text
