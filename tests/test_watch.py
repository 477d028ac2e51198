"""`check --watch`: a report on start and one more after each save; Ctrl-C ends with 130."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from helpers import interruptible

EXAMPLE = Path(__file__).parent.parent / "examples" / "alpilles-dechets.yaml"
#: A concise verdict line: `PATH: recevable (score 74/100)`, no line and column.
VERDICT = re.compile(r"^\S+\.yaml: (recevable|non recevable|illisible)")


def _wait_for(process: subprocess.Popen[str], lines: list[str], count: int, timeout: float) -> None:
    """Read stdout lines until `count` reports have ended with their verdict line (concise)."""
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    while sum(VERDICT.match(line) is not None for line in lines) < count:
        assert time.monotonic() < deadline, lines
        line = process.stdout.readline()
        assert line, lines
        lines.append(line)


def test_watch_checks_again_on_every_save(tmp_path: Path) -> None:
    dossier = tmp_path / "dossier.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    dossier.write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "ptce_check", "check", "--watch", "-f", "concise", "--lang", "fr", str(dossier)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, preexec_fn=interruptible
    )
    lines: list[str] = []
    try:
        _wait_for(process, lines, 1, timeout=30)
        first = lines[-1]  # not admissible here: its annexes are not copied
        assert first.startswith(f"{dossier}: non recevable (score 74/100)")
        time.sleep(0.5)
        dossier.write_text(text.replace("format: ptce-dossier/1", "format: ptce-dossier/9", 1), encoding="utf-8")
        _wait_for(process, lines, 2, timeout=30)
        assert "invalide" in lines[-1]
        time.sleep(0.5)
        dossier.write_text(text, encoding="utf-8")
        _wait_for(process, lines, 3, timeout=30)
        assert lines[-1] == first
        process.send_signal(signal.SIGINT)
        status = process.wait(timeout=15)
        stderr = process.stderr.read() if process.stderr is not None else ""
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert status == 130
    assert "Traceback" not in stderr and "\x1b[2J" not in "".join(lines)  # not a terminal: no clearing
