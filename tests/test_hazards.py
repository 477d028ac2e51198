"""Hostile and broken input: the README's guarantees, each proven here.

The hazard corpus is `tests/hazards/`: one small file per hazard, and `expected.json` giving
each one's verdict and findings (code, line, column, and a text the message must contain).
Hazards that are big or binary are built at run time by `GENERATED` and expected in the same
file. Adding a hazard = adding a file (or a builder) and its line in `expected.json`.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from helpers import BASE_TEXT, ROOT
from ptce_check.assess import assess_file
from ptce_check.assessment import Assessment, Verdict
from ptce_check.cli.commands import app
from ptce_check.findings import Finding
from ptce_check.reporters import BATCH_REPORTERS, REPORTERS, ReportSettings, get_reporter
from ptce_check.reporters.batch import BINARY_FORMATS
from ptce_check.validation import validate as real_validate

CORPUS = Path(__file__).parent / "hazards"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
HEAD = "format: ptce-dossier/1\ncall: ptce-2015\n"
TEN_MB = 10 * 1024 * 1024


def _docx() -> bytes:
    """A word-processor file renamed to .yaml: a ZIP archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>format: ptce-dossier/1</w:document>")
    return buffer.getvalue()


def _pole(line: str) -> bytes:
    return (HEAD + "pole:\n" + line + "\n").encode()


# Read as text, then refused for a duplicate key at 5:3: proves decoding and positions.
DUPLICATE = HEAD + "pole:\n  stage: mature\n  stage: émergent\n"

GENERATED: dict[str, Callable[[], bytes]] = {
    "utf8-bom.yaml": lambda: codecs.BOM_UTF8 + DUPLICATE.encode(),
    "utf16-le-bom.yaml": lambda: DUPLICATE.encode("utf-16"),
    "utf16-be-bom.yaml": lambda: codecs.BOM_UTF16_BE + DUPLICATE.encode("utf-16-be"),
    "utf32-bom.yaml": lambda: DUPLICATE.encode("utf-32"),
    "utf16-without-bom.yaml": lambda: DUPLICATE.encode("utf-16-le"),
    "utf16-ascii-without-bom.yaml": lambda: HEAD.encode("utf-16-be"),
    "cp1252-bytes.yaml": lambda: (HEAD + "pole:\n  name: Pôle – Drôme’s\n").encode("cp1252"),
    "latin1-bytes.yaml": lambda: (HEAD + "pole:\n  name: Café des Aînés\n").encode("latin-1"),
    "bom-mid-file.yaml": lambda: (HEAD + "pole:\n  name: Pôle\ufeff Sud\n").encode(),
    "nul-bytes.yaml": lambda: HEAD.encode() + b"pole:\n  name: P\x00\x00le\n",
    "zip-header-docx.yaml": _docx,
    "pdf-header.yaml": lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    "vertical-tab.yaml": lambda: _pole("  name:\x0bPôle Sud"),
    "form-feed.yaml": lambda: HEAD.encode() + b"\x0cpole:\n  name: x\n",
    "raw-escape-sequence.yaml": lambda: _pole("  name: Pôle \x1b[2J Sud"),
    "raw-c1-control.yaml": lambda: _pole("  name: Pôle \x9b2J Sud"),
    "nbsp-in-key.yaml": lambda: _pole("  legal\u00a0form: association"),
    "zwsp-in-key.yaml": lambda: _pole("  na\u200bme: Pôle Sud"),
    "bidi-override-in-key.yaml": lambda: _pole("  \u202eeman: Pôle Sud"),
    "nbsp-indentation.yaml": lambda: _pole("  name: Pôle Sud\n\u00a0 stage: emerging\n  contact: {}"),
    "zwsp-line-start.yaml": lambda: (HEAD + "\u200bpole:\n  name: Pôle Sud\n").encode(),
    "nesting-10000-flow.yaml": lambda: (HEAD + "x_nested: " + "[" * 10_000 + "]" * 10_000 + "\n").encode(),
    "nesting-100000-flow.yaml": lambda: (HEAD + "x_nested: " + "{a: " * 100_000 + "1" + "}" * 100_000).encode(),
    "nesting-10000-block.yaml": lambda: (HEAD + "x_nested:\n" + "- " * 10_000 + "x\n").encode(),
    "nesting-100000-block.yaml": lambda: (HEAD + "x_nested:\n" + "- " * 100_000 + "x\n").encode(),
    "ten-megabytes.yaml": lambda: (HEAD + "x_note: " + "a" * TEN_MB + "\n").encode(),
}


