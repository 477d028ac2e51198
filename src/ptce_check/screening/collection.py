"""The cyclic garbage collector's policy for a batch.

A screening allocates tens of thousands of objects per dossier (tree, source map, models,
findings) and frees nearly all of them when the dossier is done; with the default thresholds the
collector runs many times per dossier and, each time the old generation is due, walks everything
that stays (modules, models, reference data). After the first dossier, what exists is frozen out
of collections and the thresholds are raised: measured on `benchmarks/bench_screen.py`'s files,
about an eighth of the time of `screen -j 1`. Cycles are still collected, less often."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Young-generation allocations between collections, then how many young collections per
#: middle one, and middle ones per full one (CPython's defaults: 700, 10, 10).
BATCH_THRESHOLDS = (20_000, 20, 100)

_tuned = False


def tune_after_warm_up() -> None:
    """In a worker process, after its first dossier: freeze and raise the thresholds, once. The
    process ends with the batch, so nothing is restored."""
    global _tuned
    if not _tuned:
        gc.freeze()
        gc.set_threshold(*BATCH_THRESHOLDS)
        _tuned = True


@contextmanager
def batch_collection() -> Iterator[None]:
    """In the calling process: the batch policy from the first `tune_after_warm_up` to the end of
    the block, the caller's settings given back after it (a library call leaves them as found)."""
    global _tuned
    previous, was_tuned = gc.get_threshold(), _tuned
    try:
        yield
    finally:
        if _tuned and not was_tuned:
            gc.set_threshold(*previous)
            gc.unfreeze()
            _tuned = False
