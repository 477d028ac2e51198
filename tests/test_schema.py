"""`ptce-check schema`: a draft-07 JSON Schema that validates the shipped dossiers with an
independent validator, and never accepts what the checker refuses for its shape.

The schema side reads YAML as an editor does (YAML 1.2 core schema, `tests/yaml12.py`); the
checker side reads the same data written out as JSON, which is YAML too.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator
from typer.testing import CliRunner

import yaml12
from helpers import BASE_TEXT, EXAMPLES, assess_text, variant
from ptce_check.assess import assess_source
from ptce_check.cli.commands import app
from ptce_check.dossier import LegalForm, MemberCategory
from ptce_check.schema import DRAFT_07, dossier_schema, pattern_messages
from ptce_check.template import TEMPLATE

SCHEMA = dossier_schema()
VALIDATOR = Draft7Validator(SCHEMA, format_checker=Draft7Validator.FORMAT_CHECKER)
READABLE = [path for path in sorted(EXAMPLES.glob("*.yaml")) if not path.name.startswith("invalid-")]
#: Values of every JSON type, and text that looks like other types: what a variant may put anywhere.
POOL: list[Any] = [
    None, True, False, 0, 1, 7, -3, 2.5, 1e20, 2015, "", "texte", "12", "+4", "-5", "2.5", ".5", "1e3",
    "100", "100.5", "2015", "2015-06-15", "2015-06-15T10:30:00+02:00", "yes", "0x10", "38563", "QP026003",
    [], ["texte"], [1], {}, {"x_note": 1},
]  # fmt: skip
ENUMS: list[list[Any]] = []
DIGITS = ("^[0-9]{9}$", "^[0-9]{14}$")


def _collect_enums(node: Any) -> None:
    if isinstance(node, dict):
        if "enum" in node:
            ENUMS.append(node["enum"])
        for value in node.values():
            _collect_enums(value)
    elif isinstance(node, list):
        for value in node:
            _collect_enums(value)


_collect_enums(SCHEMA)


def schema_accepts(data: Any) -> bool:
    return VALIDATOR.is_valid(data)


def canonical(data: Any) -> Any:
    """JSON's data model has one number 5 whether written 5, 5.0 or 5e0: write whole numbers
    as integers (the README documents the notations the checker reads differently)."""
    if isinstance(data, dict):
        return {key: canonical(value) for key, value in data.items()}
    if isinstance(data, list):
        return [canonical(value) for value in data]
    return int(data) if isinstance(data, float) and data.is_integer() else data


def shape_findings(data: Any) -> list[str]:
    """The checker's format and shape findings (PTCE-F, PTCE-S) on the data written as JSON."""
    text = json.dumps(canonical(data), ensure_ascii=True)
    assessment = assess_source(text.encode("utf-8"), "dossier.yaml", folder=None)
    return [f"{f.code} {f.message.en}" for f in assessment.findings if f.code.startswith(("PTCE-F", "PTCE-S"))]


def places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key and list index in the document, parents first."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, value in items:
        yield (*path, key)
        yield from places(value, (*path, key))


def replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    """A copy of `data` with the value at `path` replaced; only the containers on the path are
    copied, the rest is shared (no variant is ever modified)."""
    if not path:
        return value
    changed = copy.copy(data)
    changed[path[0]] = replaced(data[path[0]], path[1:], value)
    return changed


def dropped(data: Any, path: tuple[Any, ...]) -> Any:
    """A copy of `data` without the key or list item at `path`."""
    changed = copy.copy(data)
    if len(path) == 1:
        del changed[path[0]]
    else:
        changed[path[0]] = dropped(data[path[0]], path[1:])
    return changed


def _resolved(node: dict[str, Any]) -> dict[str, Any]:
    """A property's schema with `$ref` followed and the `null` alternative set aside."""
    if "$ref" in node:
        return _resolved(SCHEMA["definitions"][node["$ref"].removeprefix("#/definitions/")])
    branches = [branch for branch in node.get("anyOf", []) if branch.get("type") != "null"]
    return _resolved(branches[0]) if len(branches) == 1 else node


