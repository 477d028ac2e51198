"""The batch HTML page in headless Chromium with axe-core (from the npm registry, installed into
a temporary folder): no accessibility violation. axe is inlined into a copy of the page (its
policy allows inline scripts only), run once the page has loaded, and its results written into
the DOM that `--dump-dom` prints; `--virtual-time-budget` lets the asynchronous run finish."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import EXAMPLES
from ptce_check.cli.commands import app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NPM = shutil.which("npm")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
DRIVER = """<script>
axe.run(document, {resultTypes: ["violations"]}).then(function (results) {
  var out = document.createElement("pre"); out.id = "axe-results";
  out.textContent = JSON.stringify(results.violations.map(function (v) {
    return {id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) { return n.target.join(" "); })};
  }));
  document.body.appendChild(out);
});
</script>"""

pytestmark = pytest.mark.skipif(CHROMIUM is None or NPM is None, reason="chromium or npm is missing")


@pytest.fixture(scope="module")
def axe_source(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("axe")
    completed = subprocess.run(
        [str(NPM), "install", "--no-audit", "--no-fund", "--prefix", str(folder), "axe-core@4"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if completed.returncode != 0:
        pytest.skip(f"npm could not install axe-core: {completed.stderr[-300:]}")
    return (folder / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


def _report(tmp_path: Path, *paths: Path) -> Path:
    report = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["screen", *map(str, paths), "-f", "html", "-o", str(report)])
    assert result.exit_code == 1, result.output
    return report


def _chromium(page: Path, profile: Path, *extra: str) -> str:
    assert CHROMIUM is not None
    completed = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    return completed.stdout


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_batch_page_has_no_accessibility_violation(tmp_path: Path, axe_source: str, lang: str) -> None:
    report = _report(tmp_path, EXAMPLES)
    page = report.read_text(encoding="utf-8")
    if lang == "en":
        page = CliRunner().invoke(app, ["screen", str(EXAMPLES), "-f", "html", "--lang", "en"]).output
    checked = tmp_path / "checked.html"
    axe = "<script>" + axe_source.replace("</script", "<\\/script") + "</script>"
    checked.write_text(page.replace("</body>", axe + DRIVER + "</body>"), encoding="utf-8")
    dom = _chromium(checked, tmp_path / "profile", "--dump-dom", "--virtual-time-budget=20000")
    found = re.search(r'<pre id="axe-results">(.*?)</pre>', dom, re.S)
    assert found is not None, "axe did not run"
    violations = json.loads(
        found.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    )
    assert violations == []


def test_the_page_structure_a_committee_needs(tmp_path: Path) -> None:
    page = _report(tmp_path, EXAMPLES).read_text(encoding="utf-8")
    assert (
        page.index("<main>")
        < page.index("Tableau de décision")
        < page.index("Synthèse")
        < page.index("Constats par dossier")
    )
    assert page.count('<table class="sortable">') == 7  # one per call, and the dossiers of no known call
    assert '<th scope="col" aria-sort="none"><button type="button">' in page
    assert '<div class="scroll" role="region" tabindex="0"' in page
    for anchor in re.findall(r'<a href="#(d-\d+)">', page):
        assert f'<details id="{anchor}">' in page
    assert re.search(r"\d,\d+ / \d+", page)  # French decimals in the charts


def test_a_screenshot_of_the_page(tmp_path: Path) -> None:
    report = _report(tmp_path, EXAMPLES)
    shot = tmp_path / "shot.png"
    _chromium(report, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,1800")
    assert shot.exists() and shot.stat().st_size > 10_000
    keep = Path("/tmp/ptce-screen-html.png")
    shutil.copy(shot, keep)
