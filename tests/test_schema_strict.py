"""`ptce-check schema` under strict validators and in an editor: no union `type` arrays (Ajv's
`strictTypes`), every type-specific keyword beside its type, a French description for every enum
value and a French message for every pattern (what VS Code shows instead of the expression).

Ajv itself runs when node and npm are present: installed into a temporary folder from the npm
registry, it compiles the schema in strict mode and validates the shipped examples."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import pytest
from jsonschema import Draft7Validator, ValidationError

import yaml12
from helpers import EXAMPLES, variant
from ptce_check import dossier
from ptce_check.calls import list_calls
from ptce_check.schema import _TITLES, dossier_schema, pattern_messages
from ptce_check.schema_labels import VALUE_DESCRIPTIONS

SCHEMA = dossier_schema()
AJV_VERSION = "8.20.0"
AJV_FORMATS_VERSION = "3.0.1"
#: Keywords the schema adds for editors (VS Code, yaml-language-server); Ajv is told they are annotations.
EDITOR_KEYWORDS = ["markdownEnumDescriptions", "enumDescriptions", "patternErrorMessage", "errorMessage"]
#: Keywords that apply to one JSON type only: strict validators want that type stated beside them.
TYPED_KEYWORDS = {
    "pattern": {"string"},
    "format": {"string"},
    "minLength": {"string"},
    "maxLength": {"string"},
    "minimum": {"integer", "number"},
    "maximum": {"integer", "number"},
    "properties": {"object"},
    "additionalProperties": {"object"},
    "patternProperties": {"object"},
    "propertyNames": {"object"},
    "required": {"object"},
    "items": {"array"},
}


def nodes(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object with its JSON pointer (property maps are walked, not taken as schemas)."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            if key in ("properties", "patternProperties", "definitions"):
                for name, child in value.items():
                    yield from nodes(child, f"{path}/{key}/{name}")
            elif key not in ("enum", "const", "required", "markdownEnumDescriptions", "enumDescriptions"):
                yield from nodes(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from nodes(value, f"{path}/{index}")


def strict_types_problems(schema: dict[str, Any]) -> list[str]:
    """What Ajv's `strictTypes` refuses, as a walk: union `type` arrays, and type-specific
    keywords in a schema object that does not state that type."""
    problems = []
    for where, node in nodes(schema):
        stated = node.get("type")
        if isinstance(stated, list):
            problems.append(f"{where}: union type {stated}")
            continue
        for keyword, types in TYPED_KEYWORDS.items():
            if keyword in node and stated not in types:
                problems.append(f"{where}: {keyword} without type {sorted(types)}")
    return problems


def test_the_schema_is_draft_07_without_union_types() -> None:
    Draft7Validator.check_schema(SCHEMA)
    assert strict_types_problems(SCHEMA) == []
    population = SCHEMA["definitions"]["Territory"]["properties"]["population"]
    assert [branch.get("type") for branch in population["anyOf"][0]["anyOf"]] == ["integer", "string"]


def test_the_strict_walk_refuses_what_ajv_refuses() -> None:
    union = {"type": "object", "properties": {"a": {"type": ["integer", "string"], "pattern": "^1$"}}}
    untyped = {"type": "object", "properties": {"a": {"anyOf": [{"type": "string"}], "pattern": "^1$"}}}
    assert strict_types_problems(union) == ["#/properties/a: union type ['integer', 'string']"]
    assert strict_types_problems(untyped) == ["#/properties/a: pattern without type ['string']"]


def test_every_model_has_a_french_title() -> None:
    assert sorted(SCHEMA["definitions"]) == sorted(name for name in _TITLES if name != "Dossier")
    assert SCHEMA["definitions"]["AmiPhase1"]["title"] == "Phase 1 de l'AMI"


def test_every_enum_value_has_a_french_description() -> None:
    enums = [(where, node) for where, node in nodes(SCHEMA) if "enum" in node]
    assert len(enums) >= 14
    for where, node in enums:
        assert len(node["markdownEnumDescriptions"]) == len(node["enum"]) == len(node["enumDescriptions"]), where
        assert all(text and "`" not in text for text in node["enumDescriptions"]), where
    member = SCHEMA["definitions"]["Member"]["properties"]
    forms = member["legal_form"]
    cooperative = forms["enum"].index("cooperative")
    assert forms["enumDescriptions"][cooperative] == "Coopérative\u00a0: SCOP, SCIC, CAE, coopérative d'activité…"
    pole_forms = SCHEMA["definitions"]["Pole"]["properties"]["legal_form"]
    assert pole_forms["markdownEnumDescriptions"][-1].startswith("Aucune\u00a0: le pôle n'a pas de personnalité morale")
    assert "`carrier`" in pole_forms["markdownEnumDescriptions"][-1]
    assert "carrier" in pole_forms["enumDescriptions"][-1] and "`" not in pole_forms["enumDescriptions"][-1]
    call = SCHEMA["properties"]["call"]
    assert call["enum"] == list_calls()
    assert call["enumDescriptions"][call["enum"].index("ptce-2015")] == "Appel à projets 2015 de soutien aux PTCE"


def test_every_literal_of_the_model_is_described() -> None:
    literals = [value for value in vars(dossier).values() if getattr(value, "__origin__", None) is not None]
    for literal in literals:
        values = list(get_args(literal))
        if values and all(isinstance(v, str) for v in values) and values != [dossier.FORMAT_ID]:
            assert any(set(values) <= set(table) for table in VALUE_DESCRIPTIONS.values()), values


def test_every_pattern_has_a_french_message() -> None:
    patterned = [(where, node) for where, node in nodes(SCHEMA) if "pattern" in node]
    assert len(patterned) > 30
    for where, node in patterned:
        assert node["patternErrorMessage"] == pattern_messages()[node["pattern"]], where
        assert node["patternErrorMessage"].endswith(".") and "^" not in node["patternErrorMessage"], where


def _failed_patterns(error: ValidationError) -> Iterator[ValidationError]:
    if error.validator == "pattern":
        yield error
    for inner in error.context or []:
        yield from _failed_patterns(inner)


def editor_messages(text: str) -> list[str]:
    """What VS Code shows for the values that fail a pattern: `patternErrorMessage`, else `errorMessage`."""
    validator = Draft7Validator(SCHEMA)
    found = [inner for error in validator.iter_errors(yaml12.load(text)) for inner in _failed_patterns(error)]
    schemas = [inner.schema for inner in found if isinstance(inner.schema, dict)]
    return [str(schema.get("patternErrorMessage") or schema.get("errorMessage")) for schema in schemas]


def test_a_non_numeric_population_gets_a_readable_message() -> None:
    assert editor_messages(variant(("  population: 52000", "  population: beaucoup"))) == [
        "Nombre entier de 0 à 1 000 000 000 attendu, en chiffres sans espace (ex. 52000)."
    ]
    (siren,) = editor_messages(variant(('  siren: "781302211"', '  siren: "7813"')))
    assert siren.startswith("SIREN attendu\u00a0: 9 chiffres")
    integer = SCHEMA["definitions"]["Territory"]["properties"]["population"]["anyOf"][0]["anyOf"][0]
    assert integer["errorMessage"].startswith("Nombre entier de 0 à 1 000 000 000")


AJV_SCRIPT = """
const Ajv = require("ajv");
const addFormats = require("ajv-formats");
const fs = require("fs");
const [schemaFile, ...dataFiles] = process.argv.slice(2);
const ajv = new Ajv({strict: true, allErrors: true, verbose: true});
addFormats(ajv);
ajv.addVocabulary(JSON.parse(process.env.EDITOR_KEYWORDS));
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
const results = dataFiles.map((file) => {
  const valid = validate(JSON.parse(fs.readFileSync(file, "utf8")));
  const errors = (validate.errors || []).map(
    (e) => [e.instancePath, e.keyword, e.parentSchema.patternErrorMessage || null]);
  return {file, valid, errors};
});
console.log(JSON.stringify(results));
"""


@pytest.fixture(scope="module")
def ajv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with Ajv and ajv-formats installed from the npm registry, or a skip saying why."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node and npm are needed to run Ajv")
    folder = tmp_path_factory.mktemp("ajv")
    packages = [f"ajv@{AJV_VERSION}", f"ajv-formats@{AJV_FORMATS_VERSION}"]
    command = ["npm", "install", "--no-save", "--no-audit", "--no-fund", "--silent", "--prefix", str(folder)]
    try:
        subprocess.run([*command, *packages], check=True, capture_output=True, text=True, timeout=180)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        pytest.skip(f"npm could not install Ajv (no registry?): {getattr(error, 'stderr', error)}")
    (folder / "check.js").write_text(AJV_SCRIPT, encoding="utf-8")
    return folder


def run_ajv(folder: Path, schema: dict[str, Any], documents: dict[str, Any]) -> subprocess.CompletedProcess[str]:
    (folder / "schema.json").write_text(json.dumps(schema), encoding="utf-8")
    for name, data in documents.items():
        (folder / name).write_text(json.dumps(data), encoding="utf-8")
    return subprocess.run(
        ["node", "check.js", "schema.json", *documents],
        cwd=folder,
        env={**os.environ, "EDITOR_KEYWORDS": json.dumps(EDITOR_KEYWORDS)},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_ajv_strict_compiles_the_schema_and_validates_the_examples(ajv: Path) -> None:
    readable = [p for p in sorted(EXAMPLES.glob("*.yaml")) if not p.name.startswith("invalid-")]
    documents = {f"{path.stem}.json": yaml12.load(path.read_text(encoding="utf-8")) for path in readable}
    documents["bad-population.json"] = yaml12.load(variant(("  population: 52000", '  population: "beaucoup"')))
    done = run_ajv(ajv, SCHEMA, documents)
    assert done.returncode == 0, done.stderr
    results = {result["file"]: result for result in json.loads(done.stdout)}
    assert all(results[name]["valid"] for name in documents if name != "bad-population.json"), results
    bad = results["bad-population.json"]
    assert bad["valid"] is False
    assert ["/territory/population", "pattern", pattern_messages()[r"^\+?0*(?:[0-9]{1,9}|1000000000)$"]] in bad[
        "errors"
    ]


def test_ajv_strict_refuses_a_union_type(ajv: Path) -> None:
    union = {"$schema": SCHEMA["$schema"], "type": "object", "properties": {"a": {"type": ["integer", "string"]}}}
    done = run_ajv(ajv, union, {})
    assert done.returncode != 0 and "allowUnionTypes" in done.stderr
