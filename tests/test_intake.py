"""The reference online form, and démarches-simplifiées exports (XLSX, ODS, CSV) read back into
dossiers judged exactly as their YAML originals, with findings located at cells."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from intake_files import Tables, write_csv, write_ods, write_xlsx
from ptce_check.assess import assess_file, assess_source
from ptce_check.assessment import Assessment
from ptce_check.decoding import Limits
from ptce_check.dossier import Dossier, drop_annotations
from ptce_check.errors import UserError
from ptce_check.findings import SourceError
from ptce_check.intake import (
    REFERENCE_FORM,
    CellPosition,
    assess_export,
    assess_imported,
    cell_location,
    form_json,
    form_markdown,
    import_export,
    load_mapping,
    sheet_name,
    write_dossiers,
)
from ptce_check.intake.columns import SYSTEM_COLUMNS
from ptce_check.intake.form import FIELD_TYPES
from ptce_check.intake.labels import OPTION_LABELS
from ptce_check.intake.model_paths import bare, field_at, item_model, leaf_paths
from ptce_check.intake.rows import export_tables
from ptce_check.source import load_bytes

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
#: Dossier paths the form leaves out on purpose, and why.
DELIBERATELY_ABSENT = {
    "format": "always ptce-dossier/1: the import writes it",
    "call": "a procedure is one call: given with --call (or a column a mapping maps to `call`)",
    "submitted_at": "the platform's own `Déposé le` column fills it",
}
Writer = Callable[[Tables, Path], Path]


def _examples() -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Readable examples by call, each with an application ID."""
    by_call: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for number, path in enumerate(sorted(EXAMPLES.glob("*.yaml")), start=101):
        try:
            data = load_bytes(path.read_bytes(), Limits()).data
        except SourceError:
            continue
        by_call.setdefault(data["call"], []).append((str(number), data))
    return by_call


def _names() -> dict[str, str]:
    return {str(n): p.name for n, p in enumerate(sorted(EXAMPLES.glob("*.yaml")), start=101)}


def _judgement(assessment: Assessment) -> tuple[Any, ...]:
    total = assessment.score.total if assessment.score else None
    return assessment.verdict, total, sorted((f.code, f.path, f.severity) for f in assessment.findings)


def _yaml_judgement(data: dict[str, Any], name: str) -> tuple[Any, ...]:
    return _judgement(assess_file(EXAMPLES / name)) if data is None else _judgement_of_data(data, name)


def _judgement_of_data(data: dict[str, Any], name: str) -> tuple[Any, ...]:
    import yaml

    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()
    return _judgement(assess_source(raw, name, folder=EXAMPLES))


# --- the form ---------------------------------------------------------------------------------


def test_form_json_is_the_contract_object() -> None:
    form = form_json()
    assert form["form"] == "ptce-dossier/1" and set(form) == {"form", "blocks", "fields"}
    assert form["blocks"][0] == {"id": "members", "label": "Membres du pôle", "path": "members"}
    assert form["fields"][0] == {
        "label": "Nom du pôle",
        "path": "pole.name",
        "type": "text",
        "block": None,
        "required": True,
        "options": None,
    }
    block_ids = {block["id"] for block in form["blocks"]}
    for field in form["fields"]:
        assert field["type"] in FIELD_TYPES
        assert field["block"] is None or field["block"] in block_ids
        assert (field["options"] is not None) == (field["type"] in ("drop_down", "multiple_drop_down"))
    amounts = [f["path"] for f in form["fields"] if f["block"] == "expenses" and f["path"].startswith("amounts")]
    assert amounts[:2] == ["amounts.{year:1}", "amounts.{year:2}"]


def test_labels_are_unique_per_sheet_and_sheet_names_follow_the_export() -> None:
    for block_id in (None, *(block.id for block in REFERENCE_FORM.blocks)):
        labels = [field.label for field in REFERENCE_FORM.fields_of(block_id)]
        assert len(labels) == len(set(labels)), block_id
        assert not set(labels) & (SYSTEM_COLUMNS | {"Dossier ID", "Ligne"})
    names = [sheet_name(block.label) for block in REFERENCE_FORM.blocks]
    assert len(set(names)) == len(names)
    assert all(name.isascii() and len(name) <= 30 for name in names)
    assert sheet_name("Soutiens de l'État déjà reçus") == "Soutiens de l'Etat deja recus"
    assert sheet_name("Budget [prévu] / année 1 : détail des dépenses*?") == "Budget prevu  annee 1  detail "


