"""Mutation testing of the rule code: small ast edits, each run against the rule tests.

Usage (from the repository root, in the virtualenv)::

    nice -n 10 python scripts/mutate.py                  # all target modules, 2 jobs
    python scripts/mutate.py --list                      # the mutants, without running them
    python scripts/mutate.py --only ess.py --jobs 1      # one module
    python scripts/mutate.py --json out.json             # also write every result

Each mutant is written into a private copy of the package (one per job) and the selected tests
run there with ``pytest -x``; a failing or timed-out run kills the mutant. Mutants listed as
equivalent in docs/mutation.md (lines ``- `KEY` …``) are left out of the score. A mutant's key is
``file:function:description`` so that it survives line moves; its line is printed beside it.
The exit status is 0 when the score reaches ``--min-score``, 1 otherwise.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "ptce_check"
TARGETS = (*sorted((PACKAGE / "checks").glob("*.py")), PACKAGE / "ess.py", PACKAGE / "scoring.py")
TESTS = (
    "tests/test_rules.py",
    "tests/test_rules_boundaries.py",
    "tests/test_rules_unread.py",
    "tests/test_partial.py",
    "tests/test_ami.py",
    "tests/test_rules_edges.py",
    "tests/test_ess.py",
    "tests/test_scoring.py",
    "tests/test_scoring_suggestions.py",
    "tests/test_examples.py",
)
EQUIVALENTS = ROOT / "docs" / "mutation.md"
#: Assignments left as they are: Pydantic settings, and the names `import *` gives (no rule reads them).
_NOT_MUTATED = ("model_config", "__all__")

COMPARE_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
BINARY_SWAPS: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
}
NAME_SWAPS = {"min": "max", "max": "min"}

Edit = Callable[[ast.AST], ast.AST]


@dataclass(frozen=True)
class Mutant:
    key: str
    file: Path
    line: int
    source: str


@dataclass(frozen=True)
class Result:
    mutant: Mutant
    killed: bool
    seconds: float


def _skipped_nodes(tree: ast.Module) -> set[int]:
    """Docstrings, annotations and `from __future__` lines: nothing to mutate there."""
    skipped: set[int] = set()

    def skip(node: ast.AST | None) -> None:
        if node is not None:
            skipped.update(id(child) for child in ast.walk(node))

    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and _is_docstring(body[0]):
            skip(body[0])
        if isinstance(node, ast.AnnAssign | ast.arg):
            skip(node.annotation)
        elif isinstance(node, ast.FunctionDef):
            skip(node.returns)
        elif isinstance(node, ast.ImportFrom):
            skip(node)
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            for decorator in node.decorator_list:  # dataclass(frozen=True, slots=True): no behaviour
                skip(decorator)
        if isinstance(node, ast.Assign) and any(_is_name(t, name) for t in node.targets for name in _NOT_MUTATED):
            skip(node)
        if isinstance(node, ast.Subscript) and _is_name(node.value, "Literal"):
            skip(node)
    return skipped


def _is_docstring(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def _is_name(node: ast.AST, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _swap_compare(node: ast.Compare, index: int, new: type[ast.cmpop]) -> Edit:
    def edit(target: ast.AST) -> ast.AST:
        assert isinstance(target, ast.Compare)
        target.ops[index] = new()
        return target

    return edit


def _edits(node: ast.AST) -> Iterator[tuple[str, Edit]]:
    """(what changes, how) for each mutation of this one node."""
    if isinstance(node, ast.Compare):
        for index, op in enumerate(node.ops):
            if type(op) in COMPARE_SWAPS:
                yield "compare", _swap_compare(node, index, COMPARE_SWAPS[type(op)])
    elif isinstance(node, ast.Constant) and isinstance(node.value, bool):
        yield "bool", lambda target: ast.Constant(not node.value)
    elif isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        number: float = node.value
        yield "number", lambda target: ast.Constant(number + 1)
    elif isinstance(node, ast.BoolOp):
        yield "boolop", lambda target: ast.BoolOp(ast.Or() if isinstance(node.op, ast.And) else ast.And(), node.values)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not | ast.USub):
        yield "unary", lambda target: node.operand
    elif isinstance(node, ast.BinOp) and type(node.op) in BINARY_SWAPS:
        yield "binop", lambda target: ast.BinOp(node.left, BINARY_SWAPS[type(node.op)](), node.right)
    elif isinstance(node, ast.Name) and node.id in NAME_SWAPS and isinstance(node.ctx, ast.Load):
        yield "name", lambda target: ast.Name(NAME_SWAPS[node.id], ast.Load())
    elif isinstance(node, ast.Set | ast.Tuple | ast.List) and isinstance(getattr(node, "ctx", ast.Load()), ast.Load):
        strings = [e for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if strings and len(strings) == len(node.elts):
            for index in range(len(node.elts)):
                yield "remove", _without(index)
    if isinstance(node, ast.If | ast.IfExp) and not _flipped_elsewhere(node.test):
        yield "negate", _negated_test


def _flipped_elsewhere(test: ast.expr) -> bool:
    """A single swappable comparison or a `not` is already flipped by another mutant."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return True
    return isinstance(test, ast.Compare) and len(test.ops) == 1 and type(test.ops[0]) in COMPARE_SWAPS


