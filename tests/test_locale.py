"""The verdicts do not depend on the locale: `check` and `screen` run under `LANG=C`,
`LC_ALL=C`, a French UTF-8 locale and, where one is installed, a legacy Latin-1 locale, and give
the same verdicts and findings as under `C.UTF-8`, with no traceback.

`fr_FR.UTF-8` is used whether or not the machine has generated it: when it has not, the C
library falls back to C while the tool still speaks French, which is a case to hold too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import EXAMPLES, FIXTURES

CORPUS = Path(__file__).parent / "hazards"
DOSSIERS = [
    FIXTURES / "minimal.yaml",
    EXAMPLES / "not-admissible-e03-no-ess-enterprise.yaml",
    CORPUS / "markup-in-values.yaml",
    CORPUS / "escape-sequences-in-values.yaml",
    CORPUS / "invalid-dates.yaml",
    CORPUS / "tag-python-apply.yaml",
]


def _installed_locales() -> set[str]:
    try:
        listed = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return set()
    return {name.lower().replace("-", "") for name in listed.split()}


LOCALES: list[Any] = [
    {"LANG": "C"},
    {"LC_ALL": "C"},
    {"LANG": "fr_FR.UTF-8"},
    pytest.param(
        {"LANG": "fr_FR.ISO-8859-1"},
        marks=pytest.mark.skipif(
            "fr_fr.iso88591" not in _installed_locales(), reason="no Latin-1 French locale on this machine"
        ),
    ),
]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with dossiers that are admissible, not admissible, hostile and invalid."""
    folder = tmp_path_factory.mktemp("locale")
    shutil.copytree(FIXTURES / "annexes", folder / "annexes")
    for path in DOSSIERS:
        shutil.copyfile(path, folder / path.name)
    return folder


def _run(environment: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(environment, PYTHONIOENCODING="", NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "ptce_check", *args],
        capture_output=True,
        env=env,
        timeout=120,
        text=True,
        encoding="utf-8",
        errors="replace",
    )


def _outcomes(dossiers: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (
            Path(d["dossier"]).name,
            d["verdict"],
            [(f["code"], f["line"], f["column"]) for f in d["findings"]],
        )
        for d in dossiers
    ]


@pytest.fixture(scope="module")
def reference(batch: Path) -> dict[str, list[tuple[Any, ...]]]:
    """What check and screen say in a plain UTF-8 environment."""
    files = sorted(str(p) for p in batch.glob("*.yaml"))
    check = _run({"LANG": "C.UTF-8"}, "check", *files, "-f", "json")
    screen = _run({"LANG": "C.UTF-8"}, "screen", str(batch), "-f", "json", "-j", "1")
    return {
        "check": _outcomes(json.loads(check.stdout)),
        "screen": sorted(_outcomes(json.loads(screen.stdout)["dossiers"])),
    }


@pytest.mark.parametrize("environment", LOCALES, ids=lambda env: "+".join(f"{k}={v}" for k, v in env.items()))
def test_same_verdicts_under_every_locale(
    environment: dict[str, str], batch: Path, reference: dict[str, list[tuple[Any, ...]]]
) -> None:
    files = sorted(str(p) for p in batch.glob("*.yaml"))
    check = _run(environment, "check", *files, "-f", "json")
    assert check.returncode == 1 and "Traceback" not in check.stderr, check.stderr
    assert _outcomes(json.loads(check.stdout)) == reference["check"]
    screen = _run(environment, "screen", str(batch), "-f", "json", "-j", "1")
    assert screen.returncode == 1 and "Traceback" not in screen.stderr, screen.stderr
    assert sorted(_outcomes(json.loads(screen.stdout)["dossiers"])) == reference["screen"]
    report = _run(environment, "check", *files, "-f", "rich")
    assert report.returncode == 1 and "Traceback" not in report.stderr, report.stderr
    assert "[/bold] [bold red]" in report.stdout


def test_reference_verdicts(reference: dict[str, list[tuple[Any, ...]]]) -> None:
    verdicts = {name: verdict for name, verdict, _ in reference["check"]}
    assert verdicts == {
        "escape-sequences-in-values.yaml": "not_admissible",
        "invalid-dates.yaml": "not_admissible",
        "markup-in-values.yaml": "not_admissible",
        "minimal.yaml": "admissible",
        "not-admissible-e03-no-ess-enterprise.yaml": "not_admissible",
        "tag-python-apply.yaml": "invalid",
    }
    assert sorted(reference["check"]) == reference["screen"]
