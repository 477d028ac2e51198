"""What users read of a call's sources is a citation (references rendered from the call's
table), never an id or an internal remark; `criteria --validate` reports call-file problems at
their line and column."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ptce_check.binding import shipped_call
from ptce_check.calls import list_calls
from ptce_check.cli.commands import app

RUNNER = CliRunner()


def invoke(*args: str) -> Result:
    return RUNNER.invoke(app, list(args))


CRITERIA = Path(__file__).resolve().parents[1] / "criteria"
NOTES = re.compile(r"non lue?s?\b|non trouvée?s?|tant que|règle non évaluée|\[NF\]|\[I\]|\bFAQ Q\d", re.IGNORECASE)


def _leaks(text: str, ids: set[str]) -> list[str]:
    found = [match.group(0) for match in NOTES.finditer(text)]
    return found + [ref for ref in ids if re.search(rf"(?<![\w/.-]){re.escape(ref)}(?![\w/.-])", text)]


@pytest.mark.parametrize("call_id", list_calls())
def test_no_citation_shows_an_id_or_a_note(call_id: str) -> None:
    call = shipped_call(call_id).call
    ids = set(call.sources)
    for entry in call.cited_entries():
        for lang in ("fr", "en"):
            text = entry.citation.get(lang)
            assert text.strip() and not _leaks(text, ids), (call_id, text)


@pytest.mark.parametrize("call_id", list_calls())
def test_criteria_json_and_table_show_citations_only(call_id: str) -> None:
    ids = set(shipped_call(call_id).call.sources)
    data = json.loads(invoke("criteria", call_id, "-f", "json").stdout)
    shown = [entry["source"] for entry in (*data["rules"], *data["scoring"])]
    assert all(text and not _leaks(text, ids) for text in shown), shown
    table = invoke("criteria", call_id, "--lang", "fr").stdout
    assert not _leaks(table, ids)


def test_a_failing_rule_hint_cites_the_decree() -> None:
    call = shipped_call("ptce-2015").call
    e02 = next(rule for rule in call.rules if rule.code == "PTCE-E02")
    assert e02.source.startswith("Décret n° 2015-431 du 15 avril 2015") and "art. 3 2°" in e02.source
    assert "legifrance.gouv.fr/loda/id/JORFTEXT000030487441" in e02.source


def test_validate_accepts_every_shipped_call() -> None:
    files = [str(CRITERIA / f"{call_id}.yaml") for call_id in list_calls()]
    result = invoke("criteria", "--validate", *files)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_validate_reports_each_problem_at_its_line_and_column(tmp_path: Path) -> None:
    text = (CRITERIA / "ptce-2015.yaml").read_text(encoding="utf-8")
    broken = text.replace('{ref: cahier-2015, at: "FAQ', '{ref: cahier-2O15, at: "FAQ', 1)
    broken = broken.replace("max_points: 8\n", "max_points: 9\n", 1)
    path = tmp_path / "broken.yaml"
    path.write_text(broken, encoding="utf-8")
    lines = broken.splitlines()
    ref_line = next(i for i, line in enumerate(lines, 1) if "cahier-2O15" in line)
    ref_col = lines[ref_line - 1].index("cahier-2O15") + 1
    points_line = next(i for i, line in enumerate(lines, 1) if line.strip() == "max_points: 9")
    result = invoke("criteria", "--validate", str(path), "--lang", "en")
    assert result.exit_code == 2
    out = result.stdout.splitlines()
    assert out[0].startswith(f"{path}:{ref_line}:{ref_col}: rules[3].source[1].ref: unknown reference 'cahier-2O15'")
    assert out[1].startswith(f"{path}:{points_line}:17: scoring[0].max_points: the best band gives 8 points")
    assert "the scoring grid totals 101 points" in out[2]


def test_validate_never_gives_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    (tmp_path / "syntax.yaml").write_text("format: [\n", encoding="utf-8")
    (tmp_path / "esc\x1b[2J.yaml").write_text("- a\n", encoding="utf-8")
    files = [str(tmp_path / name) for name in ("list.yaml", "syntax.yaml", "esc\x1b[2J.yaml", "missing.yaml")]
    result = invoke("criteria", "--validate", *files, "--lang", "en")
    assert result.exit_code == 2 and "Traceback" not in result.output
    out = result.stdout.splitlines()
    assert out[0].startswith(f"{tmp_path}/list.yaml:1:1: ")
    assert out[1].startswith(f"{tmp_path}/syntax.yaml:2:1: ")
    assert out[2].startswith(f"{tmp_path}/esc\\e[2J.yaml:1:1") and "\x1b" not in result.stdout
    assert out[3].startswith(f"{tmp_path}/missing.yaml:")


def test_an_uncited_entry_is_a_problem(tmp_path: Path) -> None:
    text = (CRITERIA / "ptce-2015.yaml").read_text(encoding="utf-8")
    broken = text.replace('    source: [{ref: decree-2015-431, at: "art. 3 4°"}]\n', "", 1)
    path = tmp_path / "uncited.yaml"
    path.write_text(broken, encoding="utf-8")
    result = invoke("criteria", "--validate", str(path), "--lang", "en")
    line = next(i for i, row in enumerate(broken.splitlines(), 1) if row == "  - code: PTCE-E08")
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{path}:{line}:5: rules[7]: neither source nor choice")