def _without(index: int) -> Edit:
    def edit(target: ast.AST) -> ast.AST:
        assert isinstance(target, ast.Set | ast.Tuple | ast.List)
        del target.elts[index]
        if isinstance(target, ast.Set) and not target.elts:  # `{}` would be a dict
            return ast.Call(ast.Name("set", ast.Load()), [], [])
        return target

    return edit


def _negated_test(target: ast.AST) -> ast.AST:
    assert isinstance(target, ast.If | ast.IfExp)
    target.test = ast.UnaryOp(ast.Not(), target.test)
    return target


class _Replacer(ast.NodeTransformer):
    def __init__(self, wanted: int, edit: Edit) -> None:
        self.counter = -1
        self.wanted = wanted
        self.edit = edit
        self.before = ""
        self.after = ""

    def visit(self, node: ast.AST) -> ast.AST:
        self.counter += 1
        if self.counter == self.wanted:
            self.before = _short(node)
            new = self.edit(node)
            self.after = _short(new)
            return new
        visited: ast.AST = super().visit(node)
        return visited


def _short(node: ast.AST) -> str:
    text = ast.unparse(node) if not isinstance(node, ast.If) else f"if {ast.unparse(node.test)}:"
    text = " ".join(text.split())
    return text if len(text) <= 90 else text[:87] + "..."


def _functions(tree: ast.Module) -> dict[int, str]:
    """Node id -> the name of the top-level function or class that contains it."""
    owner: dict[int, str] = {}
    for statement in tree.body:
        name = getattr(statement, "name", "<module>")
        for node in ast.walk(statement):
            owner[id(node)] = name
    return owner


def mutants_of(path: Path) -> list[Mutant]:
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    skipped = _skipped_nodes(tree)
    owner = _functions(tree)
    relative = path.relative_to(PACKAGE).as_posix()
    found: list[Mutant] = []
    seen: dict[str, int] = {}
    order = _visit_order(tree)
    sources = {ast.unparse(tree)}  # a mutant that reads like the original or like another is left out
    for index, node in enumerate(order):
        if id(node) in skipped:
            continue
        for _, edit in _edits(node):
            fresh = ast.parse(text)
            replacer = _Replacer(index, edit)
            mutated = ast.fix_missing_locations(replacer.visit(fresh))
            source = ast.unparse(mutated)
            if source in sources:
                continue
            sources.add(source)
            description = f"{replacer.before} -> {replacer.after}"
            key = f"{relative}:{owner.get(id(node), '<module>')}:{description}"
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:
                key += f" #{seen[key]}"
            found.append(Mutant(key, path, getattr(node, "lineno", 0), source))
    return found


def _visit_order(tree: ast.AST) -> list[ast.AST]:
    """Nodes in the order `ast.NodeTransformer.visit` meets them (depth first, pre-order)."""
    nodes: list[ast.AST] = []

    def walk(node: ast.AST) -> None:
        nodes.append(node)
        for child in ast.iter_child_nodes(node):
            walk(child)

    walk(tree)
    return nodes


def _workspace(base: Path) -> Path:
    """A private copy of the package and the call files, first on the test run's import path."""
    shutil.copytree(PACKAGE, base / "src" / "ptce_check", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "criteria", base / "criteria")
    return base


