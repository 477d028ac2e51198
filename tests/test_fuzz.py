"""Property-based fuzzing of `check` with mutated valid dossiers.

Each example is a shipped example or the base fixture, mutated by byte splicing, truncation, or
shuffling of keys and values; `check` must answer with a verdict and exit 0, 1 or 2, and never
meet an internal error (PTCE-F13). A bounded number of examples runs by default; set
`PTCE_FUZZ_EXAMPLES` for a longer run (e.g. `PTCE_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py`).
"""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from helpers import EXAMPLES, FIXTURES
from ptce_check.cli.commands import app
from ptce_check.decoding import Limits
from ptce_check.findings import SourceError
from ptce_check.source import parse

EXAMPLES_PER_TEST = int(os.environ.get("PTCE_FUZZ_EXAMPLES", "40"))
SEEDS = [path.read_bytes() for path in [FIXTURES / "minimal.yaml", *sorted(EXAMPLES.glob("*.yaml"))]]
# Bytes that break YAML, encodings or the loader's refusals in interesting ways.
TOKENS = [
    b"\x00", b"\t", b"\r", b"\x0b", b"\x1b[2J", b"\xff", b"\xe9", b"\x92", b"\xef\xbb\xbf",
    "\u00a0".encode(), "\u200b".encode(), "\u202e".encode(), "\u2028".encode(), "\U0001f600".encode(),
    b"&a ", b"*a", b"!!int ", b"!x ", b"<<: ", b"? ", b": ", b"- ", b"---\n", b"...\n", b"%YAML 1.1\n",
    b"[", b"]", b"{", b"}", b",", b"'", b'"', b"\\", b"#", b"|", b">", b"\n", b"  ", b"~", b".nan",
    b"2024-02-30", b"NO", b"0123", b"1e999", b"-1", b"9" * 5000, b"[/bold]",
]  # fmt: skip

FUZZ = settings(
    max_examples=EXAMPLES_PER_TEST,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the annexes the examples cite, so that unmutated ones can be admissible."""
    path = tmp_path_factory.mktemp("fuzz")
    for source in (FIXTURES / "annexes", EXAMPLES / "annexes"):
        shutil.copytree(source, path / "annexes", dirs_exist_ok=True)
    return path


def _check(folder: Path, raw: bytes) -> None:
    """The property: a verdict, a known exit status, no internal error, in every main format."""
    dossier = folder / "dossier.yaml"
    dossier.write_bytes(raw)
    for format in ("json", "rich"):
        result = CliRunner().invoke(app, ["check", str(dossier), "-f", format])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert result.exit_code in (0, 1, 2)
        if format == "json":
            (outcome,) = json.loads(result.stdout)
            assert outcome["verdict"] in ("admissible", "not_admissible", "invalid")
            assert "PTCE-F13" not in [f["code"] for f in outcome["findings"]], raw
        else:
            assert "Traceback" not in result.output


@st.composite
def spliced(draw: st.DrawFn) -> bytes:
    """A seed with a few ranges replaced by hostile tokens, random bytes, or nothing."""
    raw = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(raw)))
        end = draw(st.integers(start, min(len(raw), start + 40)))
        insert = draw(st.one_of(st.sampled_from(TOKENS), st.binary(max_size=12), st.just(b"")))
        raw[start:end] = insert
    return bytes(raw)


@st.composite
def truncated(draw: st.DrawFn) -> bytes:
    raw = draw(st.sampled_from(SEEDS))
    return raw[: draw(st.integers(0, len(raw)))]


def _shuffle_keys(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {key: _shuffle_keys(item, rng) for key, item in items}
    if isinstance(value, list):
        return [_shuffle_keys(item, rng) for item in value]
    return value


def _slots(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) below `value`: the places a value can be moved to."""
    found: list[tuple[Any, Any]] = []
    keys = value.keys() if isinstance(value, dict) else range(len(value)) if isinstance(value, list) else []
    for key in keys:
        found.append((value, key))
        found.extend(_slots(value[key]))
    return found


def _readable(raw: bytes) -> bool:
    try:
        parse(raw.decode("utf-8"), Limits())
    except SourceError:
        return False
    return True


# The seeds the loader reads (the shipped invalid example is left out): their data gets shuffled.
READABLE_SEEDS = [raw.decode("utf-8") for raw in SEEDS if _readable(raw)]


@st.composite
def shuffled(draw: st.DrawFn) -> bytes:
    """A seed re-written with its keys in another order and some values swapped between places."""
    data = parse(draw(st.sampled_from(READABLE_SEEDS)), Limits()).data
    rng = draw(st.randoms(use_true_random=False))
    data = _shuffle_keys(data, rng)
    for _ in range(draw(st.integers(0, 6))):
        slots = _slots(data)
        (first, a), (second, b) = rng.choice(slots), rng.choice(slots)
        if first[a] is second or second[b] is first:  # a value moved inside itself would loop
            continue
        first[a], second[b] = second[b], first[a]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()


@FUZZ
@given(raw=spliced())
def test_spliced_bytes(folder: Path, raw: bytes) -> None:
    _check(folder, raw)


@FUZZ
@given(raw=truncated())
def test_truncated_files(folder: Path, raw: bytes) -> None:
    _check(folder, raw)


@FUZZ
@given(raw=shuffled())
def test_shuffled_keys_and_values(folder: Path, raw: bytes) -> None:
    _check(folder, raw)
