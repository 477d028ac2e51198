"""`screen` over several calls at once, and the decision a committee acts on: per-call rankings,
summaries and simulations in every format, duplicates never funded twice, the terminal table at
80 and 120 columns, the workbook read back."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from helpers import EXAMPLES
from ptce_check.decoding import Limits
from ptce_check.money import euros
from ptce_check.reporters.base import ReportSettings
from ptce_check.reporters.batch import rich as batch_rich
from ptce_check.screening.batch import screen_batch
from ptce_check.screening.runner import Job
from test_screen import screen, screen_json

ONLY_2013_2015 = ("--exclude", "*ami-20*")


@pytest.fixture
def with_copy(tmp_path: Path) -> Path:
    """The 2013 and 2015 examples with an exact copy of centre-isere.yaml."""
    folder = tmp_path / "batch"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("*ami-20*"))
    shutil.copy(folder / "centre-isere.yaml", folder / "centre-isere-copie.yaml")
    return folder


def test_summary_calls_has_one_object_per_call_with_its_own_ranking_and_funding() -> None:
    _, data = screen_json(str(EXAMPLES))
    calls = {entry["call"]: entry for entry in data["summary"]["calls"]}
    assert list(calls) == ["ami-2021", "ami-2022", "ami-2023", "ami-2025", "ptce-2013", "ptce-2015", None]
    for call_id, entry in calls.items():
        assert {"screened", "admissible", "not_admissible", "invalid", "funding"} <= set(entry)
        outcomes = {d["dossier"]: d["call"] for d in data["dossiers"]}
        assert {outcomes[path] for path in entry["ranking"]} == {call_id}
        assert entry["screened"] == len(entry["ranking"])
    assert [Path(p).name for p in calls["ptce-2013"]["funding"]["funded"]] == [
        "pole-sud-drome.yaml",
        "centre-isere.yaml",
        "alpilles-dechets.yaml",
    ]
    assert calls["ptce-2013"]["funding"]["budget_eur"] == 3_000_000
    assert calls["ami-2023"]["funding"]["budget_eur"] == 1_500_000
    assert calls["ami-2022"]["funding"] == {
        "budget_eur": None,
        "funded": [],
        "note": calls["ami-2022"]["funding"]["note"],
    }
    assert "no known envelope" in calls["ami-2022"]["funding"]["note"]
    # nothing compares two grids: no batch-wide quartiles, averages or envelope
    summary = data["summary"]
    assert summary["score_quartiles"] is None and summary["criteria_averages"] == {} and summary["funding"] is None
    assert calls["ptce-2015"]["score_quartiles"] == [52, 52, 55.5, 59.25, 65]


def test_budget_applies_to_each_call_separately() -> None:
    _, data = screen_json(str(EXAMPLES), *ONLY_2013_2015, "--budget", "300000")
    calls = {entry["call"]: entry for entry in data["summary"]["calls"]}
    assert calls["ptce-2013"]["funding"]["budget_eur"] == 300_000
    assert [Path(p).name for p in calls["ptce-2013"]["funding"]["funded"]] == ["pole-sud-drome.yaml"]
    assert calls["ptce-2015"]["funding"]["budget_eur"] == 300_000 and calls["ptce-2015"]["funding"]["funded"] == []


def test_csv_criteria_columns_carry_their_own_calls_titles() -> None:
    _, output = screen(str(EXAMPLES), *ONLY_2013_2015, "-f", "csv")
    rows = list(csv.reader(io.StringIO(output.lstrip("\ufeff"))))
    header = rows[0]
    assert "ptce-2013\u00a0: Gouvernance partagée" in header
    assert sum(1 for title in header if title.startswith("ptce-2015\u00a0: ")) > 0
    ranks = {row[1].rsplit("/", 1)[-1]: (row[0], row[3]) for row in rows[1:]}
    # ranked within each call: the best 2015 dossier is first of its call
    assert ranks["pole-sud-drome.yaml"] == ("1", "ptce-2013")
    assert ranks["not-admissible-e05-no-art9-partner.yaml"] == ("1", "ptce-2015")
    governance = header.index("ptce-2013\u00a0: Gouvernance partagée")
    for row in rows[1:]:
        if row[3] == "ptce-2015":
            assert row[governance] == ""


def test_markdown_has_one_decision_table_per_call() -> None:
    _, output = screen(str(EXAMPLES), *ONLY_2013_2015, "-f", "markdown")
    headings = [line for line in output.splitlines() if line.startswith("## Tableau de décision")]
    assert len(headings) == 3 and "ptce-2013" in headings[0] and "ptce-2015" in headings[1]


def test_html_chart_figures_never_exceed_their_criterion_maximum() -> None:
    _, page = screen(str(EXAMPLES), "-f", "html")
    figures = re.findall(r'<span class="value">([\d,]+) / ([\d,]+)</span>', page)
    assert figures
    for average, maximum in figures:
        assert float(average.replace(",", ".")) <= float(maximum.replace(",", "."))
    widths = [float(w) for w in re.findall(r'class="fill" style="width:([\d.]+)%"', page)]
    assert widths and max(widths) <= 100


def test_a_duplicate_is_never_funded_twice(with_copy: Path) -> None:
    _, data = screen_json(str(with_copy))
    funding = next(c for c in data["summary"]["calls"] if c["call"] == "ptce-2013")["funding"]
    funded = [Path(p).name for p in funding["funded"]]
    assert funded.count("centre-isere.yaml") + funded.count("centre-isere-copie.yaml") == 1
    [skipped] = funding["skipped_duplicates"]
    assert Path(skipped["dossier"]).name == "centre-isere.yaml"  # same score and request: path order
    assert Path(skipped["duplicate_of"]).name == "centre-isere-copie.yaml"
    assert skipped["kind"] == "pole_name"  # the example gives no pole SIREN
    _, output = screen(str(with_copy), "-f", "markdown")
    assert "non financé, doublon de" in output


def test_duplicates_are_listed_once_per_set_of_files(with_copy: Path) -> None:
    _, data = screen_json(str(with_copy))
    sets = data["summary"]["duplicate_sets"]
    pair = [
        s for s in sets if {Path(p).name for p in s["dossiers"]} == {"centre-isere.yaml", "centre-isere-copie.yaml"}
    ]
    assert len(pair) == 1
    assert {item["kind"] for item in pair[0]["shared"]} == {"pole_name", "member_siret"}
    _, output = screen(str(with_copy), "-f", "markdown")
    section = output.split("## Doublons et conflits")[1].split("##")[0]
    assert sum("centre-isere-copie.yaml" in line for line in section.splitlines()) == 1


@pytest.mark.parametrize("width", [80, 120])
def test_the_terminal_table_fits_and_keeps_what_decides(width: int) -> None:
    result = screen_batch([EXAMPLES], Job(None, Limits(), "fr", False), jobs=1, excludes=["*ami-20*"])
    try:
        stream = io.StringIO()
        batch_rich.render(result, stream, ReportSettings("fr", color=False, width=width))
    finally:
        result.close()
    text = stream.getvalue()
    lines = text.splitlines()
    table_lines = lines[: next(i for i, line in enumerate(lines) if line.startswith("Points par critère"))]
    assert max(len(line) for line in table_lines) <= width
    for needed in ("Pôle Sud", "Isère", "non recevable", "recevable", "80", euros(250_000).get("fr"), "PTCE-E09"):
        assert needed in text, needed
    assert "centre-isere.yaml" in text and "pole-sud-drome.yaml" in text
    assert "Sc…" not in text and "Demandé" in text and "bloquants" in text
    # per-axis columns give way first: none at 80 columns, some at 120
    assert "Colonnes par axe masquées" in text
    assert ("Coopération" in "".join(table_lines[1:5])) is (width == 120)


def test_file_names_wrap_only_after_separators() -> None:
    assert batch_rich.wrap_name("not-admissible-e09-ami-2023-after-deadline.yaml", 20).splitlines() == [
        "not-admissible-e09-",
        "ami-2023-after-",
        "deadline.yaml",
    ]
    assert batch_rich.wrap_name("short.yaml", 20) == "short.yaml"


def test_screen_to_a_pipe_without_format_prints_the_decision_table() -> None:
    status, output = screen(str(EXAMPLES / "centre-isere.yaml"), str(EXAMPLES / "alpilles-dechets.yaml"))
    assert status == 0
    assert "Tableau de décision" in output and "Simulation de l'enveloppe" in output
    assert "\x1b[" not in output  # plain text


def test_xlsx_workbook_reads_back(tmp_path: Path, with_copy: Path) -> None:
    target = tmp_path / "decision.xlsx"
    status, _ = screen(str(with_copy), "-f", "xlsx", "-o", str(target))
    assert status == 1
    workbook = CalamineWorkbook.from_path(str(target))
    assert workbook.sheet_names == ["Synthèse", "ptce-2013", "ptce-2015", "appel inconnu", "Constats"]
    sheet = workbook.get_sheet_by_name("ptce-2013").to_python()
    header, first = sheet[0], sheet[1]
    assert header[:6] == ["Rang", "Dossier", "Pôle", "Appel", "Verdict", "Score"]
    assert first[0] == 1.0 and Path(str(first[1])).name == "pole-sud-drome.yaml" and first[5] == 80.0
    funded = {Path(str(row[1])).name: row[header.index("Financé")] for row in sheet[1:]}
    assert funded["pole-sud-drome.yaml"] is True and funded["centre-isere.yaml"] is False
    assert funded["centre-isere-copie.yaml"] is True
    assert sheet[1][header.index("Subvention demandée (€)")] == 250_000.0
    _, data = screen_json(str(with_copy))
    findings = workbook.get_sheet_by_name("Constats").to_python()
    assert len(findings) - 1 == sum(len(d["findings"]) for d in data["dossiers"])
    summary = workbook.get_sheet_by_name("Synthèse").to_python()
    assert summary[0][0] == "Synthèse"


def test_xlsx_goes_to_a_file_only(tmp_path: Path) -> None:
    status, output = screen(str(EXAMPLES / "centre-isere.yaml"), "-f", "xlsx")
    assert status == 2 and "-o FICHIER.xlsx" in output