def _run_tests(workspace: Path, tests: list[str], timeout: float) -> bool:
    """True when the tests pass (the mutant survives)."""
    environment = dict(os.environ, PYTHONPATH=str(workspace / "src"), PYTHONDONTWRITEBYTECODE="1")
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-x",
        "-q",
        "-p",
        "no:cacheprovider",
        "-p",
        "no:hypothesispytest",
        "-o",
        "addopts=",
        *tests,
    ]
    try:
        completed = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False
    return completed.returncode == 0


def _worker(workspace: Path, tests: list[str], timeout: float, todo: queue.Queue[Mutant], done: list[Result]) -> None:
    while True:
        try:
            mutant = todo.get_nowait()
        except queue.Empty:
            return
        target = workspace / "src" / "ptce_check" / mutant.file.relative_to(PACKAGE)
        original = target.read_text(encoding="utf-8")
        target.write_text(mutant.source, encoding="utf-8")
        started = time.monotonic()
        try:
            survived = _run_tests(workspace, tests, timeout)
        finally:
            target.write_text(original, encoding="utf-8")
        done.append(Result(mutant, not survived, time.monotonic() - started))
        marker = "." if not survived else "S"
        print(marker, end="", flush=True)


def equivalent_keys(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    return set(re.findall(r"^- `([^`]+)`", path.read_text(encoding="utf-8"), flags=re.MULTILINE))


def run_all(mutants: list[Mutant], tests: list[str], jobs: int) -> list[Result]:
    with tempfile.TemporaryDirectory(prefix="ptce-mutate-") as scratch:
        workspaces = [_workspace(Path(scratch) / f"job{n}") for n in range(jobs)]
        started = time.monotonic()
        if not _run_tests(workspaces[0], tests, timeout=600):
            sys.exit("the selected tests fail on the unmutated code: fix them first")
        timeout = max(30.0, 5 * (time.monotonic() - started))
        todo: queue.Queue[Mutant] = queue.Queue()
        for mutant in mutants:
            todo.put(mutant)
        done: list[Result] = []
        threads = [
            threading.Thread(target=_worker, args=(w, tests, timeout, todo, done), daemon=True) for w in workspaces
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print()
    return sorted(done, key=lambda result: (str(result.mutant.file), result.mutant.line, result.mutant.key))


def report(results: list[Result], equivalents: set[str], elapsed: float) -> float:
    survivors = [r for r in results if not r.killed]
    equivalent = [r for r in survivors if r.mutant.key in equivalents]
    real = [r for r in survivors if r.mutant.key not in equivalents]
    counted = len(results) - len(equivalent)
    killed = len(results) - len(survivors)
    score = 100.0 * killed / counted if counted else 100.0
    for result in real:
        print(f"SURVIVED {result.mutant.file.relative_to(ROOT)}:{result.mutant.line}  {result.mutant.key}")
    for result in equivalent:
        print(f"equivalent {result.mutant.file.relative_to(ROOT)}:{result.mutant.line}  {result.mutant.key}")
    stale = equivalents - {r.mutant.key for r in results}
    for key in sorted(stale):
        print(f"note: listed as equivalent but no longer generated: {key}")
    print(
        f"{len(results)} mutants, {killed} killed, {len(survivors)} survived "
        f"({len(equivalent)} equivalent, {len(real)} not): score {score:.1f} % of non-equivalent mutants, "
        f"{elapsed:.0f} s"
    )
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--only", action="append", default=[], help="mutate only files whose path ends so")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--tests", nargs="+", default=[t for t in TESTS if (ROOT / t).is_file()])
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument("--json", type=Path, help="write every result to this file")
    parser.add_argument("--min-score", type=float, default=90.0)
    options = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))  # so that the scratch copies are removed
    targets = [t for t in TARGETS if not options.only or any(str(t).endswith(o) for o in options.only)]
    mutants = [mutant for target in targets for mutant in mutants_of(target)]
    if options.list:
        for mutant in mutants:
            print(f"{mutant.file.relative_to(ROOT)}:{mutant.line}  {mutant.key}")
        print(f"{len(mutants)} mutants")
        return
    started = time.monotonic()
    results = run_all(mutants, options.tests, max(1, options.jobs))
    score = report(results, equivalent_keys(EQUIVALENTS), time.monotonic() - started)
    if options.json:
        rows = [
            {"key": r.mutant.key, "line": r.mutant.line, "killed": r.killed, "seconds": round(r.seconds, 2)}
            for r in results
        ]
        options.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.exit(0 if score >= options.min_score else 1)


if __name__ == "__main__":
    main()
