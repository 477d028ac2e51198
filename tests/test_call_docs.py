"""docs/calls.md is generated from the kinds and the call models (`scripts/call_docs.py`) and current."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from ptce_check.call_schema import PARAM_DESCRIPTIONS
from ptce_check.checks import RULE_KINDS
from ptce_check.kinds import MetricKind, RuleKind
from ptce_check.metrics import METRICS

ROOT = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("call_docs", ROOT / "scripts" / "call_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["call_docs"] = module
    spec.loader.exec_module(module)
    return module


def test_docs_calls_md_is_current() -> None:
    generated = _script().document()
    assert (ROOT / "docs" / "calls.md").read_text(encoding="utf-8") == generated, "run python scripts/call_docs.py"


def test_every_kind_has_its_section_params_and_pass_and_fail_examples() -> None:
    text = (ROOT / "docs" / "calls.md").read_text(encoding="utf-8")
    sections = text.split("\n### `")[1:]
    by_kind = {section.split("`", 1)[0]: section for section in sections}
    assert set(by_kind) == {*RULE_KINDS, *METRICS}
    for kind, section in by_kind.items():
        assert "**PASS**" in section and "**FAIL**" in section, kind
    assert (
        "| `minimum` | integer ≥ 1 | `3` | Le nombre de membres personnes morales exigé. |"
        in by_kind["legal_person_members"]
    )
    assert "| `per` | `funder` or `total` | required |" in by_kind["local_authority_share"]


def test_every_param_of_every_kind_is_described() -> None:
    kinds: list[tuple[str, RuleKind | MetricKind]] = [*RULE_KINDS.items(), *METRICS.items()]
    for kind, module in kinds:
        assert set(module.Params.model_fields) == set(PARAM_DESCRIPTIONS.get(kind, {})), kind
