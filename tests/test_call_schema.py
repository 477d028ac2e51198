"""`ptce-check schema --call-file`: the JSON Schema of call files, draft-07 without union types,
a French description for every field, each kind's params under `if`/`then` on `kind`; Ajv in
strict mode compiles it and every shipped call file validates against it (a broken one does not)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator
from typer.testing import CliRunner

import yaml12
from ptce_check.call_schema import call_schema
from ptce_check.checks import RULE_KINDS
from ptce_check.metrics import METRICS
from test_schema_strict import ajv, nodes, run_ajv, strict_types_problems

__all__ = ["ajv"]  # the fixture, used by name

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = call_schema()
CALL_FILES = [*sorted((ROOT / "criteria").glob("*.yaml")), ROOT / "examples" / "calls" / "region-emergence-2026.yaml"]


def _load(path: Path) -> Any:
    return yaml12.load(path.read_text(encoding="utf-8"))


def _errors(document: Any) -> list[str]:
    return sorted(".".join(map(str, error.absolute_path)) for error in Draft7Validator(SCHEMA).iter_errors(document))


def test_the_command_writes_the_call_schema() -> None:
    from ptce_check.cli.commands import app

    result = CliRunner().invoke(app, ["schema", "--call-file"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == SCHEMA
    assert json.loads(CliRunner().invoke(app, ["schema"]).stdout)["$id"] != SCHEMA["$id"]


def test_draft_07_without_union_types_and_every_field_described_in_french() -> None:
    Draft7Validator.check_schema(SCHEMA)
    assert strict_types_problems(SCHEMA) == []
    for where, node in nodes(SCHEMA):
        for name, child in node.get("properties", {}).items():
            if where.endswith(("/if", "/then")):
                continue
            assert child.get("description"), f"{where}/properties/{name}"
    assert "path" not in SCHEMA["properties"]


def test_kinds_are_listed_and_their_params_follow_the_kind() -> None:
    rule = SCHEMA["definitions"]["Rule"]
    assert rule["properties"]["kind"]["enum"] == list(RULE_KINDS)
    assert SCHEMA["definitions"]["Criterion"]["properties"]["kind"]["enum"] == list(METRICS)
    branch = next(b for b in rule["allOf"] if b["if"]["properties"]["kind"]["const"] == "legal_person_members")
    minimum = branch["then"]["properties"]["params"]["properties"]["minimum"]
    assert minimum["type"] == "integer" and minimum["default"] == 3 and minimum["minimum"] == 1
    assert minimum["description"] == "Le nombre de membres personnes morales exigé."


def test_every_shipped_call_file_validates() -> None:
    for path in CALL_FILES:
        assert _errors(_load(path)) == [], path


def test_a_wrong_param_or_an_unknown_kind_is_refused() -> None:
    call = _load(CALL_FILES[-1])
    call["rules"][1]["params"] = {"minimum": "trois"}
    assert _errors(call) == ["rules.1.params.minimum"]
    call["rules"][1]["params"] = {"maximum": 3}
    assert _errors(call) == ["rules.1.params"]
    call["rules"][1] = {**call["rules"][1], "kind": "legal_persons", "params": {}}
    assert _errors(call) == ["rules.1.kind"]


def test_ajv_strict_compiles_it_and_validates_every_call_file(ajv: Path) -> None:
    documents = {f"{path.stem}.json": _load(path) for path in CALL_FILES}
    broken = _load(CALL_FILES[-1])
    broken["scoring"][0]["params"] = {"sectors": "tous"}
    documents["broken.json"] = broken
    done = run_ajv(ajv, SCHEMA, documents)
    assert done.returncode == 0, done.stderr
    results = {result["file"]: result for result in json.loads(done.stdout)}
    assert all(results[name]["valid"] for name in documents if name != "broken.json"), results
    assert results["broken.json"]["valid"] is False
