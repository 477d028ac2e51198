"""Every kind against its own examples (snippet -> status, value or findings), and the
contract every kind keeps: docstring with PASS and FAIL, examples of both, codes declared."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pytest

from helpers import BASE_TEXT, FIXTURES
from ptce_check.binding import shipped_call
from ptce_check.calls import list_calls
from ptce_check.checks import RULE_KINDS
from ptce_check.codes import CODES
from ptce_check.context import Context
from ptce_check.decoding import Limits
from ptce_check.kinds import Example
from ptce_check.lazy import LazyModules
from ptce_check.metrics import METRICS
from ptce_check.quality import DATA_CHECKS
from ptce_check.source import Document, load_bytes
from ptce_check.validation import validate

_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):", re.MULTILINE)


def _sections(text: str) -> dict[str, str]:
    """The top-level sections of a YAML mapping, each with its lines."""
    starts = [(match.start(), match.group(1)) for match in _TOP_KEY.finditer(text)]
    ends = [start for start, _ in starts[1:]] + [len(text)]
    return {key: text[start:end] for (start, key), end in zip(starts, ends, strict=True)}


def merged(snippet: str) -> str:
    """The snippet, then the sections of the minimal dossier it does not give (so that the
    snippet's line numbers are the file's)."""
    given = set(_sections(snippet))
    text = snippet if snippet.endswith("\n") else snippet + "\n"
    rest = [body for key, body in _sections(BASE_TEXT).items() if key not in given]
    return text + "".join(body if body.endswith("\n") else body + "\n" for body in rest)


def context_for(example: Example) -> tuple[Context, Document]:
    document = load_bytes(merged(example.yaml).encode("utf-8"), Limits())
    validated = validate(document.data, annotated=document.annotated)
    assert validated.findings == [], [finding.code for finding in validated.findings]
    return Context(validated.view, shipped_call(example.call).call, FIXTURES), document


def _cases(registry: Mapping[str, Any] | tuple[Any, ...]) -> list[Any]:
    modules = registry.values() if isinstance(registry, Mapping) else registry
    return [
        pytest.param(module, example, id=f"{_name(module)}-{index}")
        for module in modules
        for index, example in enumerate(module.EXAMPLES)
    ]


def _name(module: Any) -> str:
    name: str = module.__name__
    return name.rpartition(".")[2]


def _emitted(module: Any, example: Example) -> list[tuple[str, int]]:
    context, document = context_for(example)
    found = []
    for finding in module.run(context):
        path = context.view.origins.to_file(finding.path)
        found.append((finding.code, document.source_map.lookup(path, at_key=finding.at_key).line))
    return found


@pytest.mark.parametrize(("module", "example"), _cases(RULE_KINDS))
def test_rule_example(module: Any, example: Example) -> None:
    context, _ = context_for(example)
    outcome = module.run(context, module.Params.model_validate(dict(example.params)))
    assert outcome.status == example.status, outcome.evidence.en


@pytest.mark.parametrize(("module", "example"), _cases(METRICS))
def test_metric_example(module: Any, example: Example) -> None:
    context, _ = context_for(example)
    measure = module.run(context, module.Params.model_validate(dict(example.params)))
    assert measure.value == (pytest.approx(example.value) if example.value is not None else None), measure.evidence.en


@pytest.mark.parametrize(("module", "example"), _cases(DATA_CHECKS))
def test_data_check_example(module: Any, example: Example) -> None:
    assert _emitted(module, example) == list(example.findings)


def _all_kinds() -> list[Any]:
    return [
        pytest.param(module, id=_name(module)) for module in (*RULE_KINDS.values(), *METRICS.values(), *DATA_CHECKS)
    ]


@pytest.mark.parametrize("module", _all_kinds())
def test_every_kind_documents_pass_and_fail(module: Any) -> None:
    assert module.__doc__ and "PASS" in module.__doc__ and "FAIL" in module.__doc__


def _passes(module: Any, example: Example) -> bool:
    if module in DATA_CHECKS:
        return not example.findings
    if module in METRICS.values():
        return example.passes
    return example.status == "passed"


@pytest.mark.parametrize("module", _all_kinds())
def test_every_kind_has_a_passing_and_a_failing_example(module: Any) -> None:
    outcomes = {_passes(module, example) for example in module.EXAMPLES}
    assert outcomes == {True, False}


@pytest.mark.parametrize("module", [pytest.param(module, id=_name(module)) for module in DATA_CHECKS])
def test_a_data_check_declares_every_code_of_its_examples(module: Any) -> None:
    emitted = {code for example in module.EXAMPLES for code, _ in example.findings}
    assert emitted <= set(module.CODES)
    assert set(module.CODES) <= set(CODES)


def test_registries_are_keyed_by_kind() -> None:
    assert all(name == module.KIND for name, module in RULE_KINDS.items())
    assert all(name == module.KIND for name, module in METRICS.items())
    assert len(METRICS) == 24 and len(RULE_KINDS) == 13


def test_every_code_is_emitted_by_a_kind_or_the_reading_layer() -> None:
    by_checks = {code for module in DATA_CHECKS for code in module.CODES}
    by_rules = {rule.code for call in list_calls() for rule in shipped_call(call).call.rules if rule.kind in RULE_KINDS}
    reading = {code for code in CODES if code.startswith(("PTCE-F", "PTCE-S"))}
    assert set(CODES) == by_checks | by_rules | reading
    assert not by_checks & reading


_KINDS = [*RULE_KINDS.values(), *METRICS.values()]


@pytest.mark.parametrize("module", _KINDS, ids=[_name(module) for module in _KINDS])
def test_every_rule_and_metric_kind_describes_itself_in_words(module: Any) -> None:
    """Each kind says in words what it checks or measures with its default params (and with
    those of each of its examples): two different texts, no Python kind name, no JSON."""
    defaults = [module.Params()] if _all_defaulted(module.Params) else []
    for params in [*defaults, *(module.Params.model_validate(example.params) for example in module.EXAMPLES)]:
        text = module.describe(params)
        for words in (text.fr, text.en):
            assert words
            assert "_" not in words and "{" not in words and "[" not in words
        assert text.fr != text.en


def _all_defaulted(model: Any) -> bool:
    return all(not field.is_required() for field in model.model_fields.values())


@pytest.mark.parametrize(
    ("kind", "params", "french"),
    [
        ("legal_person_members", {"minimum": 3}, "au moins 3 membres personnes morales"),
        ("legal_person_members", {"minimum": 5}, "au moins 5 membres personnes morales"),
        (
            "local_authority_share",
            {"per": "funder", "max_percent": 20},
            "chaque collectivité finance au plus 20 % des dépenses",
        ),
        (
            "local_authority_share",
            {"per": "total", "max_percent": 50},
            "les collectivités ensemble financent au plus 50 % des dépenses",
        ),
    ],
)
def test_a_rule_description_carries_its_params(kind: str, params: dict[str, Any], french: str) -> None:
    module = RULE_KINDS[kind]
    assert module.describe(module.Params.model_validate(params)).fr == french


def test_a_metric_description_carries_its_params() -> None:
    maturity = METRICS["maturity"]
    text = maturity.describe(maturity.Params.model_validate({"min_age_years": 3, "min_revenue_eur": 10000})).fr
    assert "au moins 3 ans" in text and "au moins 10\u202f000\xa0€ de recettes propres" in text


def test_a_kind_is_imported_only_by_a_name_of_its_list() -> None:
    """A call file's kind names are looked up, never imported as given (`lazy.LazyModules`)."""
    registry: LazyModules[Any] = LazyModules("ptce_check.checks", ("grant_ceiling",))
    assert "grant_ceiling" in registry and "base" not in registry and "../checks/grant_ceiling" not in registry
    with pytest.raises(KeyError):
        registry["base"]  # a module of the package, but not a listed kind
    assert registry["grant_ceiling"].KIND == "grant_ceiling" and registry["grant_ceiling"] is registry["grant_ceiling"]
    assert list(registry) == ["grant_ceiling"] and len(registry) == 1
    assert list(RULE_KINDS)[:2] == ["private_legal_person", "legal_person_members"] and list(METRICS)[-1] == "reviewer"
