"""What `screen` keeps per dossier in the parent process stays small (memory flat as batches
grow): compact rows, the rest spooled and read back; duplicates found from compact hashes."""

from __future__ import annotations

import gc
import io
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import EXAMPLES
from ptce_check.assess import assess_file
from ptce_check.decoding import Limits
from ptce_check.i18n import Text
from ptce_check.screening import conflicts, runner
from ptce_check.screening.batch import BatchResult, screen_batch
from ptce_check.screening.conflicts import ConflictIndex, identifier_hashes
from ptce_check.screening.rows import Details, Row
from ptce_check.screening.runner import Job
from ptce_check.screening.store import OutcomeStore, Spooled, WorkerSpool

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
from synthetic import write_dossiers

JOB = Job(None, Limits(), "fr", False)


def _reachable(root: object) -> Iterator[object]:
    """Every object a row holds, itself included (strings, numbers, tuples, texts)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        item = stack.pop()
        if id(item) in seen or item is None or isinstance(item, type) or type(item).__module__ == "enum":
            continue
        seen.add(id(item))
        yield item
        if isinstance(item, tuple | list):
            stack.extend(item)
        else:
            slots: tuple[str, ...] = getattr(type(item), "__slots__", ())
            stack.extend(getattr(item, name) for name in slots if hasattr(item, name))


def _own_size(row: Row, other: Row) -> int:
    """Bytes held by `row` alone: what it shares with `other` (grids, codes) is not counted."""
    shared = {id(item) for item in _reachable(other)}
    return sum(sys.getsizeof(item) for item in _reachable(row) if id(item) not in shared)


def test_the_row_kept_for_a_full_dossier_is_under_a_kibibyte(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    shutil.copytree(EXAMPLES, folder)
    shutil.copy(folder / "centre-isere.yaml", folder / "copy.yaml")
    result = screen_batch([folder / "centre-isere.yaml", folder / "copy.yaml"], JOB, jobs=1)
    try:
        first, second = result.rows
        assert first.score is not None and len(first.points) == 15
        assert _own_size(first, second) < 1024
        assert _own_size(second, first) < 1024
        # points kept by groups of four, each group shared by the rows that give it
        assert [len(group) for group in first.point_groups] == [4, 4, 4, 3]
        assert all(a is b for a, b in zip(first.point_groups, second.point_groups, strict=True))
        card = assess_file(folder / "centre-isere.yaml").score
        assert card is not None and first.criterion_points == tuple(c.points for c in card.criteria)
        # what the row does not hold is read back from the spool
        details = result.store.details(first.record)
        assert details.pole_name == "Pôle Territorial de Coopération Économique du Centre Isère"
        assert len(details.member_sirets) == 4
    finally:
        result.close()


def _kept(folder: Path) -> tuple[int, int]:
    """Bytes still allocated while the screened batch is open, and the number of rows."""
    gc.collect()
    tracemalloc.start()
    try:
        baseline = tracemalloc.get_traced_memory()[0]
        result = screen_batch([folder], JOB, jobs=1)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - baseline
        result.close()
        return kept, len(result.rows)
    finally:
        tracemalloc.stop()


def test_what_a_batch_keeps_grows_by_less_than_half_a_kibibyte_per_dossier(tmp_path: Path) -> None:
    write_dossiers(tmp_path / "small", 40)
    write_dossiers(tmp_path / "large", 240)
    # Caches and lazy imports warmed up by the larger batch, so that a one-time cost (a reference
    # section split into lines after its first lookups) falls outside both measures.
    screen_batch([tmp_path / "large"], JOB, jobs=1).close()
    (small, small_rows), (large, large_rows) = _kept(tmp_path / "small"), _kept(tmp_path / "large")
    assert (small_rows, large_rows) == (40, 240)
    assert (large - small) / (large_rows - small_rows) < 512


def test_the_store_reads_records_back_in_any_order() -> None:
    with OutcomeStore() as store:
        reason = Text("motif « é »", "reason 'é'")
        first = store.add(b'{"dossier": "a.yaml"}', Details("Pôle A", "123456782", ("1", "2"), reason).to_json())
        second = store.add('{"dossier": "b\u00e9.yaml"}'.encode(), Details(None, None, (), None).to_json())
        assert (first, second, len(store)) == (0, 1, 2)
        assert store.outcome_bytes(second) == '{"dossier": "b\u00e9.yaml"}'.encode()
        assert store.details(first) == Details("Pôle A", "123456782", ("1", "2"), reason)
        assert store.outcome_bytes(first) == b'{"dossier": "a.yaml"}'
        assert store.details(second) == Details(None, None, (), None)


def _row(dossier: str, record: int) -> Row:
    from ptce_check.assessment import Verdict

    return Row(dossier, "ptce-2013", Verdict.ADMISSIBLE, 10.0, (), (), None, (), 0, 0, 0, record)


@pytest.mark.parametrize("pass_size", [1 << 16, 2])
def test_colliding_hashes_never_make_a_false_conflict(monkeypatch: pytest.MonkeyPatch, pass_size: int) -> None:
    monkeypatch.setattr(conflicts, "_hashed", lambda kind, value: 7)  # every identifier collides
    monkeypatch.setattr(conflicts, "PASS_SIZE", pass_size)
    spooled = [
        Details("Pôle Sud", "123456782", ("11111111111111", "22222222222222"), None),
        Details("POLE  sud", "987654321", ("33333333333333",), None),
        Details("Autre", None, ("22222222222222", "22222222222222"), None),
        Details("Encore", "555555555", (), None),
    ]
    index = ConflictIndex()
    for record, details in enumerate(spooled):
        index.add(record, identifier_hashes(details))
    ranked = [_row("d.yaml", 3), _row("b.yaml", 1), _row("a.yaml", 0), _row("c.yaml", 2)]
    found = index.conflicts(ranked, spooled.__getitem__)
    assert [(c.kind, c.value, c.dossiers) for c in found] == [
        ("member_siret", "22222222222222", ("a.yaml", "c.yaml")),
        ("pole_name", "POLE  sud", ("a.yaml", "b.yaml")),  # as the best-ranked dossier spells it
    ]


def test_hashes_met_in_several_passes_are_all_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conflicts, "PASS_SIZE", 3)
    spooled = [Details(None, None, tuple(f"{n:014d}" for n in range(k, k + 10)), None) for k in (0, 5, 100)]
    index = ConflictIndex()
    for record, details in enumerate(spooled):
        index.add(record, identifier_hashes(details))
    ranked = [_row(f"{record}.yaml", record) for record in range(3)]
    found = index.conflicts(ranked, spooled.__getitem__)
    assert [c.value for c in found] == [f"{n:014d}" for n in range(5, 10)]
    assert {c.dossiers for c in found} == {("0.yaml", "1.yaml")}


def _growth_after_screening(folder: Path, output: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """What a whole `screen -j 1 -f json -o FILE` run allocates at its peak once the batch is
    screened (the `-o` check against every input, the summary, the report written), over what the
    screened batch holds; and the number of rows."""
    from typer.testing import CliRunner

    from ptce_check.cli import run
    from ptce_check.cli.commands import app

    screened: list[BatchResult] = []

    def screen_then_mark(settings: Any) -> BatchResult:
        result = original(settings)
        screened.append(result)
        tracemalloc.reset_peak()
        return result

    original = run._screen
    monkeypatch.setattr(run, "_screen", screen_then_mark)
    gc.collect()
    tracemalloc.start()
    try:
        invoked = CliRunner().invoke(app, ["screen", str(folder), "-j", "1", "-f", "json", "-o", str(output)])
        assert invoked.exit_code in (0, 1), invoked.output
        current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak - current, len(screened[0].rows)


def test_writing_the_reports_holds_no_bytes_per_dossier_beyond_its_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_dossiers(tmp_path / "small", 100)
    write_dossiers(tmp_path / "large", 700)
    output = tmp_path / "report.json"
    _growth_after_screening(tmp_path / "small", output, monkeypatch)  # lazy imports done
    small, small_rows = _growth_after_screening(tmp_path / "small", output, monkeypatch)
    large, large_rows = _growth_after_screening(tmp_path / "large", output, monkeypatch)
    assert (small_rows, large_rows) == (100, 700)
    # No path object per dossier for the `-o` check, no ranking encoded whole, no key per row
    # held while ranking: the peak after screening does not grow with the batch.
    assert (large - small) / (large_rows - small_rows) < 64


def test_identifier_hashes_are_the_same_in_every_process() -> None:
    """Workers hash, the parent matches: the hashes must not depend on a process's hash seed."""
    details = Details("Pôle Sud", "123456782", ("11111111111111",), None)
    program = (
        "from ptce_check.screening.conflicts import identifier_hashes\n"
        "from ptce_check.screening.rows import Details\n"
        "print(identifier_hashes(Details('Pôle Sud', '123456782', ('11111111111111',), None)).hex())"
    )
    for seed in ("1", "2"):
        run = subprocess.run(
            [sys.executable, "-c", program],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        assert bytes.fromhex(run.stdout.strip()) == identifier_hashes(details)


def test_the_json_report_is_the_same_written_as_bytes_or_as_text(tmp_path: Path) -> None:
    """Outcomes go to a UTF-8 file's bytes as spooled; a stream without bytes under it (or of
    another encoding) gets them as text: the same document either way, summary first."""
    from ptce_check.reporters.base import ReportSettings
    from ptce_check.reporters.batch import json as batch_json

    folder = tmp_path / "batch"
    shutil.copytree(EXAMPLES, folder, ignore=shutil.ignore_patterns("calls", "annexes"))
    result = screen_batch([folder], JOB, jobs=1)
    try:
        as_text = io.StringIO()
        batch_json.render(result, as_text, ReportSettings())
        raw = io.BytesIO()
        as_bytes = io.TextIOWrapper(raw, encoding="UTF8", newline="\n")
        batch_json.render(result, as_bytes, ReportSettings())
        as_bytes.flush()
        latin = io.BytesIO()
        as_latin = io.TextIOWrapper(latin, encoding="latin-1", errors="backslashreplace", newline="\n")
        batch_json.render(result, as_latin, ReportSettings())
        as_latin.flush()
    finally:
        result.close()
    assert batch_json._utf8_bytes_under(as_bytes) is raw
    assert batch_json._utf8_bytes_under(as_latin) is None
    assert batch_json._utf8_bytes_under(as_text) is None
    document = json.loads(as_text.getvalue())
    assert [outcome["dossier"] for outcome in document["dossiers"]] == [row.dossier for row in result.rows]
    assert "é" in as_text.getvalue()
    assert raw.getvalue().decode("utf-8") == as_text.getvalue()
    assert json.loads(latin.getvalue().decode("latin-1")) == document


def test_records_spooled_by_workers_and_by_the_parent_read_back_alike() -> None:
    with OutcomeStore(worker_spools=2) as store:
        first, second = (WorkerSpool(number, fd) for number, fd in enumerate(store.worker_descriptors, start=1))
        details = Details("Pôle é", None, ("1",), None)
        one = store.add_spooled(first.write(b'{"a": 1}', details.to_json()))
        mine = store.add(b'{"parent": true}', Details(None, None, (), None).to_json())
        two = store.add_spooled(second.write('{"b": "é"}'.encode(), details.to_json()))
        three = store.add_spooled(first.write(b'{"c": 3}', details.to_json()))
        assert (one, mine, two, three, len(store)) == (0, 1, 2, 3, 4)
        assert [store.outcome_bytes(r) for r in (three, two, one, mine)] == [
            b'{"c": 3}',
            '{"b": "é"}'.encode(),
            b'{"a": 1}',
            b'{"parent": true}',
        ]
        assert store.details(three) == store.details(one) == details
        assert store.details(mine) == Details(None, None, (), None)
        with pytest.raises(ValueError, match="no worker spool 3"):
            store.add_spooled(Spooled(3, 0, 1, 1))


def test_workers_spool_only_when_forked(monkeypatch: pytest.MonkeyPatch) -> None:
    assert runner.worker_spools(2, 10) == (2 if multiprocessing.get_start_method() == "fork" else 0)
    assert runner.worker_spools(1, 10) == runner.worker_spools(2, 1) == 0
    monkeypatch.setattr(multiprocessing, "get_start_method", lambda: "spawn")
    assert runner.worker_spools(2, 10) == 0


def test_a_record_a_worker_cannot_spool_goes_to_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    with OutcomeStore(worker_spools=1) as store:
        spool = WorkerSpool(1, store.worker_descriptors[0])
        screened = runner.Screened(_row("a.yaml", -1), b"[]", b"", b'{"a": 1}', None)

        def full(*_: object) -> int:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "pwrite", full)
        assert runner._spooled(spool, screened) is screened
        monkeypatch.undo()
        kept = runner._spooled(spool, screened)
        assert (kept.outcome_json, kept.details_json, kept.spooled) == (b"", b"", Spooled(1, 0, 8, 2))
        assert kept.spooled is not None
        assert store.outcome_bytes(store.add_spooled(kept.spooled)) == b'{"a": 1}'
