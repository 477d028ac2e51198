"""`ptce-check screen`: discovery, isolation of bad files, ranking, summary, envelope,
duplicates and every export."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import BASE_TEXT, EXAMPLES, FIXTURES, variant
from ptce_check.cli.commands import app
from ptce_check.screening.conflicts import normalised_name
from ptce_check.screening.discovery import Candidate, discover
from ptce_check.screening.summary import quartiles

runner = CliRunner()


#: The examples of the 2013 and 2015 calls: the AMI examples form batches of their own calls.
#: The 2013/2015 examples: neither the AMI ones nor the funder's own call of examples/calls/.
ONLY_2013_2015 = ("--exclude", "*ami-20*", "--exclude", "calls")


def screen(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["screen", *args])
    return result.exit_code, result.output


def screen_json(*args: str) -> tuple[int, Any]:
    status, output = screen(*args, "-f", "json")
    return status, json.loads(output)


def _dossier(folder: Path, name: str, text: str = BASE_TEXT) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder mixing good, failing and broken files of every kind."""
    shutil.copytree(FIXTURES / "annexes", tmp_path / "annexes")
    _dossier(tmp_path, "good.yaml")
    _dossier(tmp_path, "late.yaml", variant(("submitted_at: 2015-06-15", "submitted_at: 2015-07-03")))
    _dossier(tmp_path, "syntax.yaml", "pole: [unclosed\n")
    (tmp_path / "cp1252.yaml").write_bytes("format: ptce-dossier/1\nnom: Drôme\n".encode("cp1252"))
    _dossier(tmp_path, "duplicate.yml", BASE_TEXT.replace("call: ptce-2015", "call: ptce-2015\ncall: ptce-2013"))
    _dossier(tmp_path, "empty.yaml", "")
    (tmp_path / "binary.yaml").write_bytes(b"PK\x03\x04" + bytes(range(256)))
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (tmp_path / "outside.yaml").symlink_to(EXAMPLES / "centre-isere.yaml")
    locked = _dossier(tmp_path, "locked.yaml")
    locked.chmod(0)
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "notes.txt").write_text("pas un dossier", encoding="utf-8")
    return tmp_path


def test_every_entry_gets_a_row_and_the_batch_finishes(mixed: Path) -> None:
    status, data = screen_json(str(mixed))
    assert status == 1
    dossiers = {Path(d["dossier"]).name: d for d in data["dossiers"]}
    assert set(dossiers) == {
        "good.yaml",
        "late.yaml",
        "syntax.yaml",
        "cp1252.yaml",
        "duplicate.yml",
        "empty.yaml",
        "binary.yaml",
        "folder.yaml",
        "dangling.yaml",
        "outside.yaml",
        "locked.yaml",
    }
    codes = {name: [f["code"] for f in d["findings"]] for name, d in dossiers.items()}
    assert dossiers["good.yaml"]["verdict"] == "admissible"
    assert codes["late.yaml"] == ["PTCE-E09"]
    assert codes["syntax.yaml"] == ["PTCE-F01"] and codes["cp1252.yaml"] == ["PTCE-F02"]
    assert codes["duplicate.yml"] == ["PTCE-F05"] and codes["empty.yaml"] == ["PTCE-F07"]
    assert codes["binary.yaml"] == ["PTCE-F10"]
    assert codes["folder.yaml"] == codes["dangling.yaml"] == codes["outside.yaml"] == ["PTCE-F12"]
    summary = data["summary"]
    assert summary["skipped"] == [
        {
            "path": str(mixed / "pipe.yaml"),
            "reason": "special file (FIFO, socket, device) skipped",
        }
    ]
    assert summary["files"] == 11


