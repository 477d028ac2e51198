"""Where the time of one screened dossier goes, phase by phase, in one process.

    python benchmarks/bench_phases.py [N]     (default N = 400)

Generates N synthetic dossiers (the files of `bench_screen.py`) and times, per dossier and as the
best of five rounds of CPU time: the bare C-loader parse (the floor of `bench_screen.py`); the C
parser's events with PyYAML's event classes, then as `source` reads them (`yaml_events`' structs);
reading the events into data and source map (`source.load_bytes`, the events included);
validation into the typed view; the whole assessment (`assess_source`: all of the above, then the
rules, data checks, territory and score); the outcome as a dictionary; the outcome as JSON bytes.
The difference between the whole assessment and the reading and validation is the judging
itself. Each dossier's objects are freed before the next one, as in a screening, and the
collector runs with the batch policy of `screen`.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_dossiers

from ptce_check.assess import assess_source
from ptce_check.decoding import Limits
from ptce_check.jsonbytes import dumps
from ptce_check.screening.collection import BATCH_THRESHOLDS
from ptce_check.source import load_bytes
from ptce_check.validation import validate
from ptce_check.yaml_events import parser_events


def per_dossier(action: Callable[[bytes], object], raws: list[bytes], rounds: int = 5) -> float:
    """Best CPU milliseconds per dossier of `action` over every file."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for raw in raws:
            action(raw)
        best = min(best, time.process_time() - start)
    return best / len(raws) * 1000


def _pyyaml_events(raw: bytes) -> None:
    for _ in yaml.parse(raw.decode("utf-8"), Loader=yaml.CSafeLoader):
        pass


def _events(raw: bytes) -> None:
    """The events as `source` reads them: the same C parser, built as `yaml_events`' structs."""
    with parser_events(raw.decode("utf-8")) as get_event:
        while get_event() is not None:
            pass


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    limits = Limits()
    with tempfile.TemporaryDirectory() as scratch:
        raws = [path.read_bytes() for path in write_dossiers(Path(scratch), count)]
    assess_source(raws[0], "warm-up.yaml")
    gc.freeze()
    gc.set_threshold(*BATCH_THRESHOLDS)
    phases = {
        "bare C-loader parse (floor)": lambda raw: yaml.load(raw.decode("utf-8"), Loader=yaml.CSafeLoader),
        "C parser events, PyYAML's classes": _pyyaml_events,
        "C parser events alone": _events,
        "events into data and source map": lambda raw: load_bytes(raw, limits, without_annotations=True),
        "reading and validation": lambda raw: validate(load_bytes(raw, limits, without_annotations=True).data),
        "whole assessment": lambda raw: assess_source(raw, "dossier.yaml"),
        "assessment and outcome dictionary": lambda raw: assess_source(raw, "dossier.yaml").to_dict("fr"),
        "assessment and outcome as JSON bytes": lambda raw: dumps(assess_source(raw, "dossier.yaml").to_dict("fr")),
    }
    figures = {name: per_dossier(action, raws) for name, action in phases.items()}
    floor = figures["bare C-loader parse (floor)"]
    print(f"{count} synthetic dossiers; CPU milliseconds per dossier, best of 5 rounds")
    print(f"\n{'phase (cumulative)':<42}{'ms':>8}{'× floor':>9}")
    for name, milliseconds in figures.items():
        print(f"{name:<42}{milliseconds:>8.3f}{milliseconds / floor:>9.2f}")
    judging = figures["whole assessment"] - figures["reading and validation"]
    print(f"\njudging (rules, data checks, territory, score): {judging:.3f} ms")


if __name__ == "__main__":
    main()
