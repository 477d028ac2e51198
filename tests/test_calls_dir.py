"""A funder's own calls: `examples/calls/` holds a regional call written as a file, known by id
through `--calls-dir` (repeatable) on `check`, `screen` and `criteria`; a dossier's `call` is
still only ever an id, and a broken call file is reported at its line and column."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ptce_check.assess import assess_file
from ptce_check.calls import CallCatalog

ROOT = Path(__file__).resolve().parents[1]
CALLS = ROOT / "examples" / "calls"
CALL_FILE = CALLS / "region-emergence-2026.yaml"
DOSSIER = CALLS / "dossiers" / "region-emergence-2026-admissible.yaml"
RUNNER = CliRunner()


def invoke(*args: str) -> Result:
    from ptce_check.cli.commands import app

    # Wide enough that no table cell wraps.
    return RUNNER.invoke(app, list(args), env={"COLUMNS": "400"})


def _expected_verdict(path: Path) -> str:
    match = re.search(r"^# expected-verdict: (\S+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
    assert match is not None
    return match.group(1)


def _broken_copy(tmp_path: Path) -> Path:
    """The regional call with `max_points: 25` of its first criterion made negative."""
    folder = tmp_path / "broken"
    folder.mkdir()
    text = CALL_FILE.read_text(encoding="utf-8")
    assert text.count("    max_points: 25\n") == 2
    path = folder / "region-emergence-2026.yaml"
    path.write_text(text.replace("    max_points: 25\n", "    max_points: -25\n", 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(number for number, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line)


def test_the_regional_call_validates() -> None:
    result = invoke("criteria", "--validate", str(CALL_FILE))
    assert (result.exit_code, result.output) == (0, "")


def test_criteria_shows_the_regional_call_from_its_folder_in_words() -> None:
    result = invoke("criteria", "--calls-dir", str(CALLS), "region-emergence-2026", "--lang", "fr")
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    assert "Soutien à l'émergence de PTCE" in flat
    assert "au moins 3 membres personnes morales" in flat
    assert "legal_person_members" not in flat and '{"minimum"' not in flat
    assert "Raisonnement" not in flat


def test_criteria_verbose_adds_kind_params_and_rationale() -> None:
    result = invoke("criteria", "--calls-dir", str(CALLS), "region-emergence-2026", "--verbose", "--lang", "fr")
    assert result.exit_code == 0, result.output
    assert 'legal_person_members {"minimum": 3}' in result.stdout
    assert "Trois membres personnes morales\u00a0: la règle compte les personnes morales" in result.stdout


def test_criteria_json_gives_what_each_rule_checks_and_its_rationale() -> None:
    result = invoke("criteria", "--calls-dir", str(CALLS), "region-emergence-2026", "-f", "json")
    data = json.loads(result.stdout)
    e02 = next(rule for rule in data["rules"] if rule["code"] == "PTCE-E02")
    assert e02["checks"] == "au moins 3 membres personnes morales"
    assert e02["params"] == {"minimum": 3} and "personnes morales" in e02["rationale"]


def test_criteria_lists_the_calls_of_the_folder_beside_the_shipped_ones() -> None:
    listed = json.loads(invoke("criteria", "--calls-dir", str(CALLS), "-f", "json").stdout)
    ids = [call["id"] for call in listed]
    assert "region-emergence-2026" in ids and "ptce-2015" in ids
    assert "region-emergence-2026" not in [c["id"] for c in json.loads(invoke("criteria", "-f", "json").stdout)]


def test_a_broken_copy_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    path = _broken_copy(tmp_path)
    line = _line_of(path, "max_points: -25")
    result = invoke("criteria", "--validate", str(path), "--lang", "en")
    assert result.exit_code == 2
    assert f"{path}:{line}:17: scoring[0].max_points: Input should be greater than 0" in result.output


def test_a_broken_call_in_a_calls_folder_is_a_usage_error_at_its_position(tmp_path: Path) -> None:
    path = _broken_copy(tmp_path)
    line = _line_of(path, "max_points: -25")
    result = invoke("check", "--calls-dir", str(path.parent), str(DOSSIER), "--lang", "en")
    assert result.exit_code == 2
    assert f"{path}:{line}:17: scoring[0].max_points: Input should be greater than 0" in result.output
    assert "Traceback" not in result.output


def test_check_with_the_calls_folder_gives_the_stated_verdict() -> None:
    result = invoke("check", "--calls-dir", str(CALLS), str(DOSSIER), "-f", "json")
    assert result.exit_code == 0, result.output
    outcome = json.loads(result.stdout)
    outcome = outcome[0] if isinstance(outcome, list) else outcome
    assert outcome["verdict"] == _expected_verdict(DOSSIER) == "admissible"
    assert outcome["call"] == "region-emergence-2026"
    assert outcome["score"]["total"] == 87


def test_without_the_calls_folder_the_id_is_unknown_f09() -> None:
    result = invoke("check", str(DOSSIER), "-f", "concise", "--lang", "en")
    assert result.exit_code == 1
    assert f"{DOSSIER}:5:7: PTCE-F09 unknown call 'region-emergence-2026'" in result.stdout


def test_a_dossier_naming_the_call_file_by_path_is_still_f09(tmp_path: Path) -> None:
    text = DOSSIER.read_text(encoding="utf-8").replace("call: region-emergence-2026 ", f"call: '{CALL_FILE}'", 1)
    path = tmp_path / "by-path.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke("check", "--calls-dir", str(CALLS), str(path), "-f", "concise", "--lang", "en")
    assert result.exit_code == 1
    assert f"{path}:5:7: PTCE-F09" in result.stdout


def test_calls_dir_repeats_and_screen_uses_it(tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(CALL_FILE, other / "region-bis-2026.yaml")
    text = (other / "region-bis-2026.yaml").read_text(encoding="utf-8")
    (other / "region-bis-2026.yaml").write_text(text.replace("id: region-emergence-2026", "id: region-bis-2026"))
    dossiers = tmp_path / "dossiers"
    dossiers.mkdir()
    shutil.copy(DOSSIER, dossiers / "a.yaml")
    bis = DOSSIER.read_text(encoding="utf-8").replace("call: region-emergence-2026", "call: region-bis-2026", 1)
    (dossiers / "b.yaml").write_text(bis, encoding="utf-8")
    result = invoke("screen", "--calls-dir", str(CALLS), "--calls-dir", str(other), str(dossiers), "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["dossiers"]
    assert sorted((row["call"], row["verdict"]) for row in rows) == [
        ("region-bis-2026", "admissible"),
        ("region-emergence-2026", "admissible"),
    ]


def test_a_missing_calls_folder_and_an_id_defined_twice_are_usage_errors(tmp_path: Path) -> None:
    missing = invoke("check", "--calls-dir", str(tmp_path / "nowhere"), str(DOSSIER), "--lang", "en")
    assert missing.exit_code == 2 and "calls folder not found" in missing.output
    shutil.copy(ROOT / "criteria" / "ptce-2015.yaml", tmp_path / "ptce-2015.yaml")
    twice = invoke("check", "--calls-dir", str(tmp_path), str(DOSSIER), "--lang", "en")
    assert twice.exit_code == 2 and "call 'ptce-2015' defined twice" in twice.output


@pytest.mark.parametrize("command", ["check", "screen"])
def test_an_export_answering_a_call_of_the_calls_folder_is_judged_as_the_yaml(command: str, tmp_path: Path) -> None:
    """Applications from an online-form export, named for the funder's own call with `--call`,
    get the judgement of the same dossier in YAML (not an internal error: the export's
    applications used to be judged against the shipped calls only)."""
    from intake_files import write_xlsx
    from ptce_check.decoding import Limits
    from ptce_check.intake.rows import export_tables
    from ptce_check.source import load_bytes

    data = load_bytes(DOSSIER.read_bytes(), Limits()).data
    export = write_xlsx(export_tables([("7", data)]), tmp_path / "export.xlsx")
    yaml_outcome = json.loads(invoke("check", "--calls-dir", str(CALLS), str(DOSSIER), "-f", "json").stdout)[0]
    result = invoke(command, "--calls-dir", str(CALLS), "--call", "region-emergence-2026", str(export), "-f", "json")
    assert result.exit_code == 0, result.output
    outcomes = json.loads(result.stdout)
    outcome = (outcomes if command == "check" else outcomes["dossiers"])[0]
    assert outcome["dossier"] == f"{export}#7"
    assert (outcome["call"], outcome["verdict"], outcome["score"]["total"]) == (
        "region-emergence-2026",
        "admissible",
        87,
    )
    assert [f["code"] for f in outcome["findings"]] == [f["code"] for f in yaml_outcome["findings"]]


@pytest.mark.parametrize("with_catalog", [True, False])
def test_assess_file_takes_the_catalog(with_catalog: bool) -> None:
    catalog = CallCatalog.of([CALLS]) if with_catalog else None
    assessment = assess_file(DOSSIER, catalog=catalog)
    assert assessment.verdict.value == ("admissible" if with_catalog else "invalid")