def test_ranking_summary_and_envelope_on_the_examples() -> None:
    status, data = screen_json(str(EXAMPLES), *ONLY_2013_2015)
    assert status == 1
    summary = data["summary"]
    assert isinstance(summary, dict)
    assert (summary["admissible"], summary["not_admissible"], summary["invalid"]) == (3, 12, 1)
    assert [Path(p).name for p in summary["ranking"][:3]] == [
        "pole-sud-drome.yaml",
        "centre-isere.yaml",
        "alpilles-dechets.yaml",
    ]
    assert Path(summary["ranking"][-1]).name == "invalid-duplicate-key.yaml"
    # A 2013/2015 batch: one simulation and one set of quartiles per call, none for the batch.
    assert summary["funding"] is None and summary["score_quartiles"] is None
    by_call = {entry["call"]: entry for entry in summary["calls"]}
    assert list(by_call) == ["ptce-2013", "ptce-2015", None]
    funding = by_call["ptce-2013"]["funding"]
    assert funding["budget_eur"] == 3_000_000 and funding["cutoff_score"] == 74
    assert funding["remaining_eur"] == 3_000_000 - 250_000 - 180_000 - 120_000
    quartiles_2013 = by_call["ptce-2013"]["score_quartiles"]
    assert quartiles_2013[0] <= quartiles_2013[2] <= quartiles_2013[4]
    assert summary["blocking_rules"][0] == {"code": "PTCE-E01", "dossiers": 2}


def test_budget_simulation_funds_by_score_while_it_fits() -> None:
    seeds = [str(EXAMPLES / n) for n in ("centre-isere.yaml", "pole-sud-drome.yaml", "alpilles-dechets.yaml")]
    status, data = screen_json(*seeds, "--budget", "300000")
    funding = data["summary"]["funding"]
    # Pôle Sud (80, 250 000 €) is funded; Centre Isère (78, 180 000 €) no longer fits; Alpilles
    # (74, 120 000 €) does not either (50 000 € left).
    assert [Path(p).name for p in funding["funded"]] == ["pole-sud-drome.yaml"]
    assert funding["remaining_eur"] == 50_000 and funding["cutoff_score"] == 80
    assert status == 0


def test_ties_are_broken_by_smaller_request_then_path(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "annexes", tmp_path / "annexes")
    smaller = (
        ("      amounts: {2015: 30000, 2016: 30000}", "      amounts: {2015: 27000, 2016: 27000}"),
        ("      amounts: {2015: 20000, 2016: 20000}", "      amounts: {2015: 23000, 2016: 23000}"),
        ("requested_grant_eur: 60000", "requested_grant_eur: 54000"),
    )
    _dossier(tmp_path, "a.yaml", variant(("Pôle Test Coopération", "Pôle A"), ('  siren: "781302211"\n', "")))
    _dossier(tmp_path, "b.yaml", variant(("Pôle Test Coopération", "Pôle B"), ('  siren: "781302211"\n', ""), *smaller))
    _dossier(tmp_path, "c.yaml", variant(("Pôle Test Coopération", "Pôle C"), ('  siren: "781302211"\n', "")))
    _, data = screen_json(str(tmp_path), "--budget", "120000")
    scores = {Path(d["dossier"]).name: d["score"]["total"] for d in data["dossiers"]}
    assert len(set(scores.values())) == 1  # a tie on score
    funding = data["summary"]["funding"]
    # b asks least, then a before c by path; 120 000 - 54 000 - 60 000 leaves 6 000, too little for c.
    assert [Path(p).name for p in funding["funded"]] == ["b.yaml", "a.yaml"]
    assert funding["remaining_eur"] == 6000


def test_duplicates_and_shared_sirets_are_reported(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "annexes", tmp_path / "annexes")
    _dossier(tmp_path, "one.yaml")
    _dossier(tmp_path, "two.yaml", variant(("Pôle Test Coopération", "PÔLE  test-coopération")))
    status, data = screen_json(str(tmp_path))
    kinds = {c["kind"]: c for c in data["summary"]["conflicts"]}
    assert set(kinds) == {"pole_siren", "pole_name", "member_siret"}
    assert [Path(p).name for p in kinds["pole_siren"]["dossiers"]] == ["one.yaml", "two.yaml"]
    assert status == 0
    status, output = screen(str(tmp_path), "--lang", "en", "-f", "rich")
    assert "same pole SIREN '781302211'" in output