def _hazard_path(name: str, folder: Path) -> Path:
    if name in GENERATED:
        path = folder / name
        path.write_bytes(GENERATED[name]())
        return path
    return CORPUS / name


def _said(finding: Finding, text: str) -> bool:
    """The text is in the message or the hint, in either language."""
    parts = [finding.message.fr, finding.message.en]
    if finding.hint is not None:
        parts += [finding.hint.fr, finding.hint.en]
    return any(text in part for part in parts)


def test_every_hazard_has_one_expectation() -> None:
    committed = {p.name for p in CORPUS.iterdir() if p.name != "expected.json"}
    assert not committed & set(GENERATED)
    assert committed | set(GENERATED) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hazard(name: str, tmp_path: Path) -> None:
    expected = EXPECTED[name]
    assessment = assess_file(_hazard_path(name, tmp_path))
    assert assessment.verdict.value == expected["verdict"]
    found = [(f.code, f.position.line, f.position.column) for f in assessment.findings if f.position]
    assert len(found) == len(assessment.findings), "every finding has a position"
    for code, line, column, *says in expected.get("findings", []):
        assert (code, line, column) in found, found
        finding = assessment.findings[found.index((code, line, column))]
        for text in says:
            assert _said(finding, text), (text, finding.message)
    if assessment.verdict is Verdict.INVALID:
        assert len(found) == 1 == len(expected["findings"])
    for code, line, column in expected.get("absent", []):
        assert (code, line, column) not in found
    _assert_reports_are_safe(assessment)


# Bytes no report may carry from the dossier: C0/C1 controls (ESC included), bidi controls,
# zero-width characters. Newlines (and, in tables, nothing else) are the report's own.
_UNSAFE_OUTPUT = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _render(assessments: list[Assessment], format: str, color: bool = False) -> str:
    stream = io.StringIO()
    get_reporter(format)(assessments, stream, ReportSettings("fr", color, width=100))
    return stream.getvalue()


def _assert_reports_are_safe(assessment: Assessment) -> None:
    """Guarantee 8 on every hazard: rich and JSON reports render, and carry no control byte."""
    for format in ("rich", "json"):
        output = _render([assessment], format)
        assert not _UNSAFE_OUTPUT.search(output), (format, _UNSAFE_OUTPUT.findall(output))
        assert not any(line.startswith("::") for line in output.splitlines())
    data = json.loads(_render([assessment], "json"))
    assert data[0]["verdict"] == assessment.verdict.value


# --- Guarantee 3: bounded time and memory, measured on the real command ----------------------

ADDRESS_SPACE = 512 * 1024 * 1024


def _limit_address_space() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def _run_bounded(*args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-m", "ptce_check", "check", *args, "-f", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limit_address_space,
        env={**os.environ, "PYDANTIC_DISABLE_PLUGINS": "__all__"},
    )
    return time.monotonic() - start, completed


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("alias-bomb.yaml", "PTCE-F04"),
        ("nesting-10000-flow.yaml", "PTCE-F06"),
        ("nesting-10000-block.yaml", "PTCE-F06"),
        ("nesting-100000-flow.yaml", "PTCE-F06"),
        ("ten-megabytes.yaml", "PTCE-F06"),
    ],
)
def test_hostile_files_finish_fast_in_bounded_memory(name: str, code: str, tmp_path: Path) -> None:
    elapsed, completed = _run_bounded(str(_hazard_path(name, tmp_path)))
    assert completed.returncode == 1, completed.stderr
    assert [f["code"] for f in json.loads(completed.stdout)[0]["findings"]] == [code]
    assert elapsed < 2.0


def test_max_bytes_lets_a_bigger_file_be_read(tmp_path: Path) -> None:
    big = Path(_two_dossiers(tmp_path)[1])  # beside the annexes it cites
    big.write_text(BASE_TEXT + "x_note: " + "a" * (2 * 1024 * 1024) + "\n", encoding="utf-8")
    _, refused = _run_bounded(str(big))
    assert json.loads(refused.stdout)[0]["findings"][0]["code"] == "PTCE-F06"
    elapsed, read = _run_bounded(str(big), "--max-bytes", str(3 * 1024 * 1024))
    assert read.returncode == 0, read.stdout
    assert json.loads(read.stdout)[0]["verdict"] == "admissible"
    assert elapsed < 2.0


# --- Guarantee 4: no code execution ----------------------------------------------------------


