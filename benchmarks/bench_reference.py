"""Reference data benchmark: loading the shipped administrative division and looking codes up.

    python benchmarks/bench_reference.py [RUNS]     (default RUNS = 7)

Each run is a fresh process (a cold load, as in a one-dossier `check`): it times the import of
the lookup package, the first lookup (which loads the data file), the first search for a
commune's intercommunalities, then 1 000 commune lookups (codes drawn with a fixed seed: current
communes, former communes, unknown codes), 1 000 EPCI lookups and 100 near-miss suggestions.
The median of the runs is printed, with the data file's size.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "ptce_check" / "territory" / "decoupage.tsv"


def _codes(seed: int = 2026) -> tuple[list[str], list[str], list[str]]:
    """Commune codes to look up (current, former, unknown), EPCI SIRENs, near misses."""
    from ptce_check.territory.official import official_data

    data = official_data()
    rng = random.Random(seed)
    communes = sorted(data.commune_codes())
    former = [line.split("\t", 1)[0] for line in DATA.read_text(encoding="utf-8").split("[former]\n")[1].split("\n")]
    sirens = sorted(data.epci_sirens())
    unknown = [f"{rng.randrange(1, 96):02d}{rng.randrange(1000):03d}" for _ in range(200)]
    lookups = rng.sample(communes, 800) + rng.sample(former[:-2], 100) + unknown[:100]
    misses = [code for code in unknown if data.commune(code) is None and data.former(code) is None][:100]
    return lookups, [rng.choice(sirens) for _ in range(1000)], misses


def _child() -> None:
    """One cold measurement, printed as JSON."""
    lookups, sirens, misses = _codes_from_stdin()
    start = time.perf_counter()
    from ptce_check.territory.official import official_data

    imported = time.perf_counter()
    data = official_data()
    data.commune("38563")
    first = time.perf_counter() - imported
    imports = imported - start
    start = time.perf_counter()
    data.epcis_of("38185")
    epcis_of = time.perf_counter() - start
    start = time.perf_counter()
    for code in lookups:
        data.commune(code) or data.former(code)
    communes = time.perf_counter() - start
    start = time.perf_counter()
    for siren in sirens:
        data.epci(siren)
    epcis = time.perf_counter() - start
    from ptce_check.territory.nearest import nearest_communes

    start = time.perf_counter()
    for code in misses:
        nearest_communes(data, code)
    nearest = time.perf_counter() - start
    print(
        json.dumps(
            {
                "import": imports,
                "first": first,
                "epcis_of": epcis_of,
                "communes": communes,
                "epcis": epcis,
                "nearest": nearest,
            }
        )
    )


def _codes_from_stdin() -> tuple[list[str], list[str], list[str]]:
    lookups, sirens, misses = json.loads(sys.stdin.read())
    return lookups, sirens, misses


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    payload = json.dumps(_codes())
    results = [
        json.loads(
            subprocess.run(
                [sys.executable, __file__, "--child"], input=payload, capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]

    def median_ms(key: str) -> float:
        return 1000 * float(statistics.median(float(result[key]) for result in results))

    print(f"data file: {DATA.name}, {DATA.stat().st_size / 1e6:.2f} MB, median of {runs} cold runs")
    print(f"import of the lookup package (standard library modules included): {median_ms('import'):.1f} ms")
    print(f"first lookup, data loading included: {median_ms('first'):.1f} ms")
    print(f"first intercommunalities of a commune (epcis_of): {median_ms('epcis_of'):.1f} ms")
    print(f"1 000 commune lookups (800 current, 100 former, 100 unknown): {median_ms('communes'):.1f} ms")
    print(f"1 000 EPCI lookups: {median_ms('epcis'):.1f} ms")
    print(f"100 near-miss suggestions: {median_ms('nearest'):.1f} ms")


if __name__ == "__main__":
    if sys.argv[1:] == ["--child"]:
        _child()
    else:
        main()
