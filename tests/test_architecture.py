"""The package's structure holds: no import cycle (deferred imports included), no module over
400 lines, no language chosen by a conditional expression (texts are `i18n.Text`)."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "ptce_check"
MAX_LINES = 400


def _structure() -> dict[str, object]:
    spec = importlib.util.spec_from_file_location("structure", ROOT / "scripts" / "structure.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["structure"] = module
    spec.loader.exec_module(module)
    figures: dict[str, object] = module.figures()
    return figures


def test_no_import_cycle_deferred_imports_included() -> None:
    assert _structure()["cycles"] == []


def test_no_module_over_400_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


_LANGUAGE_TEST = re.compile(r"""\blang\s*==\s*["'](?:fr|en)["']|\bfr\b""")


def test_no_language_ternary() -> None:
    found = []
    # `i18n.Text.get` is the one place a language is chosen.
    for path in (p for p in PACKAGE.rglob("*.py") if p.name != "i18n.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.IfExp) and _LANGUAGE_TEST.search(ast.unparse(node.test)):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []
