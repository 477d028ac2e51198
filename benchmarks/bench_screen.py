"""Screening benchmark: `ptce-check screen` end to end against the bare YAML parse floor.

    python benchmarks/bench_screen.py [N] [--large L] [--memory]     (default N = 2000, L = 10 N)

Generates N synthetic dossiers (deterministic seed, 10-40 members each) and measures, in the same
run: `screen -f json` end to end with 1 and 2 workers; the floor (reading the same files and
parsing them with PyYAML's C loader in one process, no validation); check-jsonschema over the same
files with the schema `ptce-check schema` exports (when both are available); `--version` and a
one-dossier `check` from process start, beside a bare import of the libraries a check cannot
start without (PyYAML, Pydantic, orjson); peak memory (resident set) of `screen -j 1 -f json` at N
and L dossiers, and their ratio. Figures are printed as dossiers per second and as ratios to the
floor measured in this run. `--memory` measures only the peak memory (the files are written once,
before anything is measured).

The package's bytecode is compiled first, as `pip install` does: an editable install run with
PYTHONDONTWRITEBYTECODE set would otherwise compile every changed module again at each start,
which no installed program does, and the start-up figures would measure that.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_dossiers


def _beside_python(name: str) -> str | None:
    """A console script of this environment first, else one on PATH."""
    sibling = Path(sys.executable).with_name(name)
    return str(sibling) if sibling.exists() else shutil.which(name)


SCRIPT = Path(sys.executable).with_name("ptce-check")
CLI = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "ptce_check"]


def best_of(actions: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """The best wall-clock time of each action, in seconds, over `rounds` rounds that run every
    action in turn, so that all of them meet the same machine conditions."""
    best = dict.fromkeys(actions, float("inf"))
    for _ in range(rounds):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def _run(command: list[str]) -> None:
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def bare_floor(paths: list[Path]) -> None:
    import yaml

    for path in paths:
        with path.open(encoding="utf-8") as stream:
            yaml.load(stream, Loader=yaml.CSafeLoader)


_PEAK_OF_CHILD = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_memory_kib(command: list[str]) -> int:
    """Peak resident memory of a command, in KiB: the largest maximum resident set among the
    processes it waited for, measured by a fresh interpreter that runs only this command."""
    completed = subprocess.run(
        [sys.executable, "-c", _PEAK_OF_CHILD, *command], capture_output=True, text=True, check=True
    )
    return int(completed.stdout.strip())


def memory(small: Path, small_count: int, large: Path, large_count: int) -> None:
    """Peak memory of `screen -j 1 -f json -o /dev/null` at both sizes, and their ratio."""
    figures = []
    for folder in (small, large):
        figures.append(peak_memory_kib([*CLI, "screen", str(folder), "-j", "1", "-f", "json", "-o", os.devnull]))
    low, high = figures
    print(
        f"peak memory, screen -j 1 -f json: {low / 1024:.1f} MiB at {small_count} dossiers, "
        f"{high / 1024:.1f} MiB at {large_count} dossiers ({high / low:.2f}×; "
        f"{(high - low) / (large_count - small_count) * 1024:.0f} bytes per extra dossier)"
    )


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Screening benchmark (see the module's docstring).")
    parser.add_argument("count", nargs="?", type=int, default=2000, help="dossiers timed (default 2000)")
    parser.add_argument("--large", type=int, default=None, help="dossiers of the larger memory run (default 10 N)")
    parser.add_argument("--memory", action="store_true", help="measure only the peak memory at both sizes")
    return parser.parse_args()


def compile_package_bytecode() -> None:
    """Compile the modules of the `ptce_check` being measured, wherever it is installed."""
    import ptce_check

    compileall.compile_dir(Path(ptce_check.__file__).parent, quiet=1)


def main() -> None:
    arguments = _arguments()
    compile_package_bytecode()
    count = arguments.count
    large_count = arguments.large or 10 * count
    # Five rounds of the screening commands (a few seconds each) so that the best of them escapes
    # the machine's slow spells; check-jsonschema, a minute a round and only a comparison, runs two.
    repeat = 5
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "dossiers"
        paths = write_dossiers(folder, count)
        large = Path(scratch) / "large"
        write_dossiers(large, large_count)
        size = sum(p.stat().st_size for p in paths)
        print(f"{count} synthetic dossiers, {size / count / 1024:.1f} KiB each on average, {os.cpu_count()} CPUs")
        if arguments.memory:
            memory(folder, count, large, large_count)
            return
        screen = [*CLI, "screen", str(folder), "-f", "json", "-o", os.devnull]
        timings = best_of(
            {
                "floor": partial(bare_floor, paths),
                "one": partial(_run, [*screen, "-j", "1"]),
                "two": partial(_run, [*screen, "-j", "2"]),
            },
            repeat,
        )
        floor, one, two = timings["floor"], timings["one"], timings["two"]
        rows = [
            ("bare C-loader parse, 1 process (floor)", floor),
            ("screen -j 1, end to end", one),
            ("screen -j 2, end to end", two),
        ]
        schema_rows = _check_jsonschema(Path(scratch), paths, 2)
        rows += schema_rows
        print(f"\n{'measure':<48}{'seconds':>9}{'dossiers/s':>12}{'× floor':>9}")
        for name, seconds in rows:
            print(f"{name:<48}{seconds:>9.3f}{count / seconds:>12.0f}{seconds / floor:>9.2f}")
        print(f"\nspeed-up of 2 workers over 1: {one / two:.2f}×")
        _startup(paths[0], Path(scratch))
        memory(folder, count, large, large_count)


def _check_jsonschema(scratch: Path, paths: list[Path], repeat: int) -> list[tuple[str, float]]:
    tool = _beside_python("check-jsonschema")
    schema = scratch / "schema.json"
    exported = subprocess.run([*CLI, "schema", "-o", str(schema)], capture_output=True, check=False)
    if tool is None or exported.returncode != 0:
        print("check-jsonschema or `ptce-check schema` unavailable: not measured")
        return []
    command = [tool, "--schemafile", str(schema), *map(str, paths)]
    return [("check-jsonschema, same files, same schema", best_of({"tool": partial(_run, command)}, repeat)["tool"])]


def _startup(path: Path, scratch: Path, rounds: int = 11) -> None:
    """Start-up figures: the best of `rounds` runs of each command."""
    commands = {
        "version": [*CLI, "--version"],
        "check": [*CLI, "check", str(path), "-f", "json"],
        # What any program that validates with Pydantic and parses with PyYAML pays before its
        # first line of work: the fixed part of a check's start-up.
        "libraries": [sys.executable, "-c", "import orjson, yaml; from pydantic import BaseModel, Field"],
    }
    tool = _beside_python("check-jsonschema")
    schema = scratch / "schema.json"
    if tool is not None and schema.exists():
        commands["check-jsonschema"] = [tool, "--schemafile", str(schema), str(path)]
    best = best_of({name: partial(_run, command) for name, command in commands.items()}, rounds)
    print(f"--version: {best['version']:.3f} s; check of one dossier from process start: {best['check']:.3f} s", end="")
    if "check-jsonschema" in best:
        other = best["check-jsonschema"]
        print(f" ({best['check'] / other:.2f}× check-jsonschema's {other:.3f} s)", end="")
    print(f"; best of {rounds} runs each")
    print(f"importing PyYAML, Pydantic and orjson alone: {best['libraries']:.3f} s", end="")
    if "check-jsonschema" in best:
        print(f" ({best['libraries'] / best['check-jsonschema']:.2f}× check-jsonschema)", end="")
    print()


if __name__ == "__main__":
    main()
