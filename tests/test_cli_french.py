"""Typer's and Click's own texts follow the run's language: `--lang`, else the locale."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from ptce_check.cli.click_french import lang_of, translate_message
from ptce_check.cli.commands import app

NBSP = "\u00a0"
FRENCH = {"LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
ENGLISH = {"LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
#: Click's and Typer's English words, none of which a French help or error may show.
ENGLISH_WORDS = (
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Show this message and exit.",
    "Show the version and exit.",
    "Missing argument",
    "No such command",
    "No such option",
    "for help.",
    "Error:",
    "[required]",
    "[default:",
    "Invalid value",
    "<list[str]>",
    "<int range>",
    "INTEGER",
    "TEXT",
    "PATH",
)
COMMANDS = ("check", "criteria", "screen", "schema", "init", "form", "import", "completion", "fix", "diff", "explain")


def invoke(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    result = CliRunner().invoke(app, args, env=env, terminal_width=100)
    return result.exit_code, result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_french_help_has_no_english_click_word(command: str) -> None:
    status, output = invoke([command, "--help"], FRENCH)
    assert status == 0
    assert [word for word in ENGLISH_WORDS if word in output] == []
    assert output.startswith(f"Utilisation{NBSP}: ptce-check {command} ")
    assert "Affiche cette aide et quitte." in output


def test_french_check_help_names_its_placeholders_in_french() -> None:
    _, output = invoke(["check", "--help"], FRENCH)
    assert "{FICHIER...}..." in output.splitlines()[0]
    assert f"Arguments{NBSP}:\n  FICHIER...  Dossiers YAML" in output
    assert f"Options{NBSP}:" in output
    assert "--max-bytes ENTIER" in output and "--output CHEMIN" in output
    assert f"[défaut{NBSP}: 32{NBSP}; minimum 1]" in output
    assert "[obligatoire]" in output


def test_root_help_in_french() -> None:
    status, output = invoke(["--help"], FRENCH)
    assert status == 0
    assert f"Utilisation{NBSP}: ptce-check [OPTIONS] COMMANDE [ARGUMENTS]..." in output
    assert f"Commandes{NBSP}:" in output and "Commands:" not in output


def test_english_locale_keeps_click_english() -> None:
    status, output = invoke(["check", "--help"], ENGLISH)
    assert status == 0
    for word in ("Usage:", "Arguments:", "Options:", "Show this message and exit.", "[required]", "[default: auto]"):
        assert word in output
    assert "<list[str]>" not in output and "<int range>" not in output
    assert "--max-bytes ENTIER" in output


def test_lang_on_the_command_line_wins_over_the_locale() -> None:
    _, english = invoke(["check", "--lang", "en", "--help"], FRENCH)
    _, french = invoke(["check", "--lang=fr", "--help"], ENGLISH)
    assert english.startswith("Usage: ") and french.startswith(f"Utilisation{NBSP}: ")


def test_missing_file_is_a_french_usage_error() -> None:
    status, output = invoke(["check"], FRENCH)
    assert status == 2
    assert output.splitlines() == [
        f"Utilisation{NBSP}: ptce-check check [OPTIONS] {{FICHIER...}}...",
        f"Essayez «{NBSP}ptce-check check -h{NBSP}» pour l'aide.",
        "",
        f"Erreur{NBSP}: argument manquant{NBSP}: «{NBSP}FICHIER...{NBSP}».",
    ]


def test_missing_file_in_english() -> None:
    status, output = invoke(["check"], ENGLISH)
    assert status == 2
    assert output.splitlines()[-1] == "Error: Missing argument 'FICHIER...'."
    assert "Try 'ptce-check check -h' for help." in output


def test_unknown_command_in_french_with_the_suggestion() -> None:
    status, output = invoke(["chek"], FRENCH)
    assert status == 2
    assert output.splitlines()[-1] == (
        f"Erreur{NBSP}: commande inconnue{NBSP}: «{NBSP}chek{NBSP}». "
        f"Vouliez-vous dire «{NBSP}check{NBSP}», «{NBSP}schema{NBSP}»{NBSP}?"
    )
    assert f"Essayez «{NBSP}ptce-check -h{NBSP}» pour l'aide." in output


def test_unknown_option_and_bad_values_in_french() -> None:
    status, output = invoke(["check", "--nope", "a.yaml"], FRENCH)
    assert status == 2
    assert output.splitlines()[-1] == f"Erreur{NBSP}: option inconnue{NBSP}: --nope"
    status, output = invoke(["check", "--max-bytes", "abc", "a.yaml"], FRENCH)
    assert status == 2
    assert output.splitlines()[-1] == (
        f"Erreur{NBSP}: valeur invalide pour «{NBSP}--max-bytes{NBSP}»{NBSP}: un nombre entier est attendu"
    )
    _, output = invoke(["check", "--max-depth", "0", "a.yaml"], FRENCH)
    assert output.splitlines()[-1].endswith(f"{NBSP}: la valeur doit être au minimum 1")


def test_an_unknown_command_name_is_escaped() -> None:
    _, output = invoke(["ch\x1b[31mek"], FRENCH)
    assert "\x1b" not in output
    assert output.splitlines()[-1].startswith(f"Erreur{NBSP}: commande inconnue{NBSP}: «{NBSP}ch\\")


def test_a_message_outside_the_table_is_kept() -> None:
    assert translate_message("Something Click never said.") == "Something Click never said."


@pytest.mark.parametrize(
    ("args", "environ", "lang"),
    [
        (["check", "--lang", "en"], FRENCH, "en"),
        (["check", "--lang=fr"], ENGLISH, "fr"),
        (["check", "--", "--lang", "en"], FRENCH, "fr"),
        (["check"], ENGLISH, "en"),
    ],
)
def test_the_language_of_a_run(
    args: list[str], environ: dict[str, str], lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert lang_of(args) == lang


def test_the_program_gives_a_french_missing_argument() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "ptce_check", "check"],
        capture_output=True,
        text=True,
        env={**os.environ, **FRENCH},
    )
    assert completed.returncode == 2
    assert completed.stderr.splitlines()[-1] == f"Erreur{NBSP}: argument manquant{NBSP}: «{NBSP}FICHIER...{NBSP}»."
    assert completed.stdout == ""


NOT_ADMISSIBLE = "examples/not-admissible-e01-carrier-2015.yaml"


@pytest.mark.parametrize("format", ["rich", "markdown", "html"])
def test_french_labels_take_a_no_break_space_before_the_colon(format: str) -> None:
    _, output = invoke(["check", NOT_ADMISSIBLE, "-f", format, "--lang", "fr"], FRENCH)
    assert f"Verdict{NBSP}:" in output.replace("**", "").replace("<strong>", "").replace("</strong>", "")
    assert f"Score{NBSP}:" in output.replace("**", "").replace("<strong>", "").replace("</strong>", "")


@pytest.mark.parametrize("format", ["rich", "markdown", "html"])
def test_english_reports_have_no_french_header(format: str) -> None:
    _, output = invoke(["check", NOT_ADMISSIBLE, "-f", format, "--lang", "en"], ENGLISH)
    assert NBSP + ":" not in output and " :" not in output
    assert [word for word in ("Verdict", "Constats", "Règles", "recevable", "Pour gagner") if word in output] == []


def test_french_call_deadline_label() -> None:
    _, output = invoke(["criteria", "ptce-2015", "--lang", "fr"], FRENCH)
    assert f"Clôture{NBSP}:" in output