def test_only_source_py_imports_yaml() -> None:
    importing = sorted(
        path.relative_to(ROOT / "src").as_posix()
        for path in (ROOT / "src").rglob("*.py")
        if re.search(r"^\s*(import yaml|from yaml\b)", path.read_text(encoding="utf-8"), re.MULTILINE)
    )
    # yaml_events only hands source.py the C parser's events; neither builds data with a loader.
    assert importing == ["ptce_check/source.py", "ptce_check/yaml_events.py"]
    for name in importing:
        text = (ROOT / "src" / name).read_text(encoding="utf-8")
        assert not re.search(r"\byaml\.(load|unsafe_load|full_load|safe_load)\b|Loader\b", text)


def test_criteria_files_go_through_the_same_safe_loader(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    call = tmp_path / "evil.yaml"
    call.write_text(f'format: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    dossier = tmp_path / "dossier.yaml"
    dossier.write_text(BASE_TEXT, encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "ptce_check", "check", str(dossier), "--call", str(call), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 2
    assert f"{call}:1:9: explicit YAML tag" in completed.stderr
    assert "Traceback" not in completed.stderr
    assert not marker.exists()


# --- Guarantee 8: output cannot be hijacked by dossier content --------------------------------

# The same hostile text in a value shown in reports (the pole's name), in an unknown key and in a
# refused value, written with YAML escapes so that the dossier itself is valid YAML.
HOSTILE = (
    r"[/bold] [bold red]x[/] \e[2J\e]0;title\a\e[31m \u202eevil\u202c \u200bhidden "
    r"::error file=a.yaml::pwned ##[error]pwned <script>alert(1)</script> &amp;"
)
HOSTILE_TEXT = (
    "[/bold] [bold red]x[/] \x1b[2J\x1b]0;title\x07\x1b[31m \u202eevil\u202c \u200bhidden "
    "::error file=a.yaml::pwned ##[error]pwned <script>alert(1)</script> &amp;"
)
HOSTILE_DOSSIER = (
    BASE_TEXT.replace("  name: Pôle Test Coopération", f'  name: "{HOSTILE}"', 1).replace(
        "    commitment: letter", f'    commitment: "\\n{HOSTILE}"', 1
    )
    + f'"::warning::pwned {HOSTILE}": x\n'
)
# What no line of any report may start with, once leading spaces are stripped: a CI log would
# run it as a workflow command.
INJECTED_STARTS = ("::error file=a.yaml", "::warning::pwned", "##[error]pwned")


def _hostile_assessment(tmp_path: Path) -> Assessment:
    path = tmp_path / "dossier.yaml"
    path.write_text(HOSTILE_DOSSIER, encoding="utf-8")
    assessment = assess_file(path)
    assert assessment.summary.pole_name == HOSTILE_TEXT
    assert {"PTCE-S02", "PTCE-S04"} <= {f.code for f in assessment.findings}
    return assessment


def _parse(format: str, output: str) -> None:
    """Machine formats stay well-formed whatever the dossier holds."""
    if format in ("json", "sarif"):
        json.loads(output)
    elif format == "json-lines":
        for line in output.splitlines():
            json.loads(line)
    elif format == "junit":
        ElementTree.fromstring(output)


@pytest.mark.parametrize("format", sorted(REPORTERS))
def test_no_format_lets_dossier_content_take_over_the_output(format: str, tmp_path: Path) -> None:
    output = _render([_hostile_assessment(tmp_path)], format)
    assert not _UNSAFE_OUTPUT.search(output), _UNSAFE_OUTPUT.findall(output)
    for line in output.splitlines():
        assert not line.lstrip().startswith(INJECTED_STARTS), line
    _parse(format, output)


def test_rich_shows_markup_and_escapes_as_text_even_in_colour(tmp_path: Path) -> None:
    assessment = _hostile_assessment(tmp_path)
    for color in (False, True):
        output = _render([assessment], "rich", color)
        assert "[/bold] [bold red]x[/]" in output
        assert "\\e[2J\\e]0;title\\x07\\e[31m \\u202eevil\\u202c \\u200bhidden" in output
        assert "\x1b[2J" not in output and "\x1b]0" not in output and "\u202e" not in output


def test_json_keeps_the_data_exactly_and_escapes_it(tmp_path: Path) -> None:
    output = _render([_hostile_assessment(tmp_path)], "json")
    assert json.loads(output)[0]["pole"]["name"] == HOSTILE_TEXT
    assert "\\u001b[2J" in output and "\\u202e" in output and "\\u200b" in output


# --- Guarantee 1: an internal error is one finding for its file, and the batch goes on ----------


def _boom_on(name: str) -> Callable[..., Any]:
    """The validation step, failing as a bug would on the dossier whose pole has this name."""

    def validate(data: dict[str, Any], **options: Any) -> Any:
        if data.get("pole", {}).get("name") == name:
            raise RuntimeError("a bug met on this dossier")
        return real_validate(data, **options)

    return validate


def _two_dossiers(tmp_path: Path) -> list[str]:
    (tmp_path / "annexes").mkdir()
    for annex in (ROOT / "tests" / "fixtures" / "annexes").iterdir():
        (tmp_path / "annexes" / annex.name).write_bytes(annex.read_bytes())
    bug = tmp_path / "bug.yaml"
    bug.write_text(BASE_TEXT.replace("Pôle Test Coopération", "BOOM", 1), encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(BASE_TEXT, encoding="utf-8")
    return [str(bug), str(good)]


def test_an_internal_error_is_one_finding_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ptce_check.assess.validate", _boom_on("BOOM"))
    result = CliRunner().invoke(app, ["check", *_two_dossiers(tmp_path), "-f", "json", "--lang", "en"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    data = json.loads(result.stdout)
    assert [d["verdict"] for d in data] == ["invalid", "admissible"]
    (finding,) = data[0]["findings"]
    assert (finding["code"], finding["line"], finding["column"]) == ("PTCE-F13", 1, 1)
    assert "--debug" in finding["message"]
    assert "Traceback" not in result.output


def test_debug_shows_the_internal_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ptce_check.assess.validate", _boom_on("BOOM"))
    result = CliRunner().invoke(app, ["check", *_two_dossiers(tmp_path), "--debug"])
    assert isinstance(result.exception, RuntimeError)
    assert str(result.exception) == "a bug met on this dossier"


def test_an_unexpected_error_while_reading_is_an_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_file(path: Path, limits: Any) -> bytes:
        raise MemoryError

    monkeypatch.setattr("ptce_check.assess.read_file", read_file)
    assessment = assess_file(tmp_path / "x.yaml")
    assert [f.code for f in assessment.findings] == ["PTCE-F13"]
    with pytest.raises(MemoryError):
        assess_file(tmp_path / "x.yaml", debug=True)


# --- Guarantee 9: inputs are never written ------------------------------------------------------


def _snapshot(paths: list[Path]) -> list[tuple[int, bytes]]:
    return [(path.stat().st_mtime_ns, path.read_bytes()) for path in paths]


def test_inputs_are_never_written(tmp_path: Path) -> None:
    inputs = [Path(p) for p in _two_dossiers(tmp_path)] + [CORPUS / "alias-bomb.yaml"]
    os.utime(inputs[0], ns=(1_000_000_000, 1_000_000_000))
    before = _snapshot(inputs)
    report = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["check", *map(str, inputs), "-o", str(report), "--output-format", "json"])
    assert result.exit_code == 1
    assert len(json.loads(report.read_text(encoding="utf-8"))) == 3
    assert _snapshot(inputs) == before


@pytest.mark.parametrize("link", ["same", "symlink", "hardlink"])
def test_output_refuses_to_overwrite_an_input(link: str, tmp_path: Path) -> None:
    dossier = tmp_path / "dossier.yaml"
    dossier.write_text(BASE_TEXT, encoding="utf-8")
    target = tmp_path / "report.txt"
    if link == "same":
        target = dossier
    elif link == "symlink":
        target.symlink_to(dossier)
    else:
        target.hardlink_to(dossier)
    before = _snapshot([dossier])
    result = CliRunner().invoke(app, ["check", str(dossier), "-o", str(target), "--lang", "en"])
    assert result.exit_code == 2
    assert "would overwrite an input dossier" in result.output
    assert _snapshot([dossier]) == before


# --- Guarantee 10: a batch always finishes, each bad file on its own row -------------------------


def _bad_files(tmp_path: Path) -> dict[str, str]:
    """File name -> the finding code it must get; each one alone would stop a naive checker."""
    (tmp_path / "syntax.yaml").write_text("format: ptce-dossier/1\ncall: [\n", encoding="utf-8")
    (tmp_path / "report.docx.yaml").write_bytes(_docx())
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    os.mkfifo(tmp_path / "fifo.yaml")
    (tmp_path / "bomb.yaml").write_bytes((CORPUS / "alias-bomb.yaml").read_bytes())
    (tmp_path / "deep.yaml").write_bytes(GENERATED["nesting-100000-flow.yaml"]())
    return {
        "syntax.yaml": "PTCE-F01",
        "report.docx.yaml": "PTCE-F10",
        "folder.yaml": "PTCE-F12",
        "dangling.yaml": "PTCE-F12",
        "fifo.yaml": "PTCE-F12",
        "bomb.yaml": "PTCE-F04",
        "deep.yaml": "PTCE-F06",
    }


def test_check_reports_every_file_of_a_batch_and_finishes(tmp_path: Path) -> None:
    good = _two_dossiers(tmp_path)[1]
    bad = _bad_files(tmp_path)
    names = [good, *(str(tmp_path / name) for name in bad), good]
    completed = subprocess.run(
        [sys.executable, "-m", "ptce_check", "check", *names, "-f", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert completed.returncode == 1, completed.stderr
    data = json.loads(completed.stdout)
    assert [d["dossier"] for d in data] == names
    assert [d["verdict"] for d in data] == ["admissible", *["invalid"] * len(bad), "admissible"]
    assert [[f["code"] for f in d["findings"]] for d in data[1:-1]] == [[code] for code in bad.values()]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file: an unreadable file cannot be made")
def test_an_unreadable_file_is_one_invalid_row(tmp_path: Path) -> None:
    locked = tmp_path / "locked.yaml"
    locked.write_text(BASE_TEXT, encoding="utf-8")
    locked.chmod(0)
    assessment = assess_file(locked)
    assert [f.code for f in assessment.findings] == ["PTCE-F12"]


# The batch command's formats (the per-dossier ones too) on the same hostile dossier, twice: once
# with a pole name and once with a file name that a spreadsheet would run as a formula. A
# workbook is never written to standard output (tests/test_screen_calls.py reads one back).
SCREEN_FORMATS = sorted((set(BATCH_REPORTERS) | set(REPORTERS)) - BINARY_FORMATS)


@pytest.fixture
def hostile_batch(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "tests" / "fixtures" / "annexes", tmp_path / "annexes")
    formula = HOSTILE_DOSSIER.replace('  name: "[/bold]', '  name: "=HYPERLINK(\\"http://x\\") [/bold]', 1)
    (tmp_path / "hostile.yaml").write_text(formula, encoding="utf-8")
    (tmp_path / "=cmd.yaml").write_text(formula.replace("=HYPERLINK", "@SUM"), encoding="utf-8")
    (tmp_path / "+tag.yaml").write_bytes((CORPUS / "tag-python-apply.yaml").read_bytes())
    return tmp_path


def _screen(folder: Path, format: str) -> str:
    result = CliRunner().invoke(app, ["screen", str(folder), "-f", format, "-j", "1"])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.stdout


@pytest.mark.parametrize("format", SCREEN_FORMATS)
def test_screen_output_cannot_be_hijacked(format: str, hostile_batch: Path) -> None:
    output = _screen(hostile_batch, format)
    shown = output.removeprefix("\ufeff").replace("\r\n", "\n") if format == "csv" else output
    assert not _UNSAFE_OUTPUT.search(shown), _UNSAFE_OUTPUT.findall(shown)
    for line in shown.splitlines():
        assert not line.lstrip().startswith(INJECTED_STARTS), line
    _parse(format, output)


def test_screen_csv_neutralises_formulas(hostile_batch: Path) -> None:
    rows = list(csv.reader(io.StringIO(_screen(hostile_batch, "csv").removeprefix("\ufeff"))))
    cells = [cell for row in rows for cell in row]
    assert any("HYPERLINK" in cell for cell in cells) and any("cmd.yaml" in cell for cell in cells)
    for cell in cells:
        assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
        assert not cell.startswith("-") or re.fullmatch(r"-[0-9.,]+", cell), cell


def test_screen_html_escapes_dossier_text(hostile_batch: Path) -> None:
    output = _screen(hostile_batch, "html")
    assert "<script>alert(1)" not in output
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output


def test_screen_reports_every_file_of_a_batch_and_finishes(tmp_path: Path) -> None:
    good = Path(_two_dossiers(tmp_path)[1]).name
    (tmp_path / "bug.yaml").unlink()
    bad = _bad_files(tmp_path)
    completed = subprocess.run(
        [sys.executable, "-m", "ptce_check", "screen", str(tmp_path), "-f", "json", "-j", "2"],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert completed.returncode == 1, completed.stderr
    result = json.loads(completed.stdout)
    rows = {Path(d["dossier"]).name: [f["code"] for f in d["findings"]] for d in result["dossiers"]}
    skipped = {Path(s["path"]).name: s["reason"] for s in result["summary"]["skipped"]}
    assert rows.pop(good) == []
    assert "FIFO" in skipped.pop("fifo.yaml")
    del bad["fifo.yaml"]
    assert rows == {name: [code] for name, code in bad.items()}
    assert skipped == {}


def test_a_call_id_longer_than_a_file_name_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["check", str(ROOT / "tests" / "fixtures" / "minimal.yaml"), "--call", "y" * 300])
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert "y" * 40 in result.output
