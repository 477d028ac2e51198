"""Assess many files, in worker processes when asked, one file never stopping the others.

Each worker returns a compact row and spools the dossier's outcome (JSON bytes) and details to
its own temporary file (`store.WorkerSpool`), sending back only where they are; where workers are
not forked (no spool to inherit), it sends the bytes and the parent spools them. The parent keeps
rows in memory, so memory stays flat as batches grow.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct
from msgspec.structs import replace

from ptce_check.assessment import Assessment
from ptce_check.calls import CallCatalog
from ptce_check.decoding import Limits
from ptce_check.findings import Finding, Severity
from ptce_check.i18n import Lang
from ptce_check.jsonbytes import dumps
from ptce_check.screening.collection import batch_collection, tune_after_warm_up
from ptce_check.screening.conflicts import identifier_hashes
from ptce_check.screening.discovery import Candidate
from ptce_check.screening.rows import Row, details_of, row_of
from ptce_check.screening.store import Spooled, WorkerSpool
from ptce_check.territory.user_lists import UserReferences

if TYPE_CHECKING:  # the export reader is imported only when an export is screened
    from ptce_check.intake.convert import ImportedDossier


class Job(Struct, frozen=True):
    call_override: str | None
    limits: Limits
    lang: Lang
    keep_assessments: bool
    debug: bool = False
    references: UserReferences | None = None
    #: The calls known by id (`--calls-dir`); None: the shipped ones.
    catalog: CallCatalog | None = None


class Screened(Struct, frozen=True):
    """What a worker sends back: the parent only keeps the row and spools the bytes."""

    row: Row
    #: the dossier's `Details`, as `Details.to_json` gives them.
    details_json: bytes
    #: its identifiers for the duplicates search (`conflicts.identifier_hashes`).
    identifier_hashes: bytes
    #: the `check` JSON object of the dossier, as UTF-8 bytes.
    outcome_json: bytes
    #: The full assessment, only when a per-dossier reporter needs it.
    assessment: Assessment | None
    #: Where a worker spooled the outcome and details (then both bytes fields are empty).
    spooled: Spooled | None = None


def _refused(candidate: Candidate) -> Assessment:
    from ptce_check.assessment import Verdict

    assert candidate.refusal is not None
    finding = Finding(candidate.code, Severity.ERROR, candidate.refusal)
    return Assessment(str(candidate.path), None, Verdict.INVALID, (finding,))


def screen_one(candidate: Candidate, job: Job) -> Screened:
    from ptce_check.assess import assess_file

    if candidate.refusal is not None:
        assessment = _refused(candidate)
    elif candidate.imported is not None:
        assessment = _imported(candidate.imported, job)
    else:
        assessment = assess_file(
            candidate.name,
            call_override=job.call_override,
            limits=job.limits,
            debug=job.debug,
            references=job.references,
            catalog=job.catalog,
        )
    outcome = dumps(assessment.to_dict(job.lang))
    kept = assessment if job.keep_assessments else None
    details = details_of(assessment)
    return Screened(row_of(assessment), details.to_json(), identifier_hashes(details), outcome, kept)


def _imported(imported: ImportedDossier, job: Job) -> Assessment:
    """An application of an export; its attachments are looked up beside the export."""
    from ptce_check.intake import assess_imported

    return assess_imported(
        imported,
        folder=Path(imported.source).parent,
        call_override=job.call_override,
        references=job.references,
        debug=job.debug,
        catalog=job.catalog,
    )


#: In a worker process: its spool, taken when the process starts (None: send the bytes).
_worker_spool: WorkerSpool | None = None


def _take_spool(descriptors: tuple[int, ...], taken: Any) -> None:
    """A worker's initializer: the next spool of `descriptors` (`taken` counts those taken)."""
    global _worker_spool
    with taken.get_lock():
        number = taken.value
        taken.value += 1
    if number < len(descriptors):
        _worker_spool = WorkerSpool(number + 1, descriptors[number])


def _screen_chunk(chunk: list[Candidate], job: Job) -> list[Screened]:
    """In a worker process: the chunk's files, the batch's collector policy set after the first."""
    screened = []
    for candidate in chunk:
        result = screen_one(candidate, job)
        if _worker_spool is not None:
            result = _spooled(_worker_spool, result)
        screened.append(result)
        tune_after_warm_up()
    return screened


