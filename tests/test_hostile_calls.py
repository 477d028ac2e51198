"""A dossier's `call` is untrusted: an unknown one is a row of its own, never a reason to stop
the batch; a path in it is never opened; and no escape sequence from a dossier, a call file or a
file name reaches the terminal."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from helpers import BASE_TEXT, EXAMPLES, FIXTURES, ROOT, position_of, variant
from ptce_check import calls
from ptce_check.assess import assess_source
from ptce_check.calls import list_calls
from ptce_check.cli.commands import app
from ptce_check.decoding import Limits
from ptce_check.screening.batch import screen_batch
from ptce_check.screening.runner import Job

runner = CliRunner()
CRITERIA_2015 = ROOT / "criteria" / "ptce-2015.yaml"
PLANTED_TITLE = "PLANTEDCOLUMN"
#: OSC 52 (writes the clipboard), clear screen, and an OSC 8 hyperlink, as YAML escapes.
HOSTILE = r"\e]52;c;aGVsbG8=\a\e[2J\e]8;;https://evil.example\e\\x\e]8;;\e\\"


def invoke(*args: str) -> Result:
    return runner.invoke(app, [*args, "--lang", "en"])


def assert_no_raw_escapes(result: Result) -> None:
    for stream in (result.stdout, result.stderr):
        assert "\x1b" not in stream and "\x07" not in stream


# --- 1. one unknown call does not stop the batch -------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_unknown_call_is_an_invalid_row_and_the_batch_completes(tmp_path: Path, jobs: str) -> None:
    shutil.copy(EXAMPLES / "centre-isere.yaml", tmp_path / "centre-isere.yaml")
    text = (EXAMPLES / "centre-isere.yaml").read_text(encoding="utf-8").replace("call: ptce-2013", "call: no-such-call")
    (tmp_path / "bad.yaml").write_text(text, encoding="utf-8")
    line, column = position_of(text, "no-such-call")

    result = invoke("screen", str(tmp_path), "-f", "concise", "-j", jobs)

    assert result.exit_code == 1, result.output
    assert f"{tmp_path / 'bad.yaml'}:{line}:{column}: PTCE-F09 unknown call 'no-such-call'" in result.stdout
    assert f"{tmp_path / 'centre-isere.yaml'}: not admissible (score 78/100)" in result.stdout
    assert result.stderr == ""


def test_an_unknown_call_row_names_no_call(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(BASE_TEXT, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(variant(("call: ptce-2015", "call: ptce-2099")), encoding="utf-8")
    result = invoke("screen", str(tmp_path), "-f", "json", "-j", "1")
    assert result.exit_code == 1, result.output
    rows = {Path(row["dossier"]).name: row for row in json.loads(result.stdout)["dossiers"]}
    assert rows["bad.yaml"]["verdict"] == "invalid" and rows["bad.yaml"]["call"] is None
    assert rows["good.yaml"]["call"] == "ptce-2015"


# --- 2. a dossier never chooses which file is read ------------------------------------------


class _DiskWatch:
    """Every path opened (audit event `open`) or looked up (`os.stat`) while recording."""

    def __init__(self) -> None:
        self.recording = False
        self.touched: list[str] = []

    def hook(self, event: str, args: tuple[Any, ...]) -> None:
        if self.recording and event == "open" and isinstance(args[0], str | bytes | os.PathLike):
            self.touched.append(os.fsdecode(args[0]))


_WATCH = _DiskWatch()
sys.addaudithook(_WATCH.hook)


@pytest.fixture
def disk_watch(monkeypatch: pytest.MonkeyPatch) -> Iterator[_DiskWatch]:
    real_stat = os.stat

    def recording_stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if _WATCH.recording and isinstance(path, str | bytes | os.PathLike):
            _WATCH.touched.append(os.fsdecode(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", recording_stat)
    _WATCH.touched.clear()
    try:
        yield _WATCH
    finally:
        _WATCH.recording = False


def _plant(folder: Path, name: str = "ptce-2015.yaml", call_id: str = "ptce-2015") -> Path:
    """A valid call file, as an applicant could leave it anywhere: the 2015 grid relabelled."""
    text = CRITERIA_2015.read_text(encoding="utf-8")
    old_title = '"Mixité entreprises ESS / hors ESS", en: "Mix of ESS and non-ESS enterprises"'
    assert old_title in text
    text = text.replace(old_title, f'"{PLANTED_TITLE}", en: "{PLANTED_TITLE}"').replace(
        "id: ptce-2015", f"id: {call_id}", 1
    )
    folder.mkdir(parents=True, exist_ok=True)
    planted = folder / name
    planted.write_text(text, encoding="utf-8")
    return planted


@pytest.mark.parametrize("form", ["absolute", "relative", "yml"])
def test_a_call_path_in_a_dossier_is_never_opened(tmp_path: Path, disk_watch: _DiskWatch, form: str) -> None:
    planted = _plant(tmp_path / "planted", "ptce-2015.yml" if form == "yml" else "ptce-2015.yaml")
    named = {"absolute": str(planted), "relative": f"../planted/{planted.name}", "yml": str(planted)}[form]
    folder = tmp_path / "submissions"
    shutil.copytree(FIXTURES / "annexes", folder / "annexes")
    (folder / "good.yaml").write_text(BASE_TEXT, encoding="utf-8")
    text = variant(("call: ptce-2015", f"call: {named}"))
    (folder / "steer.yaml").write_text(text, encoding="utf-8")

    job = Job(None, Limits(), "en", keep_assessments=False)
    disk_watch.recording = True
    result = screen_batch([folder], job, jobs=1)
    disk_watch.recording = False
    try:
        rows = {Path(row.dossier).name: row for row in result.rows}
        assert rows["steer.yaml"].verdict.value == "invalid" and rows["steer.yaml"].blocking == ("PTCE-F09",)
        assert rows["steer.yaml"].call is None
        assert set(result.calls) == {"ptce-2015"}
        assert result.calls["ptce-2015"].path is not None and result.calls["ptce-2015"].path != planted
    finally:
        result.close()
    assert not [path for path in disk_watch.touched if "planted" in path]
    assert disk_watch.touched, "the watch saw the dossiers being read"


def test_a_planted_call_file_never_relabels_the_decision_table(tmp_path: Path) -> None:
    planted = _plant(tmp_path / "planted")
    folder = tmp_path / "submissions"
    folder.mkdir()
    (folder / "good.yaml").write_text(BASE_TEXT, encoding="utf-8")
    (folder / "steer.yaml").write_text(variant(("call: ptce-2015", f"call: {planted}")), encoding="utf-8")
    for format_name in ("markdown", "csv", "html", "json", "rich"):
        result = invoke("screen", str(folder), "-f", format_name, "-j", "1")
        assert result.exit_code == 1, result.output
        assert PLANTED_TITLE not in result.output
    markdown = invoke("screen", str(folder), "-f", "markdown", "-j", "1").stdout
    assert "Mix of ESS and non-ESS enterprises" in markdown


def test_the_person_running_the_tool_may_name_a_call_file(tmp_path: Path) -> None:
    planted = _plant(tmp_path / "calls", "custom.yaml", call_id="custom-2024")
    folder = tmp_path / "submissions"
    folder.mkdir()
    (folder / "good.yaml").write_text(BASE_TEXT, encoding="utf-8")
    result = invoke("screen", str(folder), "-f", "markdown", "-j", "1", "--call", str(planted))
    assert result.exit_code == 1, result.output
    assert PLANTED_TITLE in result.stdout and "custom-2024" in result.stdout


def test_the_shipped_call_ids_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = list_calls()
    assert {"ptce-2013", "ptce-2015", "ami-2023"} <= set(shipped)

    def no_more_disk() -> list[Path]:
        raise AssertionError("criteria folders listed again")

    monkeypatch.setattr(calls, "criteria_dirs", no_more_disk)
    for _ in range(3):
        assert assess_source(BASE_TEXT.encode(), "d.yaml", folder=FIXTURES).call == "ptce-2015"
    assert list_calls() == shipped


# --- 5. no escape sequence reaches the terminal ---------------------------------------------


def _hostile_call_dossier(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "escape.yaml"
    path.write_text(variant(("call: ptce-2015", f'call: "{HOSTILE}"')), encoding="utf-8")
    return path


@pytest.mark.parametrize("format_name", ["rich", "concise", "markdown", "json"])
def test_a_call_value_with_escapes_is_shown_escaped_by_screen(tmp_path: Path, format_name: str) -> None:
    dossier = _hostile_call_dossier(tmp_path / "in")
    result = invoke("screen", str(dossier.parent), "-f", format_name, "-j", "1")
    assert result.exit_code == 1, result.output
    assert_no_raw_escapes(result)


@pytest.mark.parametrize("format_name", ["rich", "concise"])
def test_a_call_value_with_escapes_is_shown_escaped_by_check(tmp_path: Path, format_name: str) -> None:
    dossier = _hostile_call_dossier(tmp_path)
    result = invoke("check", str(dossier), "-f", format_name)
    assert result.exit_code == 1, result.output
    assert_no_raw_escapes(result)
    assert "\\e]52;c;aGVsbG8=\\x07" in result.stdout


def test_a_call_file_id_with_escapes_is_escaped_in_the_report_header(tmp_path: Path) -> None:
    planted = _plant(tmp_path, "custom.yaml", call_id=f'"evil{HOSTILE}"')
    result = invoke("check", str(FIXTURES / "minimal.yaml"), "-f", "rich", "--call", str(planted))
    assert result.exit_code in (0, 1), result.output
    assert_no_raw_escapes(result)
    assert "Call: evil\\e]52;c;aGVsbG8=\\x07\\e[2J" in result.stdout


def _broken_call(tmp_path: Path, old: str, new: str) -> Path:
    text = CRITERIA_2015.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "shown"),
    [
        ("kind: legal_person_members", f'kind: "legal{HOSTILE}"', "unknown rule kind 'legal\\e]52;c;aGVsbG8=\\x07"),
        ("  - code: PTCE-E01\n", f'  - code: PTCE-E01\n    "x{HOSTILE}": 1\n', "rules[0].x\\e]52;c;aGVsbG8=\\x07"),
        ("params: {minimum: 3}", f'params: {{minimum: 3, "m{HOSTILE}": 9}}', "params.m\\e]52;c;aGVsbG8=\\x07"),
    ],
)
def test_call_file_errors_escape_what_the_file_holds(tmp_path: Path, old: str, new: str, shown: str) -> None:
    path = _broken_call(tmp_path, old, new)
    result = invoke("check", str(FIXTURES / "minimal.yaml"), "--call", str(path))
    assert result.exit_code == 2
    assert_no_raw_escapes(result)
    assert result.stderr.startswith(f"ptce-check: {path}:") or result.stderr.startswith("ptce-check: invalid call file")
    assert shown in result.stderr


def test_usage_errors_escape_call_names_and_file_names(tmp_path: Path) -> None:
    result = invoke("screen", str(tmp_path), "--call", "x\x1b]52;c;aGk=\x07")
    assert result.exit_code == 2 and "unknown call 'x\\e]52;c;aGk=\\x07'" in result.stderr
    assert_no_raw_escapes(result)
    missing = tmp_path / "gone\x1b[2J\x07.yaml"
    for command in ("check", "screen"):
        result = invoke(command, str(missing))
        assert result.exit_code == 2
        assert f"no such path: {tmp_path}/gone\\e[2J\\x07.yaml" in result.stderr
        assert_no_raw_escapes(result)


def test_a_file_name_with_escapes_is_escaped_in_the_rich_report(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "annexes", tmp_path / "annexes")
    dossier = tmp_path / "name\x1b]52;c;aGk=\x07.yaml"
    dossier.write_text(BASE_TEXT, encoding="utf-8")
    for command in ("check", "screen"):
        result = invoke(command, str(dossier), "-f", "rich")
        assert result.exit_code in (0, 1), result.output
        assert_no_raw_escapes(result)


def test_criteria_shows_a_call_files_texts_escaped(tmp_path: Path) -> None:
    text = CRITERIA_2015.read_text(encoding="utf-8")
    hostile = text.replace('title: "', f'title: "x{HOSTILE}', 3)
    path = tmp_path / "hostile.yaml"
    path.write_text(hostile, encoding="utf-8")
    result = invoke("criteria", str(path), "-f", "rich")
    assert result.exit_code == 0, result.output
    assert_no_raw_escapes(result)
    assert "\\e]52" in result.stdout


def test_improvements_from_a_call_file_are_shown_escaped(tmp_path: Path) -> None:
    text = CRITERIA_2015.read_text(encoding="utf-8")
    path = tmp_path / "hostile.yaml"
    path.write_text(
        text.replace('title: {fr: "', f'title: {{fr: "{HOSTILE}').replace(', en: "', f', en: "{HOSTILE}'),
        encoding="utf-8",
    )
    result = invoke("check", str(FIXTURES / "minimal.yaml"), "-f", "rich", "--call", str(path))
    assert result.exit_code in (0, 1), result.output
    assert_no_raw_escapes(result)
    assert "\\e]52" in result.stdout
