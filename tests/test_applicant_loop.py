"""The applicant's loop: the source line and caret in the rich report, the hint in concise, the
`fix` and `diff` commands, the fix in JSON, one page in HTML and Markdown, improvements to
document (blocking rules first, no tie hidden)."""

from __future__ import annotations

import codecs
import io
import itertools
import json
import xml.etree.ElementTree as ET
from operator import attrgetter
from pathlib import Path

from typer.testing import CliRunner

from helpers import FIXTURES, MISTAKES, assess_text, variant
from ptce_check.cli.commands import app
from ptce_check.cli.sourced import with_source
from ptce_check.decoding import Limits
from ptce_check.i18n import Text
from ptce_check.reporters import ReportSettings, get_reporter
from ptce_check.scoring import Improvement, _first_with_ties

runner = CliRunner()
FIXABLE = {"PTCE-S05", "PTCE-S06", "PTCE-S07", "PTCE-D01", "PTCE-D02"}
TEXT = variant(*MISTAKES)


def _sourced(text: str = TEXT) -> object:
    return with_source(assess_text(text), text.encode("utf-8"), Limits())


def _render(format: str, width: int | None = None, lang: str = "fr", text: str = TEXT) -> str:
    stream = io.StringIO()
    settings = ReportSettings("fr" if lang == "fr" else "en", width=width)
    get_reporter(format)([_sourced(text)], stream, settings)  # type: ignore[list-item]
    return stream.getvalue()


def _dossier(tmp_path: Path, text: str = TEXT, prefix: bytes = b"") -> Path:
    for attachment in FIXTURES.iterdir():
        if attachment.is_file() and attachment.suffix != ".yaml":
            (tmp_path / attachment.name).write_bytes(attachment.read_bytes())
    path = tmp_path / "dossier.yaml"
    path.write_bytes(prefix + text.encode("utf-8"))
    return path


def test_rich_shows_the_source_line_and_a_caret_under_the_value_at_80_columns() -> None:
    lines = _render("rich", 80).splitlines()
    assert all(len(line) <= 80 for line in lines)
    date = next(i for i, line in enumerate(lines) if "PTCE-S06" in line)
    source = next(line for line in lines[date:] if "│ submitted_at:" in line)
    caret = lines[lines.index(source) + 1]
    assert source.endswith("4 │ submitted_at: 30/06/2015   # le jour du dépôt")
    assert caret[source.index("30/06") :].startswith("^^^^^^^^^^") and caret.count("^") == 10
    siret = next(line for line in lines if '"813 456 225 00016"' in line and "│" in line)
    assert lines[lines.index(siret) + 1].count("^") == len('"813 456 225 00016"')


def test_rich_wraps_at_spaces_and_indents_continuations_at_80_and_120_columns() -> None:
    for width in (80, 120):
        lines = _render("rich", width).splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("Constats"))
        body = lines[start + 1 :]
        assert all(len(line) <= width for line in body)
        for previous, line in itertools.pairwise(body):
            if line.startswith("      2015-06-28T17"):  # the hint's continuation, under its text
                assert previous.startswith("    → ")
        words = set(" ".join(lines).split())
        assert "recevabilité" in words or "verdict" in " ".join(lines).lower()
        assert not any(line.rstrip().endswith("«") for line in body)  # a quote stays with its word
    narrow = _render("rich", 80).splitlines()
    hint = next(i for i, line in enumerate(narrow) if line.startswith("    → écrivez 2015-06-30"))
    assert narrow[hint + 1].startswith("      ") and narrow[hint + 1].strip().startswith("2015-06-28T17:30")


def test_english_rich_report_has_no_space_before_colons_and_english_headers() -> None:
    output = _render("rich", 120, lang="en")
    assert "PTCE-S06 error: " in output and "Findings (" in output
    assert " : " not in "\n".join(line for line in output.splitlines() if "PTCE-" in line and "│" not in line)


def test_concise_carries_the_hint_indented_under_its_finding() -> None:
    lines = _render("concise").splitlines()
    date = next(i for i, line in enumerate(lines) if "PTCE-S06" in line)
    assert lines[date + 1].startswith("    aide\u00a0: écrivez 2015-06-30")
    english = _render("concise", lang="en").splitlines()
    assert english[date + 1].startswith("    help: write 2015-06-30") or english[date + 1].startswith("    help: ")