def owner(path: tuple[Any, ...]) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """The innermost object of the dossier model around `path`, and its definition: a change
    at `path` is valid exactly when that object still validates (no rule spans two objects)."""
    node, found = SCHEMA, ((), SCHEMA)
    for depth, step in enumerate(path[:-1]):
        if "properties" in node:
            node = _resolved(node["properties"][step])
        else:
            node = _resolved(node.get("items") or node.get("additionalProperties") or {})
        if "properties" in node:
            found = (path[: depth + 1], node)
    return found


def accepted_change(data: Any, path: tuple[Any, ...]) -> bool:
    where, definition = owner(path)
    part = data
    for step in where:
        part = part[step]
    if not where:
        return schema_accepts(data)
    key = definition["title"]
    if key not in _PART_VALIDATORS:
        schema = {**definition, "definitions": SCHEMA["definitions"]}
        _PART_VALIDATORS[key] = Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    return _PART_VALIDATORS[key].is_valid(part)


_PART_VALIDATORS: dict[str, Draft7Validator] = {}


def candidates(current: Any) -> list[Any]:
    enum_values = [value for values in ENUMS if current in values for value in values]
    return [*POOL, *enum_values]


def test_a_draft_07_schema_with_id_titles_and_french_descriptions() -> None:
    Draft7Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == DRAFT_07 and SCHEMA["$id"].startswith("urn:")
    assert "$defs" not in json.dumps(SCHEMA)
    refs = {value for node in _nodes(SCHEMA) for key, value in node.items() if key == "$ref"}
    assert refs and all(ref.removeprefix("#/definitions/") in SCHEMA["definitions"] for ref in refs)
    objects = [("Dossier", SCHEMA), *SCHEMA["definitions"].items()]
    for name, node in objects:
        assert node["title"] and node["description"], name
        assert node["additionalProperties"] is False and "^x_" in node["patternProperties"]
        for key, prop in node["properties"].items():
            assert prop.get("description"), (name, key)
    assert SCHEMA["definitions"]["Pole"]["title"] == "Pôle"
    assert "chiffres" in SCHEMA["definitions"]["Pole"]["properties"]["siren"]["description"]


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def test_enums_and_code_patterns() -> None:
    member = SCHEMA["definitions"]["Member"]["properties"]
    assert member["legal_form"]["enum"] == list(get_args(LegalForm))
    assert member["category"]["enum"] == list(get_args(MemberCategory))
    # The string branch holds the pattern, and the French message an editor shows when it fails.
    siren, siret = ({"type": "string", "pattern": p, "patternErrorMessage": pattern_messages()[p]} for p in DIGITS)
    assert siren in member["siren"]["anyOf"] and siret in member["siret"]["anyOf"]
    for code, good in [("26281", True), ("2A004", True), ("97411", True), ("3856", False), ("99999", False)]:
        data = yaml12.load(variant(('    commune: "26281"', f'    commune: "{code}"')))
        assert schema_accepts(data) is good, code
    for code, good in [("QP026003", True), ("QN02601N", True), ("QPV26", False)]:
        text = variant(
            ("  population: 52000", f"  population: 52000\n  difficulties: {{priority_neighbourhoods: [{code}]}}")
        )
        assert schema_accepts(yaml12.load(text)) is good, code


