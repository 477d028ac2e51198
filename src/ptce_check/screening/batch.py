"""screen_batch: paths in, a ranked and summarised batch out (the library behind `screen`)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import overload

from msgspec import Struct, field

from ptce_check.assessment import Assessment, Verdict
from ptce_check.binding import load_call, shipped_call
from ptce_check.calls import Call, CallCatalog, is_shipped_call
from ptce_check.i18n import Text
from ptce_check.screening.conflicts import Conflict, ConflictIndex, DuplicateSet, duplicate_sets, same_pole
from ptce_check.screening.discovery import ExportReading, discover
from ptce_check.screening.funding import Funding, simulate
from ptce_check.screening.reviews import Reviews, ReviewSheet, merge
from ptce_check.screening.rows import Row, kept
from ptce_check.screening.runner import Job, screen_all, worker_spools
from ptce_check.screening.store import OutcomeStore
from ptce_check.screening.summary import BatchSummary, summarise


class CallGroup(Struct, frozen=True):
    """The dossiers of one call: ranked, summarised and simulated on their own, since two calls'
    grids, maxima and envelopes are not comparable. `call_id` is None for the dossiers whose call
    is not known (unreadable before `call:`) when the batch has several calls."""

    call_id: str | None
    call: Call | None
    rows: Sequence[Row]
    summary: BatchSummary
    funding: Funding | None
    funding_note: Text | None


class BatchResult(Struct):
    #: ranked per call: the rows of each group in turn (see `groups`).
    rows: list[Row]
    #: the whole batch; its score quartiles and averages only when it holds one call.
    summary: BatchSummary
    #: the simulation when the batch holds one call (else each group's).
    funding: Funding | None
    #: Why no envelope simulation was run, when none was.
    funding_note: Text | None
    conflicts: tuple[Conflict, ...]
    skipped: list[tuple[Path, Text]]
    store: OutcomeStore
    calls: dict[str, Call]
    assessments: list[Assessment] = field(default_factory=list)
    groups: tuple[CallGroup, ...] = ()
    #: `--reviews`: the reviewers' points, per dossier (the rows hold the combined scores).
    reviews: Reviews | None = None

    @property
    def several_calls(self) -> bool:
        return len(self.groups) > 1

    @property
    def duplicates(self) -> tuple[DuplicateSet, ...]:
        return duplicate_sets(self.conflicts)

    def close(self) -> None:
        self.store.close()


NO_ADMISSIBLE = Text(
    "pas de simulation\u00a0: aucun dossier recevable\u00a0; précisez --budget",
    "no simulation: no admissible dossier; give --budget",
)


def _envelope(rows: Sequence[Row], call: Call | None, budget: float | None) -> tuple[float | None, Text | None]:
    if budget is not None:
        return budget, None
    if not any(row.verdict is Verdict.ADMISSIBLE for row in rows):
        return None, NO_ADMISSIBLE
    if call is None:
        return None, Text(
            "pas de simulation\u00a0: appel inconnu\u00a0; précisez --budget",
            "no simulation: unknown call; give --budget",
        )
    if call.envelope_eur is None:
        return None, Text(
            f"pas de simulation\u00a0: l'appel {call.id} n'a pas d'enveloppe connue\u00a0; précisez --budget",
            f"no simulation: call {call.id} has no known envelope; give --budget",
        )
    return call.envelope_eur, None


class RowSlice(Sequence[Row]):
    """A run of the batch's ranked rows, without a copy of the list (memory stays flat)."""

    __slots__ = ("_rows", "_start", "_stop")

    def __init__(self, rows: list[Row], start: int, stop: int) -> None:
        self._rows, self._start, self._stop = rows, start, stop

    def __len__(self) -> int:
        return self._stop - self._start

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        return self._rows[self._start : self._stop][index]

    def __iter__(self) -> Iterator[Row]:
        return itertools.islice(self._rows, self._start, self._stop)


def _grouped(rows: list[Row]) -> list[tuple[str | None, Sequence[Row]]]:
    """Puts the ranked `rows` of each call together, in place: calls in id order, then the
    dossiers whose call is unknown, each run in rank order; returns each call's run. With one
    call, its unreadable dossiers stay in its ranking."""
    named = sorted({row.call for row in rows if row.call is not None})
    if len(named) <= 1:
        return [(next(iter(named), None), rows)]
    by_call: dict[str | None, list[Row]] = {}
    for row in rows:
        by_call.setdefault(row.call, []).append(row)
    order: list[str | None] = [*named, None] if None in by_call else list(named)
    counts = [len(by_call[call_id]) for call_id in order]
    rows[:] = itertools.chain.from_iterable(by_call.pop(call_id) for call_id in order)
    runs: list[tuple[str | None, Sequence[Row]]] = []
    start = 0
    for call_id, count in zip(order, counts, strict=True):
        runs.append((call_id, RowSlice(rows, start, start + count)))
        start += count
    return runs