def test_parallel_and_sequential_runs_agree() -> None:
    assert screen("-j", "1", str(EXAMPLES), "-f", "json")[1] == screen("-j", "2", str(EXAMPLES), "-f", "json")[1]


@pytest.mark.parametrize(("files", "jobs"), [(1, 2), (5, 2), (2000, 2), (2000, 4), (137, 3)])
def test_workers_get_every_file_once_in_chunks_that_shrink_at_the_end(files: int, jobs: int) -> None:
    from ptce_check.screening.runner import LARGEST_CHUNK, SMALLEST_CHUNK, _chunked

    candidates = [Candidate(f"{index:05}.yaml") for index in range(files)]
    sizes = [len(chunk) for chunk in _chunked(candidates, jobs)]
    assert [c for chunk in _chunked(candidates, jobs) for c in chunk] == candidates
    assert sizes == sorted(sizes, reverse=True)
    assert max(sizes) <= LARGEST_CHUNK
    assert all(size >= SMALLEST_CHUNK for size in sizes[:-1])
    if (files, jobs) == (2000, 2):
        assert sizes[0] == LARGEST_CHUNK and sizes[-2] == SMALLEST_CHUNK


def test_exclude_and_stable_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.yaml", "a.yml", "sub/c.yaml", "sub/skip-me.yaml", "d.json"):
        (tmp_path / name).write_text("x: 1\n", encoding="utf-8")
    found = discover([tmp_path], ["skip-*"])
    assert [c.path.relative_to(tmp_path).as_posix() for c in found.candidates] == ["a.yml", "b.yaml", "sub/c.yaml"]


def test_rich_table_and_summary_in_french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    status, output = screen(str(EXAMPLES), "-f", "table", *ONLY_2013_2015)
    assert status == 1
    assert "Tableau de décision" in output and "Synthèse" in output and "Score de coupure\u00a0: 74" in output
    assert output.index("pole-sud-drome.yaml") < output.index("centre-isere.yaml")


def test_all_admissible_exits_0() -> None:
    assert screen(str(EXAMPLES / "centre-isere.yaml"), str(EXAMPLES / "alpilles-dechets.yaml"))[0] == 0


def test_csv_opens_in_spreadsheets_and_neutralises_formulas(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "annexes", tmp_path / "annexes")
    _dossier(tmp_path, "x.yaml", variant(("Pôle Test Coopération", '"=HYPERLINK(\\"http://evil\\";\\"x\\")"')))
    _dossier(tmp_path, "y.yaml", variant(("Pôle Test Coopération", '"@SUM(1+1)"'), ('"781302211"', '"813456225"')))
    target = tmp_path / "out.csv"
    assert screen(str(tmp_path), "-f", "csv", "--csv-sep", ";", "-o", str(target))[0] == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    poles = {row[2] for row in rows[1:]}
    assert poles == {'\'=HYPERLINK("http://evil";"x")', "'@SUM(1+1)"}
    assert rows[0][0] == "Rang" and len({len(row) for row in rows}) == 1


def test_markdown_escapes_dossier_text(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "annexes", tmp_path / "annexes")
    _dossier(tmp_path, "x.yaml", variant(("Pôle Test Coopération", '"a | b <script>[x](y)"')))
    _, output = screen(str(tmp_path), "-f", "markdown")
    assert "a \\| b &lt;script&gt;\\[x\\](y)" in output
    lines = output.splitlines()
    table = [line for line in lines if line.startswith("| 1 |")]
    header = next(line for line in lines if line.startswith("| Rang |"))
    assert len(table) == 1 and table[0].count(" | ") == header.count(" | ")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith(("#", "data:")):
                self.external.append(value)


def test_html_is_self_contained_and_escaped(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "annexes", tmp_path / "annexes")
    _dossier(tmp_path, "x.yaml", variant(("Pôle Test Coopération", '"<img src=x onerror=alert(1)>"')))
    target = tmp_path / "report.html"
    assert screen(str(tmp_path), "-f", "html", "-o", str(target))[0] == 0
    page = target.read_text(encoding="utf-8")
    collector = _Collector()
    collector.feed(page)
    assert "img" not in collector.tags and collector.external == []
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert {"table", "svg", "details", "script"} <= set(collector.tags)


