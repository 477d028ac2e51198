"""The HTML report in a real headless browser (Debian's chromium, installed by .ci/run): it
loads with no console message at all (no script error, no blocked request) and renders a page
that is not blank."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import EXAMPLES
from ptce_check.cli.commands import app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None and os.environ.get("CI") != "true", reason="chromium is not installed (CI installs it)"
)


def _browse(page: Path, profile: Path, *extra: str) -> str:
    assert CHROMIUM is not None, "CI must provide chromium"
    completed = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return completed.stderr


def _console(log: str) -> list[str]:
    return [line for line in log.splitlines() if ":CONSOLE" in line]


def test_the_console_check_detects_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><script>missingFunction()</script>", encoding="utf-8")
    assert any("missingFunction" in line for line in _console(_browse(broken, tmp_path / "p", "--dump-dom")))


def test_html_report_loads_cleanly_and_is_not_blank(tmp_path: Path) -> None:
    from PIL import Image

    report = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["screen", str(EXAMPLES), "-f", "html", "-o", str(report)])
    assert result.exit_code == 1
    shot = tmp_path / "shot.png"
    log = _browse(report, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,1600")
    assert _console(log) == []
    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 20  # text, table borders, chart bars