def _groups(
    rows: list[Row], calls: dict[str, Call], budget: float | None, conflicts: tuple[Conflict, ...], skipped: int
) -> tuple[CallGroup, ...]:
    twins = same_pole(conflicts)
    found = []
    for call_id, members in _grouped(rows):
        call = calls.get(call_id) if call_id is not None else None
        envelope, note = _envelope(members, call, budget)
        funding = simulate(members, envelope, twins) if envelope is not None else None
        found.append(CallGroup(call_id, call, members, summarise(members, skipped, envelope), funding, note))
    return tuple(found)


def _known_call(call_id: str | None, call_override: str | None, catalog: CallCatalog | None) -> Call | None:
    """The call a row was assessed against, when it is known: the one given with `--call`, else
    a shipped call by id; a row's call, which a dossier wrote, is never read as a file name."""
    if call_override is not None:
        return load_call(call_override, catalog).call
    if call_id is not None and is_shipped_call(call_id, catalog):
        return shipped_call(call_id, catalog).call
    return None


def _calls_used(rows: list[Row], call_override: str | None, catalog: CallCatalog | None = None) -> dict[str, Call]:
    """The known calls the rows were assessed against, for the table's columns and the envelope."""
    if call_override is not None:
        call = load_call(call_override, catalog).call
        return {call.id: call}
    named = sorted({row.call for row in rows if row.call is not None})
    return {call_id: known for call_id in named if (known := _known_call(call_id, None, catalog)) is not None}


def screen_batch(
    paths: list[Path],
    job: Job,
    *,
    jobs: int,
    excludes: list[str] | None = None,
    budget: float | None = None,
    progress: Callable[[int], Callable[[int], None]] | None = None,
    exports: ExportReading | None = None,
    reviews: ReviewSheet | None = None,
) -> BatchResult:
    """Screen every dossier under `paths`. `progress(total)` returns the per-file callback."""
    found = discover(paths, excludes, exports)
    store = OutcomeStore(worker_spools(jobs, len(found.candidates)))
    rows: list[Row] = []
    identifiers = ConflictIndex()
    assessments: list[Assessment] = []
    on_done = progress(len(found.candidates)) if progress else None
    named: set[str | None] = set()
    for screened in screen_all(found.candidates, job, jobs, on_done, store.worker_descriptors):
        if screened.spooled is not None:
            record = store.add_spooled(screened.spooled)
        else:
            record = store.add(screened.outcome_json, screened.details_json)
        rows.append(kept(screened.row, record))
        if screened.row.call not in named:
            # Bound (and cached) while the workers screen the rest, not after them.
            named.add(screened.row.call)
            _known_call(screened.row.call, job.call_override, job.catalog)
        identifiers.add(record, screened.identifier_hashes)
        if screened.assessment is not None:
            assessments.append(screened.assessment)
    calls = _calls_used(rows, job.call_override, job.catalog)
    merged = _merged(rows, calls, reviews, store)
    rows.sort()
    conflicts = identifiers.conflicts(rows, store.details)
    groups = _groups(rows, calls, budget, conflicts, len(found.skipped))
    result = BatchResult(
        rows,
        groups[0].summary,
        groups[0].funding,
        groups[0].funding_note,
        conflicts,
        found.skipped,
        store,
        calls,
        assessments,
        groups,
        merged,
    )
    if len(groups) > 1:
        result.summary = summarise(rows, len(found.skipped), None, per_grid=False)
        result.funding = None
        result.funding_note = SEVERAL_CALLS
    return result


def _merged(rows: list[Row], calls: dict[str, Call], sheet: ReviewSheet | None, store: OutcomeStore) -> Reviews | None:
    """The reviews merged into `rows` (combined scores); a review that names no screened dossier
    ends the run, the spool closed."""
    if sheet is None:
        return None
    try:
        return merge(rows, calls, sheet)
    except Exception:
        store.close()
        raise


SEVERAL_CALLS = Text(
    "simulation par appel (ci-dessous)\u00a0: les enveloppes de deux appels ne se partagent pas",
    "simulated per call (below): two calls do not share an envelope",
)