def test_every_option_has_a_french_label_and_multiple_choices_hold_no_separator() -> None:
    for field in REFERENCE_FORM.fields:
        for option in field.options or ():
            assert option.label != option.value, (field.path, option.value)
            if field.type == "multiple_drop_down":
                assert ", " not in option.label
    assert all(labels for labels in OPTION_LABELS.values())


def _model_paths() -> set[tuple[str | None, str]]:
    """(block id, path) of every leaf of the model; a block's leaves relative to its item."""
    blocks = {block.path: block.id for block in REFERENCE_FORM.blocks}
    paths: set[tuple[str | None, str]] = set()
    for path in leaf_paths(Dossier):
        model = item_model(field_at(Dossier, path).annotation)
        if model is None:
            paths.add((None, path))
        else:
            assert path in blocks, f"{path}: a list of objects without a block in the form"
            paths.update((blocks[path], leaf) for leaf in leaf_paths(model))
    return paths


def test_every_dossier_field_is_in_the_form_or_deliberately_absent() -> None:
    """Walks dossier.py: a field added to the model must be added to the form (or listed here)."""
    in_form = {(f.block, f.path.replace(".{year:1}", "")) for f in REFERENCE_FORM.fields}
    missing = {p for p in _model_paths() if p not in in_form and p[1] not in DELIBERATELY_ABSENT}
    assert not missing
    for field in REFERENCE_FORM.fields:  # and every form path exists in the model
        base = (
            Dossier
            if field.block is None
            else item_model(field_at(Dossier, REFERENCE_FORM.block(field.block).path).annotation)
        )
        assert base is not None
        field_at(base, field.path)


def test_form_options_are_the_model_enums() -> None:
    legal = next(f for f in REFERENCE_FORM.fields if f.path == "pole.legal_form")
    carrier = next(f for f in REFERENCE_FORM.fields if f.path == "pole.carrier.legal_form")
    assert [o.value for o in legal.options or ()][-1] == "none"
    assert "none" not in [o.value for o in carrier.options or ()]
    assert bare(field_at(Dossier, "pole.stage").annotation).__args__ == tuple(
        o.value for o in next(f for f in REFERENCE_FORM.fields if f.path == "pole.stage").options or ()
    )


def test_form_markdown_lists_each_field_and_option() -> None:
    guide = form_markdown("fr")
    assert guide.startswith("# Formulaire de référence d'un appel PTCE")
    assert "| Nom du pôle | Texte court | oui | `pole.name` |" in guide
    assert "## Bloc répétable « Membres du pôle » (feuille « Membres du pole », chemin `members`)" in guide
    assert "- Groupement d'entreprises → `enterprise_grouping`" in guide
    assert "| Label | Type | Required | Dossier path |" in form_markdown("en")


# --- exports judged as the YAML originals -------------------------------------------------------


@pytest.mark.parametrize(("writer", "suffix"), [(write_xlsx, "xlsx"), (write_ods, "ods")], ids=["xlsx", "ods"])
def test_spreadsheet_export_is_judged_as_the_yaml(writer: Writer, suffix: str, tmp_path: Path) -> None:
    names = _names()
    compared = 0
    for call, applications in _examples().items():
        export = writer(export_tables(applications), tmp_path / f"export-{call}.{suffix}")
        assessments, warnings = assess_export(export, call=call, folder=EXAMPLES)
        assert warnings == []
        assert [a.dossier for a in assessments] == [f"{export}#{app_id}" for app_id, _ in applications]
        for (app_id, _data), imported in zip(applications, assessments, strict=True):
            assert _judgement(imported) == _judgement(assess_file(EXAMPLES / names[app_id])), names[app_id]
            for finding in imported.findings:
                assert isinstance(finding.position, CellPosition) and finding.position.application_id == app_id
            compared += 1
    assert compared >= 15