def _spooled(spool: WorkerSpool, result: Screened) -> Screened:
    """The result with its bytes in the worker's spool; as it is when they cannot be written
    there (a full disk): the parent then spools them itself, as without worker spools."""
    try:
        spooled = spool.write(result.outcome_json, result.details_json)
    except OSError:
        return result
    return replace(result, outcome_json=b"", details_json=b"", spooled=spooled)


def worker_spools(jobs: int, files: int) -> int:
    """How many spools the parent opens for its workers: one each when they are forked (and so
    inherit the open files), none when the files are screened in the parent or workers are
    started afresh."""
    if jobs <= 1 or files < 2 or multiprocessing.get_start_method() != "fork":
        return 0
    return jobs


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def screen_all(
    candidates: list[Candidate],
    job: Job,
    jobs: int,
    on_done: Callable[[int], None] | None = None,
    spools: tuple[int, ...] = (),
) -> Iterator[Screened]:
    """Results in the order of `candidates`; `on_done(n)` after each group of n files; `spools`
    the descriptors of the workers' spools (`OutcomeStore.worker_descriptors`).

    Consumes `candidates`: the list is emptied as files are screened, so that what discovery
    kept of each file is given back while the rows of the batch accumulate."""
    if jobs <= 1 or len(candidates) < 2:
        candidates.reverse()
        with batch_collection():
            while candidates:
                yield screen_one(candidates.pop(), job)
                tune_after_warm_up()
                if on_done:
                    on_done(1)
        return
    chunks = deque(_chunked(candidates, jobs))
    candidates.clear()
    yield from _in_pool(chunks, job, jobs, on_done, spools)


#: Files per chunk sent to a worker: at most this many, so that results come back steadily...
LARGEST_CHUNK = 64
#: ...and at least this many, so that sending a chunk costs little beside screening it.
SMALLEST_CHUNK = 4


def _chunked(candidates: list[Candidate], jobs: int) -> Iterator[list[Candidate]]:
    """The files in chunks that shrink as the batch nears its end: an eighth of what is left per
    worker, within the bounds above. With chunks of one size, a worker could sit idle for most of
    a chunk's time while the other ends the batch; shrinking ones end it nearly together."""
    start = 0
    while start < len(candidates):
        left = len(candidates) - start
        size = max(SMALLEST_CHUNK, min(LARGEST_CHUNK, left // (jobs * 8)))
        yield candidates[start : start + size]
        start += size


def _in_pool(
    chunks: deque[list[Candidate]],
    job: Job,
    jobs: int,
    on_done: Callable[[int], None] | None,
    spools: tuple[int, ...],
) -> Iterator[Screened]:
    """Chunks screened by worker processes, a few in flight at a time, results in order."""
    in_flight: deque[tuple[list[Candidate], Future[list[Screened]]]] = deque()
    try:
        with _pool(jobs, spools) as pool:
            while chunks or in_flight:
                while chunks and len(in_flight) < 4 * jobs:
                    chunk = chunks.popleft()
                    in_flight.append((chunk, pool.submit(_screen_chunk, chunk, job)))
                results = in_flight[0][1].result()
                in_flight.popleft()
                yield from results
                if on_done:
                    on_done(len(results))
    except BrokenProcessPool:
        # A worker died (killed, out of memory): finish the rest here, one file at a time.
        for chunk in [*(chunk for chunk, _ in in_flight), *chunks]:
            for candidate in chunk:
                yield _crashed(candidate, job) if candidate.refusal is None else screen_one(candidate, job)
                if on_done:
                    on_done(1)


def _pool(jobs: int, spools: tuple[int, ...]) -> ProcessPoolExecutor:
    if not spools:
        return ProcessPoolExecutor(max_workers=jobs)
    taken: Any = multiprocessing.Value("i", 0)
    return ProcessPoolExecutor(max_workers=jobs, initializer=_take_spool, initargs=(spools, taken))


def _crashed(candidate: Candidate, job: Job) -> Screened:
    from ptce_check.assess import INTERNAL_ERROR

    try:
        return screen_one(candidate, job)
    except Exception:  # the batch goes on whatever happens to one file
        return screen_one(Candidate(candidate.name, INTERNAL_ERROR, "PTCE-F13"), job)
