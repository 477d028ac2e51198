"""Code titles come from one place, `codes.py`: the README's tables, `codes.py` and the call
files in `criteria/` agree (codes, severities, rule titles, which call applies which rule)."""

from __future__ import annotations

import re

import pytest

from helpers import ROOT
from ptce_check.binding import shipped_call
from ptce_check.calls import list_calls
from ptce_check.codes import CODES
from ptce_check.findings import Severity

README = (ROOT / "README.md").read_text(encoding="utf-8")
ROW = re.compile(r"^\| `(PTCE-[A-Z][0-9]{2})` \| (.*) \|$", re.MULTILINE)
#: The README's column for each call in the rules table.
CALL_COLUMNS = {"ptce-2013": 3, "ptce-2015": 4, "ami-2021": 5, "ami-2022": 6, "ami-2023": 7, "ami-2025": 8}


def _rows(heading: str, text: str = README) -> dict[str, list[str]]:
    """The rows of the first table after `heading` in `text`: code -> the other cells."""
    section = text[text.index(heading) :]
    table = section[section.index("\n|") : section.index("\n\n", section.index("\n|"))]
    return {code: [cell.strip() for cell in rest.split(" | ")] for code, rest in ROW.findall(table)}


#: The one-line table of finding codes moved from the README to docs/finding-codes.md.
FINDINGS_TABLE = _rows(
    "## Codes des constats / Finding codes", (ROOT / "docs" / "finding-codes.md").read_text(encoding="utf-8")
)
RULES_TABLE = _rows("## Les appels et leurs règles / Calls and rules")


def test_every_code_is_in_one_readme_table() -> None:
    assert set(FINDINGS_TABLE) | set(RULES_TABLE) == set(CODES)
    assert not set(FINDINGS_TABLE) & set(RULES_TABLE)
    assert set(RULES_TABLE) == {code for code in CODES if code.startswith("PTCE-E")}


@pytest.mark.parametrize("code", sorted(FINDINGS_TABLE))
def test_the_readme_gives_each_code_its_severity(code: str) -> None:
    severity = FINDINGS_TABLE[code][0].removesuffix(" (invalid)")
    assert Severity(severity) is CODES[code].severity


@pytest.mark.parametrize("code", sorted(RULES_TABLE))
def test_the_readme_rules_table_opens_with_the_title_of_codes(code: str) -> None:
    """The README's rule is codes.py's French title, then at most details in parentheses or after a colon."""
    title = CODES[code].title.fr
    rule = RULES_TABLE[code][0]
    assert rule[:1].upper() + rule[1 : len(title)] == title, (code, rule, title)
    assert rule[len(title) :] == "" or rule[len(title) :].startswith((" (", " : ", "\u00a0: ")), (code, rule)


@pytest.mark.parametrize("call_id", sorted(CALL_COLUMNS))
def test_the_readme_says_which_rules_each_call_applies(call_id: str) -> None:
    applied = {code for code, cells in RULES_TABLE.items() if not cells[CALL_COLUMNS[call_id]].startswith("—")}
    assert applied == {bound.rule.code for bound in shipped_call(call_id).rules}


@pytest.mark.parametrize("call_id", list_calls())
def test_shipped_call_files_give_no_title_for_a_known_code(call_id: str) -> None:
    bound = shipped_call(call_id)
    text = bound.call.path.read_text(encoding="utf-8") if bound.call.path else ""
    rules = text[text.index("\nrules:") : text.index("\naxes:")]
    assert "title:" not in rules
    for entry in bound.rules:
        assert entry.rule.code in CODES and entry.rule.title == CODES[entry.rule.code].title


def test_e01_has_the_contract_wording() -> None:
    title = CODES["PTCE-E01"].title
    assert title.fr == (
        "Le pôle est une personne morale de droit privé (ou, si l'appel le permet, portée par une telle personne)"
    )
    assert title.en == "The pole is a private-law legal person (or, where the call allows it, carried by one)"


def test_the_rules_table_has_a_column_for_every_shipped_call() -> None:
    assert sorted(CALL_COLUMNS) == list_calls()
    assert all(len(cells) == 3 + len(CALL_COLUMNS) for cells in RULES_TABLE.values())


def test_the_new_rule_codes_have_titles_and_block() -> None:
    assert CODES["PTCE-E13"].severity is Severity.ERROR and "phase 1" in CODES["PTCE-E13"].title.fr
    assert CODES["PTCE-E14"].severity is Severity.ERROR and "plafond" in CODES["PTCE-E14"].title.fr
    assert CODES["PTCE-W02"].severity is Severity.INFO
