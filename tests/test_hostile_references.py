"""`--reference KIND=FILE.csv` lists are read like dossiers: regular files only, within the size
limit, and every problem is a usage error naming the file (exit status 2), escaped."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from helpers import FIXTURES
from ptce_check.cli.commands import app
from ptce_check.decoding import DEFAULT_MAX_BYTES, Limits
from ptce_check.errors import UserError
from ptce_check.territory.user_lists import load_user_references, read_list

runner = CliRunner()
DOSSIER = str(FIXTURES / "minimal.yaml")


def invoke(*args: str) -> Result:
    return runner.invoke(app, [*args, "--lang", "en"])


def refused(spec: str, *extra: str) -> str:
    """The stderr of `check` and of `screen` with this list: both refuse it with status 2."""
    messages = []
    for command in ("check", "screen"):
        result = invoke(command, DOSSIER, "-f", "concise", "--reference", spec, *extra)
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        messages.append(result.stderr)
    assert messages[0] == messages[1]
    return messages[0]


def test_a_device_is_refused_without_being_read() -> None:
    message = refused("qpv=/dev/zero")
    assert message == "ptce-check: /dev/zero: not a regular file (a special file)\n"


def test_a_directory_is_refused(tmp_path: Path) -> None:
    assert refused(f"qpv={tmp_path}") == f"ptce-check: {tmp_path}: not a regular file (a directory)\n"


def _run_quickly(code: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """In a child process, so that a regression (a blocking open) fails instead of hanging."""
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, check=False)
    assert time.monotonic() - started < timeout
    return done


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "qpv.csv"
    os.mkfifo(fifo)
    done = _run_quickly(
        "import sys; from ptce_check.cli.app import main; "
        f"sys.argv = ['ptce-check', 'check', {DOSSIER!r}, '--lang', 'en', '--reference', 'qpv={fifo}']; main()"
    )
    assert done.returncode == 2
    assert done.stderr == f"ptce-check: {fifo}: not a regular file (a special file)\n"


def test_a_fifo_swapped_in_after_the_check_is_refused_on_the_open_file(tmp_path: Path) -> None:
    """The check made on the open file holds when the name changes between stat and open."""
    fifo = tmp_path / "qpv.csv"
    os.mkfifo(fifo)
    done = _run_quickly(
        "from pathlib import Path\n"
        "from ptce_check.territory import user_lists\n"
        "from ptce_check.errors import UserError\n"
        "user_lists._refuse_special = lambda path, label: None\n"
        "try:\n"
        f"    user_lists.read_list('qpv', Path({str(fifo)!r}))\n"
        "except UserError as error:\n"
        "    print(error.text.en)\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{fifo}: not a regular file (a special file)\n"


def test_an_over_size_list_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "qpv.csv"
    path.write_text("code\n" + "QP038001\n" * (DEFAULT_MAX_BYTES // 9 + 1), encoding="utf-8")
    size = path.stat().st_size
    assert size > DEFAULT_MAX_BYTES
    message = refused(f"qpv={path}")
    assert message == (
        f"ptce-check: {path}: file too large ({size} bytes, limit {DEFAULT_MAX_BYTES}); --max-bytes raises it\n"
    )


def test_the_size_limit_is_the_dossiers_one(tmp_path: Path) -> None:
    path = tmp_path / "qpv.csv"
    path.write_text("code\n" + "QP038001\n" * 200, encoding="utf-8")
    size = path.stat().st_size
    message = refused(f"qpv={path}", "--max-bytes", str(size - 1))
    assert f"file too large ({size} bytes, limit {size - 1})" in message
    assert read_list("qpv", path, Limits(max_bytes=size)).names == {"QP038001": ""}
    assert invoke("check", DOSSIER, "-f", "concise", "--reference", f"qpv={path}").exit_code in (0, 1)


def test_a_malformed_code_with_escapes_is_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "qpv.csv"
    path.write_bytes(b"code\nQP\x1b]52;c;aGk=\x07\x1b[2J\n")
    message = refused(f"qpv={path}")
    assert "\x1b" not in message and "\x07" not in message
    assert message == f"ptce-check: {path}:2: column code: malformed 'QP\\e]52;c;aGk=\\x07\\e[2J'\n"


def test_a_header_with_escapes_is_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "qpv.csv"
    path.write_bytes(b"name,\x1b]8;;https://evil.example\x1b\\x,other,more\n")
    with pytest.raises(UserError) as raised:
        load_user_references([f"qpv={path}"])
    message = raised.value.text.en
    columns = "name, \\e]8;;https://evil.example\\e\\x, other, more"
    assert message == f"{path}:1: column 'code' missing (columns read: {columns})"


def test_a_list_file_name_with_escapes_is_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "q\x1b[2J\x07.csv"
    path.write_text("code\n", encoding="utf-8")
    message = refused(f"qpv={path}")
    assert "\x1b" not in message and "\x07" not in message
    assert message == f"ptce-check: {tmp_path}/q\\e[2J\\x07.csv:1: empty list\n"
    missing = refused(f"qpv={tmp_path}/gone\x1b[2J.csv")
    assert missing.startswith(f"ptce-check: {tmp_path}/gone\\e[2J.csv: cannot read (")
