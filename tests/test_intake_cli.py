"""`ptce-check form`, `import` and `screen`/`check` on online-form exports, through the command
line: exports built from the shipped examples through the reference form (XLSX, ODS, CSV) give
the verdicts, scores and codes of the YAML originals, with every finding located at its cell."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from intake_files import Tables, write_csv, write_ods, write_xlsx
from ptce_check.cli.commands import app
from ptce_check.decoding import Limits
from ptce_check.findings import SourceError
from ptce_check.intake import form_json
from ptce_check.intake.cells import column_letter
from ptce_check.intake.rows import export_tables
from ptce_check.source import load_bytes

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
runner = CliRunner()
Writer = Callable[[Tables, Path], Path]
WRITERS: dict[str, Writer] = {"xlsx": write_xlsx, "ods": write_ods, "csv": write_csv}


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _applications(call: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(ID, example file name, data) of the readable examples of a call."""
    found = []
    for number, path in enumerate(sorted(EXAMPLES.glob("*.yaml")), start=101):
        try:
            data = load_bytes(path.read_bytes(), Limits()).data
        except SourceError:
            continue
        if data["call"] == call:
            found.append((str(number), path.name, data))
    return found


def _export(tmp_path: Path, call: str, suffix: str, edit: Callable[[Tables], None] | None = None) -> Path:
    """The export beside a copy of the examples' attachments, as the YAML originals have them."""
    if not (tmp_path / "annexes").exists():
        shutil.copytree(EXAMPLES / "annexes", tmp_path / "annexes")
    tables = export_tables([(app_id, data) for app_id, _name, data in _applications(call)])
    if edit is not None:
        edit(tables)
    return WRITERS[suffix](tables, tmp_path / f"export.{suffix}")


def _outcomes(output: str) -> dict[str, dict[str, Any]]:
    return {outcome["dossier"]: outcome for outcome in json.loads(output)["dossiers"]}


def _judgement(outcome: dict[str, Any]) -> tuple[Any, ...]:
    score = outcome["score"]["total"] if outcome.get("score") else None
    return outcome["verdict"], score, sorted((f["code"], f["path"]) for f in outcome["findings"])


def _yaml_outcomes(names: list[str]) -> dict[str, dict[str, Any]]:
    status, output, _ = run("check", *(str(EXAMPLES / name) for name in names), "-f", "json")
    assert status in (0, 1)
    data = json.loads(output)
    outcomes = data if isinstance(data, list) else data.get("dossiers", [data])
    return {Path(outcome["dossier"]).name: outcome for outcome in outcomes}


# --- form ---------------------------------------------------------------------------------------


def test_form_json_is_the_contract_object_and_markdown_the_guide(tmp_path: Path) -> None:
    status, output, _ = run("form", "-f", "json")
    assert status == 0 and json.loads(output) == form_json()
    status, output, _ = run("form", "--format", "markdown", "-o", str(tmp_path / "guide.md"))
    guide = (tmp_path / "guide.md").read_text(encoding="utf-8")
    assert status == 0 and output == ""
    assert "| Nom du pôle | Texte court | oui | `pole.name` |" in guide
    status, _, error = run("form", "-f", "pdf")
    assert status == 2 and "format inconnu « pdf »" in error


def test_form_with_a_mapping_shows_the_funders_labels(tmp_path: Path) -> None:
    mapping = tmp_path / "labels.json"
    mapping.write_text(json.dumps({"fields": [{"path": "pole.name", "label": "Nom du PTCE"}]}), encoding="utf-8")
    status, output, _ = run("form", "--mapping", str(mapping))
    fields = json.loads(output)["fields"]
    assert status == 0 and fields[0]["label"] == "Nom du PTCE" and fields[0]["path"] == "pole.name"


