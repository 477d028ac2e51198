"""Suggestion benchmark: a dossier built to make « vouliez-vous dire » quadratic, against a normal one.

    python benchmarks/bench_suggestions.py [RUNS]     (default RUNS = 5)

The hostile dossier (about 880 KB) has 450 members with long, similar names (about 950
characters each) and names 450 unknown members, each close to a real one, in a mutualisation.
Without bounds this took minutes (every unknown name compared with every member by difflib);
with them it must stay a small multiple of a normal dossier. Each dossier is assessed RUNS
times in this process after one warm-up; the medians and their ratio are printed, and the time
of the same dossier with every name matching (same size, no suggestion to make), which isolates
the cost of the suggestions from that of reading 880 KB.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NORMAL = ROOT / "examples" / "pole-sud-drome.yaml"
BASE = ROOT / "tests" / "fixtures" / "minimal.yaml"
MEMBERS = 450
STEM = "Association coopérative intercommunale pour l'insertion par l'activité économique " * 11


def hostile_dossier(members: int = MEMBERS) -> bytes:
    listed = "".join(
        f'  - name: "{STEM}membre {i:04d}"\n    legal_form: association\n    category: enterprise\n'
        for i in range(members)
    )
    unknown = ", ".join(f'"{STEM}membre {i:04d} bis"' for i in range(members))
    text = BASE.read_text(encoding="utf-8")
    text = text.replace("members:\n", "members:\n" + listed, 1)
    text = text.replace("      members: [Atelier Solidaire, Menuiserie Durand]", f"      members: [{unknown}]")
    return text.encode("utf-8")


def _median_seconds(raw: bytes, name: str, folder: Path, runs: int) -> float:
    from ptce_check.assess import assess_source

    assess_source(raw, name, folder=folder)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        assess_source(raw, name, folder=folder)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    hostile = hostile_dossier()
    normal = NORMAL.read_bytes()
    matching = hostile.replace(b' bis"', b'"')
    hostile_time = _median_seconds(hostile, "hostile.yaml", BASE.parent, runs)
    matching_time = _median_seconds(matching, "matching.yaml", BASE.parent, runs)
    normal_time = _median_seconds(normal, NORMAL.name, NORMAL.parent, runs)
    print(f"hostile dossier ({len(hostile) / 1000:.0f} KB, {MEMBERS} members, {MEMBERS} unknown names): ", end="")
    print(f"{hostile_time * 1000:.0f} ms (median of {runs})")
    print(f"normal dossier ({NORMAL.name}, {len(normal) / 1000:.1f} KB): {normal_time * 1000:.1f} ms")
    print(f"same size, every name matching: {matching_time * 1000:.0f} ms")
    print(f"ratio hostile / normal: {hostile_time / normal_time:.1f}x")
    print(f"ratio hostile / same size matching: {hostile_time / matching_time:.2f}x")


if __name__ == "__main__":
    main()
