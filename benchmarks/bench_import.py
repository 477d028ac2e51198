"""Import benchmark: screening N applications from an XLSX export against screening the same
dossiers as YAML files, in the same run.

    python benchmarks/bench_import.py [N] [--jobs J]     (default N = 1000, J = 1)

Generates N synthetic dossiers (deterministic seed), takes them through the reference form into
an XLSX export as démarches-simplifiées lays it out (`Dossiers` and one sheet per block), then
times, each the best of three: `screen DIR -f json` over the YAML files; `screen export.xlsx
-f json` (reading the export and screening its applications, no file written); `import
export.xlsx -o DIR`. Prints the seconds, applications per second and the export/YAML ratio
(aim: at most 2).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(ROOT / "tests"))
from synthetic import write_dossiers  # noqa: E402

from intake_files import write_xlsx  # noqa: E402
from ptce_check.decoding import Limits  # noqa: E402
from ptce_check.intake.rows import export_tables  # noqa: E402
from ptce_check.source import load_bytes  # noqa: E402

SCRIPT = Path(sys.executable).with_name("ptce-check")
CALL = "ptce-2015"
CLI = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "ptce_check"]


def _best_of_three(arguments: list[str]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        completed = subprocess.run([*CLI, *arguments], capture_output=True, check=False)
        elapsed = time.perf_counter() - start
        if completed.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(arguments)}: exit {completed.returncode}\n{completed.stderr.decode()}")
        best = min(best, elapsed)
    return best


def _export(paths: list[Path], target: Path) -> None:
    """The dossiers as one XLSX export (an export holds no call: both screens are given `--call`)."""
    applications = [(str(n), load_bytes(p.read_bytes(), Limits()).data) for n, p in enumerate(paths, start=1)]
    write_xlsx(export_tables(applications), target)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=1)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "dossiers"
        folder.mkdir()
        paths = write_dossiers(folder, options.count)
        export = Path(work) / "export.xlsx"
        _export(paths, export)
        call = CALL
        jobs = ["-j", str(options.jobs)]
        yaml_seconds = _best_of_three(["screen", str(folder), "-f", "json", "--call", call, *jobs])
        export_seconds = _best_of_three(["screen", str(export), "-f", "json", "--call", call, *jobs])
        import_seconds = _best_of_three(
            ["import", str(export), "-o", str(Path(work) / "out"), "--call", call, "--force"]
        )
    count = options.count
    print(f"{count} applications, -j {options.jobs}, call {CALL}")
    print(f"screen YAML folder   {yaml_seconds:7.2f} s  {count / yaml_seconds:7.0f} /s")
    print(f"screen XLSX export   {export_seconds:7.2f} s  {count / export_seconds:7.0f} /s")
    print(f"import XLSX -> YAML  {import_seconds:7.2f} s  {count / import_seconds:7.0f} /s")
    print(f"export / YAML ratio  {export_seconds / yaml_seconds:7.2f}  (aim: at most 2)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