# --- import and screen give the YAML originals' judgement -----------------------------------------


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_import_then_check_and_screen_export_judge_as_the_yaml(suffix: str, tmp_path: Path) -> None:
    call = "ptce-2015"
    applications = _applications(call)
    export = _export(tmp_path, call, suffix)
    originals = _yaml_outcomes([name for _id, name, _data in applications])

    status, output, error = run("import", str(export), "-o", str(tmp_path / "out"), "--call", call)
    assert status == 0 and error == "" and f"{len(applications)} dossier(s) écrit(s)" in output
    written = sorted(p.name for p in (tmp_path / "out").glob("*.yaml"))
    assert written == sorted(f"{app_id}.yaml" for app_id, _name, _data in applications)
    header = (tmp_path / "out" / f"{applications[0][0]}.yaml").read_text(encoding="utf-8").splitlines()[:4]
    assert header[0] == f"# Importé de {export}, feuille Dossiers, ligne 2"
    assert header[1:3] == [f"# ID : {applications[0][0]}", "# État du dossier : En construction"]

    shutil.copytree(EXAMPLES / "annexes", tmp_path / "out" / "annexes")  # beside the dossiers written
    status, output, _ = run("screen", str(tmp_path / "out"), "-f", "json", "--call", call)
    imported = {Path(name).stem: outcome for name, outcome in _outcomes(output).items()}
    status_export, output, _ = run("screen", str(export), "-f", "json", "--call", call, "-j", "2")
    screened = _outcomes(output)
    assert status_export == status
    assert sorted(screened) == sorted(f"{export}#{app_id}" for app_id, _name, _data in applications)
    for app_id, name, _data in applications:
        expected = _judgement(originals[name])
        assert _judgement(imported[app_id]) == expected, name
        assert _judgement(screened[f"{export}#{app_id}"]) == expected, name
        for finding in screened[f"{export}#{app_id}"]["findings"]:
            assert finding["application_id"] == app_id and finding["sheet"]
            assert finding["cell"].endswith(str(finding["line"]))


def test_csv_export_is_screened_with_its_blocks_missing_said_once(tmp_path: Path) -> None:
    export = _export(tmp_path, "ptce-2013", "csv")
    status, output, error = run("screen", str(export), "-f", "json", "--call", "ptce-2013")
    assert status == 1 and error.count("CSV") == 1
    outcomes = _outcomes(output)
    assert len(outcomes) == len(_applications("ptce-2013"))
    assert all(f["sheet"] == "Dossiers" for outcome in outcomes.values() for f in outcome["findings"])


def _malformed(tables: Tables) -> None:
    header = tables["Dossiers"][0]
    tables["Dossiers"][1][header.index("Emplois créés (ETP)")] = "beaucoup"
    header.append("Commentaire interne")
    for row in tables["Dossiers"][1:]:
        row.append("vu")