def test_csv_export_is_judged_as_the_yaml_without_its_blocks(tmp_path: Path) -> None:
    applications = _examples()["ptce-2015"]
    export = write_csv(export_tables(applications), tmp_path / "export.csv")
    assessments, warnings = assess_export(export, call="ptce-2015", folder=EXAMPLES)
    assert len(warnings) == 1 and "CSV" in warnings[0].fr
    for (app_id, data), imported in zip(applications, assessments, strict=True):
        stripped = copy.deepcopy(data)
        for path in [b.path for b in REFERENCE_FORM.blocks]:
            *parents, last = path.split(".")
            holder = stripped
            for step in parents:
                holder = holder.get(step) or {}
            holder.pop(last, None)
        assert _judgement(imported)[:2] == _judgement_of_data(stripped, _names()[app_id])[:2], app_id


def _normal(value: Any) -> Any:
    """Plain data compared by meaning: empty collections as absent, instants in UTC."""
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items() if v not in ([], {}, None)}
    if isinstance(value, list):
        return [_normal(v) for v in value]
    return value


def _instant(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo("Europe/Paris"))


def test_round_trip_gives_the_same_data(tmp_path: Path) -> None:
    for call, applications in _examples().items():
        export = write_xlsx(export_tables(applications), tmp_path / f"{call}.xlsx")
        result = import_export(export, call=call)
        for index, ((app_id, data), imported) in enumerate(zip(applications, result.dossiers, strict=True)):
            original, back = _normal(drop_annotations(data)), _normal(imported.data)
            if "submitted_at" in original and "T" in original["submitted_at"]:
                assert _instant(original.pop("submitted_at")) == _instant(back.pop("submitted_at"))
            _drop_empty_required_texts(original, back)
            assert back == original, app_id
            assert (imported.state, imported.row, imported.application_id) == ("En construction", index + 2, app_id)


def _drop_empty_required_texts(original: dict[str, Any], back: dict[str, Any]) -> None:
    """A YAML `''` and an empty cell read as `''` agree; nothing else may differ."""
    for key in list(back):
        if back[key] == "" and key not in original:
            del back[key]
        elif isinstance(back[key], dict) and isinstance(original.get(key), dict):
            _drop_empty_required_texts(original[key], back[key])


# --- malformed cells, columns and mappings ------------------------------------------------------


def _one_export(tmp_path: Path, edit: Callable[[Tables], None], name: str = "export.xlsx") -> Path:
    tables = export_tables(_examples()["ptce-2013"][:2])
    edit(tables)
    return write_xlsx(tables, tmp_path / name)


def _column(tables: Tables, sheet: str, label: str) -> int:
    return tables[sheet][0].index(label)


def test_malformed_cells_are_findings_at_their_cells(tmp_path: Path) -> None:
    def edit(tables: Tables) -> None:
        tables["Dossiers"][1][_column(tables, "Dossiers", "Emplois créés (ETP)")] = "beaucoup"
        tables["Membres du pole"][2][_column(tables, "Membres du pole", "Forme juridique")] = "Coopérative ouvrière"
        tables["Dossiers"][2][_column(tables, "Dossiers", "Date de création du pôle")] = "31/02/2013"

    export = _one_export(tmp_path, edit)
    assessments, _ = assess_export(export, call="ptce-2013", folder=EXAMPLES)
    first, second = assessments
    jobs = next(f for f in first.findings if f.path == ("jobs", "created_fte"))
    assert isinstance(jobs.position, CellPosition) and jobs.position.application_id == "101"
    column = export_tables(_examples()["ptce-2013"][:1])["Dossiers"][0].index("Emplois créés (ETP)")
    assert (jobs.position.sheet, jobs.position.line, jobs.position.column) == ("Dossiers", 2, column + 1)
    assert cell_location(str(export), jobs.position) == f"{export}:Dossiers!{jobs.position.letter}2"
    legal = next(f for f in first.findings if f.path == ("members", 1, "legal_form"))
    assert isinstance(legal.position, CellPosition)
    assert (legal.position.reference, legal.position.application_id) == ("Membres du pole!D3", "101")
    created = next(f for f in second.findings if f.path == ("pole", "created_on"))
    assert isinstance(created.position, CellPosition) and created.position.reference.startswith("Dossiers!")
    assert created.position.line == 3 and created.position.application_id == next(
        app_id for app_id, _ in _examples()["ptce-2013"][1:2]
    )
    assert first.verdict == second.verdict == "not_admissible"