def test_output_refuses_to_overwrite_a_screened_dossier(tmp_path: Path) -> None:
    dossier = _dossier(tmp_path, "d.yaml")
    status, _ = screen(str(tmp_path), "-o", str(dossier), "-f", "json")
    assert status == 2 and dossier.read_text(encoding="utf-8") == BASE_TEXT


def test_usage_errors() -> None:
    assert screen("nowhere/")[0] == 2
    assert screen(str(EXAMPLES), "--csv-sep", "|")[0] == 2
    assert screen(str(EXAMPLES), "-f", "pdf")[0] == 2


def test_quartiles() -> None:
    assert quartiles([]) is None
    assert quartiles([50]) == (50, 50, 50, 50, 50)
    assert quartiles([10, 20, 30, 40, 50]) == (10, 20, 30, 40, 50)


def test_pole_names_compare_without_case_accents_or_punctuation() -> None:
    assert normalised_name("Pôle  Sud-Drôme") == normalised_name("POLE sud drome") == "pole sud drome"


def test_exit_policy(tmp_path: Path) -> None:
    seeds = [str(EXAMPLES / "centre-isere.yaml"), str(EXAMPLES / "alpilles-dechets.yaml")]
    assert screen(*seeds)[0] == 0
    shutil.copytree(FIXTURES / "annexes", tmp_path / "annexes")
    _dossier(tmp_path, "warned.yaml", variant(("  population: 52000", "  population: 90000")))  # PTCE-T03
    assert screen(str(tmp_path))[0] == 0
    assert screen(str(tmp_path), "--fail-on", "warning")[0] == 1
    assert screen(str(EXAMPLES), "--exit-zero")[0] == 0
    assert screen(str(EXAMPLES), "--fail-on", "sometimes")[0] == 2


def test_reference_lists_reach_the_workers(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "annexes", tmp_path / "annexes")
    _dossier(
        tmp_path,
        "qpv.yaml",
        variant(
            ("  population: 52000", "  population: 52000\n  difficulties:\n    priority_neighbourhoods: [QP026003]")
        ),
    )
    _dossier(tmp_path, "other.yaml", variant(('"781302211"', '"813456225"')))
    listing = tmp_path / "qpv.csv"
    listing.write_text("code;name\nQP026001;Quartier listé\n", encoding="utf-8")
    for jobs in ("1", "2"):
        _, data = screen_json(str(tmp_path), "-j", jobs, "--reference", f"qpv={listing}")
        codes = {Path(d["dossier"]).name: [f["code"] for f in d["findings"]] for d in data["dossiers"]}
        assert codes["qpv.yaml"] == ["PTCE-T09"]
    assert screen(str(tmp_path), "--reference", f"qpv={tmp_path / 'missing.csv'}")[0] == 2


def test_a_worker_killed_midway_leaves_a_whole_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files screened by the workers before one dies are read from their spools; the others,
    screened again in the parent, from its own: the report is the one of a run without a crash."""
    from ptce_check.screening import runner as workers

    for index in range(40):
        _dossier(tmp_path, f"d{index:02}.yaml")
    expected = screen_json(str(tmp_path), "-j", "1")[1]
    parent, screen_one = os.getpid(), workers.screen_one

    def dies_on_the_last(candidate: Candidate, job: workers.Job) -> workers.Screened:
        if os.getpid() != parent and candidate.name.endswith("d39.yaml"):
            os._exit(9)  # as if killed: no exception, no result
        return screen_one(candidate, job)

    monkeypatch.setattr(workers, "screen_one", dies_on_the_last)
    assert workers.worker_spools(2, 40) == (2 if multiprocessing.get_start_method() == "fork" else 0)
    assert screen_json(str(tmp_path), "-j", "2")[1] == expected