def test_findings_on_imported_values_are_at_their_cells_in_every_format(tmp_path: Path) -> None:
    export = _export(tmp_path, "ptce-2015", "xlsx", _malformed)
    first = _applications("ptce-2015")[0][0]
    column = export_tables([(a, d) for a, _n, d in _applications("ptce-2015")])["Dossiers"][0].index(
        "Emplois créés (ETP)"
    )
    letter = column_letter(column)
    cell = f"Dossiers!{letter}2"

    status, output, error = run("check", str(export), "--id", first, "--call", "ptce-2015", "-f", "concise")
    assert status == 1 and error.count("« Commentaire interne » ignorée") == 1
    assert f"{export}:{cell}: PTCE-S07 « beaucoup » n'est pas un nombre" in output
    assert output.splitlines()[-1].startswith(f"{export}#{first}: non recevable")

    _, output, _ = run("check", str(export), "--id", first, "--call", "ptce-2015", "-f", "json")
    finding = next(f for f in json.loads(output)[0]["findings"] if f["code"] == "PTCE-S07")
    assert (finding["sheet"], finding["cell"], finding["application_id"]) == ("Dossiers", f"{letter}2", first)
    assert (finding["line"], finding["column"]) == (2, column + 1)

    _, output, _ = run("check", str(export), "--id", first, "--call", "ptce-2015", "-f", "sarif")
    result = next(r for r in json.loads(output)["runs"][0]["results"] if r["ruleId"] == "PTCE-S07")
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("export.xlsx")
    assert location["region"] == {"startLine": 2, "startColumn": column + 1}
    assert result["message"]["text"].startswith(f"{cell} (ID {first})\u00a0: ")
    assert result["properties"]["cell"] == f"{letter}2"

    _, output, _ = run("check", str(export), "--id", first, "--call", "ptce-2015", "-f", "github")
    annotation = next(line for line in output.splitlines() if "title=PTCE-S07" in line)
    assert f"line=2,col={column + 1}," in annotation and "export.xlsx," in annotation
    assert f"::{cell} (ID {first})\u00a0: " in annotation

    _, output, _ = run("check", str(export), "--id", first, "--call", "ptce-2015", "-f", "junit")
    assert f"{export}:{cell}: PTCE-S07" in output

    _, output, _ = run("check", str(export), "--id", first, "--call", "ptce-2015", "-f", "rich")
    assert f"{export}:{cell}" in output.replace("\n", "")


def test_import_usage_errors_exit_2_and_write_nothing(tmp_path: Path) -> None:
    def rename(tables: Tables) -> None:
        tables["Dossiers"][0][tables["Dossiers"][0].index("Nom du pôle")] = "Nom"

    export = _export(tmp_path, "ptce-2015", "xlsx", rename)
    status, _, error = run("import", str(export), "-o", str(tmp_path / "out"), "--call", "ptce-2015")
    assert status == 2 and "colonne obligatoire « Nom du pôle » absente" in error
    assert not (tmp_path / "out").exists()
    status, _, error = run("screen", str(export), "--call", "ptce-2015")
    assert status == 2 and "colonne obligatoire « Nom du pôle » absente" in error


def test_import_keeps_existing_files_unless_forced_and_malformed_cells_do_not_stop_it(tmp_path: Path) -> None:
    export = _export(tmp_path, "ptce-2015", "xlsx", _malformed)
    out = tmp_path / "out"
    status, _, error = run("import", str(export), "-o", str(out), "--call", "ptce-2015")
    assert status == 0 and error.count("Commentaire interne") == 1
    first = _applications("ptce-2015")[0][0]
    assert 'created_fte: "beaucoup"' in (out / f"{first}.yaml").read_text(encoding="utf-8")
    status, _, error = run("import", str(export), "-o", str(out), "--call", "ptce-2015")
    assert status == 2 and "existe déjà (--force pour le remplacer)" in error
    status, _, _ = run("import", str(export), "-o", str(out), "--call", "ptce-2015", "--force")
    assert status == 0


def test_id_needs_an_export_and_an_unknown_id_is_a_usage_error(tmp_path: Path) -> None:
    status, _, error = run("check", str(EXAMPLES / "centre-isere.yaml"), "--id", "7")
    assert status == 2 and "--id choisit un dossier d'un export" in error
    export = _export(tmp_path, "ptce-2015", "xlsx")
    status, _, error = run("check", str(export), "--id", "999", "--call", "ptce-2015")
    assert status == 2 and "aucun dossier d'ID « 999 »" in error
    second = _applications("ptce-2015")[1][0]
    status, _, error = run("screen", str(export), "--id", second, "-f", "json")
    assert status == 2 and "donnez --call" in error  # no call column: said, not guessed
    _, output, _ = run("screen", str(export), "--id", second, "-f", "json", "--call", "ptce-2015")
    assert list(_outcomes(output)) == [f"{export}#{second}"]


def test_a_special_file_given_as_export_is_refused(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    status, _, error = run("screen", str(fifo), "--call", "ptce-2015")
    assert status == 2 and "not a regular file" in error