def test_json_findings_carry_their_fix(tmp_path: Path) -> None:
    path = _dossier(tmp_path)
    result = runner.invoke(app, ["check", str(path), "-f", "json"])
    (outcome,) = json.loads(result.output)
    date = next(f for f in outcome["findings"] if f["code"] == "PTCE-S06")
    assert date["fix"] == {
        "message": "remplacer « 30/06/2015 » par 2015-06-30",
        "edits": [
            {"content": "2015-06-30", "location": {"line": 4, "column": 15}, "end_location": {"line": 4, "column": 25}}
        ],
    }
    assert all("fix" not in f for f in outcome["findings"] if f["code"] not in FIXABLE)


def test_fix_removes_every_mechanical_finding_and_keeps_every_other_line(tmp_path: Path) -> None:
    path = _dossier(tmp_path, prefix=codecs.BOM_UTF8)
    before = path.read_bytes()
    preview = runner.invoke(app, ["fix", str(path), "--diff"])
    assert preview.exit_code == 1 and "+submitted_at: 2015-06-30   # le jour du dépôt" in preview.output
    assert path.read_bytes() == before
    done = runner.invoke(app, ["fix", str(path)])
    assert done.exit_code == 0, done.output
    after = path.read_bytes()
    assert after.startswith(codecs.BOM_UTF8)
    old_lines, new_lines = TEXT.split("\n"), after[len(codecs.BOM_UTF8) :].decode("utf-8").split("\n")
    changed = [(old, new) for old, new in zip(old_lines, new_lines, strict=True) if old != new]
    assert len(changed) == 5 and all("#" not in old or old.split("#")[1] == new.split("#")[1] for old, new in changed)
    checked = json.loads(runner.invoke(app, ["check", str(path), "-f", "json"]).output)[0]
    assert not [f["code"] for f in checked["findings"] if f["code"] in FIXABLE]
    again = runner.invoke(app, ["fix", str(path), "--diff"])
    assert again.exit_code == 0 and again.output == ""


def test_diff_reports_fixed_findings_and_the_score_per_criterion(tmp_path: Path) -> None:
    old = _dossier(tmp_path)
    new = tmp_path / "new.yaml"
    new.write_bytes(old.read_bytes())
    runner.invoke(app, ["fix", str(new)])
    result = runner.invoke(app, ["diff", str(old), str(new), "-f", "json"])
    data = json.loads(result.output)
    assert sorted(f["code"] for f in data["fixed"]) == sorted(
        ["PTCE-S06", "PTCE-D02", "PTCE-S05", "PTCE-S07", "PTCE-S07"]
    )
    assert data["score"]["new"] > data["score"]["old"]
    markdown = runner.invoke(app, ["diff", str(old), str(new), "-f", "markdown"]).output
    assert "**Constats corrigés (5)**" in markdown and "| Emplois créés | 0 | 2 | +2 |" in markdown


def test_html_is_one_well_formed_escaped_printable_page() -> None:
    hostile = TEXT.replace("name: Pôle Test Coopération", 'name: "<script>alert(1)</script> & co"', 1)
    page = _render("html", text=hostile)
    root = ET.fromstring(page.removeprefix("<!DOCTYPE html>\n"))  # strict: every tag closed, escaped
    assert root.tag == "html" and not root.findall(".//script")
    assert "&lt;script&gt;" in page and "@media print" in page
    pre = [element.text or "" for element in root.iter("pre")]
    assert any("submitted_at: 30/06/2015" in text and "^^^^^^^^^^" in text for text in pre)
    headings = [element.text for element in root.iter("h2")]
    assert headings[-2:] == ["D'abord, lever ce qui bloque la recevabilité", "Pour gagner des points"]


def test_markdown_page_has_the_verdict_excerpts_and_improvements() -> None:
    page = _render("markdown")
    assert "- **Verdict**\u00a0: non recevable" in page
    assert "     4 | submitted_at: 30/06/2015   # le jour du dépôt" in page
    assert page.index("### D'abord, lever") < page.index("### Pour gagner des points")


def test_ties_with_the_fifth_improvement_are_all_shown() -> None:
    gains = [7, 3, 3, 3, 3, 3, 3, 2]
    items = [Improvement(f"c{i}", Text("t", "t"), gain, Text("x", "x")) for i, gain in enumerate(gains)]
    assert [item.gain for item in _first_with_ties(items, attrgetter("gain"))] == [7, 3, 3, 3, 3, 3, 3]


def test_improvements_ask_for_evidence_not_for_other_facts() -> None:
    card = assess_text(TEXT).score
    assert card is not None
    for improvement in card.improvements:
        target = improvement.target.fr
        assert "(s)" not in target and not target.startswith("au moins")
        assert ": true" not in target
