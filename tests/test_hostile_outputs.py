"""Hostile values cannot spoil a report: amounts past the ceiling are findings and no total
overflows, every JSON output is strict JSON, every XML and HTML output parses, a file name that
is not UTF-8 is shown escaped (percent-encoded in URIs), and Markdown holds no live autolink."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator
from markdown_it import MarkdownIt

from helpers import BASE_TEXT, FIXTURES, ROOT, assess_text, position_of, variant
from ptce_check.scalars import AMOUNT_CEILING_EUR
from ptce_check.textsafe import escape_all_controls, escape_invisible, escape_markdown

SARIF_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
UNDECODABLE = b"caf\xe9.yaml"
#: What XML 1.0 forbids (everything outside its Char production) and the noncharacters.
FORBIDDEN = re.compile(
    "[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\ufdd0-\ufdef]|[\ufffe\uffff]"
    + "".join(f"|{chr(plane + 0xFFFE)}|{chr(plane + 0xFFFF)}" for plane in range(0x10000, 0x110000, 0x10000))
)
#: YAML escapes of code points XML forbids, bare URLs and an e-mail address.
HOSTILE = r"P\uFFFE\uFFFF\uFDD0\U0001FFFE\U0010FFFF\x01\x1b[2J www.evil.example http://evil.example x@evil.example"
HUGE_REQUEST = (
    ("{2015: 50000, 2016: 50000}", "{2015: 8.5e307, 2016: 8.5e307}"),
    ("{2015: 30000, 2016: 30000}", "{2015: 8.5e307, 2016: 8.5e307}"),
    ("{2015: 20000, 2016: 20000}", "{2015: 0, 2016: 0}"),
    ("requested_grant_eur: 60000", "requested_grant_eur: 1.7e308"),
)
CHECK_FORMATS = ("rich", "concise", "json", "json-lines", "github", "junit", "sarif")
SCREEN_FORMATS = ("rich", "csv", "json", "markdown", "html")


def _refuse(constant: str) -> Any:
    raise ValueError(f"not JSON: {constant}")


def strict_json(text: str) -> Any:
    return json.loads(text, parse_constant=_refuse)


def run(folder: Path, *args: str | bytes, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    command: list[str | bytes] = [sys.executable, "-m", "ptce_check", *args]
    return subprocess.run(command, cwd=folder, capture_output=True, timeout=120, check=False, env=env)


def _folder(tmp_path: Path, files: dict[bytes, str]) -> Path:
    shutil.copytree(FIXTURES / "annexes", tmp_path / "annexes")
    for name, text in files.items():
        (tmp_path / os.fsdecode(name)).write_text(text, encoding="utf-8")  # the bytes of `name` on disk
    return tmp_path


def hostile_dossier() -> str:
    return variant(
        ("name: Pôle Test Coopération", f'name: "{HOSTILE}"'),
        ("members: [Atelier Solidaire, Menuiserie Durand]", f'members: [Atelier Solidaire, "{HOSTILE}"]'),
    )


class _StrictHTML(HTMLParser):
    """Every element opened is closed in order (void elements aside)."""

    VOID = frozenset({"meta", "link", "br", "hr", "img", "input", "col", "wbr", "source", "area", "base"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.text += [value or "" for _, value in attrs]
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (tag, self.open[-5:])
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_html(page: str) -> str:
    assert page.startswith("<!DOCTYPE html>")
    parser = _StrictHTML()
    parser.feed(page)
    parser.close()
    assert parser.open == []
    text = "".join(parser.text)
    assert not FORBIDDEN.search(text)
    return text


# Item 4: amounts have a ceiling, no total overflows.


@pytest.mark.parametrize("written", ["1.7e308", "-1.7e308", "1000000000000.01", "1e13"])
def test_an_amount_past_the_ceiling_is_a_finding_at_the_value(written: str) -> None:
    text = variant(("requested_grant_eur: 60000", f"requested_grant_eur: {written}"))
    assessment = assess_text(text)
    [finding] = [f for f in assessment.findings if f.code == "PTCE-S09"]
    assert finding.path == ("budget", "requested_grant_eur")
    assert finding.position is not None
    assert (finding.position.line, finding.position.column) == position_of(text, written)
    assert "1\u202f000\u202f000\u202f000\u202f000\u00a0€" in finding.message.fr
    assert "€1,000,000,000,000" in finding.message.en
    assert "PTCE-D10" not in [f.code for f in assessment.findings]  # set aside, as any invalid value


def test_an_amount_at_the_ceiling_is_read() -> None:
    text = variant(("requested_grant_eur: 60000", f"requested_grant_eur: {AMOUNT_CEILING_EUR}"))
    assessment = assess_text(text)
    found = {f.code: f for f in assessment.findings}
    assert "PTCE-S09" not in found
    # read, and compared with its lines
    assert "1\u202f000\u202f000\u202f000\u202f000\u00a0€" in found["PTCE-D10"].message.fr


def test_budget_lines_past_the_ceiling_are_findings_at_each_value() -> None:
    text = variant(*HUGE_REQUEST)
    found = [(f.path, f.position and (f.position.line, f.position.column)) for f in assess_text(text).findings]
    line = text.splitlines().index("      amounts: {2015: 8.5e307, 2016: 8.5e307}") + 1
    assert (("budget", "expenses", 0, "amounts", "2015"), (line, 23)) in found
    assert (("budget", "expenses", 0, "amounts", "2016"), (line, 38)) in found
    assert (("budget", "requested_grant_eur"), position_of(text, "1.7e308")) in found


@pytest.mark.parametrize("fmt", SCREEN_FORMATS)
def test_two_huge_requests_screen_in_every_format(tmp_path: Path, fmt: str) -> None:
    huge = variant(*HUGE_REQUEST)
    folder = _folder(tmp_path, {b"a.yaml": huge, b"b.yaml": huge})
    result = run(folder, "screen", ".", "-j", "1", "-f", fmt)
    assert result.returncode == 1, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    output = result.stdout.decode("utf-8")
    assert not re.search(r"(?i)\binf\b|infinity|\bnan\b", output)
    if fmt == "json":
        summary = strict_json(output)["summary"]
        assert summary["not_admissible"] == 2 and summary["requested_total_eur"] == 0
        assert {"code": "PTCE-S09", "dossiers": 2} in summary["blocking_rules"]
    if fmt == "html":
        check_html(output)


def test_the_simulated_budget_has_the_same_ceiling(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {b"a.yaml": BASE_TEXT})
    for budget in ("inf", "1e308", str(AMOUNT_CEILING_EUR + 1)):
        result = run(folder, "screen", ".", "-j", "1", "-f", "json", "--budget", budget)
        assert result.returncode == 2 and b"--budget" in result.stderr and b"Traceback" not in result.stderr


def test_a_call_file_amount_past_the_ceiling_is_refused(tmp_path: Path) -> None:
    call = (ROOT / "criteria" / "ptce-2015.yaml").read_text(encoding="utf-8")
    assert re.search(r"(?m)^envelope_eur: ", call)
    (tmp_path / "call.yaml").write_text(re.sub(r"(?m)^envelope_eur: .*$", "envelope_eur: 1.7e308", call), "utf-8")
    folder = _folder(tmp_path, {b"a.yaml": BASE_TEXT})
    result = run(folder, "screen", ".", "-j", "1", "-f", "json", "--call", "call.yaml")
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert b"envelope_eur" in result.stderr


def test_every_json_output_is_strict_json(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {b"a.yaml": hostile_dossier(), b"b.yaml": variant(*HUGE_REQUEST)})
    outputs = {
        "check json": run(folder, "check", "a.yaml", "b.yaml", "-f", "json"),
        "check sarif": run(folder, "check", "a.yaml", "b.yaml", "-f", "sarif"),
        "screen json": run(folder, "screen", ".", "-j", "1", "-f", "json"),
        "criteria": run(folder, "criteria", "ptce-2015", "-f", "json"),
        "calls": run(folder, "criteria", "-f", "json"),
        "schema": run(folder, "schema"),
    }
    for name, result in outputs.items():
        assert result.returncode in (0, 1), (name, result.stderr.decode())
        strict_json(result.stdout.decode("utf-8"))
    lines = run(folder, "check", "a.yaml", "b.yaml", "-f", "json-lines").stdout.decode("utf-8").splitlines()
    assert len(lines) == 2 and all(strict_json(line) for line in lines)


# Items 7 and 8: undecodable file names and XML-forbidden code points, in every format.


def _hostile_run(tmp_path: Path, command: str, fmt: str) -> tuple[str, str]:
    folder = _folder(tmp_path, {UNDECODABLE: hostile_dossier()})
    target: bytes | str = UNDECODABLE if command == "check" else "."
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    result = run(folder, command, target, "-f", fmt, *(["-j", "1"] if command == "screen" else []), env=env)
    assert result.returncode == 1, result.stderr.decode("utf-8", "replace")
    stderr = result.stderr.decode("utf-8")  # strict: nothing undecodable is written
    assert "Traceback" not in stderr
    output = result.stdout.decode("utf-8")
    for text in (output, stderr):
        assert not FORBIDDEN.search(text), FORBIDDEN.findall(text)[:5]
        assert "\x1b[2J" not in text
    if summary.exists():
        output += "\n" + summary.read_text(encoding="utf-8")
    return output, stderr


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_check_formats_survive_an_undecodable_name_and_forbidden_code_points(tmp_path: Path, fmt: str) -> None:
    output, _ = _hostile_run(tmp_path, "check", fmt)
    if fmt == "sarif":
        log = strict_json(output)
        Draft4Validator(SARIF_SCHEMA).validate(log)
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
        assert uris == {"caf%E9.yaml"}
        assert any("\\ufffe\\uffff" in r["message"]["text"] for r in log["runs"][0]["results"])
    elif fmt == "junit":
        root = ET.fromstring(output)
        assert root.find("testsuite").get("name") == "caf\\udce9.yaml"  # type: ignore[union-attr]
        assert "\\ufffe\\uffff\\ufdd0\\U0001fffe\\U0010ffff\\x01\\e[2J" in output
    elif fmt in ("json", "json-lines"):
        documents = [strict_json(line) for line in output.splitlines()] if fmt == "json-lines" else strict_json(output)
        assert documents[0]["dossier"] == os.fsdecode(UNDECODABLE)
    else:
        assert "caf\\udce9.yaml" in output
        assert "\\ufffe\\uffff\\ufdd0\\U0001fffe\\U0010ffff" in output
    if fmt == "github":
        assert "x`@`evil.example" in output and "www`.`evil.example" in output  # the job summary


@pytest.mark.parametrize("fmt", SCREEN_FORMATS)
def test_screen_formats_survive_an_undecodable_name_and_forbidden_code_points(tmp_path: Path, fmt: str) -> None:
    output, _ = _hostile_run(tmp_path, "screen", fmt)
    if fmt == "json":
        assert strict_json(output)["dossiers"][0]["dossier"] == os.fsdecode(UNDECODABLE)
        return
    if fmt == "html":
        output = check_html(output)
    shown = "caf\\\\udce9.yaml" if fmt == "markdown" else "caf\\udce9.yaml"
    assert shown in output
    if fmt != "rich":  # the table's pole column is too narrow for the whole name
        assert "\\ufffe\\uffff\\ufdd0\\U0001fffe\\U0010ffff" in output.replace("\\\\", "\\")


@pytest.mark.parametrize(
    "char",
    ["\x00", "\x08", "\x0b", "\x0c", "\x1f", "\ud800", "\udce9", "\ufdd0", "\ufdef", "\ufffe", "\uffff"]
    + [chr(plane + last) for plane in range(0x10000, 0x110000, 0x10000) for last in (0xFFFE, 0xFFFF)],
)
def test_every_xml_forbidden_code_point_and_noncharacter_is_escaped(char: str) -> None:
    shown = escape_invisible(f"a{char}b")
    assert not FORBIDDEN.search(shown) and shown.isascii()
    code = ord(char)
    assert shown == f"a\\x{code:02x}b" if code < 0x20 else shown in (f"a\\u{code:04x}b", f"a\\U{code:08x}b")
    ET.fromstring(f"<a>{escape_all_controls(f'{char}')}</a>")


def test_allowed_text_is_unchanged() -> None:
    text = "Pôle « coopération » 𝔘 \ufdf0 \ufdcf \ufff0 \U0001fffd 中文"
    assert escape_invisible(text) == text


# Item 11: no live autolink in Markdown.

LINKED_BY_GFM = [
    "www.evil.example",
    "x www.evil.example/path y",
    "(www.evil.example)",
    "_www.evil.example_",
    "http://evil.example",
    "HTTPS://evil.example/a?b",
    "ftp://evil.example",
    "mailto:x@evil.example",
    "xmpp:x@evil.example/r",
    "x@evil.example",
    "a.b-c+d@sub.evil.example",
    "contact\\@evil.example",
]


def _markdown_it() -> MarkdownIt:
    md = MarkdownIt("gfm-like")  # tables, strikethrough and linkify (schemes and e-mail addresses)
    assert md.linkify is not None  # linkify-it-py is installed with the test extras
    md.linkify.set({"fuzzy_link": False, "fuzzy_email": True})
    md.linkify.add("//", None)  # GFM does not link protocol-relative URLs
    return md


@pytest.mark.parametrize("text", LINKED_BY_GFM)
def test_markdown_holds_no_autolink(text: str) -> None:
    shown = escape_markdown(text)
    tokens = _markdown_it().parseInline(shown)[0].children or []
    assert "link_open" not in [t.type for t in tokens]
    plain = [t.content for t in tokens if t.type == "text"]
    # GFM links `www.` within one text node, whatever precedes it, and e-mail addresses in
    # the text once escapes are decoded: neither may be left whole in a text node.
    assert not any(re.search(r"(?i)www\.|\S@\S|(https?|ftp|mailto|xmpp):", part) for part in plain)
    rendered = "".join(t.content for t in tokens)
    assert rendered == text  # the text reads the same, code spans aside


@pytest.mark.parametrize("text", LINKED_BY_GFM)
def test_github_markdown_holds_no_autolink(text: str) -> None:
    cmarkgfm = pytest.importorskip("cmarkgfm")  # GitHub's own parser, when installed
    assert "<a" in cmarkgfm.github_flavored_markdown_to_html(text)
    assert "<a" not in cmarkgfm.github_flavored_markdown_to_html(f"| h |\n|---|\n| {escape_markdown(text)} |")


def test_screen_markdown_and_the_job_summary_keep_urls_inert(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {b"a.yaml": hostile_dossier()})
    page = run(folder, "screen", ".", "-j", "1", "-f", "markdown").stdout.decode("utf-8")
    summary = tmp_path / "summary.md"
    run(folder, "check", "a.yaml", "-f", "github", env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)})
    for markdown in (page, summary.read_text(encoding="utf-8")):
        html = _markdown_it().render(markdown)
        assert "<a " not in html and "evil.example" in html
        assert "www<code>.</code>evil.example" in html and "x<code>@</code>evil.example" in html