def test_missing_required_column_is_a_user_error(tmp_path: Path) -> None:
    def edit(tables: Tables) -> None:
        tables["Dossiers"][0][_column(tables, "Dossiers", "Nom du pôle")] = "Nom"

    with pytest.raises(UserError) as raised:
        import_export(_one_export(tmp_path, edit), call="ptce-2013")
    assert "colonne obligatoire « Nom du pôle » absente" in raised.value.text.fr


def test_unmapped_columns_are_warned_once(tmp_path: Path) -> None:
    def edit(tables: Tables) -> None:
        for row in tables["Dossiers"]:
            row.append("Commentaire interne" if row is tables["Dossiers"][0] else "vu")
        tables["Notes"] = [["x"]]

    result = import_export(_one_export(tmp_path, edit), call="ptce-2013")
    texts = [warning.fr for warning in result.warnings]
    assert texts == [
        "Dossiers\u00a0: colonne « Commentaire interne » ignorée\u00a0: aucun champ du formulaire",
        "feuille « Notes » ignorée\u00a0: aucun bloc du formulaire",
    ]
    assert len(result.dossiers) == 2


def test_block_sheet_named_with_its_stable_id_is_found(tmp_path: Path) -> None:
    def edit(tables: Tables) -> None:
        tables[sheet_name("(12) Membres du pôle")] = tables.pop("Membres du pole")

    result = import_export(_one_export(tmp_path, edit), call="ptce-2013")
    assert result.warnings == [] and len(result.dossiers[0].data["members"]) > 3


def test_no_call_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError):
        import_export(_one_export(tmp_path, lambda tables: None))


def test_mapping_gives_a_funders_own_labels(tmp_path: Path) -> None:
    def edit(tables: Tables) -> None:
        tables["Dossiers"][0][_column(tables, "Dossiers", "Nom du pôle")] = "Dénomination du PTCE"

    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "form: ptce-dossier/1\nfields:\n  - label: Dénomination du PTCE\n    path: pole.name\n    block: null\n",
        encoding="utf-8",
    )
    result = import_export(_one_export(tmp_path, edit), call="ptce-2013", form=load_mapping(mapping))
    assert result.dossiers[0].data["pole"]["name"] == _examples()["ptce-2013"][0][1]["pole"]["name"]
    mapping.write_text("fields:\n  - label: X\n    path: pole.nom\n", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        load_mapping(mapping)
    assert "fields[0]" in raised.value.text.fr and "pole.nom" in raised.value.text.fr


# --- written YAML --------------------------------------------------------------------------------


def test_written_yaml_is_judged_as_the_original(tmp_path: Path) -> None:
    names = _names()
    applications = _examples()["ptce-2013"]
    result = import_export(write_xlsx(export_tables(applications), tmp_path / "e.xlsx"), call="ptce-2013")
    written = write_dossiers(result.dossiers, tmp_path / "out")
    assert [p.name for p in written] == [f"{app_id}.yaml" for app_id, _ in applications]
    header = written[0].read_text(encoding="utf-8").splitlines()[:4]
    assert header[0] == f"# Importé de {tmp_path / 'e.xlsx'}, feuille Dossiers, ligne 2"
    assert header[1:3] == [f"# ID : {applications[0][0]}", "# État du dossier : En construction"]
    for path, (app_id, _) in zip(written, applications, strict=True):
        rewritten = assess_source(path.read_bytes(), names[app_id], folder=EXAMPLES)
        assert _judgement(rewritten) == _judgement(assess_file(EXAMPLES / names[app_id])), app_id
    with pytest.raises(FileExistsError):
        write_dossiers(result.dossiers[:1], tmp_path / "out")


def test_hostile_text_is_written_safely(tmp_path: Path) -> None:
    def edit(tables: Tables) -> None:
        tables["Dossiers"][1][_column(tables, "Dossiers", "Nom du pôle")] = 'NO: "x" \u2028 # \x85 &a *b'

    result = import_export(_one_export(tmp_path, edit), call="ptce-2013")
    path = write_dossiers(result.dossiers[:1], tmp_path / "out")[0]
    assert load_bytes(path.read_bytes(), Limits()).data["pole"]["name"] == 'NO: "x" \u2028 # \x85 &a *b'
    assert assess_imported(result.dossiers[0], folder=EXAMPLES).dossier.endswith("#101")
