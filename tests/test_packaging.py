"""Packaging that is true: the sdist and the wheel hold the data the program reads (call files,
reference data, template, py.typed, licence), `twine check` passes, one version everywhere, and
the install instructions name only what exists today (no release tag, no PyPI package yet).

The build runs without isolation, with the `release` extra's hatchling (`.ci/run` installs it);
without `build` or `hatchling` the build tests are skipped."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from helpers import ROOT
from ptce_check import __version__

CRITERIA = sorted(path.name for path in (ROOT / "criteria").glob("*.yaml"))
#: Files the program opens at run time, as paths inside the installed package.
PACKAGE_DATA = [
    *(f"ptce_check/criteria/{name}" for name in CRITERIA),
    "ptce_check/territory/decoupage.tsv",
    "ptce_check/templates/dossier.yaml",
    "ptce_check/py.typed",
]
INSTRUCTIONS = [ROOT / "README.md", ROOT / "action.yml", ROOT / "docs" / "ci.md"]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    for module in ("build", "hatchling"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed (pip install -e '.[release]')")
    folder = tmp_path_factory.mktemp("dist")
    command = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(folder), str(ROOT)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return folder


def only(folder: Path, pattern: str) -> Path:
    (found,) = folder.glob(pattern)
    return found


def test_the_wheel_holds_the_package_data_the_licence_and_the_version(dist: Path) -> None:
    wheel = only(dist, f"ptce_check-{__version__}-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(f"ptce_check-{__version__}.dist-info/METADATA").decode("utf-8")
    assert set(PACKAGE_DATA) <= names
    assert len(CRITERIA) >= 6 and "ptce_check/criteria/ptce-2015.yaml" in names
    assert f"ptce_check-{__version__}.dist-info/licenses/LICENSE" in names
    assert f"\nVersion: {__version__}\n" in metadata and "\nLicense-Expression: MIT\n" in metadata
    assert "ptce_check/schema_labels.py" in names


def test_the_sdist_holds_the_sources_data_and_licence(dist: Path) -> None:
    sdist = only(dist, f"ptce_check-{__version__}.tar.gz")
    top = f"ptce_check-{__version__}"
    with tarfile.open(sdist) as archive:
        names = set(archive.getnames())
    expected = {
        *(f"{top}/criteria/{name}" for name in CRITERIA),
        f"{top}/src/ptce_check/territory/decoupage.tsv",
        f"{top}/src/ptce_check/templates/dossier.yaml",
        f"{top}/src/ptce_check/py.typed",
        f"{top}/LICENSE",
        f"{top}/README.md",
        f"{top}/action.yml",
        f"{top}/pyproject.toml",
        f"{top}/PKG-INFO",
    }
    assert expected - names == set()


def test_twine_check_passes(dist: Path) -> None:
    if importlib.util.find_spec("twine") is None:
        pytest.skip("twine is not installed (pip install -e '.[release]')")
    files = [str(path) for path in sorted(dist.iterdir())]
    done = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *files], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("PASSED") == 2


def test_one_version_for_the_command_the_metadata_and_the_changelog() -> None:
    assert re.fullmatch(r"[0-9]+\.[0-9]+\.[0-9]+", __version__)
    assert importlib.metadata.version("ptce-check") == __version__
    for flag in ("--version", "-V"):
        done = subprocess.run(
            [sys.executable, "-m", "ptce_check", flag], capture_output=True, text=True, check=False, cwd=ROOT
        )
        assert (done.returncode, done.stdout) == (0, f"ptce-check {__version__}\n"), flag
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[([0-9]+\.[0-9]+\.[0-9]+)\] - [0-9]{4}-[0-9]{2}-[0-9]{2}$", changelog, re.MULTILINE)
    headings = re.findall(r"^## .*$", changelog, re.MULTILINE)
    assert headings[0] == "## [Unreleased]" and len(headings) == 1 + len(releases)
    if releases:  # the newest release is the current version, or the next one is announced
        assert releases[0] == __version__ or f"The next release will be {__version__}." in changelog
    else:
        assert f"The first release will be {__version__}." in changelog


def test_the_changelog_follows_keep_a_changelog() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.startswith("# Changelog\n") and "https://keepachangelog.com/en/1.1.0/" in changelog
    kinds = set(re.findall(r"^### (.+)$", changelog, re.MULTILINE))
    assert kinds and kinds <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
    assert re.search(r"^\[Unreleased\]: \S+$", changelog, re.MULTILINE)


def test_the_licence_is_the_mit_licence_pyproject_names() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n\nCopyright (c) ")
    assert re.search(r"^Copyright \(c\) [0-9]{4} ptce-check contributors$", licence, re.MULTILINE)
    assert "Permission is hereby granted, free of charge" in licence and 'THE SOFTWARE IS PROVIDED "AS IS"' in licence
    assert re.search(r'^license = "MIT"$', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.MULTILINE)


def _tags() -> set[str]:
    done = subprocess.run(["git", "tag", "--list"], cwd=ROOT, capture_output=True, text=True, check=False)
    return set(done.stdout.split()) if done.returncode == 0 else set()


@pytest.mark.parametrize("path", INSTRUCTIONS, ids=lambda p: p.name)
def test_install_instructions_name_only_what_exists(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "PROPRIÉTAIRE" not in text
    for tag in re.findall(r"(?:@|rev: )(v[0-9]+\.[0-9]+\.[0-9]+)", text):
        assert tag in _tags(), f"{path.name} names the tag {tag}, which does not exist"
    # ptce-check is not on PyPI yet: no bare `pip install ptce-check` as if it were.
    assert not re.search(r"pip install\s+[\"']?ptce-check(?:==|[\"'\s]|$)", text, re.MULTILINE)
