"""Instructions per assessed dossier, counted by Valgrind: a measure that does not vary from one
run to the next, for comparing two versions of the code where a change is a few per cent, below
the noise of timing on a shared machine.

    python benchmarks/bench_instructions.py [REV ...]     (default: HEAD and the working tree)

Each version's `src` and `criteria` are taken with `git archive` (the working tree as it is),
then the same N synthetic dossiers (`synthetic.py`) are assessed under `valgrind --tool=callgrind`,
twice: once stopping after the warm-up, once going on through the measured dossiers; the
difference, divided by their number, is what one dossier costs. Needs Valgrind (Debian package
`valgrind`); takes about a minute per version. Instructions are not time (a cache miss costs more
than an addition), but a change that removes instructions without adding allocations is faster.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM_UP, MEASURED = 50, 100
WORKING_TREE = "working tree"

_WORKLOAD = f"""
import gc, sys, tempfile
from pathlib import Path
sys.path.insert(0, {str(ROOT / "benchmarks")!r})
from synthetic import write_dossiers
from ptce_check.assess import assess_source
from ptce_check.screening.collection import BATCH_THRESHOLDS
with tempfile.TemporaryDirectory() as folder:
    raws = [path.read_bytes() for path in write_dossiers(Path(folder), {WARM_UP + MEASURED})]
for raw in raws[:{WARM_UP}]:
    assess_source(raw, "warm-up.yaml")
gc.freeze()
gc.set_threshold(*BATCH_THRESHOLDS)
if sys.argv[1] == "measure":
    for raw in raws[{WARM_UP}:]:
        assess_source(raw, "dossier.yaml")
"""


def _version(revision: str, into: Path) -> Path:
    """The `src` folder of `revision` (its criteria beside it, where the package finds them)."""
    if revision == WORKING_TREE:
        return ROOT / "src"
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "src", "criteria"], capture_output=True, check=True
    ).stdout
    into.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def _instructions(source: Path, mode: str) -> int:
    environment = dict(os.environ, PYTHONPATH=str(source), PYTHONHASHSEED="0")
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", _WORKLOAD, mode],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tempfile.gettempdir(),
        check=True,
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from valgrind:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def per_dossier(source: Path) -> float:
    return (_instructions(source, "measure") - _instructions(source, "warm-up")) / MEASURED


def main(revisions: list[str]) -> None:
    revisions = revisions or ["HEAD", WORKING_TREE]
    print(f"{MEASURED} synthetic dossiers after {WARM_UP} of warm-up; instructions per assessed dossier\n")
    first = None
    with tempfile.TemporaryDirectory() as scratch:
        for number, revision in enumerate(revisions):
            count = per_dossier(_version(revision, Path(scratch) / str(number)))
            first = first or count
            print(f"{revision:30s} {count / 1e6:8.3f} M  {count / first:6.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
