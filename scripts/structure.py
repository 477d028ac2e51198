"""Structure figures of the package: modules, import cycles, longest functions, lines per package.

Every import counts, deferred ones (inside functions) included, since a cycle closed by a
deferred import still ties the modules together.

    python scripts/structure.py            # the figures, as text
    python scripts/structure.py --json     # the same, as JSON
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "ptce_check"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(tree: ast.AST, name: str, is_package: bool, known: set[str]) -> set[str]:
    """The package's own modules that `name` imports anywhere in its body."""
    found: set[str] = set()
    package = name if is_package else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm; components of more than one module are import cycles."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph[node]):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            components.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [c for c in components if len(c) > 1]


def figures() -> dict[str, object]:
    files = sorted((ROOT / PACKAGE).rglob("*.py"))
    names = {module_name(path): path for path in files}
    known = set(names)
    graph: dict[str, set[str]] = {}
    functions: list[tuple[int, str]] = []
    lines_per_package: dict[str, int] = defaultdict(int)
    module_lines: dict[str, int] = {}
    for name, path in names.items():
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        graph[name] = imported_modules(tree, name, path.name == "__init__.py", known)
        count = len(text.splitlines())
        module_lines[name] = count
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        lines_per_package[package] += count
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                functions.append((length, f"{name}.{node.name}"))
    cycles = strongly_connected(graph)
    functions.sort(reverse=True)
    return {
        "modules": len(names),
        "lines": sum(module_lines.values()),
        "cycles": [{"size": len(c), "modules": c} for c in cycles],
        "largest_modules": sorted(((n, m) for m, n in module_lines.items()), reverse=True)[:5],
        "longest_functions": functions[:8],
        "lines_per_package": dict(sorted(lines_per_package.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    data = figures()
    if args.json:
        print(json.dumps(data, indent=2))
        return
    print(f"modules: {data['modules']}, lines: {data['lines']}")
    cycles = data["cycles"]
    assert isinstance(cycles, list)
    print(f"import cycles: {len(cycles)}")
    for cycle in cycles:
        print(f"  {cycle['size']} modules: {', '.join(cycle['modules'])}")
    print("largest modules:")
    for lines, name in data["largest_modules"]:  # type: ignore[attr-defined]
        print(f"  {lines:5d}  {name}")
    print("longest functions:")
    for lines, name in data["longest_functions"]:  # type: ignore[attr-defined]
        print(f"  {lines:5d}  {name}")
    print("lines per package:")
    for package, lines in data["lines_per_package"].items():  # type: ignore[attr-defined]
        print(f"  {lines:6d}  {package}")


if __name__ == "__main__":
    main()
