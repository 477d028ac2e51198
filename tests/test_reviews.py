"""`screen --reviews FILE.csv`: reviewers' points on the `reviewer` criteria of a grid,
averaged, merged into the combined score that ranks and funds, shown in every format; every
problem of the file an error at `FILE:LINE` (exit status 2)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from helpers import ROOT
from ptce_check.binding import bind, load_call
from ptce_check.calls import read_call
from ptce_check.cli.commands import app
from ptce_check.errors import UserError
from ptce_check.metrics import METRICS
from ptce_check.screening.reviews import CriterionReviews, Review, read_reviews

CALL = ROOT / "tests" / "fixtures" / "calls" / "ptce-2015-jury.yaml"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"
HEADER = "dossier,criterion,points,reviewer,comment\n"
AUTOMATIC = 34.0  # minimal.yaml's automatic score under the jury call


def _siren(prefix: str) -> str:
    """A SIREN passing the Luhn check."""
    for last in "0123456789":
        digits = prefix + last
        total = sum(
            int(d) * (2 if i % 2 else 1) // 10 + int(d) * (2 if i % 2 else 1) % 10 for i, d in enumerate(digits)
        )
        if total % 10 == 0:
            return digits
    raise AssertionError(prefix)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """Two admissible dossiers, the same automatic score, distinct poles: a.yaml and b.yaml."""
    folder = tmp_path / "batch"
    (folder / "annexes").mkdir(parents=True)
    for attachment in (ROOT / "tests" / "fixtures" / "annexes").iterdir():
        (folder / "annexes" / attachment.name).write_bytes(attachment.read_bytes())
    text = MINIMAL.read_text(encoding="utf-8")
    for name, siren in (("a", "78130221"), ("b", "55210055")):
        own = text.replace('siren: "781302211"', f'siren: "{_siren(siren)}"', 1)
        own = own.replace("name: Pôle Test Coopération", f"name: Pôle {name.upper()}", 1)
        (folder / f"{name}.yaml").write_text(own, encoding="utf-8")
    return folder


def _reviews(tmp_path: Path, body: str, name: str = "reviews.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text(header + body, encoding="utf-8")
    return path


def _screen(folder: Path, *extra: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        app, ["screen", str(folder), "--call", str(CALL), "--jobs", "1", "--budget", "60000", *extra]
    )
    return result.exit_code, result.stdout, result.stderr


def _json(folder: Path, *extra: str) -> dict:  # type: ignore[type-arg]
    code, out, err = _screen(folder, "-f", "json", *extra)
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def test_a_reviewer_criterion_binds_without_bands_and_earns_nothing_by_itself(batch: Path) -> None:
    bound = load_call(str(CALL))
    kinds = {b.criterion.id: b.metric for b in bound.criteria}
    assert kinds["strategy"] is METRICS["reviewer"] and sum(c.max_points for c in bound.call.scoring) == 100
    data = _json(batch)
    strategy = next(c for c in data["dossiers"][0]["score"]["criteria"] if c["id"] == "strategy")
    assert (strategy["points"], strategy["value"], strategy["evidence"]) == (0.0, None, "à noter par les relecteurs")
    assert data["dossiers"][0]["score"]["total"] == AUTOMATIC


def test_a_reviewer_criterion_with_bands_is_reported_at_its_line(tmp_path: Path) -> None:
    text = CALL.read_text(encoding="utf-8").replace(
        "    kind: reviewer\n", "    kind: reviewer\n    bands: [{threshold: 1, points: 6}]\n", 1
    )
    path = tmp_path / "call.yaml"
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    bands: [{threshold: 1, points: 6}]") + 1
    with pytest.raises(UserError) as raised:
        bind(read_call(path))
    assert f"call.yaml:{line}:5: scoring[6].bands: a 'reviewer' criterion has no bands" in raised.value.text.en


def test_a_criterion_of_another_kind_still_needs_bands(tmp_path: Path) -> None:
    text = CALL.read_text(encoding="utf-8")
    start = text.index("    bands: [{threshold: 1, points: 3}, {threshold: 2, points: 6}, {threshold: 3, points: 8}]\n")
    path = tmp_path / "call.yaml"
    path.write_text(text[:start] + text[start:].split("\n", 1)[1], encoding="utf-8")
    with pytest.raises(UserError) as raised:
        bind(read_call(path))
    assert "scoring[0]: no bands: give 'bands'" in raised.value.text.en


def test_two_reviewers_are_averaged_and_the_combined_score_ranks_and_funds(batch: Path, tmp_path: Path) -> None:
    before = _json(batch)
    assert before["summary"]["ranking"][0].endswith("a.yaml")  # tie on score: path order
    assert before["summary"]["funding"]["funded"][0].endswith("a.yaml")
    reviews = _reviews(
        tmp_path, "b,strategy,5,Alice,Stratégie claire\nb,strategy,4,Bob,\nb.yaml,operational_programme,3,Alice,\n"
    )
    after = _json(batch, "--reviews", str(reviews))
    first = after["dossiers"][0]
    assert first["dossier"].endswith("b.yaml") and after["summary"]["ranking"][0].endswith("b.yaml")
    assert after["summary"]["funding"]["funded"] == [first["dossier"]]
    assert (first["score"]["total"], first["score"]["automatic_total"]) == (AUTOMATIC + 4.5 + 3, AUTOMATIC)
    strategy = next(c for c in first["score"]["criteria"] if c["id"] == "strategy")
    assert strategy["mean"] == 4.5 and strategy["points"] == 4.5
    assert strategy["reviews"] == [
        {"reviewer": "Alice", "points": 5.0, "comment": "Stratégie claire"},
        {"reviewer": "Bob", "points": 4.0, "comment": ""},
    ]


def test_criteria_nobody_scored_are_flagged_per_dossier_and_in_the_summary(batch: Path, tmp_path: Path) -> None:
    reviews = _reviews(tmp_path, "b,strategy,5,Alice,\n")
    data = _json(batch, "--reviews", str(reviews))
    unscored = {Path(item["dossier"]).name: item["criteria"] for item in data["summary"]["reviews"]["unscored"]}
    assert unscored == {"b.yaml": ["operational_programme"], "a.yaml": ["strategy", "operational_programme"]}
    assert data["summary"]["reviews"]["reviews"] == 1
    b = next(d for d in data["dossiers"] if d["dossier"].endswith("b.yaml"))
    programme = next(c for c in b["score"]["criteria"] if c["id"] == "operational_programme")
    assert (programme["scored"], programme["mean"], programme["reviews"]) == (False, None, [])
    _, out, _ = _screen(batch, "-f", "csv", "--reviews", str(reviews))
    line_a = next(line for line in out.splitlines() if "a.yaml" in line)
    assert line_a.count("non noté") == 4  # two criterion columns, two in the detail


def test_the_mean_is_rounded_as_the_grid_rounds() -> None:
    three = CriterionReviews("strategy", 6, tuple(Review(who, p, "") for who, p in (("A", 5), ("B", 4), ("C", 4))))
    assert three.mean == 4.33


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("a,strategy,5,Alice,\nb,vision,3,Bob,\n", 3, "unknown criterion 'vision' (criteria scored by reviewers: "),
        ("a,strategy,5,Alice,\nb,strategy,7,Bob,\n", 3, "7 points for 'strategy', at most 6"),
        ("a,strategy,-1,Alice,\n", 2, "points '-1': a number, zero or more"),
        ("a,strategy,beaucoup,Alice,\n", 2, "points 'beaucoup': a number, zero or more"),
        (
            "a,strategy,5,Alice,\n\na,strategy,4,alice,\n",
            4,
            "alice already scored this criterion of this dossier (line 2)",
        ),
        ("a,strategy,5,,\n", 2, "column reviewer empty"),
        ("a,strategy\n", 2, "2 fields, 5 expected"),
    ],
)
def test_a_bad_line_is_an_error_at_its_line_before_screening(
    batch: Path, tmp_path: Path, body: str, line: int, message: str
) -> None:
    reviews = _reviews(tmp_path, body)
    code, out, err = _screen(batch, "--lang", "en", "--reviews", str(reviews))
    assert code == 2 and out == ""
    assert f"reviews.csv:{line}: {message}" in err


def test_an_unknown_dossier_is_an_error_at_its_line_after_discovery(batch: Path, tmp_path: Path) -> None:
    reviews = _reviews(tmp_path, "a,strategy,5,Alice,\nzzz,strategy,3,Bob,\n")
    code, out, err = _screen(batch, "--reviews", str(reviews))
    assert code == 2 and out == ""
    assert "reviews.csv:3\u00a0: dossier « zzz » absent du lot examiné" in err


def test_an_unknown_criterion_is_refused_without_a_call_that_has_reviewer_criteria(batch: Path, tmp_path: Path) -> None:
    reviews = _reviews(tmp_path, "a,strategy,5,Alice,\n")
    result = CliRunner().invoke(app, ["screen", str(batch), "--reviews", str(reviews), "--lang", "en"])
    assert result.exit_code == 2
    assert "reviews.csv:2: unknown criterion 'strategy' (criteria scored by reviewers: none)" in result.stderr


def test_hostile_files_are_refused_with_escaped_messages(tmp_path: Path) -> None:
    bom_semicolon = tmp_path / "semi.csv"
    bom_semicolon.write_bytes("\ufeffdossier;critère;note;relecteur;commentaire\na;strategy;4,5;Zoé;ok\n".encode())
    sheet = read_reviews(bom_semicolon)
    assert [(i.line, i.dossier, i.criterion, i.review) for i in sheet.lines] == [
        (2, "a", "strategy", Review("Zoé", 4.5, "ok"))
    ]
    with pytest.raises(UserError, match="not a regular file"):
        read_reviews(tmp_path)
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="special file"):
        read_reviews(fifo)
    big = _reviews(tmp_path, "a,strategy,1,A,x\n" * 100_000, "big.csv")
    with pytest.raises(UserError, match="--max-bytes"):
        read_reviews(big)
    control = _reviews(tmp_path, "a,strategy,1,A,\n", "evil.csv", "dossier,\x1b[31mcriterion,points\n")
    with pytest.raises(UserError) as raised:
        read_reviews(control)
    assert (
        "\x1b" not in raised.value.text.en
        and "evil.csv:1: missing columns: criterion, reviewer" in raised.value.text.en
    )
    not_utf8 = tmp_path / "latin1.csv"
    not_utf8.write_bytes(HEADER.encode() + "a,strategy,1,Zo\xe9,\n".encode("latin-1"))
    with pytest.raises(UserError, match=r"latin1\.csv:2"):
        read_reviews(not_utf8)


@pytest.mark.parametrize("name", ["csv", "markdown", "html", "rich"])
def test_every_text_format_shows_the_combined_score_and_who_scored(batch: Path, tmp_path: Path, name: str) -> None:
    reviews = _reviews(tmp_path, "b,strategy,5,Alice,\nb,strategy,4,Bob,\nb,operational_programme,3,Alice,\n")
    code, out, err = _screen(batch, "-f", name, "--reviews", str(reviews))
    assert code == 0, err
    assert "41,5" in out or "41.5" in out
    assert "strategy\u00a0: Alice 5, Bob 4 (moyenne 4,5)" in out
    assert "non noté" in out


def test_the_workbook_shows_the_combined_score(batch: Path, tmp_path: Path) -> None:
    reviews = _reviews(tmp_path, "b,strategy,5,Alice,\nb,strategy,4,Bob,\n")
    target = tmp_path / "decision.xlsx"
    code, _, err = _screen(batch, "-f", "xlsx", "-o", str(target), "--reviews", str(reviews))
    assert code == 0, err
    workbook = CalamineWorkbook.from_path(str(target))
    lines = workbook.get_sheet_by_name("ptce-2015-jury").to_python()
    header, first = lines[0], lines[1]
    assert str(first[header.index("Dossier")]).endswith("b.yaml") and first[header.index("Score")] == 38.5
    assert first[header.index("Qualité de la stratégie (jury)")] == 4.5
    assert "Alice 5, Bob 4" in str(first[header.index("Notes des relecteurs")])
