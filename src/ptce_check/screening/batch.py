"""screen_batch: paths in, a ranked and summarised batch out (the library behind `screen`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ptce_check.assessment import Assessment, Verdict
from ptce_check.binding import load_call, shipped_call
from ptce_check.calls import Call, is_shipped_call
from ptce_check.i18n import Text
from ptce_check.screening.conflicts import Conflict, ConflictIndex
from ptce_check.screening.discovery import ExportReading, discover
from ptce_check.screening.funding import Funding, simulate
from ptce_check.screening.rows import Row, kept, rank_key
from ptce_check.screening.runner import Job, screen_all
from ptce_check.screening.store import OutcomeStore
from ptce_check.screening.summary import BatchSummary, summarise


@dataclass
class BatchResult:
    rows: list[Row]
    summary: BatchSummary
    funding: Funding | None
    #: Why no envelope simulation was run, when none was.
    funding_note: Text | None
    conflicts: tuple[Conflict, ...]
    skipped: list[tuple[Path, Text]]
    store: OutcomeStore
    calls: dict[str, Call]
    assessments: list[Assessment] = field(default_factory=list)

    def close(self) -> None:
        self.store.close()


def _envelope(rows: list[Row], calls: dict[str, Call], budget: float | None) -> tuple[float | None, Text | None]:
    if budget is not None:
        return budget, None
    used = sorted({row.call for row in rows if row.call is not None and row.verdict is Verdict.ADMISSIBLE})
    if len(used) != 1:
        return None, Text(
            "pas de simulation : dossiers de plusieurs appels (ou aucun recevable) ; précisez --budget",
            "no simulation: dossiers of several calls (or none admissible); give --budget",
        )
    envelope = calls[used[0]].envelope_eur
    if envelope is None:
        return None, Text(
            f"pas de simulation : l'appel {used[0]} n'a pas d'enveloppe connue ; précisez --budget",
            f"no simulation: call {used[0]} has no known envelope; give --budget",
        )
    return envelope, None


def _calls_used(rows: list[Row], call_override: str | None) -> dict[str, Call]:
    """The calls the rows were assessed against, for the table's columns and the envelope. Only
    known calls: the one given with `--call`, else shipped calls by id; a row's call, which a
    dossier wrote, is never read as a file name."""
    if call_override is not None:
        call = load_call(call_override).call
        return {call.id: call}
    named = {row.call for row in rows if row.call is not None}
    return {call_id: shipped_call(call_id).call for call_id in sorted(named) if is_shipped_call(call_id)}


def screen_batch(
    paths: list[Path],
    job: Job,
    *,
    jobs: int,
    excludes: list[str] | None = None,
    budget: float | None = None,
    progress: Callable[[int], Callable[[int], None]] | None = None,
    exports: ExportReading | None = None,
) -> BatchResult:
    """Screen every dossier under `paths`. `progress(total)` returns the per-file callback."""
    found = discover(paths, excludes, exports)
    store = OutcomeStore()
    rows: list[Row] = []
    identifiers = ConflictIndex()
    assessments: list[Assessment] = []
    on_done = progress(len(found.candidates)) if progress else None
    for screened in screen_all(found.candidates, job, jobs, on_done):
        record = store.add(screened.outcome_json, screened.details)
        rows.append(kept(screened.row, record))
        identifiers.add(record, screened.details)
        if screened.assessment is not None:
            assessments.append(screened.assessment)
    calls = _calls_used(rows, job.call_override)
    rows.sort(key=rank_key)
    envelope, note = _envelope(rows, calls, budget)
    funding = simulate(rows, envelope) if envelope is not None else None
    summary = summarise(rows, len(found.skipped), envelope)
    conflicts = identifiers.conflicts(rows, store.details)
    return BatchResult(rows, summary, funding, note, conflicts, found.skipped, store, calls, assessments)