def test_the_schema_command_writes_it_to_stdout_or_a_file(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0 and json.loads(result.output) == SCHEMA
    target = tmp_path / "ptce-dossier.schema.json"
    result = runner.invoke(app, ["schema", "-o", str(target)])
    assert result.exit_code == 0 and result.output == ""
    assert json.loads(target.read_text(encoding="utf-8")) == SCHEMA
    assert runner.invoke(app, ["schema", "-o", str(tmp_path / "missing" / "x.json")]).exit_code == 2


@pytest.mark.parametrize("path", [*READABLE, TEMPLATE], ids=lambda p: p.name)
def test_shipped_dossiers_validate_and_pass_the_shape_checks(path: Path) -> None:
    data = yaml12.load(path.read_text(encoding="utf-8"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(data)]
    assert errors == []
    assert shape_findings(data) == []


def test_the_invalid_example_is_refused_for_what_no_schema_sees() -> None:
    # A duplicate key is a YAML matter: a YAML reader keeps one value (editors flag it themselves).
    text = (EXAMPLES / "invalid-duplicate-key.yaml").read_text(encoding="utf-8")
    assert schema_accepts(yaml12.load(text))
    assert [f.code for f in assess_text(text).findings] == ["PTCE-F05"]


def test_no_variant_the_schema_accepts_is_refused_for_its_shape() -> None:
    """Every key dropped, and every value replaced by values of every type (and every value of
    its enumeration): whatever the schema still accepts, the checker reads without a shape finding."""
    base = yaml12.load(TEMPLATE.read_text(encoding="utf-8"))
    tried = accepted = 0
    for path in places(base):
        variants = [dropped(base, path)]
        current: Any = base
        for step in path:
            current = current[step]
        variants += [replaced(base, path, value) for value in candidates(current)]
        for data in variants:
            tried += 1
            accepted_here = accepted_change(data, path)
            if tried % 50 == 0:  # the shortcut agrees with validating the whole dossier
                assert accepted_here == schema_accepts(data)
            if accepted_here:
                accepted += 1
                assert shape_findings(data) == [], (path, data if len(str(data)) < 200 else path)
    assert accepted > 500 and tried > 3 * accepted


MUTATION = st.tuples(st.integers(min_value=0), st.one_of(st.none(), st.sampled_from(POOL)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(READABLE), st.lists(MUTATION, min_size=1, max_size=6))
def test_combined_variants_of_the_examples(path: Path, mutations: list[tuple[int, Any]]) -> None:
    data = yaml12.load(path.read_text(encoding="utf-8"))
    for index, value in mutations:
        spots = list(places(data))
        if not spots:
            break
        spot = spots[index % len(spots)]
        data = dropped(data, spot) if value is None else replaced(data, spot, value)
    if schema_accepts(data):
        assert shape_findings(data) == []


def _both(old: str, new: str) -> tuple[bool, list[str]]:
    text = variant((old, new))
    codes = [f.code for f in assess_text(text).findings if f.code.startswith(("PTCE-F", "PTCE-S"))]
    return schema_accepts(yaml12.load(text)), codes


def test_the_differences_the_readme_documents() -> None:
    # Both refuse: `yes` is text in YAML 1.2 and no boolean for the checker.
    assert _both("    charter_signed: true", "    charter_signed: yes") == (False, ["PTCE-S05"])
    # The schema is stricter: a code written as a plain number is an integer to an editor.
    assert _both('    commune: "26057"', "    commune: 26057") == (False, [])
    # The schema cannot see these notations, which YAML 1.2 reads as numbers.
    assert _both("  population: 52000", "  population: 0x10") == (True, ["PTCE-S07"])
    assert _both("  population: 52000", "  population: 52000.0") == (True, ["PTCE-S07"])
    # `.inf` is a number to an editor too, but past the amount ceiling the schema states.
    assert _both("  requested_grant_eur: 60000", "  requested_grant_eur: .inf") == (False, ["PTCE-S07"])
    # Dates: the pattern gives the form; only validators that check formats refuse 30 February.
    assert _both("submitted_at: 2015-06-15", "submitted_at: 2015-02-30") == (False, ["PTCE-S06"])
    assert Draft7Validator(SCHEMA).is_valid(
        yaml12.load(variant(("submitted_at: 2015-06-15", "submitted_at: 2015-02-30")))
    )


def test_the_base_fixture_validates() -> None:
    assert schema_accepts(yaml12.load(BASE_TEXT))
